import DocRefs
import FuzzSupport

/// Document numbers: a number parsed from the input, or found in it, prints in canonical form
/// (`display`) and parses back to the same key; found numbers lie on scalar boundaries of the text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = inputText(start, count)
    let utf8 = Array(text.utf8)
    func requireRoundTrip(_ number: DocNumber, _ what: String) {
        let again = DocNumberParser.parse(number.display)
        require(again?.key == number.key, "\(what) \(number.display) (key \(number.key)) parses back as \(again?.key ?? "nothing")")
    }
    if let number = DocNumberParser.parse(text) { requireRoundTrip(number, "parsed") }
    if let number = DocNumberParser.parseFileName(text) { requireRoundTrip(number, "file name") }
    for match in DocNumberParser.find(in: text) {
        requireSpan(match.start, match.end, in: utf8, "found \(match.number.display)")
        requireRoundTrip(match.number, "found")
    }
    if let partial = DocNumberParser.parsePartial(text) {
        require(!partial.number.isEmpty, "partial number \(partial.number)")
    }
    return 0
}
