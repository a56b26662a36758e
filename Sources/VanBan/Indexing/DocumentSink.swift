/// Where the indexer puts what the analysis prepared: an index (``XapianSink``, which may write its shards
/// on threads of its own). A run calls it from one thread: ``knownFiles()`` and ``replacedFiles()`` first, then
/// writes and commits, then ``documentCount()``, ``publish()`` when the run finished, and ``close()``.
/// ``Indexer`` decides what is written and when it is committed; the sink only writes it.
public protocol DocumentSink {
    /// Path → file state (`mtime size text-hash besides-hash`, see ``Schema/Slot/fileState``) of every document held:
    /// what a run compares the files with.
    func knownFiles() throws -> [String: String]
    /// For a sink that builds a new index beside the live one (a rebuild), what the live one holds (path →
    /// file state): the run must account for each before the new index replaces it. Nil for a sink that
    /// writes the live index itself.
    func replacedFiles() throws -> [String: String]?
    /// Adds the document of a file the sink does not hold.
    func add(_ document: sending PreparedDocument) throws
    /// Replaces the document that has the same id term.
    func replace(_ document: sending PreparedDocument) throws
    /// Stores the new file state of the document with id term `idTerm`, whose text and metadata have not changed.
    func setFileState(_ fileState: String, idTerm: String) throws
    /// Removes the document with id term `idTerm`.
    func delete(idTerm: String) throws
    /// Adds exact word forms, with their counts, to the spelling data (see `docs/SCHEMA.md`).
    func addSpellings(_ counts: [WordFormKey: Int]) throws
    /// Sets an index-wide entry (``Schema/versionKey``, ``Schema/lastUpdateKey``).
    func setMetadata(_ key: String, _ value: String) throws
    /// Makes everything written so far durable and visible to searches.
    func commit() throws
    /// The documents held.
    func documentCount() throws -> Int
    /// Makes what the run wrote the live index: a rebuild's switch. Called once, after the last commit
    /// of a run that was not interrupted and accounted for every replaced document.
    func publish() throws
    /// Ends the writing and releases the index.
    func close()
}
