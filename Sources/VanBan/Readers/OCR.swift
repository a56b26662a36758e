import Dispatch
import Foundation
import Synchronization

/// When pages and images are read by OCR (`--ocr`).
public enum OCRMode: String, Sendable, CaseIterable {
    /// PDF pages without a text layer, and images.
    case auto
    /// Every PDF page (its text layer set aside) and every image.
    case always
    /// None: a scanned PDF or an image is listed without text.
    case never
}

/// Tesseract with its Vietnamese data (Debian's `tesseract-ocr` and `tesseract-ocr-vie`), PDF pages rendered by
/// `pdftoppm`. One engine serves a run: at most `jobs` tesseract processes at a time, each single-threaded
/// (`OMP_THREAD_LIMIT=1`), so pages of one file are read in parallel without oversubscribing the cores; each
/// page's text is cached under ``cacheFolder`` by the hash of what it was read from, so that it is read once.
public final class OCREngine: Sendable {
    /// Which pages are read.
    public let mode: OCRMode
    /// Where page texts are cached (`INDEX/ocr-cache`); nil caches nothing.
    public let cacheFolder: String?
    /// Resolution PDF pages are rendered at.
    public let dpi: Int
    /// The most pixels an image or a rendered page may have (60 megapixels: an A4 page at 300 dpi has 8.7).
    public let maxPixels: Int
    /// Of a PDF page's text layer, fewer non-space characters than this mean a scan (a stray page number).
    static let minimumLayerCharacters = 10

    let tesseract: ExternalTool
    let pdftoppm: ExternalTool
    let pdfinfo: ExternalTool
    private let slots: Slots
    private let done = Atomic<Int>(0)
    private let probe = Mutex<Probe?>(nil)

    /// `jobs`: tesseract processes at a time; `tesseract`: its path (nil searches `PATH`); `timeout`: seconds a
    /// page may take before tesseract is stopped.
    public init(mode: OCRMode = .auto, cacheFolder: String? = nil, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                dpi: Int = 300, maxPixels: Int = 60_000_000, tesseract: String? = nil, timeout: Double = 120) {
        self.mode = mode
        self.cacheFolder = cacheFolder
        self.dpi = dpi
        self.maxPixels = maxPixels
        self.tesseract = ExternalTool("tesseract", package: "tesseract-ocr-vie", path: tesseract, timeout: timeout)
        pdftoppm = ExternalTool("pdftoppm", package: "poppler-utils", timeout: timeout)
        pdfinfo = ExternalTool("pdfinfo", package: "poppler-utils", timeout: timeout)
        slots = Slots(max(1, jobs))
    }

    /// Pages (and images) read by OCR so far, from the cache or by tesseract.
    public var pagesDone: Int { done.load(ordering: .relaxed) }

    /// Whether tesseract can read Vietnamese here, and its version (part of every cache key).
    private enum Probe: Sendable {
        case ready(version: String)
        case missing(reason: String)
    }

    /// Why OCR cannot run here ("install tesseract-ocr-vie: make deps"), or nil when it can. Asked once per engine.
    func unavailable(for url: URL) -> String? {
        if case .missing(let reason) = probed(url) { return reason }
        return nil
    }

    private func probed(_ url: URL) -> Probe {
        if let known = probe.withLock({ $0 }) { return known }
        // Its own time limit: a short one for pages must not stop the listing of languages.
        let lister = ExternalTool("tesseract", package: tesseract.package, path: tesseract.path, timeout: 30)
        let found: Probe
        let install = "install tesseract-ocr-vie: make deps (or apt-get install tesseract-ocr tesseract-ocr-vie)"
        let installed = tesseract.path.map { FileManager.default.isExecutableFile(atPath: $0) } ?? (ExternalTool.findOnPath("tesseract") != nil)
        if !installed {
            found = .missing(reason: "tesseract is not installed: " + install)
        } else if let langs = try? lister.run(["--list-langs"], for: url),
                  String(decoding: langs.stdout + langs.stderr, as: UTF8.self).split(whereSeparator: \.isNewline).contains("vie") {
            let version = (try? lister.run(["--version"], for: url)).map {
                String(decoding: $0.stdout + $0.stderr, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            } ?? ""
            found = .ready(version: version)
        } else {
            found = .missing(reason: "tesseract has no Vietnamese data (vie): " + install)
        }
        probe.withLock { $0 = found }
        return found
    }

    /// The text of the image at `url`: all its pages (a multi-page TIFF), each ended by a form feed.
    func recognize(image url: URL, bytes: [UInt8]) throws -> String {
        let key = try cacheKey(StableHash.hex(bytes) + "-\(bytes.count)", page: 0, url: url)
        if let cached = cached(key) { return cached }
        let text = try slots.holding { try run(image: url.path, for: url) }
        store(text, key)
        return text
    }

    /// The text of `pages` (1-based) of the PDF at `url` whose bytes hash to `fileHash`, read in parallel;
    /// by page number.
    func recognize(pdf url: URL, fileHash: String, pages: [Int]) throws -> [Int: String] {
        let results = Mutex<[Int: Result<String, VanBanError>]>([:])
        DispatchQueue.concurrentPerform(iterations: pages.count) { i in
            let page = pages[i]
            let result: Result<String, VanBanError>
            do {
                let key = try cacheKey(fileHash, page: page, url: url)
                if let cached = cached(key) {
                    result = .success(cached)
                } else {
                    let text = try slots.holding { try render(url, page: page) }
                    store(text, key)
                    result = .success(text)
                }
            } catch let error as VanBanError {
                result = .failure(error)
            } catch {
                result = .failure(.unreadable(path: url.path, reason: "OCR of page \(page): \(error)"))
            }
            results.withLock { $0[page] = result }
        }
        return try results.withLock { $0 }.mapValues { try $0.get() }
    }

    /// Renders a page to a temporary grey image and reads it; a page too large at ``dpi`` is refused before it is rendered.
    private func render(_ url: URL, page: Int) throws -> String {
        let info = try pdfinfo.run(["-f", "\(page)", "-l", "\(page)", url.path], for: url)
        // "Page    3 size: 595.276 x 841.89 pts (A4)"
        if let line = String(decoding: info.stdout, as: UTF8.self).split(separator: "\n").first(where: { $0.hasPrefix("Page") && $0.contains(" size: ") }) {
            let words = line.split(separator: " ")
            if let at = words.firstIndex(of: "size:"), at + 3 < words.count, let w = Double(words[at + 1]), let h = Double(words[at + 3]) {
                let side = { (points: Double) in Int(min(points / 72 * Double(self.dpi), 1e9)) }
                try checkSize(side(w), side(h), url, what: "page \(page) at \(dpi) dpi")
            }
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-ocr-\(getpid())-\(UUID().uuidString)")
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            throw VanBanError.unreadable(path: url.path, reason: "cannot make a temporary folder for OCR: \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let prefix = folder.appendingPathComponent("page").path
        let rendered = try pdftoppm.run(["-f", "\(page)", "-l", "\(page)", "-r", "\(dpi)", "-gray", "-singlefile", "-q", url.path, prefix], for: url)
        let image = prefix + ".pgm"
        guard rendered.status == 0, let head = FileHandle(forReadingAtPath: image)?.readData(ofLength: 64),
              let size = GrayImage.size(ofPGM: head) else {
            throw VanBanError.unreadable(path: url.path, reason: "pdftoppm could not render page \(page) (exit \(rendered.status))"
                + (rendered.message.isEmpty ? "" : ": " + rendered.message))
        }
        try checkSize(size.width, size.height, url, what: "page \(page) at \(dpi) dpi")
        return try run(image: image, for: url)
    }

    /// Refuses an image of more than ``maxPixels``.
    func checkSize(_ width: Int, _ height: Int, _ url: URL, what: String) throws {
        guard width.multipliedReportingOverflow(by: height).partialValue > maxPixels || width > 1 << 20 || height > 1 << 20 else { return }
        throw VanBanError.unreadable(path: url.path, reason: "\(what) is \(width)×\(height) pixels, more than the \(maxPixels / 1_000_000) megapixels OCR takes: "
            + "scan it at 300 dpi or split it")
    }

    /// Runs tesseract on one image file.
    private func run(image: String, for url: URL) throws -> String {
        let output = try tesseract.run([image, "stdout", "-l", "vie", "--psm", "1"], for: url, environment: ["OMP_THREAD_LIMIT": "1"])
        guard output.status == 0 else {
            throw VanBanError.unreadable(path: url.path, reason: "damaged image: tesseract could not read it (exit \(output.status))"
                + (output.message.isEmpty ? "" : ": " + output.message))
        }
        done.add(1, ordering: .relaxed)
        return String(decoding: output.stdout, as: UTF8.self)
    }

    // MARK: The cache

    /// The name of a page's cache entry: the file's hash, the page, and every setting that changes what tesseract reads.
    private func cacheKey(_ fileHash: String, page: Int, url: URL) throws -> String {
        guard case .ready(let version) = probed(url) else {
            throw VanBanError.noText(path: url.path, reason: unavailable(for: url) ?? "OCR is not available")
        }
        return fileHash + "-p\(page)-" + StableHash.hex("\(dpi) vie psm1 \(version)".utf8)
    }

    /// An entry holds `vanban-ocr 1 HASH\n` and the text, HASH being the text's: a cut or altered entry is ignored.
    private static let magic = "vanban-ocr 1 "

    private func cached(_ key: String) -> String? {
        guard let folder = cacheFolder, let data = FileManager.default.contents(atPath: folder + "/" + key + ".txt") else { return nil }
        let bytes = [UInt8](data)
        guard let newline = bytes.firstIndex(of: 0x0A), bytes.starts(with: Self.magic.utf8) else { return nil }
        let body = bytes[(newline + 1)...]
        guard bytes[Self.magic.utf8.count..<newline].elementsEqual(StableHash.hex(body).utf8),
              let text = String(validating: body, as: UTF8.self) else { return nil }
        done.add(1, ordering: .relaxed)
        return text
    }

    /// Writes an entry beside its place and renames it there, so that a reader never sees half of it. The cache
    /// only saves time: an entry that cannot be written is left out.
    private func store(_ text: String, _ key: String) {
        guard let folder = cacheFolder else { return }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let target = folder + "/" + key + ".txt"
        let temporary = target + ".\(getpid()).\(UUID().uuidString).tmp"
        let data = Data((Self.magic + StableHash.hex(text.utf8) + "\n" + text).utf8)
        guard FileManager.default.createFile(atPath: temporary, contents: data) else { return }
        if rename(temporary, target) != 0 { unlink(temporary) }
    }
}

/// The tesseract processes that may run at once.
private final class Slots: Sendable {
    private let semaphore: DispatchSemaphore
    init(_ count: Int) { semaphore = DispatchSemaphore(value: count) }

    func holding<T>(_ body: () throws -> T) rethrows -> T {
        semaphore.wait()
        defer { semaphore.signal() }
        return try body()
    }
}
