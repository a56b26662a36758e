import ArgumentParser
import Dispatch
import Foundation
import VanBan

extension OCRMode: ExpressibleByArgument {}

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Index files and folders (recursively) into a VanBan index.",
        discussion: """
        Reads .txt (UTF-8/16, TCVN3, VNI, VISCII, CP1258, repaired mojibake), .md (YAML front matter), \
        .html/.htm, .docx, .pdf (via pdftotext), Word 97–2003 .doc (catdoc), .rtf, OpenDocument .odt/.ods/.odp, \
        .xlsx, .xls (xls2csv), .pptx and .ppt (catppt), and images (.png, .jpg, .tif, multi-page TIFF) by OCR; TCVN3 and \
        VNI text in them is decoded line by line. \
        NAME.json beside a file overrides its metadata (number, type, issuer, date, title, signer). Hidden files \
        are skipped; other formats are listed as unsupported. A file without text (0 bytes, a scanned PDF without \
        a text layer with --ocr never, an image where OCR found nothing, a password-protected PDF) is not indexed: it is \
        listed under "no text" with the reason.

        --ocr auto (the default) reads PDF pages without a text layer, and images, with tesseract in Vietnamese \
        (tesseract-ocr-vie: make deps); --ocr always reads every PDF page so, its text layer set aside; --ocr never \
        reads none. Up to --jobs pages are read at once. Each page's text is cached in INDEX/ocr-cache, so that a \
        run again or a rebuild reads no page twice. Text read by OCR is marked "ocr" in its encoding.

        Runs are incremental: unchanged files are skipped, changed ones replaced. A document is removed only \
        when its file is gone from a folder that was listed without error; one whose folder or file cannot be \
        read (permissions, an I/O error, an unmounted share, an empty root folder) is kept and counted as \
        "kept despite errors" (`vanban remove` takes documents out on your word). \
        Ctrl-C stops after the current batch with everything before it committed; a second Ctrl-C quits at once \
        (the last commit stays usable, and the next run finishes the work).

        --rebuild builds a new index beside the old one, which searches keep using until the new one is \
        complete and replaces it in one step. An interrupted rebuild leaves the old index as it was; the next \
        run over the same folders resumes it. A rebuild that could not read again some documents of the old \
        index does not replace it (fix the errors and run again). A damaged index is rebuilt this way.

        A new index, or a rebuild, is written by --shards writers in parallel (default: --jobs, at most 8), one \
        shard each inside the index; searches read the shards as one. Later runs keep the index's own number \
        of shards, whatever --jobs is. Such a run ends by compacting what it wrote (xapian-compact, as \
        `vanban compact`) before searches switch to it.

        The summary goes to stdout; the files that failed, had no text, gave warnings or are unsupported, and \
        an interruption, to stderr.

        Exit codes: 0 all indexed, 3 some files failed, had no text or were kept despite errors (the rest is committed), \
        130 or 143 interrupted (SIGINT, SIGTERM), 2 error (for example another `vanban index` is writing the \
        same index, or --index names a folder holding other files).

        JSON: {added, updated, removed, kept_despite_errors, unchanged, failed ([{path, error}]), no_text ([{path, \
        error}]: files without text, and why), warnings ([{path, error}]: for example invalid UTF-8 bytes), unsupported, \
        bytes, seconds, write_seconds (of seconds, the time spent handing documents to the writers, waiting for \
        them and committing), interrupted, \
        rebuild (built beside the old index), switched (and replaced it), documents}.

        Examples:
          vanban index                       # corpus/ into ./index
          vanban index ~/van-ban --index ~/.vanban --jobs 4
          vanban index ~/van-ban --index ~/.vanban --rebuild --shards 2
          vanban index corpus --rebuild --json
        """
    )

    @Argument(help: "Files or folders to index (default: corpus).")
    var paths: [String] = []

    @Option(name: .customLong("index"), help: "Index folder (default: $VANBAN_INDEX, else ./index).")
    var index: String?

    @Option(help: "Analysis threads (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Build the index anew from these files, beside the old one, which it replaces when complete.")
    var rebuild = false

    @Option(help: "Writers, one shard each, of a new index or a rebuild (default: --jobs, at most 8).")
    var shards: Int?

    @Option(help: "OCR of PDF pages without text and of images: auto (default), always (every page), never.")
    var ocr: OCRMode = .auto

    @OptionGroup var output: OutputOptions<PlainFormat>

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        if let shards, !(1...64).contains(shards) { throw ValidationError("--shards must be from 1 to 64") }
    }

    func run() throws {
        let out = output.printer()
        let indexPath = index ?? ProcessInfo.processInfo.environment["VANBAN_INDEX"] ?? "index"
        let roots = (paths.isEmpty ? ["corpus"] : paths).map { URL(fileURLWithPath: $0) }
        for root in roots where !FileManager.default.fileExists(atPath: root.path) {
            try out.fail { $0.noSuchFileOrFolder(root.path) }
        }
        let signals = Self.installSignalHandlers(saying: out.say.stopping)
        defer { signals.forEach { $0.cancel() } }
        var options = IndexOptions(roots: roots, indexPath: indexPath, jobs: jobs, rebuild: rebuild)
        if let shards { options.shards = shards }
        options.ocr = ocr
        options.compact = true
        let indexer = Indexer(options: options)
        // The progress bar redraws one line of a terminal: not into a file, and not beside JSON.
        let showProgress = isatty(STDERR_FILENO) == 1 && output.format != .json
        let report = try out.reportingErrors(index: [indexPath]) {
            try indexer.run { progress in
                if showProgress { Self.drawProgress(progress, in: out.say) }
            }
        }
        if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        if output.format == .json {
            try out.json(report)
        } else {
            Self.printSummary(report, indexPath: indexPath, in: out.language)
        }
        // The shell's convention for a run ended by a signal: 128 + its number (130 SIGINT, 143 SIGTERM).
        if report.interrupted { throw ExitCode(128 + (StopRequest.shared.signal ?? SIGINT)) }
        if !report.failed.isEmpty || !report.noText.isEmpty { throw Exit.someFilesFailed }
    }

    /// SIGINT/SIGTERM ask the indexer to stop after its batch, `stopping` says so; a second one exits at once.
    static func installSignalHandlers(saying stopping: String) -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { sig in
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                if StopRequest.shared.isRequested { _exit(128 + sig) }
                StopRequest.shared.request(signal: sig)
                FileHandle.standardError.write(Data("\nvanban: \(stopping)\n".utf8))
            }
            source.resume()
            return source
        }
    }

    static func drawProgress(_ p: IndexProgress, in say: Messages) {
        let width = 30
        let filled = p.total == 0 ? width : width * p.done / p.total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let rate = p.seconds > 0 ? Double(p.done) / p.seconds : 0
        let mbps = p.seconds > 0 ? Double(p.bytes) / 1_048_576 / p.seconds : 0
        let line = "\r\(bar) " + say.progress(p.done, p.total, String(format: "%.0f", rate), String(format: "%.1f", mbps), p.ocrPages)
        FileHandle.standardError.write(Data((line + "\u{1B}[K").utf8))
    }

    /// The counts on stdout; what failed, was skipped or was left unfinished on stderr, so that a script
    /// reading stdout gets the summary alone and a person sees the problems even when stdout is redirected.
    static func printSummary(_ r: IndexReport, indexPath: String, in language: Language) {
        let say = language.messages
        print(say.indexSummary(r, indexPath))
        var problems: [String] = r.failed.map { "  \(say.failed): \($0.path): \($0.error)" }
        if !r.noText.isEmpty {
            problems.append("  " + say.noTextHeading(r.noText.count))
            problems += r.noText.map { "    \($0.path): \($0.error)" }
        }
        // The readers' warnings are the library's English: in Vietnamese by template in a Vietnamese run.
        problems += r.warnings.map { "  \(say.warning): \($0.path): \(language == .vi ? DetailWords.vietnamese($0.error) : $0.error)" }
        if !r.unsupported.isEmpty {
            problems.append("  \(say.unsupported(r.unsupported.count)): " + r.unsupported.prefix(10).joined(separator: ", ")
                            + (r.unsupported.count > 10 ? ", …" : ""))
        }
        if r.interrupted && r.rebuild {
            problems.append("  " + say.interruptedRebuild)
        } else if r.interrupted {
            problems.append("  " + say.interrupted)
        } else if r.rebuild && !r.switched {
            problems.append("  " + say.notSwitched(r.keptDespiteErrors))
        }
        if !problems.isEmpty {
            FileHandle.standardError.write(Data((problems.joined(separator: "\n") + "\n").utf8))
        }
    }
}
