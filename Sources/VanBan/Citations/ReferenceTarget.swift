import DocRefs
import VietText

/// What a user named with a reference (`02-NQ/TW`, `Nghị quyết 02`, `Luật Công đoàn`), as the
/// citation keys it stands for.
public struct ReferenceTarget: Sendable, Equatable {
    public enum Kind: String, Sendable { case number, partial, named }
    public let kind: Kind
    /// The key (`2-NQ/TW`, `NQ:2`, `LUAT:CONG-DOAN`).
    public let key: String
    /// The reference in the reader's form: the number's canonical written form (`02-NQ/TW`, `565-CV/ĐĐTLĐ`),
    /// the type and serial of a short form (`Nghị quyết 02`), the name as typed (`Luật Công đoàn`).
    public let label: String
    /// Keys a citation may carry to count as a mention of this reference.
    public let keys: Set<String>
    /// For named references: keys that start with this also match (`LUAT:CONG-DOAN:` for the laws of each year).
    public let keyPrefix: String?

    /// The cited keys (``Schema/Prefix/cites`` terms) under which a citation of this reference may be indexed:
    /// ``keys``, and for a number with a year the number without it (a citation leaving the year out, whose
    /// date gives it, resolves here too).
    public var candidateKeys: [String] {
        guard kind == .number, let loose = DocNumberParser.parse(key)?.keyWithoutYear else { return Array(keys) }
        return Array(keys) + Terms.separatorVariants(loose)
    }

    /// Reads a reference in any form the reference parser knows; nil when it names nothing.
    /// Typed in lower case ("nghị quyết 02-nq/tw"), it is read again in upper case.
    public static func parse(_ reference: String) -> ReferenceTarget? {
        let text = reference.trimmingScalars()
        guard !text.isEmpty else { return nil }
        return parseWritten(text, typed: text) ?? parseWritten(text.uppercased(), typed: text)
    }

    private static func parseWritten(_ text: String, typed: String) -> ReferenceTarget? {
        let number = DocNumberParser.find(in: text).first?.number ?? DocNumberParser.parse(text)
        if let number {
            // Either separator style names the same document: 565/CV-ĐĐTLĐ is 565-CV/ĐĐTLĐ.
            return ReferenceTarget(kind: .number, key: number.key, label: number.display, keys: Set(Terms.numberKeys(number)),
                                   keyPrefix: nil)
        }
        if let named = CitationExtractor.extract(from: text).first(where: { $0.kind == .named || $0.kind == .article }) {
            // A law named with its year resolves to its number; a bare name covers every edition, by name or number.
            let label = typed.oneLine
            if named.number != nil { return ReferenceTarget(kind: .named, key: named.key, label: label, keys: [named.key], keyPrefix: nil) }
            let editions = CitationExtractor.knownNumbers(forNamedKey: named.key).map(\.key)
            return ReferenceTarget(kind: .named, key: named.key, label: label, keys: Set([named.key] + editions),
                                   keyPrefix: named.key + ":")
        }
        if let partial = DocNumberParser.parsePartial(text) {
            let type = DocType.name(forAbbreviation: partial.type, style: .state) ?? partial.type
            return ReferenceTarget(kind: .partial, key: partial.partialKey, label: type + " " + partial.number,
                                   keys: [partial.partialKey], keyPrefix: nil)
        }
        return nil
    }

    /// True when `citation` mentions this reference. A number matches what the citation resolves to (a number
    /// asked without its year, every year of it); a short form matches citations of that type and serial; a
    /// name matches its own citations and those of its editions' numbers.
    public func matches(_ citation: Citation, resolver: CitationResolver) throws -> Bool {
        switch kind {
        case .number:
            guard let resolved = try resolver.resolve(citation).key else { return false }
            if keys.contains(resolved) { return true }
            return DocNumberParser.parse(key)?.year == nil
                && (DocNumberParser.parse(resolved)?.keyWithoutYear.map(keys.contains) ?? false)
        case .partial:
            return citation.key == key || citation.number?.partialKey == key
        case .named:
            return keys.contains(citation.key) || keyPrefix.map(citation.key.hasPrefix) ?? false
        }
    }
}
