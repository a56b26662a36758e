import VietText

/// A query's ``HighlightTerms`` as UTF-8 bytes, so the snippet builder matches the analyzer's lent
/// tokens (``VietText/TokenView``) without building a string per token.
///
/// Every key a passage can show has an index: the exact forms first, then the folded forms, the
/// folded prefixes, and last one key for all the document numbers. A scan counts the keys it has seen
/// and stops once it has seen ``count`` of them.
struct HighlightKeys: Sendable {
    struct Form: Sendable {
        var bytes: [UInt8]
        /// Whether the form is highlighted on its own, not only inside a quoted phrase.
        var alone: Bool
    }

    let exact: [Form]
    let folded: [Form]
    let prefixes: [[UInt8]]
    let numberKeys: Set<String>
    /// Each quoted phrase of two or more words as the indices of its words' keys.
    let phrases: [[Int]]
    /// Keys in all.
    let count: Int
    /// The key every matching document number counts as.
    var numberKey: Int { count - 1 }
    /// Exact and folded keys: these are the ones a token's flags record (see ``mark(_:in:see:)``).
    var forms: Int { exact.count + folded.count }
    var longestPhrase: Int { phrases.map(\.count).max() ?? 0 }

    /// Byte strings (lower case) one of which every matching number holds: its first digits, a
    /// separator and the first character of its next part (`2020/q` of `2020/QĐ-UBND`, not the date
    /// `15/6`). Nil unless the query asks only for numbers: then pieces of text without any are skipped.
    let numberAnchors: [[UInt8]]?

    init(_ terms: HighlightTerms) {
        let phraseOnly = terms.phraseOnly
        let exactForms = terms.exact.sorted()
        let foldedForms = terms.folded.sorted()
        exact = exactForms.map { Form(bytes: Array($0.utf8), alone: !phraseOnly.contains(.init(form: $0, isExact: true))) }
        folded = foldedForms.map { Form(bytes: Array($0.utf8), alone: !phraseOnly.contains(.init(form: $0, isExact: false))) }
        prefixes = terms.foldedPrefixes.sorted().map { Array($0.utf8) }
        numberKeys = terms.numberKeys
        count = exact.count + folded.count + prefixes.count + (numberKeys.isEmpty ? 0 : 1)
        let exactCount = exact.count
        // A phrase word is among the forms whenever the compiler noted the phrase; one that is not
        // could never be shown, nor could its phrase.
        phrases = terms.phrases.filter { $0.count > 1 }.compactMap { words in
            let keys = words.compactMap { word in
                word.isExact ? exactForms.firstIndex(of: word.form) : foldedForms.firstIndex(of: word.form).map { exactCount + $0 }
            }
            return keys.count == words.count ? keys : nil
        }
        numberAnchors = terms.exact.isEmpty && terms.folded.isEmpty && terms.foldedPrefixes.isEmpty
            ? Self.anchors(terms.numberKeys) : nil
    }

    private static func anchors(_ numberKeys: Set<String>) -> [[UInt8]]? {
        guard !numberKeys.isEmpty else { return nil }
        var anchors: [[UInt8]] = []
        for key in numberKeys.sorted() {
            let bytes = Array(key.utf8).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            let digits = Array(bytes.prefix { $0 >= 0x30 && $0 <= 0x39 })
            guard !digits.isEmpty else { return nil }
            // `D` of a key may be `Đ` in the text: then the anchor stops at the separator.
            let next = bytes.count > digits.count + 1 && bytes[digits.count + 1] != UInt8(ascii: "d") ? [bytes[digits.count + 1]] : []
            for separator in [UInt8(ascii: "/"), UInt8(ascii: "-")] where !anchors.contains(digits + [separator] + next) {
                anchors.append(digits + [separator] + next)
            }
        }
        return anchors
    }

    /// Sets `flags[k]` for every exact or folded key `k` that `token` holds (the others are left as
    /// they are) and returns whether the token is highlighted on its own: one of those keys is asked for
    /// alone, or its folded form starts with a queried prefix. `see` gets the index of each such key.
    func mark(_ token: TokenView, in flags: UnsafeMutableBufferPointer<Bool>, see: (Int) -> Void) -> Bool {
        var alone = false
        for (k, form) in exact.enumerated() where Self.equal(form.bytes, token.exact) {
            flags[k] = true
            if form.alone { alone = true; see(k) }
        }
        for (k, form) in folded.enumerated() where Self.equal(form.bytes, token.folded) {
            flags[exact.count + k] = true
            if form.alone { alone = true; see(exact.count + k) }
        }
        for (k, prefix) in prefixes.enumerated() where Self.hasPrefix(token.folded, prefix) {
            alone = true
            see(forms + k)
        }
        return alone
    }

    @inline(__always) static func equal(_ a: [UInt8], _ b: Span<UInt8>) -> Bool {
        a.count == b.count && b.withUnsafeBufferPointer { a.elementsEqual($0) }
    }

    @inline(__always) static func hasPrefix(_ bytes: Span<UInt8>, _ prefix: [UInt8]) -> Bool {
        bytes.count >= prefix.count && bytes.withUnsafeBufferPointer { prefix.elementsEqual($0[..<prefix.count]) }
    }
}
