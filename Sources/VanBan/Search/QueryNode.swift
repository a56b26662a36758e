import DocRefs

/// A parsed search query, before it becomes a Xapian query.
public indirect enum QueryNode: Equatable, Sendable {
    /// A word as typed; `prefix` when it ended in `*`.
    case word(String, prefix: Bool)
    /// A quoted phrase, as typed.
    case phrase(String)
    /// A document number, in any spelling.
    case number(DocNumber, text: String)
    /// A short reference such as `NQ 02` (from `so:`).
    case partial(key: String, text: String)
    case field(Field, String)
    case and([QueryNode])
    case or([QueryNode])
    case not(QueryNode)

    /// The fields a query may name, by their Vietnamese keyword.
    public enum Field: String, CaseIterable, Sendable {
        case number = "so", type = "loai", issuer = "coquan", year = "nam", date = "ngay", title = "tieude"
    }
}
