import Dispatch
import Foundation
import Synchronization
import Xapian

/// Settings of one indexing run.
public struct IndexOptions: Sendable {
    /// Files and folders to index (recursively).
    public var roots: [URL]
    /// The index folder.
    public var indexPath: String
    /// Analysis threads.
    public var jobs: Int
    /// Shards of a new index or a rebuild, each written by a thread of its own (default: `jobs`, at most
    /// ``maxShards``); an index written again keeps the number it has.
    public var shards: Int
    /// The most shards an index is given by default.
    public static let maxShards = 8
    /// Throw the index away and build it anew.
    public var rebuild: Bool
    /// Compact a database the run wrote whole (a new index or a rebuild) with `xapian-compact` before it is
    /// published: Xapian leaves its tables a third empty as it writes them (see `vanban compact`).
    public var compact = false
    /// Files, or bytes of files (at least one file), analysed together before they are handed to the
    /// writer; the byte budget keeps a batch of huge files from being in memory at once.
    public var batchFiles = 128
    public var batchBytes = 16 << 20
    /// Files, or bytes of text, written between two commits.
    public var commitFiles = 500
    public var commitBytes = 16 << 20
    /// Which pages and images are read by OCR (`--ocr`): used by the standard readers when ``registry`` is nil.
    public var ocr = OCRMode.auto
    /// The readers that read the files; nil: ``ReaderRegistry/standardReaders(ocr:)`` with an engine of ``ocr``,
    /// ``jobs`` processes and its cache beside the index (``IndexFolder/ocrCachePath``).
    public var registry: ReaderRegistry?
    /// Where the files are listed and examined (a seam for tests).
    public var fileSystem: any FileSystem = LocalFileSystem()

    public init(roots: [URL], indexPath: String, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, rebuild: Bool = false) {
        self.roots = roots
        self.indexPath = indexPath
        self.jobs = max(1, jobs)
        shards = min(self.jobs, Self.maxShards)
        self.rebuild = rebuild
    }
}

/// Asks a running ``Indexer`` to stop after its current batch (set from a signal handler).
public final class StopRequest: Sendable {
    public static let shared = StopRequest()
    /// The signal that asked (0: none yet).
    private let requestedBy = Atomic<Int32>(0)
    public init() {}
    public func request(signal: Int32 = SIGINT) { requestedBy.store(signal, ordering: .relaxed) }
    public var isRequested: Bool { requestedBy.load(ordering: .relaxed) != 0 }
    /// The signal that asked the indexer to stop, if one did.
    public var signal: Int32? { let s = requestedBy.load(ordering: .relaxed); return s == 0 ? nil : s }
    public func reset() { requestedBy.store(0, ordering: .relaxed) }
}

/// Indexes files into a ``DocumentSink`` (a Xapian database by default): parallel analysis, one
/// writer, commits in batches, incremental (unchanged files skipped, changed replaced, deleted removed).
/// A document leaves the index only on proof that its file is gone (``FileScanner/Removal``); one whose
/// file or folder could not be read stays, and the report counts it in ``IndexReport/keptDespiteErrors``.
public final class Indexer {
    public let options: IndexOptions
    let builder = DocumentBuilder()
    /// Makes the sink a run writes into.
    let makeSink: (IndexOptions) throws -> any DocumentSink

    /// An indexer that writes into the sink `makeSink` makes for each run (default: the Xapian index
    /// at `options.indexPath`).
    public init(options: IndexOptions, sink makeSink: @escaping (IndexOptions) throws -> any DocumentSink = XapianSink.init(options:)) {
        self.options = options
        self.makeSink = makeSink
    }

    /// Runs the indexing; `progress` is called on the writer's thread after each batch.
    public func run(stop: StopRequest = .shared, progress: ((IndexProgress) -> Void)? = nil) throws -> IndexReport {
        let clock = ContinuousClock.now
        var report = IndexReport()
        let sink = try makeSink(options)
        var known = try sink.knownFiles()
        let replaced = try sink.replacedFiles()
        report.rebuild = replaced != nil

        let registry = options.registry ?? ReaderRegistry(ocr: OCREngine(mode: options.ocr, cacheFolder: IndexFolder(options.indexPath).ocrCachePath, jobs: options.jobs))
        let scan = FileScanner(registry: registry, fileSystem: options.fileSystem).scan(options.roots)
        report.unsupported = scan.unsupported
        report.failed = scan.problems.map { .init(path: $0.path, error: $0.error) }

        var work: [ScannedFile] = []
        var seen = Set<String>()
        for file in scan.files {
            seen.insert(file.path)
            if let state = known[file.path], state.hasPrefix(file.statKey + " ") {
                report.unchanged += 1
            } else {
                work.append(file)
            }
        }

        var sinceCommitFiles = 0
        var sinceCommitBytes = 0
        var done = 0
        var spellings: [WordFormKey: Int] = [:]
        /// Runs a write to the sink, adding its time to the report's ``IndexReport/writeSeconds``.
        func writing<T>(_ body: () throws -> T) rethrows -> T {
            let start = ContinuousClock.now
            defer { report.writeSeconds += Self.seconds(since: start) }
            return try body()
        }
        func commit() throws {
            try writing {
                try sink.addSpellings(spellings)
                spellings.removeAll(keepingCapacity: true)
                try sink.setMetadata(Schema.versionKey, Schema.version)
                try sink.setMetadata(Schema.lastUpdateKey, ISO8601DateFormatter().string(from: Date()))
                try sink.commit()
            }
            sinceCommitFiles = 0
            sinceCommitBytes = 0
        }

        // The next batch is analysed while the writer writes the current one; at most two
        // batches are in memory at a time.
        var start = 0
        func nextBatch() -> PendingBatch? {
            guard start < work.count, !stop.isRequested else { return nil }
            var end = start + 1, bytes = work[start].size
            while end < min(start + options.batchFiles, work.count), bytes + work[end].size <= options.batchBytes {
                bytes += work[end].size
                end += 1
            }
            let batch = Array(work[start..<end])
            start = end
            return analyse(batch, known: known, registry: registry)
        }
        var pending = nextBatch()
        defer { pending?.discard() }
        while let current = pending {
            if stop.isRequested { report.interrupted = true; break }
            let outcomes = current.outcomes()
            pending = nextBatch()
            for (file, handed) in zip(current.files, outcomes) {
                switch handed.take() ?? .failed("not analysed") {
                case .failed(let message):
                    report.failed.append(.init(path: file.path, error: message))
                    if known[file.path] != nil { report.keptDespiteErrors += 1 }
                case .noText(let reason):
                    report.noText.append(.init(path: file.path, error: reason))
                    if known[file.path] != nil { report.keptDespiteErrors += 1 }
                case .same(let fileState, let warnings):
                    report.warnings += warnings.map { .init(path: file.path, error: $0) }
                    // The new mtime is stored, so that the next run skips the file on its stat alone
                    // instead of reading and hashing it again.
                    try writing { try sink.setFileState(fileState, idTerm: Terms.id(path: file.path)) }
                    known[file.path] = fileState
                    report.unchanged += 1
                case .prepared(let prepared, let warnings):
                    report.warnings += warnings.map { .init(path: file.path, error: $0) }
                    let fileState = try prepared.document.value(Schema.Slot.fileState)
                    let textBytes = prepared.textBytes
                    // A file the index does not hold is added: no search for its id term. The document goes to
                    // the sink, which may write it on another thread.
                    let writeStart = ContinuousClock.now
                    if known[file.path] == nil {
                        try sink.add(prepared)
                        report.added += 1
                    } else {
                        try sink.replace(prepared)
                        report.updated += 1
                    }
                    report.writeSeconds += Self.seconds(since: writeStart)
                    known[file.path] = fileState
                    report.bytes += textBytes
                    sinceCommitBytes += textBytes
                }
                sinceCommitFiles += 1
            }
            spellings.merge(current.spellings, uniquingKeysWith: +)
            done += current.files.count
            if sinceCommitFiles >= options.commitFiles || sinceCommitBytes >= options.commitBytes { try commit() }
            progress?(IndexProgress(done: done, total: work.count, bytes: report.bytes,
                                    seconds: Self.seconds(since: clock), ocrPages: registry.ocr?.pagesDone ?? 0))
        }
        if stop.isRequested { report.interrupted = true }
        var publishable = !report.interrupted
        if !report.interrupted {
            let roots = options.roots.map { $0.standardizedFileURL.resolvingSymlinksInPath().path }
            for path in known.keys.sorted() where !seen.contains(path) && Self.isUnder(path, roots) {
                switch scan.removal(of: path, fileSystem: options.fileSystem) {
                case .remove:
                    try writing { try sink.delete(idTerm: Terms.id(path: path)) }
                    report.removed += 1
                case .keep(let reason):
                    report.keptDespiteErrors += 1
                    if let reason { report.failed.append(.init(path: path, error: reason)) }
                }
            }
            // A rebuild replaces the live index only when each of its documents under the roots is in the new
            // one or proven gone: one whose file could not be read again would otherwise be lost.
            if let replaced {
                var missing = 0
                for path in replaced.keys.sorted() where known[path] == nil && Self.isUnder(path, roots) {
                    if seen.contains(path) {
                        missing += 1  // read and failed: `failed` says why
                    } else if case .keep(let reason) = scan.removal(of: path, fileSystem: options.fileSystem) {
                        missing += 1
                        if let reason { report.failed.append(.init(path: path, error: reason)) }
                    }
                }
                report.keptDespiteErrors += missing
                publishable = missing == 0
            }
            let held = Set(known.keys).union(replaced.map { Array($0.keys) } ?? [])
            for root in scan.emptyRoots {
                let count = held.filter { Self.isUnder($0, [root]) }.count
                guard count > 0 else { continue }
                report.failed.append(.init(path: root, error: "the folder is empty but \(count) documents were indexed from it: "
                    + "they are kept (is it an unmounted share?); `vanban remove \(root)` removes them"))
            }
        }
        try commit()
        report.documents = try sink.documentCount()
        if publishable {
            try writing { try sink.publish() }
            report.switched = report.rebuild
        }
        report.seconds = Self.seconds(since: clock)
        sink.close()
        return report
    }

    private enum Outcome {
        case prepared(PreparedDocument, warnings: [String])
        /// Touched but with the same text: its new `mtime size hash`.
        case same(fileState: String, warnings: [String])
        case failed(String)
        /// Read, but without text to index: the reason.
        case noText(String)
    }

    /// A batch being read and analysed on `options.jobs` background threads.
    private final class PendingBatch: Sendable {
        let files: [ScannedFile]
        let slots: OutcomeSlots
        let group = DispatchGroup()
        /// The word forms of the batch's prepared documents, counted by the analysis threads so that the
        /// writer adds one table per batch instead of one per document.
        private let counted = Mutex<[WordFormKey: Int]>([:])
        var spellings: [WordFormKey: Int] { counted.withLock { $0 } }
        init(files: [ScannedFile]) {
            self.files = files
            slots = OutcomeSlots(count: files.count)
        }
        func add(spellings counted: [WordFormKey: Int]) {
            self.counted.withLock { $0.merge(counted, uniquingKeysWith: +) }
        }
        /// Waits for the analysis and returns one outcome per file, each to be taken once.
        func outcomes() -> [Handoff<Outcome>] {
            group.wait()
            return slots.values
        }
        /// Lets the threads finish without taking any further file.
        func discard() {
            slots.cancel()
            group.wait()
        }
    }

    /// Starts reading and analysing `batch` on `options.jobs` threads.
    private func analyse(_ batch: [ScannedFile], known: [String: String], registry: ReaderRegistry) -> PendingBatch {
        let pending = PendingBatch(files: batch)
        let slots = pending.slots
        let builder = self.builder
        let knownStates = batch.map { known[$0.path] }
        let work: @Sendable () -> Void = {
            var spellings: [WordFormKey: Int] = [:]
            defer { pending.add(spellings: spellings) }
            while let i = slots.claim() {
                let file = batch[i]
                do {
                    let source = try registry.read(file.url)
                    // The text's hash, then that of the rest the document is made from (see Schema.Slot.fileState).
                    let content = StableHash.hex(source.text.utf8) + " " + source.besidesTextHash
                    if let old = knownStates[i], old.hasSuffix(" " + content) {
                        slots.set(i, .same(fileState: "\(file.statKey) \(content)", warnings: source.warnings))
                        continue
                    }
                    let prepared = try builder.build(path: file.path, file: source, fileState: "\(file.statKey) \(content)")
                    spellings.merge(prepared.spellings, uniquingKeysWith: +)
                    slots.set(i, .prepared(prepared, warnings: source.warnings))
                } catch VanBanError.noText(_, let reason) {
                    slots.set(i, .noText(reason))
                } catch VanBanError.unreadable(_, let reason) {
                    slots.set(i, .failed(reason))  // the report names the path already
                } catch {
                    slots.set(i, .failed("\(error)"))
                }
            }
        }
        for _ in 0..<min(options.jobs, batch.count) {
            DispatchQueue.global().async(group: pending.group, execute: work)
        }
        return pending
    }

    /// Work claimed and results written by the analysis threads, read by the writer after they finish.
    private final class OutcomeSlots: Sendable {
        private struct State {
            var storage: [Handoff<Outcome>?]
            /// The next index to hand out.
            var next = 0
        }
        private let state: Mutex<State>
        init(count: Int) { state = Mutex(State(storage: Array(repeating: nil, count: count))) }
        /// The next unclaimed index, or nil when all are taken.
        func claim() -> Int? {
            state.withLock { s in
                guard s.next < s.storage.count else { return nil }
                defer { s.next += 1 }
                return s.next
            }
        }
        /// No index is handed out any more.
        func cancel() { state.withLock { $0.next = $0.storage.count } }
        func set(_ i: Int, _ value: sending Outcome) { let value = Handoff(value); state.withLock { $0.storage[i] = value } }
        var values: [Handoff<Outcome>] { state.withLock { $0.storage }.map { $0 ?? Handoff(.failed("not analysed")) } }
    }

    static func isUnder(_ path: String, _ roots: [String]) -> Bool {
        roots.contains { path == $0 || path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
