import ArgumentParser
import Dispatch
import Foundation
import Synchronization
import VanBan
import VietText

/// `vanban-bench ocr`: PDF pages rendered to images — clean (300 dpi PNG) and degraded (150 dpi, noise, skew, as a
/// TIFF) — read by VanBan's OCR path (``ReaderRegistry``, as `vanban index` reads an image) and scored, case-folded,
/// against the page's text layer as VanBan reads it; pages/s with `--jobs` tesseract processes.
struct OCRBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ocr",
        abstract: "OCR: diacritic, character and syllable accuracy of clean and degraded pages, and pages/s.")
    @Option(help: "The shared data folder (its formats-vn PDFs add their first pages).") var shared = "../shared"
    @Option(help: "PDF files whose pages are read (default: the fixture thong-bao.pdf and formats-vn's PDFs).") var pdf: [String] = []
    @Option(help: "Pages at most per PDF.") var pages = 2
    @Option(help: "Tesseract processes at once.") var jobs = 2
    @Option(help: "Resolution of the degraded pages.") var lowDpi = 150
    @Option(help: "Fraction of the degraded pages' pixels flipped to black or white.") var noise = 0.005
    @Option(help: "Skew of the degraded pages, in degrees.") var skew = 0.5

    static let cleanGoal = 0.985
    static let degradedGoal = 0.97

    func run() throws {
        var files = pdf.map { URL(fileURLWithPath: $0) }
        if files.isEmpty {
            files.append(URL(fileURLWithPath: "Tests/VanBanTests/Fixtures/formats/thong-bao.pdf"))
            let legacy = URL(fileURLWithPath: shared).appendingPathComponent("formats-vn/files")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: legacy.path)) ?? []
            files += names.filter { $0.hasSuffix(".pdf") }.sorted().map { legacy.appendingPathComponent($0) }
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-bench-ocr-\(getpid())")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }

        // Each page: its text layer as VanBan reads it (the truth), a clean image and a degraded one.
        let layer = ReaderRegistry(ocr: OCREngine(mode: .never))
        var samples: [Sample] = []
        for file in files {
            let count = try pageCount(file)
            for page in 1...min(pages, max(1, count)) {
                let name = file.deletingPathExtension().lastPathComponent + "-p\(page)"
                let single = work.appendingPathComponent(name + ".pdf")
                try tool("pdfseparate", ["-f", "\(page)", "-l", "\(page)", file.path, single.path])
                guard let truth = try? layer.read(single).text, truth.unicodeScalars.count > 200 else { continue }
                let prefix = work.appendingPathComponent(name).path
                try tool("pdftoppm", ["-r", "300", "-gray", "-png", "-singlefile", single.path, prefix + "-clean"])
                try tool("pdftoppm", ["-r", "\(lowDpi)", "-gray", "-singlefile", single.path, prefix + "-low"])
                guard let low = GrayImage(pgm: [UInt8](try Data(contentsOf: URL(fileURLWithPath: prefix + "-low.pgm")))) else {
                    throw BenchError("pdftoppm gave no grey image for \(name)")
                }
                let degraded = URL(fileURLWithPath: prefix + "-degraded.tif")
                try Data(low.degraded(noise: noise, skewDegrees: skew, seed: UInt64(samples.count + 1)).tiff(dpi: lowDpi)).write(to: degraded)
                samples.append(Sample(name: name, truth: truth, clean: URL(fileURLWithPath: prefix + "-clean.png"), degraded: degraded))
            }
        }
        guard !samples.isEmpty else { throw BenchError("no page with a text layer to score") }

        print("machine: \(machineLine())")
        print("pages: \(samples.count) (\(files.count) PDFs, at most \(pages) each); clean: 300 dpi PNG; degraded: \(lowDpi) dpi, \(noise * 100)% noise, \(skew)° skew, TIFF")
        print("tesseract: \(tesseractVersion()), -l vie --psm 1, OMP_THREAD_LIMIT=1, \(jobs) at once")
        print("")
        print("page\tkind\tcharacter\tdiacritic\tsyllable\tdiacritics")
        let registry = ReaderRegistry(ocr: OCREngine(jobs: jobs))
        var failures: [String] = []
        for (kind, pick, goal) in [("clean", \Sample.clean, Self.cleanGoal), ("degraded", \Sample.degraded, Self.degradedGoal)] {
            let images = samples.map { $0[keyPath: pick] }
            let texts = Mutex<[Int: String]>([:])
            let start = ContinuousClock.now
            // As the indexer does: a thread per job, each reading the next image.
            let next = Atomic<Int>(0)
            DispatchQueue.concurrentPerform(iterations: jobs) { _ in
                while true {
                    let i = next.add(1, ordering: .relaxed).oldValue
                    guard i < images.count else { return }
                    let text = (try? registry.read(images[i]).text) ?? ""
                    texts.withLock { $0[i] = text }
                }
            }
            let elapsed = ContinuousClock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            var total = TranscriptScore.Scores()
            for (i, sample) in samples.enumerated() {
                // Case-folded: the text layer of a .VnTimeH heading holds its capitals as lower-case letters.
                let s = TranscriptScore.score(output: (texts.withLock { $0[i] } ?? "").lowercased(), truth: sample.truth.lowercased())
                total = total + s
                print(String(format: "%@\t%@\t%.4f\t%.4f\t%.4f\t%d", sample.name, kind, s.character, s.diacritic, s.syllable, s.diacritics))
            }
            print(String(format: "ALL\t%@\t%.4f\t%.4f\t%.4f\t%d\t%.2f pages/s (%d pages in %.1f s, --jobs %d)", kind, total.character, total.diacritic,
                         total.syllable, total.diacritics, Double(samples.count) / seconds, samples.count, seconds, jobs))
            if total.diacritic < goal { failures.append(String(format: "%@ diacritic accuracy %.4f < %.3f", kind, total.diacritic, goal)) }
        }
        if !failures.isEmpty { throw BenchError("below the goals of issue #20: " + failures.joined(separator: "; ")) }
    }

    struct Sample {
        let name: String
        let truth: String
        let clean: URL
        let degraded: URL
    }

    private func pageCount(_ file: URL) throws -> Int {
        let info = String(decoding: try tool("pdfinfo", [file.path]), as: UTF8.self)
        let line = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
        return line.flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) } ?? 1
    }

    private func tesseractVersion() -> String {
        let out = (try? tool("tesseract", ["--version"])).map { String(decoding: $0, as: UTF8.self) } ?? "not installed"
        return out.split(separator: "\n").first.map(String.init) ?? out
    }

    @discardableResult
    private func tool(_ name: String, _ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [name] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchError("\(name) \(arguments.joined(separator: " ")) failed (exit \(process.terminationStatus))") }
        return data
    }
}
