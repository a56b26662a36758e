import Xapian

/// A document's text kept in pieces of ``Schema/textPiece`` bytes, the first in ``Schema/Slot/text`` and the
/// next in ``Schema/Slot/textMore`` on (see `docs/SCHEMA.md`). Xapian reads a value whole: in pieces, a
/// snippet of a long law reads the 16 KB it shows, not the whole text. Pieces are cut at byte offsets, so a
/// scalar may straddle two of them; they are joined as bytes.
enum TextPieces {
    /// The slot of piece `index` (0-based).
    static func slot(_ index: Int) -> UInt32 {
        index == 0 ? Schema.Slot.text : Schema.Slot.textMore + UInt32(index - 1)
    }

    /// Stores `text` in `document`, one value per piece.
    static func store(_ text: String, in document: Document) {
        var text = text
        text.makeContiguousUTF8()
        text.utf8.withContiguousStorageIfAvailable { bytes in
            for (index, start) in stride(from: 0, to: bytes.count, by: Schema.textPiece).enumerated() {
                document.setValue(slot(index), bytes: Array(bytes[start..<min(bytes.count, start + Schema.textPiece)]))
            }
        }
    }

    /// The bytes of `document`'s text in `range` (clamped to the text), and the text offset of the first.
    static func bytes(of document: Document, in range: Range<Int>) throws -> (offset: Int, bytes: [UInt8]) {
        let lower = max(0, range.lowerBound)
        var out: [UInt8] = []
        var offset = lower
        var index = lower / Schema.textPiece
        while index * Schema.textPiece < range.upperBound {
            let base = index * Schema.textPiece
            // Only the part of the piece in `range` is copied, straight from the bridge's buffer.
            let count = try document.withValue(slot(index)) { piece in
                let from = min(piece.count, max(0, lower - base))
                if out.isEmpty { offset = base + from }
                out.append(contentsOf: piece[from..<min(piece.count, max(from, range.upperBound - base))])
                return piece.count
            }
            // Every piece but the last is full.
            if count < Schema.textPiece { break }
            index += 1
        }
        return (offset, out)
    }

    /// The whole text of `document`.
    static func text(of document: Document) throws -> String {
        String(decoding: try bytes(of: document, in: 0..<Int.max).bytes, as: UTF8.self)
    }
}
