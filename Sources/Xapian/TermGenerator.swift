import XapianBridge

/// Xapian's own text indexer (Unicode word splitting and lower-casing, no stemming).
///
/// It exists to compare Xapian's tokenisation with ours. Not `Sendable`: it shares its document.
public final class TermGenerator {
    private let handle: OpaquePointer

    public init() {
        handle = mustCall { xb_termgenerator_new($0) }!
    }

    deinit { xb_termgenerator_free(handle) }

    /// The document that receives the terms (shared, not copied); nil means a scratch document.
    /// Setting it also resets the term position to 0.
    public var document: Document? {
        didSet { mustCall { xb_termgenerator_set_document(handle, document?.handle, $0) } }
    }

    /// Indexes the words of `text` as `prefix` + lower-cased word, with positions.
    public func indexText(_ text: String, wdfInc: UInt32 = 1, prefix: String = "") {
        withBytes(text) { t, tn in
            withBytes(prefix) { p, pn in
                mustCall { xb_termgenerator_index_text(handle, t, tn, wdfInc, p, pn, $0) }
            }
        }
    }
}
