import Foundation
import FuzzSupport
import VanBan

/// Reads `bytes` as a file named `name` with `reader`, and checks what comes out: valid Unicode text and metadata.
/// A reader may turn the bytes away with an error; it must not crash or give broken text.
public func requireReads(_ reader: some FileReader, _ bytes: [UInt8], name: String) {
    let head = FileHead(url: URL(fileURLWithPath: "/fuzz/" + name), bytes: bytes, isWhole: true)
    guard case .read(let file)? = try? reader.read(head) else { return }
    requireValidUnicode(file.text, "\(name) text")
    for (key, value) in file.metadata { requireValidUnicode(key + value, "\(name) metadata") }
    if let title = file.formatTitle { requireValidUnicode(title, "\(name) title") }
}
