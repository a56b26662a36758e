/// What an indexing run did; `--json` prints it as is.
public struct IndexReport: Codable, Sendable, Equatable {
    public struct Failure: Codable, Sendable, Equatable {
        public let path: String
        public let error: String
    }
    public var added = 0
    public var updated = 0
    public var removed = 0
    /// Documents held although their file was not found or could not be read: their folder could not be
    /// listed, the file could not be examined (EACCES, EIO, …), or its root was empty. ``failed`` says why.
    public var keptDespiteErrors = 0
    public var unchanged = 0
    public var failed: [Failure] = []
    /// Files read without error that hold no text to index (0 bytes, a scanned PDF without a text layer, a
    /// password-protected PDF), each with the reason; not indexed (a document already indexed from the file is
    /// kept and counted in ``keptDespiteErrors``).
    public var noText: [Failure] = []
    /// Files indexed with something to say (bytes that are not valid UTF-8, shown as U+FFFD, and how many).
    public var warnings: [Failure] = []
    public var unsupported: [String] = []
    public var bytes = 0
    public var seconds = 0.0
    /// Of ``seconds``, the time the one writer spent in Xapian (adding, replacing, deleting, committing):
    /// the part no number of analysis threads can share.
    public var writeSeconds = 0.0
    /// True when a signal stopped the run after a committed batch.
    public var interrupted = false
    /// True when the run built a new index beside the live one (`--rebuild`, or resuming one).
    public var rebuild = false
    /// True when that new index replaced the live one. A rebuild that was interrupted, or that could not
    /// read again some documents of the old index (``keptDespiteErrors``), leaves the old one live and
    /// is resumed by the next run over the same roots.
    public var switched = false
    public var documents = 0

    public init() {}

    enum CodingKeys: String, CodingKey {
        case added, updated, removed, keptDespiteErrors = "kept_despite_errors", unchanged, failed, noText = "no_text", warnings
        case unsupported, bytes, seconds
        case writeSeconds = "write_seconds", interrupted, rebuild, switched, documents
    }
}

/// Progress of a running index, for the terminal progress bar.
public struct IndexProgress: Sendable {
    public let done: Int
    public let total: Int
    public let bytes: Int
    public let seconds: Double
    /// Pages and images read by OCR so far (from its cache or by tesseract).
    public let ocrPages: Int
}
