/// A text cut into windows for the extractors, whose working memory is several times the text they
/// read. A text of up to ``size`` bytes is one window; a longer one is cut into windows of at most
/// that many bytes, each ending after a blank line in its second half, else after its last line break,
/// else at a scalar boundary (so that a citation is seldom cut in two).
struct TextWindows {
    /// Bytes per window.
    static let size = 2 << 20

    let text: String
    /// UTF-8 offsets where the windows start, then the end of the text.
    let bounds: [Int]

    init(_ text: String, size: Int = Self.size) {
        self.text = text
        let utf8 = text.utf8
        let byte = { utf8[utf8.index(utf8.startIndex, offsetBy: $0)] }
        var bounds = [0]
        while utf8.count - bounds[bounds.count - 1] > size {
            let limit = bounds[bounds.count - 1] + size
            var lineBreak: Int?, blankLine: Int?
            for k in stride(from: limit - 1, to: limit - size / 2, by: -1) where byte(k) == 0x0A {
                lineBreak = lineBreak ?? k + 1
                if byte(k - 1) == 0x0A || (byte(k - 1) == 0x0D && byte(k - 2) == 0x0A) { blankLine = k + 1; break }
            }
            var cut = blankLine ?? lineBreak ?? limit
            while byte(cut) & 0xC0 == 0x80 { cut -= 1 }
            bounds.append(cut)
        }
        bounds.append(utf8.count)
        self.bounds = bounds
    }

    var count: Int { bounds.count - 1 }

    /// Window `i` and its UTF-8 offset in the text.
    func window(_ i: Int) -> (text: String, offset: Int) {
        (count == 1 ? text : slice(bounds[i], bounds[i + 1]), bounds[i])
    }

    /// The first window and the last two (at least half a window), joined by a line break: all that
    /// an extractor reading the opening and closing lines needs.
    var headAndTail: String {
        count <= 2 ? text : slice(0, bounds[1]) + "\n" + slice(bounds[count - 2], bounds[count])
    }

    private func slice(_ from: Int, _ to: Int) -> String {
        let utf8 = text.utf8
        return String(text.unicodeScalars[utf8.index(utf8.startIndex, offsetBy: from)..<utf8.index(utf8.startIndex, offsetBy: to)])
    }
}
