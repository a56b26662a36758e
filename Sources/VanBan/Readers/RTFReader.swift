import Foundation
import VietText

/// Rich Text Format, read here: RTF is plain text, and no Debian tool keeps both the bytes of a legacy-font
/// run (`\'ad` is TCVN3's ư) and the font that tells their encoding. Each run keeps its bytes and its font
/// (`.VnTime` → TCVN3, `VNI-Times` → VNI, by ``LegacyFont``); ``LegacyRuns`` judges the encoding of each
/// run and line. `\par`, `\line` and `\row` end a line; `\tab` and `\cell` give a tab; `\uN` is taken as
/// Unicode (its fallback skipped); font, colour and style tables, pictures, objects, field instructions and
/// every `\*` destination are left out. Known by its extension or by `{\rtf`.
public struct RTFReader: FileReader {
    public let extensions = ["rtf"]
    public init() {}

    public func match(_ head: FileHead) -> ReaderMatch {
        match(head, signed: head.starts(with: "{\\rtf"))
    }

    public func read(_ head: FileHead) throws -> ReadOutcome {
        let bytes = try head.contents()
        guard bytes.starts(with: Array("{\\rtf".utf8)) else {
            throw VanBanError.unreadable(path: head.url.path, reason: "damaged .rtf: it does not start with {\\rtf")
        }
        var parser = RTFParser(bytes)
        let decoded = LegacyRuns.decode(parser.pieces())
        return .read(SourceFile(text: decoded.text, format: "rtf", encoding: decoded.encodingName, formatTitle: nil, metadata: [:]))
    }
}

/// The text runs of an RTF document, each with the encoding its font declares.
struct RTFParser {
    private let bytes: [UInt8]
    private var i = 0
    /// Font number → the encoding its name declares (nil: none).
    private var fonts: [Int: TextEncoding?] = [:]
    private var defaultFont = 0

    private struct State {
        var font: Int?
        /// Inside a destination whose text is not part of the document.
        var skip = false
        /// Characters of fallback after `\uN`.
        var uc = 1
        /// Inside the font table; its text is font names.
        var fontTable = false
    }

    /// Destinations whose text is not the document's.
    private static let skipped: Set<String> = [
        "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "objdata", "themedata", "datastore", "listtable",
        "listoverridetable", "revtbl", "rsidtbl", "latentstyles", "xmlnstbl", "generator", "filetbl", "fldinst",
        "colorschememapping", "listtext", "pntext", "pntxta", "pntxtb", "bkmkstart", "bkmkend", "mmathPr", "template",
    ]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The runs, cut at each line end, tab and change of font encoding.
    mutating func pieces() -> [LegacyRuns.Piece] {
        var pieces: [LegacyRuns.Piece] = []
        var run: [UInt32] = []
        var runFont: TextEncoding?
        var stack: [State] = []
        var state = State()
        var fontName: [UInt8] = []
        var fontNumber: Int?
        var pendingSkip = 0
        var groupStart = false
        var highSurrogate: UInt32?

        func encoding(_ state: State) -> TextEncoding? {
            (fonts[state.font ?? defaultFont] ?? nil)
        }
        func emit(_ scalar: UInt32, _ state: State) {
            if pendingSkip > 0 { pendingSkip -= 1; return }
            guard !state.skip else { return }
            let font = encoding(state)
            if font != runFont, !run.isEmpty {
                pieces.append(LegacyRuns.Piece(scalars: run, font: runFont))
                run.removeAll(keepingCapacity: true)
            }
            runFont = font
            run.append(scalar)
            if scalar == 0x0A || scalar == 0x09 {
                pieces.append(LegacyRuns.Piece(scalars: run, font: runFont))
                run.removeAll(keepingCapacity: true)
            }
        }
        func separator(_ scalar: UInt32, _ state: State) {
            pendingSkip = 0
            emit(scalar, state)
        }

        while i < bytes.count {
            let b = bytes[i]
            let opensGroup = groupStart
            groupStart = false
            switch b {
            case 0x7B:  // {
                stack.append(state)
                groupStart = true
                i += 1
            case 0x7D:  // }
                if state.fontTable, !state.skip || stack.last?.fontTable == true { closeFont(&fontName, &fontNumber) }
                state = stack.popLast() ?? State()
                pendingSkip = 0
                i += 1
            case 0x5C:  // \
                guard i + 1 < bytes.count else { i += 1; continue }
                let next = bytes[i + 1]
                if next == 0x27 {  // \'xx
                    let value = i + 3 < bytes.count ? hexByte(bytes[i + 2], bytes[i + 3]) : nil
                    i += 4
                    guard let value else { continue }
                    if state.fontTable { fontName.append(value) } else { emit(UInt32(value), state) }
                    continue
                }
                if !isLetter(next) {
                    i += 2
                    switch next {
                    case 0x2A where opensGroup: state.skip = true  // \*
                    case 0x7E: if !state.fontTable { emit(0xA0, state) }  // \~
                    case 0x5F: if !state.fontTable { emit(0x2D, state) }  // \_
                    case 0x5C, 0x7B, 0x7D: if !state.fontTable { emit(UInt32(next), state) }
                    case 0x0A, 0x0D: separator(0x0A, state)  // \ before a line end is \par
                    default: break  // \- optional hyphen, \: index subentry
                    }
                    continue
                }
                let (word, parameter) = controlWord()
                if state.fontTable {
                    if word == "f", let parameter { fontNumber = parameter }
                    if word == "panose" || word == "falt" || word == "fname" { state.skip = true }
                    if opensGroup && word != "f" { state.skip = true }
                    continue
                }
                switch word {
                case "fonttbl":
                    state.fontTable = true
                case "deff":
                    defaultFont = parameter ?? 0
                case "f":
                    state.font = parameter
                case "plain":
                    state.font = nil
                case "uc":
                    state.uc = max(0, parameter ?? 1)
                case "u":
                    // A signed 16-bit UTF-16 unit; characters beyond it come as a surrogate pair, anything else is damage.
                    guard let parameter, (-32768...65535).contains(parameter) else { break }
                    let unit = UInt32(parameter < 0 ? parameter + 65536 : parameter)
                    if (0xD800...0xDBFF).contains(unit) {
                        highSurrogate = unit
                    } else if (0xDC00...0xDFFF).contains(unit) {
                        if let high = highSurrogate { emit(0x10000 + (high - 0xD800) << 10 + (unit - 0xDC00), state) }
                        highSurrogate = nil
                    } else {
                        emit(unit, state)
                        highSurrogate = nil
                    }
                    pendingSkip = state.uc
                case "par", "line", "row", "sect", "page":
                    separator(0x0A, state)
                case "tab", "cell", "nestcell":
                    separator(0x09, state)
                case "emdash": emit(0x2014, state)
                case "endash": emit(0x2013, state)
                case "lquote": emit(0x2018, state)
                case "rquote": emit(0x2019, state)
                case "ldblquote": emit(0x201C, state)
                case "rdblquote": emit(0x201D, state)
                case "bullet": emit(0x2022, state)
                case "bin":
                    i += min(max(0, parameter ?? 0), bytes.count)
                default:
                    if opensGroup, Self.skipped.contains(word) { state.skip = true }
                }
            case 0x0A, 0x0D:
                i += 1
            default:
                i += 1
                if state.fontTable {
                    if b == 0x3B { closeFont(&fontName, &fontNumber) } else if !state.skip { fontName.append(b) }
                } else {
                    emit(UInt32(b), state)
                }
            }
        }
        if !run.isEmpty { pieces.append(LegacyRuns.Piece(scalars: run, font: runFont)) }
        return pieces
    }

    /// Records the font whose name has been read.
    private mutating func closeFont(_ name: inout [UInt8], _ number: inout Int?) {
        if let n = number {
            let text = String(decoding: name, as: UTF8.self).trimmingCharacters(in: .whitespaces)
            fonts[n] = LegacyFont.encoding(ofFont: text)
        }
        name.removeAll()
        number = nil
    }

    /// Reads `\word` with its optional signed number and the one space that ends it, `i` at the backslash.
    private mutating func controlWord() -> (String, Int?) {
        i += 1
        let start = i
        while i < bytes.count, isLetter(bytes[i]) { i += 1 }
        let word = String(decoding: bytes[start..<i], as: UTF8.self)
        var parameter: Int?
        var negative = false
        if i < bytes.count, bytes[i] == 0x2D { negative = true; i += 1 }
        var digits = 0
        var value = 0
        // Every digit belongs to the word; a number of more than 10 digits saturates (no RTF number is that long).
        while i < bytes.count, (0x30...0x39).contains(bytes[i]) {
            value = digits < 10 ? value * 10 + Int(bytes[i] - 0x30) : Int(Int32.max)
            digits += 1
            i += 1
        }
        if digits > 0 { parameter = negative ? -value : value } else if negative { i -= 1 }
        if i < bytes.count, bytes[i] == 0x20 { i += 1 }
        return (word, parameter)
    }

    private func isLetter(_ b: UInt8) -> Bool { (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) }

    private func hexByte(_ a: UInt8, _ b: UInt8) -> UInt8? {
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case 0x30...0x39: c - 0x30
            case 0x41...0x46: c - 0x37
            case 0x61...0x66: c - 0x57
            default: nil
            }
        }
        guard let hi = nibble(a), let lo = nibble(b) else { return nil }
        return hi << 4 | lo
    }
}
