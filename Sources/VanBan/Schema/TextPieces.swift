import SystemZlib
import Xapian

/// A document's text kept in pieces of ``Schema/textPiece`` bytes, each deflated (zlib format) into a value of
/// its own: the first in ``Schema/Slot/text``, the next in ``Schema/Slot/textMore`` on (see `docs/SCHEMA.md`).
/// Xapian reads a value whole: in pieces, a snippet of a long law reads and inflates the piece it shows, not
/// the whole text, and inflates it only as far as its passage reaches. Pieces are cut at byte offsets, so a
/// scalar may straddle two of them; they are joined as bytes.
enum TextPieces {
    /// zlib's level: 3 deflates bulk texts to 25.7 % in half the time of 6, zlib's default (23.3 %).
    static let level: Int32 = 3

    /// The slot of piece `index` (0-based).
    static func slot(_ index: Int) -> UInt32 {
        index == 0 ? Schema.Slot.text : Schema.Slot.textMore + UInt32(index - 1)
    }

    /// Stores `text` in `document`, one deflated value per piece.
    static func store(_ text: String, in document: Document) {
        var text = text
        text.makeContiguousUTF8()
        text.utf8.withContiguousStorageIfAvailable { bytes in
            for (index, start) in stride(from: 0, to: bytes.count, by: Schema.textPiece).enumerated() {
                document.setValue(slot(index), bytes: deflate(UnsafeBufferPointer(rebasing: bytes[start..<min(bytes.count, start + Schema.textPiece)])))
            }
        }
    }

    /// The bytes of `document`'s text in `range` (clamped to the text), and the text offset of the first.
    /// Throws a ``XapianError`` of kind `databaseCorruptError` for a piece that does not inflate.
    static func bytes(of document: Document, in range: Range<Int>) throws -> (offset: Int, bytes: [UInt8]) {
        let lower = max(0, range.lowerBound)
        var out: [UInt8] = []
        var offset = lower
        var index = lower / Schema.textPiece
        while index * Schema.textPiece < range.upperBound {
            let base = index * Schema.textPiece
            // The piece's bytes up to the end of `range`: inflating stops there.
            let needed = min(Schema.textPiece, range.upperBound - base)
            let piece = try document.withValue(slot(index)) { try inflate($0, upTo: needed, piece: index) }
            let from = min(piece.count, max(0, lower - base))
            if out.isEmpty { offset = base + from }
            out.append(contentsOf: piece[from...])
            // Every piece but the last is full.
            if piece.count < needed { break }
            index += 1
        }
        return (offset, out)
    }

    /// The whole text of `document`.
    static func text(of document: Document) throws -> String {
        String(decoding: try bytes(of: document, in: 0..<Int.max).bytes, as: UTF8.self)
    }

    /// `bytes` deflated (zlib format, ``level``).
    static func deflate(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return [] }
        var size = compressBound(uLong(bytes.count))
        let capacity = Int(size)
        return [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            let status = compress2(buffer.baseAddress, &size, source, uLong(bytes.count), level)
            // compress2 fails only without memory or with a buffer under compressBound's.
            precondition(status == Z_OK, "zlib compress2 failed (\(status))")
            count = Int(size)
        }
    }

    /// The first `limit` bytes (or fewer, at the end) of deflated piece `piece`; an empty value is an empty piece.
    static func inflate(_ deflated: UnsafeBufferPointer<UInt8>, upTo limit: Int, piece: Int) throws -> [UInt8] {
        guard let input = deflated.baseAddress, !deflated.isEmpty else { return [] }
        var stream = z_stream()
        guard inflateInit_(&stream, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw XapianError(kind: .runtimeError, message: "zlib could not start inflating the text (out of memory)")
        }
        defer { inflateEnd(&stream) }
        stream.next_in = UnsafeMutablePointer(mutating: input)
        stream.avail_in = uInt(deflated.count)
        // One byte more than asked: a full piece then reaches the stream's end, and its checksum is checked.
        var status = Z_OK
        var bytes = [UInt8](unsafeUninitializedCapacity: limit + 1) { buffer, count in
            stream.next_out = buffer.baseAddress
            stream.avail_out = uInt(limit + 1)
            status = SystemZlib.inflate(&stream, Z_FINISH)
            count = Int(stream.total_out)
        }
        // Z_BUF_ERROR with room left means the input ended before the stream did.
        guard status == Z_STREAM_END || (status == Z_BUF_ERROR || status == Z_OK) && stream.avail_out == 0 else {
            let reason = stream.msg.map { String(cString: $0) } ?? (status == Z_BUF_ERROR ? "cut short" : "status \(status)")
            throw XapianError(kind: .databaseCorruptError, message: "piece \(piece) of a document's stored text does not inflate (zlib: \(reason))")
        }
        if bytes.count > limit { bytes.removeLast(bytes.count - limit) }
        return bytes
    }
}
