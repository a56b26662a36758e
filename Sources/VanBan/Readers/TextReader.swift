import Foundation
import VietText

/// Plain text in any encoding the analyzer detects (UTF-8/16, TCVN3, VNI, VISCII, CP1258, mojibake).
public struct TextReader: FileReader {
    public let extensions = ["txt", "text"]
    public init() {}

    public func read(_ head: FileHead) throws -> ReadOutcome {
        let bytes = try head.contents()
        try rejectBinary(bytes, head.url)
        let decoded = TextDecoder.decode(bytes)
        var file = SourceFile(text: decoded.text, format: "txt", encoding: decoded.encoding.rawValue, formatTitle: nil, metadata: [:])
        file.warnings = decoded.invalidWarning
        return .read(file)
    }
}
