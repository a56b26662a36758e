import ArgumentParser
import Foundation

/// Realistic corpora of any size made from the bulk set (issue #22): each document joins runs of lines of 2–3 bulk
/// texts (the first one's header first), sized like a random bulk text, with its document numbers, other long
/// numbers and dates renewed, so that vocabulary and posting lists grow as an archive's would. Bytes throughout,
/// deterministic for a seed and a document index.
struct CorpusGenerator {
    /// The bulk texts, each as its non-empty lines.
    private let texts: [[ArraySlice<UInt8>]]
    /// The bulk texts' sizes in bytes, one drawn for each document.
    private let sizes: [Int]
    private let seed: UInt64

    init(shared: URL, seed: UInt64) throws {
        let archive = shared.appendingPathComponent("corpus-bulk/bulk.jsonl.gz")
        let data = try run("/bin/gzip", ["-dc", archive.path])
        var texts: [[ArraySlice<UInt8>]] = []
        var sizes: [Int] = []
        for line in data.split(separator: UInt8(ascii: "\n")) {
            guard let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let text = object["text"] as? String else { continue }
            let bytes = Array(text.utf8)
            let lines = bytes[...].split(separator: UInt8(ascii: "\n")).filter { $0.contains { $0 > 0x20 } }
            guard lines.count >= 4 else { continue }
            texts.append(lines)
            sizes.append(bytes.count)
        }
        guard !texts.isEmpty else { throw BenchError("\(archive.path) holds no texts") }
        self.texts = texts
        self.sizes = sizes
        self.seed = seed
    }

    /// Where document `index` is written under the output folder: subfolders of at most 1,000 files.
    static func relativePath(_ index: Int) -> String { String(format: "%04d/%07d.txt", index / 1000, index) }

    /// Document `index` of the corpus; `variant` > 0 gives a changed version of it (other lines, other numbers).
    /// Also returns the first document number it writes, renewed (a query for the benchmarks), if any.
    func document(_ index: Int, variant: Int = 0) -> (bytes: [UInt8], number: String?) {
        var rng = SplitMix(seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(variant) &* 0xD1B5_4A32_D192_ED69)
        let target = sizes[rng.below(sizes.count)]
        let sources = (0..<(2 + rng.below(2))).map { _ in texts[rng.below(texts.count)] }
        var raw: [UInt8] = []
        raw.reserveCapacity(target + 4096)
        // The first source's header (issuer, number, place and date, title), then runs of lines from each in turn.
        for line in sources[0].prefix(min(10, sources[0].count / 3)) { raw += line; raw.append(0x0A) }
        var turn = 1
        while raw.count < target {
            let lines = sources[turn % sources.count]
            let start = rng.below(lines.count)
            for line in lines[start..<min(lines.count, start + 3 + rng.below(12))] { raw += line; raw.append(0x0A) }
            turn += 1
        }
        return Renewal(rng: &rng, bucket: UInt64(index / 20), seed: seed).apply(raw)
    }

    /// Writes documents `0..<count` under `folder`; returns the bytes written and the renewed numbers of every
    /// `count / sample`-th document.
    func write(count: Int, to folder: URL, sample: Int) throws -> (bytes: Int, numbers: [String]) {
        var bytes = 0
        var numbers: [String] = []
        let step = max(1, count / max(1, sample))
        for i in 0..<count {
            if i % 1000 == 0 {
                try FileManager.default.createDirectory(at: folder.appendingPathComponent(String(format: "%04d", i / 1000)),
                                                        withIntermediateDirectories: true)
            }
            let (doc, number) = document(i)
            try writeFile(folder.appendingPathComponent(Self.relativePath(i)).path, doc)
            bytes += doc.count
            if i % step == 0, let number { numbers.append(number) }
        }
        return (bytes, numbers)
    }
}

/// Writes `bytes` to a new file at `path`.
func writeFile(_ path: String, _ bytes: [UInt8]) throws {
    guard let file = fopen(path, "wb") else { throw BenchError("cannot write \(path)") }
    defer { fclose(file) }
    guard bytes.withUnsafeBytes({ fwrite($0.baseAddress, 1, $0.count, file) }) == bytes.count else {
        throw BenchError("cannot write \(path)")
    }
}

/// SplitMix64: a small deterministic generator.
struct SplitMix {
    private var state: UInt64
    init(_ seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

/// The renewal of one document's numbers and dates. Years (1975–2035) move by the document's own shift into
/// 1990–2025; days and months of dates (`12/3/2024`, `ngày 12 tháng 3`) by its own shifts; the serial of a document
/// number (`120/2002/TT-BTC`, `02-NQ/TW`) and any other number of three digits or more (not a percentage) take new digits, the same
/// for the same number within a block of 20 documents, so that citations recur and the vocabulary grows with the
/// corpus.
private struct Renewal {
    let yearShift: Int, dayShift: Int, monthShift: Int
    let bucket: UInt64, seed: UInt64

    init(rng: inout SplitMix, bucket: UInt64, seed: UInt64) {
        yearShift = rng.below(36); dayShift = rng.below(28); monthShift = rng.below(12)
        self.bucket = bucket; self.seed = seed
    }

    private static let day = Array("ngày ".utf8), dayCapital = Array("Ngày ".utf8)
    private static let month = Array("tháng ".utf8), monthCapital = Array("Tháng ".utf8)

    func apply(_ raw: [UInt8]) -> (bytes: [UInt8], number: String?) {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count + 64)
        var number: String?
        var i = 0
        let n = raw.count
        func isDigit(_ k: Int) -> Bool { k >= 0 && k < n && raw[k] >= 0x30 && raw[k] <= 0x39 }
        func digitsEnd(_ k: Int) -> Int { var e = k; while isDigit(e) { e += 1 }; return e }
        func value(_ s: Int, _ e: Int) -> Int { raw[s..<e].reduce(0) { $0 * 10 + Int($1 - 0x30) } }
        func follows(_ word: [UInt8], _ s: Int) -> Bool { s >= word.count && raw[(s - word.count)..<s].elementsEqual(word) }
        func isCodeStart(_ k: Int) -> Bool {
            // An upper-case letter, or Đ (C4 90), begins a document's code.
            k < n && ((raw[k] >= 0x41 && raw[k] <= 0x5A) || (raw[k] == 0xC4 && k + 1 < n && raw[k + 1] == 0x90))
        }
        while i < n {
            guard isDigit(i), !isDigit(i - 1) else { out.append(raw[i]); i += 1; continue }
            let e = digitsEnd(i)
            let length = e - i
            let previous: UInt8 = i > 0 ? raw[i - 1] : 0
            // A date dd/mm/yyyy (or with - or .).
            if length <= 2, e < n, raw[e] == 0x2F || raw[e] == 0x2D || raw[e] == 0x2E, isDigit(e + 1) {
                let e2 = digitsEnd(e + 1)
                if e2 - e - 1 <= 2, e2 < n, raw[e2] == raw[e], digitsEnd(e2 + 1) - e2 - 1 == 4 {
                    let e3 = digitsEnd(e2 + 1)
                    put(shiftedDay(value(i, e)), width: length, into: &out)
                    out.append(raw[e])
                    put(shiftedMonth(value(e + 1, e2)), width: e2 - e - 1, into: &out)
                    out.append(raw[e2])
                    put(year(value(e2 + 1, e3)), width: 4, into: &out)
                    i = e3
                    continue
                }
            }
            if length == 4, (1975...2035).contains(value(i, e)) {
                put(year(value(i, e)), width: 4, into: &out)
            } else if length <= 2, follows(Self.day, i) || follows(Self.dayCapital, i) {
                put(shiftedDay(value(i, e)), width: length, into: &out)
            } else if length <= 2, follows(Self.month, i) || follows(Self.monthCapital, i) {
                put(shiftedMonth(value(i, e)), width: length, into: &out)
            } else if e < n, previous != 0x2F, previous != 0x2E, previous != 0x2C,
                      raw[e] == 0x2F || (raw[e] == 0x2D && isCodeStart(e + 1)) {
                // A document number's serial: new digits, the same for the same number and code in this block.
                var codeEnd = e
                while codeEnd < n, codeEnd - e < 24, raw[codeEnd] > 0x20, raw[codeEnd] != 0x2C, raw[codeEnd] != 0x3B { codeEnd += 1 }
                let start = out.count
                put(renewed(raw[i..<codeEnd], length: length), width: length, into: &out)
                if number == nil, codeEnd - e > 2 {
                    var whole = Array(out[start...]) + raw[e..<codeEnd]
                    while let last = whole.last, last == 0x2E || last == 0x29 || last == 0x3A { whole.removeLast() }
                    number = String(decoding: whole, as: UTF8.self)
                }
            } else if length >= 3, e >= n || raw[e] != 0x25, !(previous == 0x2E || previous == 0x2C) || !isDigit(i - 2) {
                put(renewed(raw[i..<e], length: length), width: length, into: &out)
            } else {
                out += raw[i..<e]
            }
            i = e
        }
        return (out, number)
    }

    private func year(_ y: Int) -> Int { (1975...2035).contains(y) ? 1990 + (y - 1990 + yearShift + 72) % 36 : y }
    private func shiftedDay(_ d: Int) -> Int { (1...31).contains(d) ? 1 + (d - 1 + dayShift) % 28 : d }
    private func shiftedMonth(_ m: Int) -> Int { (1...12).contains(m) ? 1 + (m - 1 + monthShift) % 12 : m }

    /// New digits for the number `key` (and what follows it): `length` digits, no leading zero unless one digit.
    private func renewed(_ key: ArraySlice<UInt8>, length: Int) -> Int {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ seed ^ (bucket &* 0x1000_0000_01B3)
        for b in key { h = (h ^ UInt64(b)) &* 0x1000_0000_01B3 }
        var rng = SplitMix(h)
        let digits = min(length, 18)
        let low = digits == 1 ? 1 : Int(pow(10, Double(digits - 1)))
        return low + rng.below(Int(pow(10, Double(digits))) - low)
    }

    /// `value` in decimal, zero-padded to `width`.
    private func put(_ value: Int, width: Int, into out: inout [UInt8]) {
        var digits: [UInt8] = []
        var v = value
        repeat { digits.append(UInt8(0x30 + v % 10)); v /= 10 } while v > 0
        while digits.count < width { digits.append(0x30) }
        out += digits.reversed()
    }
}

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "generate",
        abstract: "Write COUNT realistic documents made from the bulk set into OUT (subfolders of 1,000 .txt files).")
    @Option(help: "The shared data folder.") var shared = "../shared"
    @Option(help: "Documents to write.") var count: Int
    @Option(help: "Output folder.") var out: String
    @Option(help: "Seed: the same seed writes the same corpus.") var seed: UInt64 = 1
    @Option(help: "Also write a query file (class<TAB>query) for `search --queries` here.") var queries: String?

    func run() throws {
        let generator = try CorpusGenerator(shared: URL(fileURLWithPath: shared), seed: seed)
        var written = (bytes: 0, numbers: [String]())
        let seconds = try timed { written = try generator.write(count: count, to: URL(fileURLWithPath: out), sample: 200) }
        print(String(format: "%d documents, %.1f MB in %.1f s", count, Double(written.bytes) / 1_048_576, seconds))
        if let queries {
            try ScaleQueries.make(shared: URL(fileURLWithPath: shared), numbers: written.numbers).write(to: queries)
        }
    }
}
