import DocRefs
import FuzzSupport

/// The header and signature block of any text: a date is a real `YYYY-MM-DD` day, a number prints and
/// parses back to the same key, and no field is set to an empty string.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let header = HeaderExtractor.extract(from: inputText(start, count))
    if let date = header.date {
        let parts = date.split(separator: "-", omittingEmptySubsequences: false)
        let (year, month, day) = parts.count == 3 ? (Int(parts[0]), Int(parts[1]), Int(parts[2])) : (nil, nil, nil)
        require(date.utf8.count == 10 && year != nil && (1...12).contains(month ?? 0) && (1...31).contains(day ?? 0),
                "date \(date) is no YYYY-MM-DD day")
    }
    if let number = header.number {
        require(DocNumberParser.parse(number.display)?.key == number.key, "header number \(number.display) does not parse back")
    }
    let fields = [header.issuer, header.parentIssuer, header.type, header.place, header.title, header.signer, header.signerRole]
    require(!fields.contains("") && !header.recipients.contains(""), "an empty field in \(header)")
    return 0
}
