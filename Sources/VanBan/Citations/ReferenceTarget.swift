import DocRefs
import VietText

/// What a user named with a reference (`02-NQ/TW`, `Nghị quyết 02`, `Luật Công đoàn`), as the
/// citation keys it stands for.
public struct ReferenceTarget: Sendable, Equatable {
    public enum Kind: String, Sendable { case number, partial, named }
    public let kind: Kind
    /// The key as shown to users.
    public let key: String
    /// Keys a citation may carry to count as a mention of this reference.
    public let keys: Set<String>
    /// For named references: keys that start with this also match (`LUAT:CONG-DOAN:` for the laws of each year).
    public let keyPrefix: String?

    /// Reads a reference in any form the reference parser knows; nil when it names nothing.
    /// Typed in lower case ("nghị quyết 02-nq/tw"), it is read again in upper case.
    public static func parse(_ reference: String) -> ReferenceTarget? {
        let text = reference.trimmingScalars()
        guard !text.isEmpty else { return nil }
        return parseWritten(text) ?? parseWritten(text.uppercased())
    }

    private static func parseWritten(_ text: String) -> ReferenceTarget? {
        let number = DocNumberParser.find(in: text).first?.number ?? DocNumberParser.parse(text)
        if let number {
            // Either separator style names the same document: 565/CV-ĐĐTLĐ is 565-CV/ĐĐTLĐ.
            return ReferenceTarget(kind: .number, key: number.key, keys: Set(Terms.numberKeys(number)), keyPrefix: nil)
        }
        if let named = CitationExtractor.extract(from: text).first(where: { $0.kind == .named || $0.kind == .article }) {
            // A law named with its year resolves to its number; a bare name covers every edition, by name or number.
            if named.number != nil { return ReferenceTarget(kind: .named, key: named.key, keys: [named.key], keyPrefix: nil) }
            let editions = CitationExtractor.knownNumbers(forNamedKey: named.key).map(\.key)
            return ReferenceTarget(kind: .named, key: named.key, keys: Set([named.key] + editions), keyPrefix: named.key + ":")
        }
        if let partial = DocNumberParser.parsePartial(text) {
            return ReferenceTarget(kind: .partial, key: partial.partialKey, keys: [partial.partialKey], keyPrefix: nil)
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
