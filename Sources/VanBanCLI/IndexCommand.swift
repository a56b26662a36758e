import ArgumentParser
import Dispatch
import Foundation
import VanBan

extension OCRMode: ExpressibleByArgument {}

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: Help.text("Index files and folders (recursively) into a VanBan index.",
                            vi: "Lập chỉ mục các tệp và thư mục (đệ quy) vào một chỉ mục VanBan."),
        discussion: Help.text("""
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
        """, vi: """
        Đọc .txt (UTF-8/16, TCVN3, VNI, VISCII, CP1258, chữ lỗi mã hóa (mojibake) đã sửa), .md (YAML front matter), \
        .html/.htm, .docx, .pdf (qua pdftotext), Word 97–2003 .doc (catdoc), .rtf, OpenDocument .odt/.ods/.odp, \
        .xlsx, .xls (xls2csv), .pptx và .ppt (catppt), và ảnh (.png, .jpg, .tif, TIFF nhiều trang) bằng OCR; chữ TCVN3 và \
        VNI trong các tệp đó được giải mã từng dòng. \
        Tệp NAME.json đặt cạnh một tệp sẽ thay siêu dữ liệu của tệp đó (số hiệu, loại văn bản, cơ quan ban hành, ngày, trích yếu, người ký). Tệp ẩn \
        được bỏ qua; các định dạng khác được liệt kê là không hỗ trợ. Tệp không có chữ (0 byte, PDF scan không có \
        lớp chữ khi dùng --ocr never, ảnh mà OCR không nhận ra chữ nào, PDF có mật khẩu) không được lập chỉ mục: tệp đó được \
        liệt kê dưới mục "không có chữ" kèm lý do.

        --ocr auto (mặc định) đọc các trang PDF không có lớp chữ, và ảnh, bằng tesseract tiếng Việt \
        (tesseract-ocr-vie: make deps); --ocr always đọc mọi trang PDF theo cách đó, bỏ qua lớp chữ sẵn có; --ocr never \
        không đọc trang nào. Đọc cùng lúc tối đa --jobs trang. Chữ của từng trang được lưu đệm trong INDEX/ocr-cache, nên \
        khi chạy lại hay xây dựng lại sẽ không trang nào phải đọc hai lần. Chữ đọc bằng OCR được đánh dấu "ocr" ở mục mã hóa.

        Mỗi lần chạy chỉ xử lý phần thay đổi: tệp không đổi được bỏ qua, tệp đã đổi được thay thế. Một văn bản chỉ bị xóa \
        khi tệp của nó không còn trong một thư mục đã liệt kê được mà không gặp lỗi; văn bản có thư mục hoặc tệp không \
        đọc được (do quyền truy cập, lỗi I/O, thư mục chia sẻ chưa được gắn, thư mục gốc rỗng) được giữ lại và tính vào \
        "giữ lại dù có lỗi" (`vanban remove` xóa văn bản theo yêu cầu của bạn). \
        Ctrl-C dừng sau lô đang làm, mọi thứ trước đó đều đã được ghi; nhấn Ctrl-C lần nữa để thoát ngay \
        (lần ghi cuối cùng vẫn dùng được, và lần chạy sau sẽ làm nốt phần việc).

        --rebuild xây dựng một chỉ mục mới bên cạnh chỉ mục cũ; việc tìm kiếm vẫn dùng chỉ mục cũ cho đến khi chỉ mục mới \
        hoàn tất và thay thế nó trong một bước. Nếu việc xây dựng lại bị ngắt, chỉ mục cũ vẫn còn nguyên; lần \
        chạy sau trên cùng các thư mục đó sẽ làm tiếp. Lần xây dựng lại nào không đọc lại được một số văn bản của chỉ mục \
        cũ thì không thay thế chỉ mục cũ (hãy sửa lỗi rồi chạy lại). Chỉ mục bị hỏng được xây dựng lại theo cách này.

        Chỉ mục mới, hoặc chỉ mục xây dựng lại, được ghi song song bởi --shards luồng ghi (mặc định: --jobs, tối đa 8), mỗi \
        luồng một phân mảnh bên trong chỉ mục; khi tìm kiếm, các phân mảnh được đọc như một. Các lần chạy sau giữ nguyên số \
        phân mảnh sẵn có của chỉ mục, dù --jobs là bao nhiêu. Lần chạy như vậy kết thúc bằng việc nén những gì nó đã ghi (xapian-compact, như \
        `vanban compact`) trước khi việc tìm kiếm chuyển sang chỉ mục đó.

        Bản tóm tắt được in ra stdout; các tệp bị lỗi, không có chữ, có cảnh báo hoặc không được hỗ trợ, cùng \
        thông báo bị ngắt, được in ra stderr.

        Mã thoát: 0 đã lập chỉ mục tất cả, 3 có tệp bị lỗi, không có chữ hoặc được giữ lại dù có lỗi (phần còn lại đã được ghi), \
        130 hoặc 143 bị ngắt (SIGINT, SIGTERM), 2 lỗi (ví dụ một lệnh `vanban index` khác đang ghi vào \
        cùng chỉ mục, hoặc --index chỉ đến một thư mục chứa các tệp khác).

        JSON: {added, updated, removed, kept_despite_errors, unchanged, failed ([{path, error}]), no_text ([{path, \
        error}]: các tệp không có chữ, và lý do), warnings ([{path, error}]: ví dụ byte UTF-8 không hợp lệ), unsupported, \
        bytes, seconds, write_seconds (phần của seconds dành cho việc chuyển văn bản cho các luồng ghi, chờ \
        chúng và ghi vào chỉ mục), interrupted, \
        rebuild (được xây dựng bên cạnh chỉ mục cũ), switched (và đã thay thế chỉ mục cũ), documents}.

        Ví dụ:
          vanban index                       # corpus/ vào ./index
          vanban index ~/van-ban --index ~/.vanban --jobs 4
          vanban index ~/van-ban --index ~/.vanban --rebuild --shards 2
          vanban index corpus --rebuild --json
        """)
    )

    @Argument(help: Help.argument("Files or folders to index (default: corpus).",
                                  vi: "Các tệp hoặc thư mục cần lập chỉ mục (mặc định: corpus)."))
    var paths: [String] = []

    @Option(name: .customLong("index"), help: Help.argument("Index folder (default: $VANBAN_INDEX, else ./index).",
                                                            vi: "Thư mục chỉ mục (mặc định: $VANBAN_INDEX, nếu không thì ./index)."))
    var index: String?

    @Option(help: Help.argument("Analysis threads (default: the number of cores).", vi: "Số luồng phân tích (mặc định: số lõi CPU)."))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: Help.argument("Build the index anew from these files, beside the old one, which it replaces when complete.",
                              vi: "Xây dựng lại chỉ mục từ đầu bằng các tệp này, bên cạnh chỉ mục cũ, và thay chỉ mục cũ khi hoàn tất."))
    var rebuild = false

    @Option(help: Help.argument("Writers, one shard each, of a new index or a rebuild (default: --jobs, at most 8).",
                                vi: "Số luồng ghi, mỗi luồng một phân mảnh, cho chỉ mục mới hoặc khi xây dựng lại (mặc định: --jobs, tối đa 8)."))
    var shards: Int?

    @Option(help: Help.argument("OCR of PDF pages without text and of images: auto (default), always (every page), never.",
                                vi: "OCR cho các trang PDF không có chữ và cho ảnh: auto (mặc định), always (mọi trang), never."))
    var ocr: OCRMode = .auto

    @OptionGroup var output: OutputOptions<PlainFormat>

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError(Help.text("--jobs must be at least 1", vi: "--jobs phải từ 1 trở lên")) }
        if let shards, !(1...64).contains(shards) { throw ValidationError(Help.text("--shards must be from 1 to 64", vi: "--shards phải từ 1 đến 64")) }
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
        // The reasons and warnings are the library's English: in Vietnamese by template in a Vietnamese run.
        let words = { (text: String) in language == .vi ? DetailWords.vietnamese(text) : text }
        var problems: [String] = r.failed.map { "  \(say.failed): \($0.path): \(words($0.error))" }
        if !r.noText.isEmpty {
            problems.append("  " + say.noTextHeading(r.noText.count))
            problems += r.noText.map { "    \($0.path): \(words($0.error))" }
        }
        problems += r.warnings.map { "  \(say.warning): \($0.path): \(words($0.error))" }
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
