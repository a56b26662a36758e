import Foundation
import VietText

/// Plain text in any encoding the analyzer detects (UTF-8/16, TCVN3, VNI, VISCII, CP1258, mojibake).
public struct TextReader: FileReader {
    public let extensions = ["txt", "text"]
    public init() {}

    public func read(_ url: URL) throws -> SourceFile {
        let bytes = try readBytes(url)
        try rejectBinary(bytes, url)
        let decoded = TextDecoder.decode(bytes)
        return SourceFile(text: decoded.text, format: "txt", encoding: decoded.encoding.rawValue, formatTitle: nil, metadata: [:])
    }
}
