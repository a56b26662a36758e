import Foundation
import TestTags
import Testing
import VietText
@testable import VanBan

/// OCR (issue #20 part 3): scanned PDF pages and images read by tesseract in Vietnamese, the cache beside the
/// index, `--ocr`, bad images; and the measure: a page of the fixture PDF rendered clean (300 dpi) and degraded
/// (150 dpi, 0.5% of its pixels flipped, 0.5° skew), scored against its text layer.
@Suite("OCR")
struct OCRTests {
    static let tesseract = OCREngine().unavailable(for: URL(fileURLWithPath: "/")) == nil
    static let poppler = Paths.onPath("pdftoppm") != nil && Paths.onPath("pdftotext") != nil && Paths.onPath("pdfunite") != nil
    static let ready = tesseract && poppler
    static let why = "tesseract with Vietnamese data, or poppler-utils, is not installed: make deps (tesseract-ocr tesseract-ocr-vie)"
    static let fixture = Paths.fixtures.appendingPathComponent("formats/thong-bao.pdf")

    /// Runs `tool` with `arguments`; its stdout.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Paths.onPath(tool)!)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "\(tool) \(arguments) failed")
        return data
    }

    /// Page `page` of the fixture rendered grey at `dpi`, in `format` (`-png`, `-jpeg`, or nil for PGM), into `dir`.
    static func render(page: Int = 1, dpi: Int, format: String?, into dir: TempDir, name: String) throws -> URL {
        let prefix = dir.url.appendingPathComponent(name).path
        try run("pdftoppm", ["-f", "\(page)", "-l", "\(page)", "-r", "\(dpi)", "-gray", "-singlefile"] + (format.map { [$0] } ?? []) + [fixture.path, prefix])
        return URL(fileURLWithPath: prefix + "." + (format.map { $0 == "-jpeg" ? "jpg" : String($0.dropFirst()) } ?? "pgm"))
    }

    /// The text layer of page `page` of the fixture: the transcript OCR is scored against.
    static func truth(page: Int = 1) throws -> String {
        String(decoding: try run("pdftotext", ["-f", "\(page)", "-l", "\(page)", "-enc", "UTF-8", fixture.path, "-"]), as: UTF8.self)
    }

    /// A one-page PDF showing an RGB JPEG (pdftoppm -gray -jpeg writes three components) of `width`×`height` pixels over an A4 page, with no text layer: a scan.
    static func scannedPDF(jpeg: [UInt8], width: Int, height: Int) -> Data {
        let content = "q 595 0 0 842 0 0 cm /Im0 Do Q"
        var out = Data("%PDF-1.4\n".utf8)
        var offsets: [Int] = []
        func object(_ body: Data) {
            offsets.append(out.count)
            out += Data("\(offsets.count) 0 obj\n".utf8) + body + Data("\nendobj\n".utf8)
        }
        object(Data("<< /Type /Catalog /Pages 2 0 R >>".utf8))
        object(Data("<< /Type /Pages /Kids [3 0 R] /Count 1 >>".utf8))
        object(Data("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>".utf8))
        object(Data("<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream".utf8))
        object(Data("<< /Type /XObject /Subtype /Image /Width \(width) /Height \(height) /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length \(jpeg.count) >>\nstream\n".utf8)
            + Data(jpeg) + Data("\nendstream".utf8))
        let xref = out.count
        out += Data(("xref\n0 \(offsets.count + 1)\n0000000000 65535 f \n" + offsets.map { String(format: "%010d 00000 n \n", $0) }.joined()
            + "trailer\n<< /Size \(offsets.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n").utf8)
        return out
    }

    /// Page 1 of the fixture as a scan (150 dpi), in `dir`.
    static func scan(into dir: TempDir) throws -> URL {
        let jpeg = try render(dpi: 150, format: "-jpeg", into: dir, name: "scan")
        let bytes = [UInt8](try Data(contentsOf: jpeg))
        let (w, h) = try #require(ImageReader.size(of: bytes, kind: "jpeg"))
        return try dir.write("quet.pdf", scannedPDF(jpeg: bytes, width: w, height: h))
    }

    // MARK: Measures

    @Test("OCR reads a Vietnamese page: diacritic accuracy ≥ 0.985 clean (300 dpi), ≥ 0.97 degraded (150 dpi, 0.5% noise, 0.5° skew)",
          .tags(.slow), .notInFastLoop, .enabled(if: ready, Comment(rawValue: why)))
    func accuracy() throws {
        let dir = try TempDir()
        let truth = try Self.truth()
        let registry = ReaderRegistry(ocr: OCREngine(jobs: 2))
        let clean = try Self.render(dpi: 300, format: "-png", into: dir, name: "sach")
        let read = try registry.read(clean)
        #expect(read.encoding == "ocr" && read.format == "png" && read.ocrPages == [1])
        let cleanScore = TranscriptScore.score(output: read.text, truth: truth)
        #expect(cleanScore.diacritic >= 0.985, "clean: \(cleanScore)")

        let low = try #require(GrayImage(pgm: [UInt8](try Data(contentsOf: try Self.render(dpi: 150, format: nil, into: dir, name: "xau")))))
        let degraded = try dir.write("xau.tif", Data(low.degraded(noise: 0.005, skewDegrees: 0.5, seed: 20).tiff(dpi: 150)))
        let degradedScore = TranscriptScore.score(output: try registry.read(degraded).text, truth: truth)
        #expect(degradedScore.diacritic >= 0.97, "degraded: \(degradedScore)")
    }

    // MARK: PDFs

    @Test("a scanned page is read by OCR, a text page by its layer; --ocr never reads none; the number and date are marked as read by OCR",
          .enabled(if: ready, Comment(rawValue: why)))
    func scannedAndMixedPDF() throws {
        let dir = try TempDir()
        let scan = try Self.scan(into: dir)
        let textPage = dir.url.appendingPathComponent("trang2.pdf")
        try Self.run("pdfseparate", ["-f", "2", "-l", "2", Self.fixture.path, textPage.path])
        let mixed = dir.url.appendingPathComponent("tron.pdf")
        try Self.run("pdfunite", [scan.path, textPage.path, mixed.path])

        let file = try ReaderRegistry(ocr: OCREngine(jobs: 2)).read(mixed)
        #expect(file.ocrPages == [1] && file.encoding == "utf-8+ocr")
        #expect(file.text.contains("37416/TB-CHQ"))  // the scanned header
        let layer = try Self.truth(page: 2).split(whereSeparator: \.isNewline).first { $0.count > 20 }
        #expect(file.text.contains(String(try #require(layer))))

        let never = try ReaderRegistry(ocr: OCREngine(mode: .never)).read(mixed)
        #expect(never.ocrPages.isEmpty && never.encoding == "utf-8" && !never.text.contains("37416"))
        #expect(throws: VanBanError.noText(path: scan.path, reason: "scanned PDF, no text layer: pass --ocr auto (needs tesseract-ocr-vie: make deps)")) {
            try ReaderRegistry(ocr: OCREngine(mode: .never)).read(scan)
        }

        let result = try vanban(["extract", scan.path, "--json"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["number"] as? String == "37416/TB-CHQ" && json["encoding"] as? String == "ocr")
        #expect(json["read_by_ocr"] as? [String] == ["number", "date"] && json["ocr_pages"] as? [Int] == [1])
    }

    @Test("tesseract missing: a scanned PDF and an image are listed without text, saying what to install", .enabled(if: poppler, Comment(rawValue: why)))
    func missingTesseract() throws {
        let dir = try TempDir()
        let engine = OCREngine(tesseract: dir.url.appendingPathComponent("khong-co/tesseract").path)
        let registry = ReaderRegistry(ocr: engine)
        let pdf = try dir.write("quet.pdf", LegacyFormatTests.scannedPDF())
        let install = "tesseract is not installed: install tesseract-ocr-vie: make deps (or apt-get install tesseract-ocr tesseract-ocr-vie)"
        #expect(throws: VanBanError.noText(path: pdf.path, reason: "scanned PDF, no text layer: " + install)) { try registry.read(pdf) }
        let png = try Self.render(dpi: 20, format: "-png", into: dir, name: "anh")
        #expect(throws: VanBanError.noText(path: png.path, reason: "image: " + install)) { try registry.read(png) }
    }

    // MARK: The cache

    @Test("the cache beside the index: a run again and a rebuild OCR no page twice; a corrupt entry is redone", .enabled(if: ready, Comment(rawValue: why)))
    func cache() throws {
        let dir = try TempDir()
        let docs = dir.url.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        let scan = try Self.scan(into: dir)
        try FileManager.default.moveItem(at: scan, to: docs.appendingPathComponent("quet.pdf"))
        // A tesseract that notes each page it reads.
        let log = dir.url.appendingPathComponent("calls.log")
        let wrapper = try dir.write("bin/tesseract", """
            #!/bin/sh
            case "$1" in --*) ;; *) echo "$1 $OMP_THREAD_LIMIT" >> '\(log.path)' ;; esac
            exec '\(Paths.onPath("tesseract")!)' "$@"
            """)
        chmod(wrapper.path, 0o755)
        let indexPath = dir.url.appendingPathComponent("index").path
        func index(rebuild: Bool) throws -> IndexReport {
            var options = IndexOptions(roots: [docs], indexPath: indexPath, jobs: 2, rebuild: rebuild)
            options.registry = ReaderRegistry(ocr: OCREngine(cacheFolder: IndexFolder(indexPath).ocrCachePath, jobs: 2, tesseract: wrapper.path))
            return try Indexer(options: options).run(stop: StopRequest())
        }
        func calls() -> [String] { ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init) }

        #expect(try index(rebuild: false).added == 1)
        #expect(calls().count == 1 && calls().allSatisfy { $0.hasSuffix(" 1") })  // OMP_THREAD_LIMIT=1
        #expect(try IndexKit.names("thông báo kết quả", in: indexPath) == ["quet.pdf"])
        let report = try index(rebuild: true)
        #expect(report.switched && report.added == 1 && calls().count == 1)
        let cache = IndexFolder(indexPath).ocrCachePath
        let entries = try FileManager.default.contentsOfDirectory(atPath: cache)
        #expect(entries.count == 1 && entries[0].hasSuffix(".txt"))

        // Cut short: ignored, read again and written whole.
        let entry = cache + "/" + entries[0]
        let whole = try Data(contentsOf: URL(fileURLWithPath: entry))
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: entry))
        #expect(try index(rebuild: true).added == 1)
        #expect(calls().count == 2)
        #expect(try Data(contentsOf: URL(fileURLWithPath: entry)) == whole)
    }

    // MARK: Bad images

    @Test("images: a multi-page TIFF read whole; bad ones: 0 bytes, damaged, without text, too large, tesseract stopped by its time limit", .enabled(if: ready, Comment(rawValue: why)))
    func badImages() throws {
        let dir = try TempDir()
        let registry = ReaderRegistry(ocr: OCREngine(jobs: 2))
        let empty = try dir.write("rong.png", Data())
        #expect(throws: VanBanError.noText(path: empty.path, reason: "0 bytes")) { try registry.read(empty) }

        let png = try Self.render(dpi: 100, format: "-png", into: dir, name: "trang")
        let cut = try dir.write("cut.png", try Data(contentsOf: png).prefix(2000))
        #expect { try registry.read(cut) } throws: { error in
            guard case VanBanError.unreadable(_, let reason) = error else { return false }
            return reason.hasPrefix("damaged image: tesseract could not read it")
        }
        let fake = try dir.write("fake.jpg", "không phải ảnh")
        #expect(throws: VanBanError.unreadable(path: fake.path, reason: "damaged image: not a PNG, JPEG or TIFF file")) { try registry.read(fake) }

        let white = try dir.write("trang.tif", Data(GrayImage(width: 200, height: 100, pixels: Array(repeating: 255, count: 20_000)).tiff(dpi: 300)))
        #expect(throws: VanBanError.noText(path: white.path, reason: "image: no text found by OCR")) { try registry.read(white) }

        // A PNG whose header says 20000×20000: refused before tesseract sees it.
        var huge: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]
        huge += [0, 0, 0x4E, 0x20, 0, 0, 0x4E, 0x20, 8, 0, 0, 0, 0, 0, 0, 0, 0]
        let big = try dir.write("lon.png", Data(huge))
        #expect(throws: VanBanError.unreadable(path: big.path, reason: "the image is 20000×20000 pixels, more than the 60 megapixels OCR takes: scan it at 300 dpi or split it")) {
            try registry.read(big)
        }

        // A PDF page of 5 × 5 m: refused before it is rendered.
        let poster = try dir.write("poster.pdf", String(decoding: LegacyFormatTests.scannedPDF(), as: UTF8.self)
            .replacingOccurrences(of: "/MediaBox [0 0 612 792]", with: "/MediaBox [0 0 14000 14000]"))
        #expect(throws: VanBanError.unreadable(path: poster.path, reason: "page 1 at 300 dpi is 58333×58333 pixels, more than the 60 megapixels OCR takes: scan it at 300 dpi or split it")) {
            try registry.read(poster)
        }

        let slow = ReaderRegistry(ocr: OCREngine(timeout: 0.05))
        #expect(throws: VanBanError.unreadable(path: png.path, reason: "tesseract took more than 0.05 s and was stopped (a damaged file?)")) {
            try slow.read(png)
        }

        // Two pages in one TIFF: both read.
        let page2 = try #require(GrayImage(pgm: [UInt8](try Data(contentsOf: try Self.render(page: 2, dpi: 150, format: nil, into: dir, name: "t2")))))
        let page1 = try #require(GrayImage(pgm: [UInt8](try Data(contentsOf: try Self.render(page: 1, dpi: 150, format: nil, into: dir, name: "t1")))))
        let both = try dir.write("hai-trang.tif", Data(GrayImage.tiff(pages: [page1, page2], dpi: 150)))
        let read = try registry.read(both)
        #expect(read.ocrPages == [1, 2] && read.format == "tiff" && read.text.contains("37416/TB-CHQ"))
        let secondLine = try Self.truth(page: 2).split(whereSeparator: \.isNewline).first { $0.count > 30 }
        #expect(read.text.contains(String(try #require(secondLine)).prefix(20)))

        let off = ReaderRegistry(ocr: OCREngine(mode: .never))
        #expect(throws: VanBanError.noText(path: png.path, reason: "image: OCR is off (--ocr never): pass --ocr auto to read it")) { try off.read(png) }
    }

    @Test("image sizes are read from PNG, JPEG and TIFF headers; a grey image survives PGM and TIFF")
    func imageSizes() throws {
        let image = GrayImage(width: 3, height: 2, pixels: [0, 50, 100, 150, 200, 255])
        #expect(GrayImage(pgm: image.pgm) == image)
        let tiff = image.tiff(dpi: 300)
        #expect(ImageReader.kind(of: tiff) == "tiff")
        let size = try #require(ImageReader.size(of: tiff, kind: "tiff"))
        #expect(size == (3, 2))
        #expect(Array(tiff.suffix(6)) == image.pixels)
        #expect(GrayImage(pgm: Array("P5\n3 2\n255\n".utf8)) == nil)  // pixels missing
        #expect(IndexFolder.isOwn("ocr-cache"))
    }
}
