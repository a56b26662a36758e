import DocRefs
import VietText

/// VanBan's query language, parsed by hand so that document numbers, folded words and
/// Vietnamese field names are understood (Xapian's QueryParser knows none of them).
///
/// Words are all required (`AND`); `"…"` is a phrase; `OR` between terms; `-word` or `NOT word`
/// excludes; `( … )` groups; `word*` matches a prefix; fields: `so:` number, `loai:` type,
/// `coquan:` issuer, `nam:` year, `ngay:FROM..TO` date range, `tieude:` title.
public enum QueryLanguage {
    /// Longest query accepted, in UTF-8 bytes.
    public static let maxLength = 2048

    public static func parse(_ query: String) throws -> QueryNode {
        guard query.utf8.count <= maxLength else {
            throw VanBanError.badQuery(message: "query too long (\(query.utf8.count) bytes; the limit is \(maxLength))", position: 0)
        }
        for (i, scalar) in query.unicodeScalars.enumerated() where scalar.properties.generalCategory == .control && scalar != "\t" {
            throw VanBanError.badQuery(message: "control character U+\(String(scalar.value, radix: 16, uppercase: true)) is not allowed", position: i)
        }
        let trimmed = query.trimmingScalars()
        guard !trimmed.isEmpty else { throw VanBanError.badQuery(message: "empty query", position: 0) }
        // The whole query as one number (`565 cv ddtld`, `số 70-2025-NQ/HĐND`), unless it holds a number
        // written in full plus other words: a scan that finds a different, shorter number means the
        // separators were typed loosely and the whole reading is the right one.
        if trimmed.contains(where: { $0.isNumber }), let number = DocNumberParser.parse(trimmed) {
            let found = DocNumberParser.find(in: trimmed)
            if found.isEmpty || (found.count == 1 && found[0].number.key != number.key
                                 && number.key.utf8.count > found[0].number.key.utf8.count) {
                return .number(number, text: trimmed)
            }
        }
        var parser = Parser(tokens: try Lexer(query).tokens())
        let words = try parser.parseQuery()
        // The whole query as a partial number (`Nghị quyết 02`, `NQ 02`): the documents bearing it or citing
        // it, ranked by that, and as before every document holding the words.
        if let partial = DocNumberParser.parsePartial(trimmed) {
            return .or([.partial(key: partial.partialKey, text: trimmed), words])
        }
        return words
    }

    // MARK: - Lexer

    enum TokenKind: Equatable { case word(String), phrase(String), number(DocNumber, String), field(QueryNode.Field, String, quoted: Bool), lparen, rparen, or, and, not, minus }
    struct Token { let kind: TokenKind; let position: Int }

    struct Lexer {
        let scalars: [Unicode.Scalar]
        /// UTF-8 offset of each scalar (and of the end).
        let offsets: [Int]
        /// Document numbers found in the query: scalar start index → (end index, number, text).
        var numbers: [Int: (Int, DocNumber, String)] = [:]

        init(_ query: String) {
            scalars = Array(query.unicodeScalars)
            var offs: [Int] = []
            offs.reserveCapacity(scalars.count + 1)
            var o = 0
            for s in scalars { offs.append(o); o += UTF8.width(s) }
            offs.append(o)
            offsets = offs
            var byOffset: [Int: Int] = [:]
            for (i, off) in offsets.enumerated() { byOffset[off] = i }
            for match in DocNumberParser.find(in: query) {
                if let s = byOffset[match.start], let e = byOffset[match.end] {
                    numbers[s] = (e, match.number, String(String.UnicodeScalarView(scalars[s..<e])))
                }
            }
        }

        static func isSpace(_ s: Unicode.Scalar) -> Bool { s.properties.isWhitespace }

        func tokens() throws -> [Token] {
            var out: [Token] = []
            var i = 0
            while i < scalars.count {
                let c = scalars[i]
                if Self.isSpace(c) { i += 1; continue }
                if let (end, number, text) = numbers[i] {
                    out.append(Token(kind: .number(number, text), position: i)); i = end; continue
                }
                switch c {
                case "(": out.append(Token(kind: .lparen, position: i)); i += 1; continue
                case ")": out.append(Token(kind: .rparen, position: i)); i += 1; continue
                case "\"", "“", "”":
                    let (text, next) = try quoted(from: i)
                    out.append(Token(kind: .phrase(text), position: i)); i = next; continue
                case "-" where (i == 0 || Self.isSpace(scalars[i - 1]) || scalars[i - 1] == "(")
                    && (i + 1 == scalars.count || !Self.isSpace(scalars[i + 1])):
                    // `-word` excludes; a `-` ending the query is an operator without a term;
                    // a dash between spaces (`kinh tế - xã hội`) is punctuation.
                    out.append(Token(kind: .minus, position: i)); i += 1; continue
                default: break
                }
                let start = i
                while i < scalars.count, !Self.isSpace(scalars[i]), scalars[i] != "(", scalars[i] != ")", scalars[i] != "\"" {
                    if scalars[i] == ":" { break }
                    i += 1
                }
                let word = String(String.UnicodeScalarView(scalars[start..<i]))
                if i < scalars.count, scalars[i] == ":" {
                    guard let field = QueryNode.Field(rawValue: TermText.folded(word)) else {
                        // A name of letters only before a value ("foo:bar") was meant as a field.
                        if !word.isEmpty, word.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic }), i + 1 < scalars.count,
                           !Self.isSpace(scalars[i + 1]) {
                            let fields = QueryNode.Field.allCases.map { $0.rawValue + ":" }.joined(separator: " ")
                            throw VanBanError.badQuery(message: "unknown field \(word): the fields are \(fields); put \"\(word):…\" in quotes to search the text", position: start)
                        }
                        // Not a field: keep `a:b` as one word.
                        while i < scalars.count, !Self.isSpace(scalars[i]), scalars[i] != "(", scalars[i] != ")" { i += 1 }
                        out.append(Token(kind: .word(String(String.UnicodeScalarView(scalars[start..<i]))), position: start))
                        continue
                    }
                    i += 1
                    // `Số: 565-CV/ĐĐTLĐ`, as headers write it: the value may follow a space.
                    var j = i
                    while j < scalars.count, Self.isSpace(scalars[j]) { j += 1 }
                    if j > i, j < scalars.count, scalars[j] != "(", scalars[j] != ")" { i = j }
                    if i < scalars.count, scalars[i] == "\"" || scalars[i] == "“" {
                        let (text, next) = try quoted(from: i)
                        out.append(Token(kind: .field(field, text, quoted: true), position: start)); i = next
                    } else {
                        let vstart = i
                        while i < scalars.count, !Self.isSpace(scalars[i]), scalars[i] != ")" { i += 1 }
                        let value = String(String.UnicodeScalarView(scalars[vstart..<i]))
                        guard !value.isEmpty else {
                            throw VanBanError.badQuery(message: "field \(field.rawValue): needs a value", position: start)
                        }
                        out.append(Token(kind: .field(field, value, quoted: false), position: start))
                    }
                    continue
                }
                switch word {
                case "OR", "HOẶC": out.append(Token(kind: .or, position: start))
                case "AND", "VÀ": out.append(Token(kind: .and, position: start))
                case "NOT": out.append(Token(kind: .not, position: start))
                default:
                    if Self.isSearchable(word) {
                        out.append(Token(kind: .word(word), position: start))
                    } else if out.isEmpty && i >= scalars.count {
                        throw VanBanError.badQuery(message: "nothing to search for: \"\(word)\" has no letters or digits", position: start)
                    }
                    // Punctuation standing alone between words is skipped.
                }
            }
            return out
        }

        /// Whether `word` holds a letter or digit (or is a wildcard, checked by the parser).
        static func isSearchable(_ word: String) -> Bool {
            word.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "*" }
        }

        private func quoted(from i: Int) throws -> (String, Int) {
            var j = i + 1
            while j < scalars.count, scalars[j] != "\"", scalars[j] != "”", scalars[j] != "“" { j += 1 }
            guard j < scalars.count else { throw VanBanError.badQuery(message: "unbalanced quote", position: i) }
            let text = String(String.UnicodeScalarView(scalars[(i + 1)..<j]))
            guard !text.trimmingScalars().isEmpty else {
                throw VanBanError.badQuery(message: "empty phrase", position: i)
            }
            return (text, j + 1)
        }
    }

    // MARK: - Parser

    struct Parser {
        let tokens: [Token]
        var i = 0

        init(tokens: [Token]) { self.tokens = tokens }

        mutating func parseQuery() throws -> QueryNode {
            let node = try parseOr()
            if i < tokens.count {
                if case .rparen = tokens[i].kind {
                    throw VanBanError.badQuery(message: "closing parenthesis without an opening one", position: tokens[i].position)
                }
                throw VanBanError.badQuery(message: "unexpected input", position: tokens[i].position)
            }
            return node
        }

        mutating func parseOr() throws -> QueryNode {
            var items = [try parseAnd()]
            while i < tokens.count, case .or = tokens[i].kind {
                let at = tokens[i].position
                i += 1
                guard i < tokens.count, !isStop(tokens[i].kind) else {
                    throw VanBanError.badQuery(message: "OR needs a term on its right", position: at)
                }
                items.append(try parseAnd())
            }
            return items.count == 1 ? items[0] : .or(items)
        }

        /// Skips an explicit `AND` between two terms; one with nothing on either side is an error.
        mutating func skipAnd(first: Bool) throws {
            guard i < tokens.count, case .and = tokens[i].kind else { return }
            let at = tokens[i].position
            i += 1
            guard !first else { throw VanBanError.badQuery(message: "AND needs a term on its left", position: at) }
            guard i < tokens.count, !isStop(tokens[i].kind), tokens[i].kind != .and else {
                throw VanBanError.badQuery(message: "AND needs a term on its right", position: at)
            }
        }

        func isStop(_ kind: TokenKind) -> Bool {
            switch kind { case .rparen, .or: return true; default: return false }
        }

        mutating func parseAnd() throws -> QueryNode {
            var items: [QueryNode] = []
            while i < tokens.count, !isStop(tokens[i].kind) {
                try skipAnd(first: items.isEmpty)
                items.append(try parseUnary())
            }
            guard !items.isEmpty else {
                let at = i < tokens.count ? tokens[i].position : (tokens.last?.position ?? 0)
                if i < tokens.count, case .or = tokens[i].kind {
                    throw VanBanError.badQuery(message: "OR needs a term on its left", position: at)
                }
                throw VanBanError.badQuery(message: "expected a word, phrase or number", position: at)
            }
            return items.count == 1 ? items[0] : .and(items)
        }

        mutating func parseUnary() throws -> QueryNode {
            let token = tokens[i]
            switch token.kind {
            case .minus, .not:
                i += 1
                guard i < tokens.count, !isStop(tokens[i].kind) else {
                    throw VanBanError.badQuery(message: "\(token.kind == .minus ? "-" : "NOT") needs a term after it", position: token.position)
                }
                if case .not = tokens[i].kind { throw VanBanError.badQuery(message: "NOT NOT is not allowed", position: tokens[i].position) }
                if case .minus = tokens[i].kind { throw VanBanError.badQuery(message: "double exclusion", position: tokens[i].position) }
                if case .and = tokens[i].kind { throw VanBanError.badQuery(message: "AND cannot follow \(token.kind == .minus ? "-" : "NOT")", position: tokens[i].position) }
                return .not(try parseUnary())
            default:
                return try parsePrimary()
            }
        }

        mutating func parsePrimary() throws -> QueryNode {
            let token = tokens[i]
            i += 1
            switch token.kind {
            case .word(let w):
                if w.hasSuffix("*") {
                    let stem = String(w.dropLast())
                    guard !stem.isEmpty, !stem.contains("*") else {
                        throw VanBanError.badQuery(message: "a wildcard needs letters before *", position: token.position)
                    }
                    return .word(stem, prefix: true)
                }
                return .word(w, prefix: false)
            case .phrase(let p): return .phrase(p)
            case .number(let n, let text): return .number(n, text: text)
            case .field(let f, let v, let quoted):
                if f == .number {
                    if let n = DocNumberParser.parse(v) { return .number(n, text: v) }
                    if let p = DocNumberParser.parsePartial(v) { return .partial(key: p.partialKey, text: v) }
                    if !quoted, v.allSatisfy(\.isNumber) { return .field(f, v) }
                    throw VanBanError.badQuery(message: "so: needs a document number such as 565-CV/ĐĐTLĐ or NQ 02", position: token.position)
                }
                if f == .year || f == .date {
                    // Check the value now, so that the error points at the field.
                    var check = QueryCompiler()
                    do { _ = try check.fieldQuery(f, v) } catch VanBanError.badQuery(let message, _) {
                        throw VanBanError.badQuery(message: message, position: token.position)
                    }
                }
                return .field(f, v)
            case .lparen:
                guard i < tokens.count else { throw VanBanError.badQuery(message: "unbalanced parenthesis", position: token.position) }
                if case .rparen = tokens[i].kind { throw VanBanError.badQuery(message: "empty parentheses", position: token.position) }
                let inner = try parseOr()
                guard i < tokens.count, case .rparen = tokens[i].kind else {
                    throw VanBanError.badQuery(message: "unbalanced parenthesis", position: token.position)
                }
                i += 1
                return inner
            case .rparen:
                throw VanBanError.badQuery(message: "closing parenthesis without an opening one", position: token.position)
            case .or, .and, .not, .minus:
                throw VanBanError.badQuery(message: "operator without a term", position: token.position)
            }
        }
    }
}
