import ArgumentParser
import Foundation
import VanBan

extension SearchSort: ExpressibleByArgument {}
extension MatchMode: ExpressibleByArgument {}

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the index by keywords, phrases and document numbers.",
        discussion: """
        Words are all required and ranked by BM25. A query typed with marks matches each word's own spelling, \
        its unmarked syllables too (công an: "an", not "án"); a query typed without marks matches every marked \
        form (cong doan → công đoàn, công đoạn); a quoted phrase follows its own typing. \
        A document number in any spelling (565-CV/ĐĐTLĐ, 565/CV-DDTLD, 565 cv ddtld) finds that document \
        first, then the documents citing it.

        Syntax: "exact phrase"   a OR b   -word / NOT word   ( … )   prefix*
        Fields: so:02-NQ/TW  loai:QĐ  coquan:"bac ninh"  nam:2025  ngay:2025-11-01..2025-11-30  tieude:"chuyển đổi số"

        Examples:
          vanban search "nghi quyet cong doan"
          vanban search 565-CV/ĐĐTLĐ
          vanban search '"công đoàn" -"công đoạn"' --sort -date --limit 20
          vanban search "xang dau" --type "Quyết định" --from 2025-01-01 --facets --json

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
        """
    )

    @Argument(help: "The query.")
    var query: String

    @OptionGroup var index: IndexSelection

    // Unconditional, so that `--limit -1` is read as a value and refused by validate() with the range.
    @Option(parsing: .unconditional, help: "Results to show.") var limit = 10
    @Option(parsing: .unconditional, help: "Results to skip (paging).") var offset = 0
    // Unconditional: the value `-date` starts with a dash and is not an option.
    @Option(parsing: .unconditional, help: "Order: relevance, date (oldest first, undated last) or -date (newest first).")
    var sort: SearchSort = .relevance
    @Option(name: .customLong("type"), help: "Only this type (name or abbreviation: \"Quyết định\", QĐ).") var type: String?
    @Option(help: "Only documents whose issuer contains these words.") var issuer: String?
    @Option(help: "Only documents dated on or after (YYYY-MM-DD, DD/MM/YYYY or YYYY).") var from: String?
    @Option(help: "Only documents dated on or before.") var to: String?
    @Flag(help: "Match every word by its exact form (marks as typed).") var exact = false
    @Flag(help: "Match every word by its folded form (ignore marks).") var fold = false
    @Flag(help: "Count results by type, issuer and year.") var facets = false
    @OptionGroup var output: OutputOptions<Format>

    enum Format: String, OutputFormat {
        case text, md, json
        static let standard = Format.text
    }

    func validate() throws {
        guard limit >= 0, limit <= 10_000 else { throw ValidationError("--limit must be between 0 and 10000") }
        guard offset >= 0 else { throw ValidationError("--offset must not be negative") }
        guard !(exact && fold) else { throw ValidationError("--exact and --fold exclude each other") }
        for (name, date) in [("--from", from), ("--to", to)] {
            guard let date else { continue }
            do { _ = try QueryCompiler.dateRange(from: date, to: nil) } catch VanBanError.badQuery(let message, _) {
                throw ValidationError("\(name): \(message)")
            }
        }
        do { _ = try QueryCompiler.dateRange(from: from, to: to) } catch VanBanError.badQuery(let message, _) {
            throw ValidationError("--from, --to: \(message)")
        }
        if let type {
            do { _ = try QueryCompiler.typeFilter(type) } catch VanBanError.badQuery(let message, _) {
                throw ValidationError("--type: \(message)")
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
