import ArgumentParser
import Foundation
import VanBan

extension SearchSort: ExpressibleByArgument {}
extension MatchMode: ExpressibleByArgument {}

struct SearchCommand: ParsableCommand {
    /// The examples of the help, the same commands in either language.
    private static let examples = """
          vanban search "nghi quyet cong doan"
          vanban search 565-CV/ĐĐTLĐ
          vanban search '"công đoàn" -"công đoạn"' --sort -date --limit 20
          vanban search "xang dau" --type "Quyết định" --from 2025-01-01 --facets --json
        """

    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: Help.text("Search the index by keywords, phrases and document numbers.",
                            vi: "Tìm trong chỉ mục theo từ khóa, cụm từ và số hiệu văn bản."),
        discussion: Help.text("""
        Words are all required and ranked by BM25. A query typed with marks matches each word's own spelling, \
        its unmarked syllables too (công an: "an", not "án"); a query typed without marks matches every marked \
        form (cong doan → công đoàn, công đoạn); a quoted phrase follows its own typing. \
        A document number in any spelling (565-CV/ĐĐTLĐ, 565/CV-DDTLD, 565 cv ddtld) finds that document \
        first, then the documents citing it.

        Syntax: "exact phrase"   a OR b   -word / NOT word   ( … )   prefix*
        Fields: so:02-NQ/TW  loai:QĐ  coquan:"bac ninh"  nam:2025  ngay:2025-11-01..2025-11-30  tieude:"chuyển đổi số"

        Examples:
        \(examples)

        Several indexes are searched as one: --index A --index B. Remote shards are served by Xapian's \
        xapian-tcpsrv (xapian-tools): on each machine `xapian-tcpsrv --port 8100 /data/index`, then \
        `vanban search QUERY --index tcp://host1:8100 --index tcp://host2:8100`.

        Words of two or three syllables are read as words: where the index shows two syllables typed side by \
        side standing together as one word (công đoàn, nghị quyết; not "quyết công"), the documents holding \
        them together come first and are counted; those holding the syllables only apart ("Đảng đoàn … công \
        tác") follow, counted and marked apart (JSON "words_apart_total", and "words_apart" on each result). \
        A question typed as a person asks it ("chứng thực bản sao mất bao lâu", "ai có thẩm quyền xử phạt") is \
        read without its interrogatives and the function words around them (JSON "left_out"). \
        When no document holds every word of a query of plain words, the \
        documents holding most of them follow, said as such (JSON "reading": "best_match", else "all_words").
        JSON: {query, estimated_total, total_is_exact, words_apart_total, left_out, reading, results, suggestion, facets}; \
        the text says "About N" only when the total is an estimate.
        Exit codes: 0 results, 1 no results, 2 error.
        """, vi: """
        Mọi từ đều bắt buộc và được xếp hạng theo BM25. Truy vấn gõ có dấu khớp đúng cách viết của từng từ, và cả \
        các tiếng không dấu của nó (công an: "an", không phải "án"); truy vấn gõ không dấu khớp mọi dạng có dấu \
        (cong doan → công đoàn, công đoạn); cụm từ trong ngoặc kép theo cách gõ của chính nó. \
        Số hiệu văn bản viết theo bất kỳ cách nào (565-CV/ĐĐTLĐ, 565/CV-DDTLD, 565 cv ddtld) tìm ra văn bản đó \
        trước, rồi đến các văn bản trích dẫn nó.

        Cú pháp: "cụm từ chính xác"   a OR b   -từ / NOT từ   ( … )   tiền_tố*
        Trường: so:02-NQ/TW  loai:QĐ  coquan:"bac ninh"  nam:2025  ngay:2025-11-01..2025-11-30  tieude:"chuyển đổi số"

        Ví dụ:
        \(examples)

        Nhiều chỉ mục được tìm như một: --index A --index B. Các phân mảnh ở máy khác do xapian-tcpsrv của Xapian \
        (xapian-tools) phục vụ: trên mỗi máy `xapian-tcpsrv --port 8100 /data/index`, rồi \
        `vanban search TRUY_VẤN --index tcp://host1:8100 --index tcp://host2:8100`.

        Từ hai hoặc ba tiếng được đọc như từ: khi chỉ mục cho thấy hai tiếng gõ cạnh nhau thường đứng liền thành \
        một từ (công đoàn, nghị quyết; không phải "quyết công"), các văn bản có chúng đứng liền được xếp trước và \
        được đếm; các văn bản chỉ có các tiếng đứng rời nhau ("Đảng đoàn … công tác") theo sau, được đếm và đánh \
        dấu riêng (JSON "words_apart_total", và "words_apart" ở mỗi kết quả). \
        Câu hỏi gõ như người ta hỏi ("chứng thực bản sao mất bao lâu", "ai có thẩm quyền xử phạt") được đọc không \
        kèm các từ để hỏi và hư từ quanh chúng (JSON "left_out"). \
        Khi không văn bản nào có đủ mọi từ của một truy vấn gồm các từ thường, các văn bản có nhiều từ nhất theo \
        sau, và được nói rõ như vậy (JSON "reading": "best_match", nếu không thì "all_words").
        JSON: {query, estimated_total, total_is_exact, words_apart_total, left_out, reading, results, suggestion, facets}; \
        phần chữ chỉ ghi "Khoảng N" khi tổng số là ước lượng.
        Mã thoát: 0 có kết quả, 1 không có kết quả, 2 lỗi.
        """)
    )

    @Argument(help: Help.argument("The query.", vi: "Truy vấn."))
    var query: String

    @OptionGroup var index: IndexSelection

    // Unconditional, so that `--limit -1` is read as a value and refused by validate() with the range.
    @Option(parsing: .unconditional, help: Help.argument("Results to show.", vi: "Số kết quả hiện ra.")) var limit = 10
    @Option(parsing: .unconditional, help: Help.argument("Results to skip (paging).", vi: "Số kết quả bỏ qua (để sang trang).")) var offset = 0
    // Unconditional: the value `-date` starts with a dash and is not an option.
    @Option(parsing: .unconditional, help: Help.argument("Order: relevance, date (oldest first, undated last) or -date (newest first).",
                                                        vi: "Thứ tự: relevance (mức liên quan), date (cũ nhất trước, văn bản không ngày ở cuối) hoặc -date (mới nhất trước)."))
    var sort: SearchSort = .relevance
    @Option(name: .customLong("type"), help: Help.argument("Only this type (name or abbreviation: \"Quyết định\", QĐ).",
                                                                 vi: "Chỉ loại văn bản này (tên hoặc chữ viết tắt: \"Quyết định\", QĐ).")) var type: String?
    @Option(help: Help.argument("Only documents whose issuer contains these words.", vi: "Chỉ văn bản có cơ quan ban hành chứa các từ này.")) var issuer: String?
    @Option(help: Help.argument("Only documents dated on or after (YYYY-MM-DD, DD/MM/YYYY or YYYY).",
                                vi: "Chỉ văn bản đề ngày từ ngày này trở về sau (YYYY-MM-DD, DD/MM/YYYY hoặc YYYY).")) var from: String?
    @Option(help: Help.argument("Only documents dated on or before.", vi: "Chỉ văn bản đề ngày từ ngày này trở về trước.")) var to: String?
    @Flag(help: Help.argument("Match every word by its exact form (marks as typed).", vi: "Khớp mọi từ theo đúng dạng của nó (dấu như đã gõ).")) var exact = false
    @Flag(help: Help.argument("Match every word by its folded form (ignore marks).", vi: "Khớp mọi từ theo dạng bỏ dấu (không xét dấu).")) var fold = false
    @Flag(help: Help.argument("Count results by type, issuer and year.", vi: "Đếm kết quả theo loại văn bản, cơ quan ban hành và năm.")) var facets = false
    @OptionGroup var output: OutputOptions<Format>

    enum Format: String, OutputFormat {
        case text, md, json
        static let standard = Format.text
    }

    func validate() throws {
        guard limit >= 0, limit <= 10_000 else { throw ValidationError(Help.text("--limit must be between 0 and 10000", vi: "--limit phải từ 0 đến 10000")) }
        guard offset >= 0 else { throw ValidationError(Help.text("--offset must not be negative", vi: "--offset không được âm")) }
        guard !(exact && fold) else { throw ValidationError(Help.text("--exact and --fold exclude each other", vi: "--exact và --fold không dùng cùng nhau được")) }
        for (name, date) in [("--from", from), ("--to", to)] {
            guard let date else { continue }
            do { _ = try QueryCompiler.dateRange(from: date, to: nil) } catch VanBanError.badQuery(let message, _) {
                throw ValidationError("\(name): \(Help.library(message))")
            }
        }
        do { _ = try QueryCompiler.dateRange(from: from, to: to) } catch VanBanError.badQuery(let message, _) {
            throw ValidationError("--from, --to: \(Help.library(message))")
        }
        if let type {
            do { _ = try QueryCompiler.typeFilter(type) } catch VanBanError.badQuery(let message, _) {
                throw ValidationError("--type: \(Help.library(message))")
            }
        }
    }

    func run() throws {
        var options = SearchOptions()
        options.limit = limit
        options.offset = offset
        options.sort = sort
        options.type = type
        options.issuer = issuer
        options.from = from
        options.to = to
        options.facets = facets
        options.mode = exact ? .exact : (fold ? .fold : .auto)
        let out = output.printer()
        let response = try out.reportingErrors(index: index.resolved) { () throws -> SearchResponse in
            do {
                return try index.open().search(query, options: options)
            } catch VanBanError.badQuery(let message, let position) {
                out.error(code: "bad_query") { $0.vanBanError(.badQuery(message: message, position: position)) }
                out.note(Self.pointer(query, at: position))
                throw Exit.error
            }
        }
        switch output.format {
        case .json: try out.json(response)
        case .text: Self.printResults(response, markdown: false, to: out)
        case .md: Self.printResults(response, markdown: true, to: out)
        }
        if response.results.isEmpty { throw Exit.noResults }
    }

    /// The query (control characters shown as `·`, long queries cut around the spot) and a caret under `position`.
    static func pointer(_ query: String, at position: Int) -> String {
        let scalars = Array(query.unicodeScalars)
        let from = max(0, position - 60)
        let to = min(scalars.count, position + 60)
        var line = from > 0 ? "…" : ""
        for s in scalars[from..<to] { line.unicodeScalars.append(s.properties.generalCategory == .control ? "·" : s) }
        if to < scalars.count { line += "…" }
        let column = position - from + (from > 0 ? 1 : 0)
        return "  " + line + "\n  " + String(repeating: " ", count: max(0, column)) + "^"
    }

    static func printResults(_ r: SearchResponse, markdown: Bool, to out: Printer) {
        let say = out.say
        let query = markdown ? "**\(r.query)**" : "\"\(r.query)\""
        if let s = r.suggestion { print(markdown ? "*\(say.didYouMean("**\(s)**"))*\n" : say.didYouMean(out.bold(s)) + "\n") }
        if r.results.isEmpty {
            print(r.estimatedTotal > 0 ? say.noResultsOnPage(r.estimatedTotal, r.totalIsExact, query) : say.noDocumentsMatch(query))
            return
        }
        if !r.leftOut.isEmpty {
            let line = say.readAsQuestion(r.leftOut.joined(separator: ", "))
            print(markdown ? "*\(line)*\n" : out.dim(line) + "\n")
        }
        if r.reading == .bestMatch {
            print(say.bestMatch(query, r.estimatedTotal, r.totalIsExact) + "\n")
        } else if r.estimatedTotal == 0 {
            print(say.onlyApart(query, r.wordsApartTotal) + "\n")
        } else {
            print(say.documentsMatch(r.estimatedTotal, r.totalIsExact, query, r.wordsApartTotal) + "\n")
        }
        for (k, hit) in r.results.enumerated() {
            if hit.wordsApart, k == 0 || !r.results[k - 1].wordsApart, r.estimatedTotal > 0 {
                let line = say.withWordsApart(r.wordsApartTotal)
                print(markdown ? "*\(line)*\n" : out.dim(line) + "\n")
            }
            let head = Printer.describe(number: hit.number, type: hit.type, issuer: hit.issuer, date: hit.date)
            let snippet = Snippet(text: hit.snippet, highlights: hit.highlights, offset: 0)
            if markdown {
                print("\(hit.rank). **\(hit.title ?? hit.number ?? hit.path)**  ")
                if !head.isEmpty { print("   \(head)  ") }
                print("   `\(hit.path)`  ")
                print("   " + SnippetBuilder.render(snippet, open: "**", close: "**") + "\n")
            } else {
                print("\(hit.rank). \(out.bold(hit.title ?? hit.number ?? hit.path))  " + out.dim("\(hit.relevance)%"))
                if !head.isEmpty { print("   \(head)") }
                print("   \(hit.path)")
                print("   …" + out.highlighted(snippet) + "…\n")
            }
        }
        if let f = r.facets {
            for (name, counts) in [(say.type, f.type), (say.issuer, f.issuer), (say.year, f.year)] where !counts.isEmpty {
                print("\(name): " + counts.prefix(8).map { "\($0.value) (\($0.count))" }.joined(separator: ", "))
            }
        }
    }
}
