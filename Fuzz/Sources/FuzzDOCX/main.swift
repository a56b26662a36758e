import FuzzSupport
import ReaderCheck
import VanBan

/// The DOCX reader on any bytes: no crash, valid text. An input that is no zip ("PK" first) is taken as the
/// `word/document.xml` of a zip made around it, so that mutations reach the XML as well as the zip reading.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = inputBytes(start, count)
    requireReads(DOCXReader(), bytes.starts(with: [0x50, 0x4B]) ? bytes : storedZip(name: "word/document.xml", bytes), name: "input.docx")
    return 0
}

/// A zip holding one entry, `name`, stored without compression.
func storedZip(name: String, _ data: [UInt8]) -> [UInt8] {
    func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
    func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8(v >> (8 * $0) & 0xFF) } }
    let nameBytes = Array(name.utf8)
    let size = le32(UInt32(data.count))
    // Version, flags, method (stored), time, date, CRC-32, sizes, name length, extra length.
    let common = le16(20) + le16(0) + le16(0) + le16(0) + le16(0x21) + le32(crc32(data)) + size + size + le16(nameBytes.count) + le16(0)
    let local = [0x50, 0x4B, 0x03, 0x04] + common + nameBytes + data
    // Made by, then the common fields, comment length, disk, internal and external attributes, local header offset.
    let central = [0x50, 0x4B, 0x01, 0x02] + le16(20) + common + le16(0) + le16(0) + le16(0) + le32(0) + le32(0) + nameBytes
    let end = [0x50, 0x4B, 0x05, 0x06] + le16(0) + le16(0) + le16(1) + le16(1)
        + le32(UInt32(central.count)) + le32(UInt32(local.count)) + le16(0)
    return local + central + end
}

/// CRC-32 (IEEE 802.3, reflected), as zip checks it.
func crc32(_ data: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in data {
        crc ^= UInt32(byte)
        for _ in 0..<8 { crc = crc & 1 == 1 ? crc >> 1 ^ 0xEDB8_8320 : crc >> 1 }
    }
    return ~crc
}
