import DocRefs
import Foundation
import VietText
import Xapian

/// One file analysed and turned into a Xapian document, ready for the writer.
public struct PreparedDocument {
    /// Unique id term (`Q…`).
    public let idTerm: String
    /// The document; its text values (``TextPieces``) hold the only copy of the text.
    public let document: Document
    /// UTF-8 bytes of the text.
    public let textBytes: Int
    /// Exact word forms and their counts, for the spelling table.
    let spellings: [WordFormKey: Int]
}

/// Builds the Xapian document of one file according to ``Schema``.
public struct DocumentBuilder: Sendable {
    let analyzer = Analyzer()

    public init() {}

    /// Extracts metadata and citations from `file` and builds its document.
    public func build(path: String, file: SourceFile, fileState: String) throws -> PreparedDocument {
        let text = file.text
        let metadata = DocumentMetadata.extract(from: file, fileName: (path as NSString).lastPathComponent)
        let header = metadata.header
        let citations = metadata.citations
        let type = metadata.type

        let doc = Document()
        // The text first: the copies a huge text needs on its way do not add up with the positions.
        TextPieces.store(text, in: doc)
        doc.setData(try Self.stored(path: path, file: file, metadata: metadata).encodedMetadata())
        doc.setValue(Schema.Slot.card, Schema.HitCard.encode(path: path, number: header.number?.display, type: type,
                                                            issuer: header.issuerDisplay, date: header.date, title: header.title,
                                                            titleDerived: header.titleDerived))
        var spellings: [WordFormKey: Int] = [:]
        var offsets: [UInt8] = []
        var contiguous = text
        contiguous.makeContiguousUTF8()
        contiguous.utf8.withContiguousStorageIfAvailable { bytes in
            // The word before, while it can pair with the next: its folded form and where it ends.
            var previous: (folded: String, end: Int)?
            // Where the last document number ends: the parts that follow it as tokens pair with nothing.
            var numberEnd = 0
            analyzer.forEachToken(in: contiguous) { token in
                let pos = UInt32(token.position + 1)
                while offsets.count / 4 <= token.position / Schema.positionBlock {
                    withUnsafeBytes(of: UInt32(truncatingIfNeeded: token.start).littleEndian) { offsets.append(contentsOf: $0) }
                }
                doc.addPosting(Terms.word(token.folded, exact: false), position: pos)
                if token.kind == .docnumber, let key = Terms.numberText(written: token.folded) { doc.addPosting(key, position: pos) }
                doc.addPosting(Terms.word(token.exact, exact: true), position: pos)
                if let form = Terms.spelling(kind: token.kind, exact: token.exact) { spellings[WordFormKey(form: form), default: 0] += 1 }
                if token.kind == .docnumber { numberEnd = token.end }
                if token.kind == .word, token.start >= numberEnd {
                    if let before = previous, Terms.joinsPair(bytes[before.end..<token.start]) {
                        doc.addTerm(Terms.pair(before.folded, token.folded))
                    }
                    previous = (token.folded, token.end)
                } else {
                    previous = nil
                }
            }
        }
        doc.setValue(Schema.Slot.positionOffsets, bytes: offsets)
        // A derived title is the text's first sentence: no title of the document, so no title terms or weight.
        if let title = header.title, !header.titleDerived {
            analyzer.forEachToken(in: title) { token in
                let pos = UInt32(token.position + 1)
                doc.addPosting(Terms.title(token.folded, exact: false), position: pos)
                doc.addPosting(Terms.title(token.exact, exact: true), position: pos)
                doc.addTerm(Terms.word(token.folded, exact: false), wdfInc: Schema.Weight.titleWdf)
                doc.addTerm(Terms.word(token.exact, exact: true), wdfInc: Schema.Weight.titleWdf)
            }
        }
        if let number = header.number {
            for term in Terms.ownNumber(number) { doc.addTerm(term) }
            doc.addTerm(Terms.partial(number.partialKey))
            for issuer in number.issuers { doc.addBooleanTerm(Terms.prefixed(Schema.Prefix.issuer, TermText.folded(issuer))) }
        }
        if let type {
            doc.addBooleanTerm(Terms.type(type))
            doc.setValue(Schema.Slot.type, type)
        }
        if let issuer = header.issuerDisplay {
            let words = Terms.issuerWords([header.parentIssuer, issuer].compactMap { $0 }.joined(separator: " "))
            for (k, term) in words.enumerated() { doc.addPosting(term, position: UInt32(k + 1), wdfInc: 0) }
            doc.setValue(Schema.Slot.issuer, issuer)
        }
        if let date = header.date, date.count == 10 {
            let compact = date.replacingOccurrences(of: "-", with: "")
            doc.setValue(Schema.Slot.date, compact)
            doc.setValue(Schema.Slot.year, String(date.prefix(4)))
            doc.addBooleanTerm(Terms.year(date.prefix(4)))
        }
        for citation in citations {
            for key in Terms.citationKeys(citation) { doc.addTerm(Terms.cites(key)) }
        }
        doc.addBooleanTerm(Terms.format(file.format))
        let idTerm = Terms.id(path: path)
        doc.addBooleanTerm(idTerm)
        doc.setValue(Schema.Slot.path, path)
        doc.setValue(Schema.Slot.fileState, fileState)
        return PreparedDocument(idTerm: idTerm, document: doc, textBytes: text.utf8.count, spellings: spellings)
    }

    /// What the index stores for `file` (see ``StoredDocument``), from its extracted `metadata`.
    public static func stored(path: String, file: SourceFile, metadata: DocumentMetadata) -> StoredDocument {
        let header = metadata.header
        return StoredDocument(
            path: path, format: file.format, encoding: file.encoding,
            number: header.number?.display, numberKey: header.number?.key, type: metadata.type,
            issuer: header.issuerDisplay, issuerAsWritten: header.issuer, date: header.date, title: header.title,
            titleDerived: header.titleDerived, signer: header.signer, citations: metadata.citations, text: file.text)
    }
}
