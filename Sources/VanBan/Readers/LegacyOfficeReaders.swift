import Foundation
import VietText

/// The OLE2 compound-file signature every Word 97–2003, Excel 97–2003 and PowerPoint 97–2003 file starts with.
private let oleSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

extension FileHead {
    /// Whether the file is an OLE2 compound file whose directory, when it lies in the head, names `stream`.
    func isCompoundFile(holding stream: String) -> Bool {
        guard bytes.starts(with: oleSignature) else { return false }
        // Directory entries name their streams in UTF-16LE.
        var name: [UInt8] = []
        for b in stream.utf8 { name += [b, 0] }
        guard bytes.count >= name.count else { return false }
        return (0...(bytes.count - name.count)).contains { bytes[$0..<$0 + name.count].elementsEqual(name) }
    }

    /// Throws "damaged `what`" unless the file starts with the OLE2 signature.
    func requireCompoundFile(_ what: String) throws {
        guard bytes.starts(with: oleSignature) else {
            throw VanBanError.unreadable(path: url.path, reason: "damaged \(what): not a compound (OLE2) file")
        }
    }
}

/// Word 97–2003 `.doc` through `catdoc` (Debian's `catdoc`): every byte kept (see ``CatdocSetup``), each
/// paragraph a line, then the encoding of each line and cell judged by ``LegacyRuns`` (TCVN3, VNI, Unicode).
/// Known by its extension, or by a compound file holding a `WordDocument` stream.
public struct DOCReader: FileReader {
    public let extensions = ["doc", "dot"]
    let tool: ExternalTool
    /// `executable`: where to find catdoc; nil searches `PATH`.
    public init(executable: String? = nil) { tool = ExternalTool("catdoc", package: "catdoc", path: executable) }

    public func match(_ head: FileHead) -> ReaderMatch {
        match(head, signed: head.isCompoundFile(holding: "WordDocument"))
    }

    public func read(_ head: FileHead) throws -> ReadOutcome {
        try head.requireCompoundFile(".doc")
        let decoded = LegacyRuns.decode(try CatdocSetup.text(tool, ["-w", "-d", "utf-8"], head.url, what: ".doc"))
        return .read(SourceFile(text: decoded.text, format: "doc", encoding: decoded.encodingName, formatTitle: nil, metadata: [:]))
    }
}

/// Excel 97–2003 `.xls` through `xls2csv` (Debian's `catdoc`): each sheet row by row, a row a line, its cells
/// separated by tabs, every byte kept (see ``CatdocSetup``); the encoding of each cell judged by
/// ``LegacyRuns``. Known by its extension, or by a compound file holding a `Workbook` stream.
public struct XLSReader: FileReader {
    public let extensions = ["xls", "xlt"]
    let tool: ExternalTool
    /// `executable`: where to find xls2csv; nil searches `PATH`.
    public init(executable: String? = nil) { tool = ExternalTool("xls2csv", package: "catdoc", path: executable) }

    public func match(_ head: FileHead) -> ReaderMatch {
        match(head, signed: head.isCompoundFile(holding: "Workbook"))
    }

    public func read(_ head: FileHead) throws -> ReadOutcome {
        try head.requireCompoundFile(".xls")
        // No quotes (-q 0), a tab between cells, a line end between sheets (the default is a form feed).
        let arguments = ["-d", "utf-8", "-q", "0", "-c", "\t", "-b", "\n"]
        let decoded = LegacyRuns.decode(Self.shortNumbers(try CatdocSetup.text(tool, arguments, head.url, what: ".xls")))
        return .read(SourceFile(text: decoded.text, format: "xls", encoding: decoded.encodingName, formatTitle: nil, metadata: [:]))
    }

    /// `text` with each cell that is a fraction of more than 10 significant digits written with 10, as Excel
    /// shows it ("0.02043269231", not xls2csv's "0.0204326923076923"); whole numbers stay whole
    /// ("17469747308", where `xls2csv -g 10` would write "1.746974731e+10").
    static func shortNumbers(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var start = 0
        for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D {
            let cell = bytes[start..<i]
            out += shortNumber(cell) ?? Array(cell)
            if i < bytes.count { out.append(bytes[i]) }
            start = i + 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The cell written with 10 significant digits when it is a fraction with more, else nil.
    private static func shortNumber(_ cell: ArraySlice<UInt8>) -> [UInt8]? {
        var digits = 0, leading = true, fraction = false
        for b in cell {
            switch b {
            case 0x30...0x39:
                if b != 0x30 { leading = false }
                if !leading { digits += 1 }
            case 0x2E, 0x65: fraction = true
            case 0x2D, 0x2B: break
            default: return nil
            }
        }
        guard digits > 10, fraction, let value = Double(String(decoding: cell, as: UTF8.self)) else { return nil }
        return Array(String(format: "%.10g", value).utf8)
    }
}

/// PowerPoint 97–2003 `.ppt` through `catppt` (Debian's `catdoc`): the text of the slides once, every byte kept
/// (see ``CatdocSetup``), the encoding of each line judged by ``LegacyRuns``. Known by its extension, or by a
/// compound file holding a `PowerPoint Document` stream.
public struct PPTReader: FileReader {
    public let extensions = ["ppt", "pps", "pot"]
    let tool: ExternalTool
    /// `executable`: where to find catppt; nil searches `PATH`.
    public init(executable: String? = nil) { tool = ExternalTool("catppt", package: "catdoc", path: executable) }

    public func match(_ head: FileHead) -> ReaderMatch {
        match(head, signed: head.isCompoundFile(holding: "PowerPoint Document"))
    }

    public func read(_ head: FileHead) throws -> ReadOutcome {
        try head.requireCompoundFile(".ppt")
        let raw = try CatdocSetup.text(tool, ["-d", "utf-8"], head.url, what: ".ppt")
        let decoded = LegacyRuns.decode(Self.withoutRepeats(raw))
        return .read(SourceFile(text: decoded.text, format: "ppt", encoding: decoded.encodingName, formatTitle: nil, metadata: [:]))
    }

    /// catppt's output less the sections (between form feeds) that repeat an earlier one word for word: it
    /// prints a presentation's slide text both from its outline and from its slides.
    static func withoutRepeats(_ text: String) -> String {
        var seen = Set<Substring>()
        var kept: [Substring] = []
        for section in text.split(separator: "\u{0C}", omittingEmptySubsequences: false) {
            let key = section.trimmingCharacters(in: .whitespacesAndNewlines)
            if !key.isEmpty, !seen.insert(Substring(key)).inserted { continue }
            kept.append(section)
        }
        return kept.joined(separator: "\n")
    }
}
