import FuzzSupport
import VietText

/// Bytes → text, detected and in one encoding chosen by the input's length (so every encoding gets its share):
/// never crashes, always valid Unicode, counts in range; valid UTF-8 read as UTF-8 comes back unchanged.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = inputBytes(start, count)
    func check(_ decoded: DecodedText, _ what: String) {
        requireValidUnicode(decoded.text, what)
        require((0...bytes.count).contains(decoded.invalidBytes), "\(what): \(decoded.invalidBytes) invalid of \(bytes.count) bytes")
        require((0...1).contains(decoded.confidence), "\(what): confidence \(decoded.confidence)")
    }
    let detected = TextDecoder.decode(bytes)
    check(detected, "detected")
    check(TextDecoder.repair(detected.text), "repair")
    let encoding = TextEncoding.allCases[count % TextEncoding.allCases.count]
    check(TextDecoder.decode(bytes, as: encoding), encoding.rawValue)
    if !bytes.starts(with: [0xEF, 0xBB, 0xBF]), let text = String(validating: bytes, as: UTF8.self) {
        let decoded = TextDecoder.decode(bytes, as: .utf8)
        require(decoded.text.utf8.elementsEqual(text.utf8) && decoded.invalidBytes == 0, "valid UTF-8 changed by decoding")
    }
    return 0
}
