import DocRefs
import FuzzSupport

/// Citations in any text: each lies within the text on scalar boundaries, its text is the slice it spans,
/// and its document number, if any, prints and parses back to the same key. The first number found in the
/// text is passed as the document's own, as the indexer passes its header's.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = inputText(start, count)
    let utf8 = Array(text.utf8)
    for own in [nil, DocNumberParser.find(in: text).first?.number] {
        for citation in CitationExtractor.extract(from: text, ownNumber: own) {
            requireSpan(citation.start, citation.end, in: utf8, "citation \(citation.text)")
            require(citation.start < citation.end, "empty citation at \(citation.start)")
            require(utf8[citation.start..<citation.end].elementsEqual(citation.text.utf8),
                    "citation text \(citation.text) is not the slice \(citation.start)..<\(citation.end)")
            if let number = citation.number {
                require(DocNumberParser.parse(number.display)?.key == number.key, "cited number \(number.display) does not parse back")
            }
        }
    }
    return 0
}
