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
        // No quotes (-q 0), a tab between cells, a line end between sheets (the default is a form feed), numbers
        // to 10 significant digits (as Excel shows them, not 0.0204326923076923).
        let arguments = ["-d", "utf-8", "-q", "0", "-c", "\t", "-b", "\n", "-g", "10"]
        let decoded = LegacyRuns.decode(try CatdocSetup.text(tool, arguments, head.url, what: ".xls"))
        return .read(SourceFile(text: decoded.text, format: "xls", encoding: decoded.encodingName, formatTitle: nil, metadata: [:]))
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
