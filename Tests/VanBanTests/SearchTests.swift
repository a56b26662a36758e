import DocRefs
import Foundation
import Testing
import VietText
import Xapian
@testable import VanBan

@Suite struct SearchTests {
    typealias F = SearchFixture

    @Test func headersAreIndexed() throws {
        let r = try F.open().search("so:12/QĐ-TLĐ").results
        let top = try #require(r.first)
        #expect(top.number == "12/QĐ-TLĐ")
        #expect(top.type == "Quyết định")
        #expect(top.date == "2021-03-05")
        #expect(top.issuer?.localizedCaseInsensitiveContains("LIÊN ĐOÀN") == true)
    }

    // MARK: Operators

    @Test func allWordsAreRequired() throws {
        #expect(Set(try F.names("thue dat")) == [F.d])
        #expect(Set(try F.names("dat")) == [F.d, F.e])
    }

    @Test func phraseNeedsWordsInARow() throws {
        #expect(Set(try F.names("\"đất nông nghiệp\"")) == [F.d, F.e])
        #expect(Set(try F.names("\"nông nghiệp đất\"")).isEmpty)
        #expect(Set(try F.names("\"chuyen doi so\"")) == [F.c])
    }

    @Test func orMatchesEither() throws {
        #expect(Set(try F.names("xăng OR thuế")) == [F.b, F.d])
        #expect(Set(try F.names("casino OR thuế")) == [F.d])
    }

    @Test func exclusion() throws {
        #expect(Set(try F.names("dat -thue")) == [F.e])
        #expect(Set(try F.names("dat NOT thue")) == [F.e])
        #expect(Set(try F.names("NOT \"công đoàn\"")) == [F.b, F.c, F.d, F.e])
    }

    @Test func parentheses() throws {
        #expect(Set(try F.names("(xăng OR thuế) sản")) == [F.b])
        #expect(Set(try F.names("giai (doan OR đoạn)")) == [F.d, F.e])
    }

    @Test func wildcard() throws {
        #expect(Set(try F.names("chuy*")) == [F.c, F.e])
        #expect(Set(try F.names("xăn*")) == [F.b])
        #expect(try F.names("zzq*").isEmpty)
    }

    // MARK: Fields

    @Test func typeField() throws {
        #expect(Set(try F.names("loai:QĐ")) == [F.a])
        #expect(Set(try F.names("loai:\"ke hoach\"")) == [F.d])
        #expect(Set(try F.names("thuế loai:\"Thông báo\"")).isEmpty)
    }

    @Test func issuerField() throws {
        #expect(Set(try F.names("coquan:\"bac ninh\"")) == [F.c, F.d])
        #expect(Set(try F.names("coquan:\"bộ công thương\"")) == [F.b])
    }

    @Test func yearAndDateFields() throws {
        #expect(Set(try F.names("nam:2023")) == [F.c, F.d])
        #expect(Set(try F.names("ngay:2022-01-01..2023-08-01")) == [F.b, F.c])
        #expect(Set(try F.names("ngay:2023-11-20..")) == [F.d, F.e])
        #expect(Set(try F.names("ngay:..05/03/2021")) == [F.a])
    }

    @Test func titleField() throws {
        #expect(Set(try F.names("tieude:\"chuyển đổi số\"")) == [F.c])
        // `đất nông nghiệp` is in the body of d, not in its title.
        #expect(Set(try F.names("tieude:\"đất nông nghiệp\"")).isEmpty)
        #expect(Set(try F.names("tieude:dat")) == [F.d, F.e])
    }

    @Test func numberField() throws {
        #expect(try F.names("so:88/KH-UBND") == [F.d])
        #expect(try F.names("so:\"88 kh ubnd\"") == [F.d])
    }

    @Test func filterOptions() throws {
        #expect(Set(try F.names("dat") { $0.type = "Thông báo" }) == [F.e])
        #expect(Set(try F.names("dat") { $0.issuer = "bac ninh" }) == [F.d])
        #expect(Set(try F.names("cong doan") { $0.from = "2022" }) == [F.b])
        #expect(Set(try F.names("cong doan") { $0.to = "31/12/2021" }) == [F.a])
    }

    // MARK: Diacritics

    @Test func unmarkedWordsMatchEveryMarkedForm() throws {
        #expect(Set(try F.names("cong doan")) == [F.a, F.b])
        #expect(Set(try F.names("\"cong doan\"")) == [F.a, F.b])
    }

    @Test func markedWordsMatchOnlyThatForm() throws {
        #expect(Set(try F.names("công đoàn")) == [F.a])
        #expect(Set(try F.names("công đoạn")) == [F.b])
        #expect(Set(try F.names("\"công đoạn\"")) == [F.b])
        // Upper case and another tone placement are the same exact form.
        #expect(Set(try F.names("CÔNG ĐOÀN")) == [F.a])
    }

    /// Typed with marks, the query's unmarked syllables match exactly: "an" is not "án", "dau" not "dầu".
    @Test func aQueryTypedWithMarksMatchesItsUnmarkedWordsExactly() throws {
        #expect(Set(try F.names("xăng dầu")) == [F.b])
        #expect(try F.open().search("xăng dau").reading == .bestMatch, "'dau' typed beside a marked word means 'dau', not 'dầu'")
        #expect(Set(try F.names("xang dau")) == [F.b], "typed without marks, every word folds")
        // A quoted phrase follows its own typing; --fold still overrides.
        #expect(Set(try F.names("xăng \"san xuat\"")) == [F.b])
        #expect(Set(try F.names("xăng dau") { $0.mode = .fold }) == [F.b])
    }

    /// A query no document holds every word of finds what holds most of its words, said as such; a query that
    /// finds enough as typed, or uses the query language, is read as typed.
    @Test func tooFewWithEveryWordBringsTheBestMatches() throws {
        let index = try F.open()
        let asked = try index.search("kiểm tra xăng dầu như thế nào")
        #expect(asked.leftOut == ["như", "thế", "nào"] && asked.reading == .allWords, "a question is read by what it asks about")
        #expect(asked.results.first.map { URL(fileURLWithPath: $0.path).lastPathComponent } == F.b)
        let question = try index.search("kiểm tra xăng dầu tàu biển")
        #expect(question.reading == .bestMatch)
        #expect(question.results.first.map { URL(fileURLWithPath: $0.path).lastPathComponent } == F.b)
        #expect(question.estimatedTotal >= question.results.count && !question.results.isEmpty)
        #expect(try index.search("xăng dầu").reading == .allWords)
        #expect(try index.search("\"xăng dầu như thế nào\"").reading == .allWords, "a phrase is read as typed")
        #expect(try index.search("xăng OR thế").reading == .allWords)
        #expect(try index.search("zzzz yyyy").results.isEmpty)
        let dated = try index.search("kiểm tra xăng dầu tàu biển", options: { var o = SearchOptions(); o.sort = .date; return o }())
        #expect(dated.reading == .bestMatch && Set(dated.results.map(\.docid)) == Set(question.results.map(\.docid)))
    }

    @Test func exactAndFoldOverride() throws {
        #expect(try F.names("cong doan") { $0.mode = .exact }.isEmpty)
        #expect(Set(try F.names("công đoàn") { $0.mode = .fold }) == [F.a, F.b])
    }

    // MARK: Ranking

    @Test func ownNumberFirstThenCitingDocuments() throws {
        for spelling in ["12/QĐ-TLĐ", "12/qd-tld", "12 QĐ TLĐ", "số 12-QĐ/TLĐ"] {
            let r = try F.names(spelling)
            #expect(r.first == F.a, "\(spelling): \(r)")
            #expect(Set(r.dropFirst()) == [F.b, F.c], "\(spelling): \(r)")
        }
        // c mentions the number twice, b once.
        #expect(try F.names("12/QĐ-TLĐ") == [F.a, F.c, F.b])
    }

    @Test func ownPartialNumberFirstThenCitingDocuments() throws {
        for spelling in ["quyết định 12", "QĐ 12", "quyet dinh so 12", "so:\"QĐ 12\""] {
            let r = try F.names(spelling)
            #expect(r.first == F.a, "\(spelling): \(r)")
            #expect(Set(r.dropFirst()).isSuperset(of: [F.b, F.c]), "\(spelling): \(r)")
        }
    }

    @Test func titleWordsRankHigher() throws {
        // `xăng dầu` is in b's title; nobody else has it, so check `đất đai` (title of e? no: d's title).
        let r = try F.names("đất đai")
        #expect(r.first == F.d, "\(r)")
    }

    /// An index of `texts` (file name → text), each followed by the same filler sentences, in `dir/index`.
    static func smallIndex(_ texts: [String: String]) throws -> (TempDir, SearchIndex) {
        let dir = try TempDir()
        let filler = String(repeating: " Nội dung khác của văn bản.", count: 3)
        for (name, text) in texts { _ = try dir.write("docs/" + name, text + filler) }
        return (dir, try buildIndex(dir.url.appendingPathComponent("docs"), in: dir).1)
    }

    @Test("a word of two syllables matches where they stand together; documents holding them apart follow, counted apart")
    func wordsHeldTogether() throws {
        let (dir, index) = try Self.smallIndex([
            "together.txt": "Ban chấp hành công đoàn cơ sở họp bàn về công đoàn.",
            "wrapped.txt": "Báo cáo của công\nđoàn ngành giáo dục.",
            "apart.txt": "Đảng đoàn chỉ đạo công tác cán bộ.",
            "comma.txt": "Thành lập đoàn kiểm tra liên ngành, hoàn thành công, đoàn thể tham gia.",
            "neither.txt": "Kế hoạch phát triển nông nghiệp.",
        ])
        func names(_ r: SearchResponse) -> [String] { r.results.map { ($0.path as NSString).lastPathComponent } }

        for query in ["cong doan", "công đoàn"] {
            let r = try index.search(query)
            #expect((r.estimatedTotal, r.totalIsExact, r.wordsApartTotal) == (2, true, 2), "\(query)")
            #expect(Set(names(r).prefix(2)) == ["together.txt", "wrapped.txt"], "a line break joins a word: \(query)")
            #expect(Set(names(r).suffix(2)) == ["apart.txt", "comma.txt"], "a comma parts one: \(query)")
            #expect(r.results.map(\.wordsApart) == [false, false, true, true])
            #expect(r.results.map(\.rank) == [1, 2, 3, 4])
        }
        // Paging crosses from the words held together to those held apart, ranks running on.
        var options = SearchOptions()
        (options.offset, options.limit) = (1, 2)
        let page = try index.search("cong doan", options: options)
        #expect(page.results.map(\.rank) == [2, 3] && page.results.map(\.wordsApart) == [false, true])
        (options.offset, options.limit) = (3, 2)
        #expect(try index.search("cong doan", options: options).results.map(\.rank) == [4])
        // A page filled by the words together still counts those apart (as all matches less those together).
        for (offset, limit) in [(0, 1), (0, 2), (1, 1)] {
            (options.offset, options.limit) = (offset, limit)
            let full = try index.search("công đoàn", options: options)
            #expect((full.estimatedTotal, full.totalIsExact, full.wordsApartTotal) == (2, true, 2), "\(offset), \(limit)")
            #expect(full.results.count == limit && !full.results.contains(where: \.wordsApart))
        }
        // By date, the same two tiers.
        options = SearchOptions()
        options.sort = .dateDescending
        #expect(try index.search("cong doan", options: options).results.map(\.wordsApart) == [false, false, true, true])

        // Two syllables that never stand together here are not a word: nothing is counted apart.
        let scattered = try index.search("doan cong")
        #expect(scattered.wordsApartTotal == 0 && scattered.estimatedTotal == 4 && !scattered.results.contains(where: \.wordsApart))
        #expect(try index.words(of: SearchPlan("ke hoach phat trien cong doan")).map(\.term) == ["XBke_hoach", "XBhoach_phat", "XBphat_trien", "XBcong_doan"])

        // What the CLI says of both.
        let path = dir.path + "/index"
        let both = try vanban(["search", "công đoàn", "--index", path])
        #expect(both.stdout.contains("2 documents match \"công đoàn\" (and 2 with the words apart)."), "\(both.stdout)")
        #expect(both.stdout.contains("With the words apart (2):"), "\(both.stdout)")
        // `công đoàn` and `đoàn thể` are words here; no document holds both as words, one holds their syllables.
        let none = try vanban(["search", "công đoàn thể", "--index", path])
        #expect(none.status == 0 && none.stdout.contains("No document holds the words of \"công đoàn thể\" as words: 1 holds their syllables apart."),
                "\(none.stdout)")
        #expect(!none.stdout.contains("With the words apart"), "no second heading when every result holds the words apart")
    }

    @Test("a question is read by what it asks about: its interrogatives and stray function words left out, said so")
    func questionsReadByTheirContent() throws {
        let (dir, index) = try Self.smallIndex([
            "answer.txt": "Thời hạn chứng thực bản sao từ bản chính là trong ngày làm việc.",
            "other.txt": "Bao lâu thì có thể nộp hồ sơ, đó là câu hỏi của người dân.",
        ])
        for (query, leftOut) in [("chứng thực bản sao mất bao lâu", ["mất", "bao", "lâu"]),
                                 ("chung thuc ban sao mat bao lau", ["mat", "bao", "lau"]),
                                 ("chứng thực bản sao thì mất bao lâu?", ["thì", "mất", "bao", "lâu"])] {
            let r = try index.search(query)
            #expect(r.leftOut == leftOut, "\(query): \(r.leftOut)")
            #expect(r.results.map { ($0.path as NSString).lastPathComponent } == ["answer.txt"], "\(query)")
            #expect(r.reading == .allWords && r.estimatedTotal == 1)
        }
        // "sao" asks in "vì sao", but is part of "bản sao" here: kept.
        #expect(try index.search("bản sao là gì").leftOut == ["là", "gì"])
        // A function word standing in a word with the next ("thể nộp" here, every time) stays; one beside another
        // function word ("thì có") goes.
        let kept = try index.search("bao lâu thì có thể nộp hồ sơ")
        #expect(kept.leftOut == ["bao", "lâu", "thì", "có"], "\(kept.leftOut)")
        #expect(kept.results.map { ($0.path as NSString).lastPathComponent } == ["other.txt"])
        // No interrogative: every word counts, none left out.
        #expect(try index.search("chứng thực bản sao").leftOut.isEmpty)
        #expect(try index.search("thời hạn chứng thực").leftOut.isEmpty)
        // The CLI says how it read the question.
        let out = try vanban(["search", "chứng thực bản sao mất bao lâu", "--index", dir.path + "/index"])
        #expect(out.status == 0 && out.stdout.contains("Read as a question, without: mất, bao, lâu"), "\(out.stdout)")
    }

    @Test("typed with marks, a word stands together as typed: the folded pair alone is not enough")
    func markedWordsTogetherAsTyped() throws {
        let (_, index) = try Self.smallIndex([
            "police.txt": "Lực lượng công an xã bảo đảm an ninh.",
            "project.txt": "Quản lý công án xây dựng, bảo đảm an toàn.",
        ])
        let marked = try index.search("công an")
        #expect(marked.results.map { ($0.path as NSString).lastPathComponent } == ["police.txt", "project.txt"])
        #expect((marked.estimatedTotal, marked.wordsApartTotal) == (1, 1), "project.txt holds `an` only apart from `công`")
        let folded = try index.search("cong an")
        #expect((folded.estimatedTotal, folded.wordsApartTotal) == (2, 0))
    }

    @Test("pair terms: folded syllables side by side, across spaces and line breaks, never across punctuation or numbers")
    func pairTerms() throws {
        let dir = try TempDir()
        _ = try dir.write("docs/a.txt", "Công  đoàn\r\ncơ sở; Đoàn (thanh niên) số 12/QĐ-UBND công, tác")
        let (_, index) = try buildIndex(dir.url.appendingPathComponent("docs"), in: dir)
        let pairs = try index.database.allTerms(prefix: Schema.Prefix.pair).map(\.term)
        #expect(pairs == ["XBco_so", "XBcong_doan", "XBdoan_co", "XBthanh_nien"])
    }

    @Test func wordsSideBySideRankFirst() throws {
        let dir = try TempDir()
        _ = try dir.write("docs/xa.txt", "Nhập hàng, thu tiền, cá nhân ký nhận. " + String(repeating: "Nội dung khác. ", count: 3))
        _ = try dir.write("docs/gan.txt", "Thuế thu nhập cá nhân được kê khai. " + String(repeating: "Nội dung khác. ", count: 3))
        let (_, index) = try buildIndex(dir.url.appendingPathComponent("docs"), in: dir)
        #expect(try index.search("thu nhap ca nhan").results.map { ($0.path as NSString).lastPathComponent } == ["gan.txt", "xa.txt"])
    }

    @Test("of four words or more, documents holding pairs of them in a row rank above those holding them scattered")
    func neighbouringPairsRankFirst() throws {
        let dir = try TempDir()
        // All four words, often, never two of them side by side; and once, as two words apart from each other.
        _ = try dir.write("docs/scattered.txt", String(repeating: "Đề nghị đoàn kiểm tra quyết toán công trình. ", count: 3)
            + String(repeating: "Nội dung khác. ", count: 3))
        _ = try dir.write("docs/pairs.txt", "Nghị quyết Đại hội Công đoàn cơ sở nhiệm kỳ mới. " + String(repeating: "Nội dung khác. ", count: 3))
        let (_, index) = try buildIndex(dir.url.appendingPathComponent("docs"), in: dir)
        #expect(try index.search("nghi quyet cong doan").results.map { ($0.path as NSString).lastPathComponent } == ["pairs.txt", "scattered.txt"])
        // Each pair typed side by side weighs through its pair term: no positional check of the body.
        var compiler = QueryCompiler()
        let four = try compiler.compile(QueryLanguage.parse("nghi quyet cong doan")).description
        for pair in ["XBnghi_quyet", "XBquyet_cong", "XBcong_doan"] { #expect(four.contains(pair), "\(four)") }
        #expect(!four.contains("PHRASE"), "\(four)")
        #expect(compiler.pairs.map(\.term) == ["XBnghi_quyet", "XBquyet_cong", "XBcong_doan"])
        // Pairs are taken from words side by side at the top level: not across a phrase, a number or a negation,
        // nor inside an OR.
        for (q, pairs) in [("cong \"doan\" co so", ["XBco_so"]), ("cong -doan co", []), ("cong OR doan", []),
                           ("(cong doan) OR (co so)", []), ("tai 12/QĐ-UBND san", [])] {
            compiler = QueryCompiler()
            _ = try compiler.compile(QueryLanguage.parse(q))
            #expect(compiler.pairs.map(\.term) == pairs, "\(q)")
        }
    }

    @Test func aTitleHoldingTheWordsApartGetsNoTitleBoost() throws {
        let dir = try TempDir()
        _ = try dir.write("docs/apart.txt", "ỦY BAN NHÂN DÂN TỈNH BẮC NINH\nSố: 12/QĐ-UBND\nQUYẾT ĐỊNH\nVề quy chế công chức giai đoạn 2025-2030\n\n"
            + String(repeating: "Nội dung quy chế áp dụng cho cán bộ. ", count: 4))
        _ = try dir.write("docs/together.txt", "Ban chấp hành công đoàn cơ sở họp bàn. " + String(repeating: "Nội dung khác. ", count: 3))
        let (_, index) = try buildIndex(dir.url.appendingPathComponent("docs"), in: dir)
        #expect(try index.lookup("12/QĐ-UBND").document.title?.contains("giai đoạn") == true)
        #expect(try index.search("cong doan").results.map { ($0.path as NSString).lastPathComponent } == ["together.txt", "apart.txt"])
        #expect(try index.search("quy chế").results.map { ($0.path as NSString).lastPathComponent }.first == "apart.txt")
    }

    @Test func sortByDate() throws {
        let index = try F.open()
        var options = SearchOptions()
        options.sort = .date
        let up = try index.search("cong OR dat OR so", options: options).results.map { $0.date ?? "" }
        #expect(up == up.sorted() && up.count == 5)
        options.sort = .dateDescending
        let down = try index.search("cong OR dat OR so", options: options).results.map { $0.date ?? "" }
        #expect(down == up.reversed())
    }

    @Test func paging() throws {
        let index = try F.open()
        var options = SearchOptions()
        options.sort = .date
        let all = try index.search("cong OR dat OR so", options: options).results.map(\.path)
        options.limit = 2
        var paged: [String] = []
        var ranks: [Int] = []
        for offset in stride(from: 0, to: 6, by: 2) {
            options.offset = offset
            let page = try index.search("cong OR dat OR so", options: options)
            #expect(page.estimatedTotal == 5)
            paged += page.results.map(\.path)
            ranks += page.results.map(\.rank)
        }
        #expect(paged == all)
        #expect(ranks == [1, 2, 3, 4, 5])
        options.offset = 10
        #expect(try index.search("cong OR dat OR so", options: options).results.isEmpty)
    }

    @Test func oldestFirstPutsUndatedLastAcrossPages() throws {
        let dir = try TempDir()
        for (name, date) in [("b", "12/3/2021"), ("a", "05/01/2020"), ("c", "30/9/2022")] {
            _ = try dir.write("docs/\(name).txt", "UBND TỈNH BẮC NINH\nSố: 1\(name.unicodeScalars.first!.value)/KH-UBND\nBắc Ninh, ngày \(date)\n\nKế hoạch về công đoàn cơ sở.")
        }
        _ = try dir.write("docs/x.txt", "Ghi chú về công đoàn, không có ngày.")
        _ = try dir.write("docs/y.txt", "Một ghi chú khác về công đoàn.")
        let (_, index) = try buildIndex(dir.url.appendingPathComponent("docs"), in: dir)
        var options = SearchOptions()
        options.sort = .date
        let all = try index.search("cong doan", options: options)
        #expect(all.results.map { $0.date ?? "-" } == ["2020-01-05", "2021-03-12", "2022-09-30", "-", "-"])
        #expect(all.estimatedTotal == 5)
        options.limit = 2
        var paged: [String] = []
        for offset in [0, 2, 4, 6] {
            options.offset = offset
            let page = try index.search("cong doan", options: options)
            #expect(page.estimatedTotal == 5, "offset \(offset)")
            #expect(page.results.map(\.rank) == Array(stride(from: offset + 1, through: min(offset + 2, 5), by: 1)), "offset \(offset)")
            paged += page.results.map(\.path)
        }
        #expect(paged == all.results.map(\.path))
        options.sort = .dateDescending
        options.offset = 0
        options.limit = 10
        #expect(try index.search("cong doan", options: options).results.map { $0.date ?? "-" } == ["2022-09-30", "2021-03-12", "2020-01-05", "-", "-"])
        options.sort = .date
        options.facets = true
        options.limit = 1
        let years = try index.search("cong doan", options: options).facets?.year.map { "\($0.value) \($0.count)" }
        #expect(years == ["2020 1", "2021 1", "2022 1"])
    }

    @Test func smallResultSetsAreCountedNotEstimated() throws {
        let dir = try TempDir()
        for i in 0..<30 {
            _ = try dir.write("docs/\(i).txt", "UBND TỈNH BẮC NINH\nSố: \(i + 1)/QĐ-UBND\nBắc Ninh, ngày 05 tháng 3 năm \(1990 + i)\n\n"
                + (i % 3 == 0 ? "Nghị quyết về công đoàn. " : "Nghị định về thuế. ") + String(repeating: "Nội dung \(i). ", count: i + 1))
        }
        let (_, index) = try buildIndex(dir.url.appendingPathComponent("docs"), in: dir)
        var options = SearchOptions()
        options.limit = 1
        #expect(try index.search("nghi OR cong", options: options).estimatedTotal == 30)
        #expect(try index.search("nghi OR cong", options: options).totalIsExact)
        #expect(try index.search("cong", options: options).estimatedTotal == 10)
        // A value range is where Xapian's estimate is furthest off.
        options.from = "2000-01-01"
        options.to = "2009-12-31"
        #expect(try index.search("nghi", options: options).estimatedTotal == 10)
        #expect(try index.search("ngay:2000-01-01..2003-12-31", options: SearchOptions()).estimatedTotal == 4)
    }

    @Test func facetsCountEveryMatch() throws {
        var options = SearchOptions()
        options.facets = true
        options.limit = 1
        let r = try F.open().search("dat OR doan", options: options)
        let f = try #require(r.facets)
        #expect(r.estimatedTotal == 4)
        #expect(Set(f.type) == [FacetCount(value: "Quyết định", count: 1), FacetCount(value: "Công văn", count: 1),
                                FacetCount(value: "Kế hoạch", count: 1), FacetCount(value: "Thông báo", count: 1)])
        #expect(Set(f.year) == [FacetCount(value: "2021", count: 1), FacetCount(value: "2022", count: 1),
                                FacetCount(value: "2023", count: 1), FacetCount(value: "2024", count: 1)])
        #expect(f.issuer.map(\.count).reduce(0, +) == 4)
        options.facets = false
        #expect(try F.open().search("dat", options: options).facets == nil)
    }

    @Test func facetValuesWrittenAlikeCountAsOne() throws {
        let merged = FacetCount.merged([("CHÍNH PHỦ", 11), ("Chính phủ", 5), ("UỶ BAN NHÂN DÂN TỈNH BẮC NINH", 3),
                                        ("ỦY BAN NHÂN DÂN TỈNH BẮC NINH", 3), ("Chi\u{301}nh phu\u{309}", 2), ("Bộ Tài chính", 4), ("", 9)])
        #expect(merged == [FacetCount(value: "Chính phủ", count: 18), FacetCount(value: "UỶ BAN NHÂN DÂN TỈNH BẮC NINH", count: 6),
                           FacetCount(value: "Bộ Tài chính", count: 4)])
        #expect(FacetCount.merged([]) == [])

        let dir = try TempDir()
        _ = try dir.write("docs/a.txt", "CHÍNH PHỦ\nSố: 1/NĐ-CP\n\nNghị định về thuế.")
        _ = try dir.write("docs/b.txt", "Chính phủ\nSố: 2/NĐ-CP\n\nNghị định khác về thuế.")
        let (_, index) = try buildIndex(dir.url.appendingPathComponent("docs"), in: dir)
        var options = SearchOptions()
        options.facets = true
        let issuers = try #require(try index.search("thue", options: options).facets?.issuer)
        #expect(issuers == [FacetCount(value: "CHÍNH PHỦ", count: 2)], "the index keeps one spelling per body")
        #expect(try index.stats().byIssuer == issuers)
    }

    /// Facets, the issuer filter and the result card use the issuer's display form: tone placement and case
    /// unified, the full name where the letterhead prints its first words; a derived title is marked in the hit
    /// and gets no title terms.
    @Test func issuersAreIndexedInTheirDisplayForm() throws {
        let dir = try TempDir()
        _ = try dir.write("docs/a.txt", "UỶ BAN NHÂN DÂN\nTỈNH THANH HOÁ\nSố: 1/QĐ-UBND\nQUYẾT ĐỊNH\nVề việc thu thuế\nCăn cứ luật.")
        _ = try dir.write("docs/b.txt", "ỦY BAN NHÂN DÂN\nTỈNH THANH HÓA\nSố: 2/QĐ-UBND\nQUYẾT ĐỊNH\nVề việc miễn thuế\nCăn cứ luật.")
        _ = try dir.write("docs/c.txt", "BAN CHẤP HÀNH TRUNG ƯƠNG\nVĂN PHÒNG\n*\nSố 07-KL/VPTW\nKẾT LUẬN\nVỀ CÔNG TÁC THUẾ\n-----\nHội nghị bàn về thuế.")
        _ = try dir.write("docs/d.txt", "Thuế được bàn ở hội nghị. Câu hai.")
        let (_, index) = try buildIndex(dir.url.appendingPathComponent("docs"), in: dir)
        var options = SearchOptions()
        options.facets = true
        let response = try index.search("thue", options: options)
        #expect(Set(try #require(response.facets?.issuer)) == [FacetCount(value: "ỦY BAN NHÂN DÂN TỈNH THANH HÓA", count: 2),
                                                                FacetCount(value: "VĂN PHÒNG TRUNG ƯƠNG ĐẢNG", count: 1)])
        let party = try #require(response.results.first { $0.path.hasSuffix("c.txt") })
        #expect(party.issuer == "VĂN PHÒNG TRUNG ƯƠNG ĐẢNG" && !party.titleDerived)
        let plain = try #require(response.results.first { $0.path.hasSuffix("d.txt") })
        #expect(plain.title == "Thuế được bàn ở hội nghị" && plain.titleDerived)
        options.issuer = "van phong trung uong dang"
        #expect(try index.search("thue", options: options).results.map { ($0.path as NSString).lastPathComponent } == ["c.txt"])
        let stored = try #require(try index.stats().byIssuer.first { $0.value.hasPrefix("VĂN") })
        #expect(stored.count == 1)
        // A first sentence standing in for a title is no title: `tieude:` does not search it.
        let titled = try index.search("tieude:thue", options: SearchOptions()).results.map { ($0.path as NSString).lastPathComponent }
        #expect(Set(titled) == ["a.txt", "b.txt", "c.txt"])
    }

    // MARK: Snippets

    @Test func highlightSpansCoverTheMatchedWords() throws {
        let hits = try F.open().search("cong doan").results
        #expect(hits.count == 2)
        for hit in hits {
            #expect(!hit.highlights.isEmpty)
            let bytes = Array(hit.snippet.utf8)
            for span in hit.highlights {
                let word = String(decoding: bytes[span[0]..<span[1]], as: UTF8.self)
                #expect(["cong", "doan"].contains(TermText.folded(word)), "\(word) in \(hit.snippet)")
            }
        }
        let a = try #require(hits.first { $0.path.hasSuffix(F.a) })
        let words = a.highlights.map { String(decoding: Array(a.snippet.utf8)[$0[0]..<$0[1]], as: UTF8.self) }
        #expect(words.contains("Công"), "\(words)")
        #expect(words.contains("đoàn"))
    }

    @Test func markedQueryHighlightsOnlyThatForm() throws {
        let hit = try #require(try F.open().search("công đoạn").results.first)
        let words = hit.highlights.map { String(decoding: Array(hit.snippet.utf8)[$0[0]..<$0[1]], as: UTF8.self) }
        #expect(Set(words.map { $0.lowercased() }) == ["công", "đoạn"], "\(words)")
    }

    @Test func numberIsHighlightedAsOneSpan() throws {
        let hit = try #require(try F.open().search("12 qd tld").results.first { $0.path.hasSuffix(F.b) })
        let words = hit.highlights.map { String(decoding: Array(hit.snippet.utf8)[$0[0]..<$0[1]], as: UTF8.self) }
        #expect(words == ["12/QĐ-TLĐ"], "\(words)")
    }

    @Test func aPhraseIsHighlightedOnlyWhereItStandsWhole() throws {
        let text = "Đảng đoàn chỉ đạo công tác. Công đoàn cơ sở và CÔNG ĐOÀN ngành; công đoạn sản xuất."
        func marked(_ query: String) throws -> [String] {
            var compiler = QueryCompiler()
            _ = try compiler.compile(QueryLanguage.parse(query))
            let s = SnippetBuilder(terms: compiler.highlights).snippet(in: text)
            let bytes = Array(s.text.utf8)
            return s.highlights.map { String(decoding: bytes[$0[0]..<$0[1]], as: UTF8.self) }
        }
        #expect(try marked("\"công đoàn\"") == ["Công", "đoàn", "CÔNG", "ĐOÀN"])
        #expect(try marked("\"cong doan\"") == ["Công", "đoàn", "CÔNG", "ĐOÀN", "công", "đoạn"])
        // A word asked for on its own as well is highlighted wherever it stands.
        #expect(try marked("đoàn \"công đoàn\"") == ["đoàn", "Công", "đoàn", "CÔNG", "ĐOÀN"])
        #expect(try marked("\"công đoàn\" đảng") == ["Đảng", "Công", "đoàn", "CÔNG", "ĐOÀN"])
        #expect(try marked("\"đoàn\"") == ["đoàn", "đoàn", "ĐOÀN"])
        #expect(try marked("\"công đoàn ngành\"") == ["CÔNG", "ĐOÀN", "ngành"])
    }

    @Test("a phrase that repeats a word is found where the text repeats it more often")
    func aPhraseWithARepeatedWord() throws {
        let text = "Công đoàn đoàn đoàn kết; đoàn kết."
        var compiler = QueryCompiler()
        _ = try compiler.compile(QueryLanguage.parse("\"đoàn đoàn kết\" OR cong*"))
        let s = SnippetBuilder(terms: compiler.highlights).snippet(in: text)
        let bytes = Array(s.text.utf8)
        let spans = s.highlights.map { [$0[0], String(decoding: bytes[$0[0]..<$0[1]], as: UTF8.self)] as [AnyHashable] }
        // The prefix marks `Công` (byte 0); the phrase marks the second to fourth words, not the first `đoàn`.
        #expect(spans == [[0, "Công"], [13, "đoàn"], [20, "đoàn"], [27, "kết"]], "\(spans)")
    }

    @Test func snippetOfAHugeDocumentIsShortAndValid() throws {
        let text = String(repeating: "Nội dung không liên quan. ", count: 40_000) + "Công đoàn cơ sở."
        let builder = SnippetBuilder(terms: { var t = HighlightTerms(); t.folded = ["cong", "doan"]; return t }())
        let s = builder.snippet(in: text)
        #expect(s.text.utf8.count <= builder.length + 80)
        #expect(s.highlights.allSatisfy { $0[0] >= 0 && $0[1] <= s.text.utf8.count && $0[0] < $0[1] })
    }

    /// One long document indexed alone: `opening`, `fillers` unrelated sentences, "Đại hội Công đoàn cơ sở …",
    /// and as many fillers again.
    static func longDocument(opening: String, fillers: Int, in dir: TempDir) throws -> (text: String, index: SearchIndex) {
        let filler = String(repeating: "Nội dung không liên quan đến việc này. ", count: fillers)
        let text = opening + "\n" + filler + "\nĐại hội Công đoàn cơ sở họp ngày mai.\n" + filler
        let docs = try dir.write("docs/dai.txt", text).deletingLastPathComponent()
        let index = dir.url.appendingPathComponent("index").path
        _ = try Indexer(options: IndexOptions(roots: [docs], indexPath: index, jobs: 1)).run(stop: StopRequest())
        return (text, try SearchIndex(locations: [index]))
    }

    @Test("the snippet of a long document is the passage where the words stand together, found by positions")
    func passageFoundByPositions() throws {
        let dir = try TempDir()
        let (text, search) = try Self.longDocument(opening: "Công văn nói về công tác chung.", fillers: 600, in: dir)

        // The offsets table: one entry per 64 positions, each the start of the first token of its block.
        let tokens = Analyzer().tokens(in: text)
        let offsets = try search.database.document(1).withValue(Schema.Slot.positionOffsets) { bytes in
            stride(from: 0, to: bytes.count, by: 4).map { k in (0..<4).reduce(0) { $0 | Int(bytes[k + $1]) << (8 * $1) } }
        }
        #expect(offsets.count == tokens.last!.position / Schema.positionBlock + 1)
        for (block, offset) in offsets.enumerated() {
            #expect(tokens.first { $0.position >= block * Schema.positionBlock }?.start == offset)
        }

        let hit = try #require(try search.search("cong doan").results.first)
        let deep = try #require(text.utf8.firstRange(of: "Công đoàn cơ sở".utf8))
        let start = text.utf8.distance(from: text.utf8.startIndex, to: deep.lowerBound)
        #expect(hit.snippet.contains("Công đoàn cơ sở"), "the passage with both words, not the lone \"công\" at the start")
        let words = hit.highlights.map { String(decoding: Array(hit.snippet.utf8)[$0[0]..<$0[1]], as: UTF8.self) }
        #expect(words == ["Công", "đoàn"])
        let from = try #require(try search.passageStart(1, search.database.document(1), terms: ["cong", "doan"]))
        #expect(from <= start && start - from < 1_000, "the block holding the passage")
        #expect(try search.passageStart(1, search.database.document(1), terms: ["xang"]) == nil)
    }

    @Test("the snippet of a text longer than one piece is read from the pieces around its passage")
    func snippetFromTheMiddleOfALongText() throws {
        let dir = try TempDir()
        let (text, search) = try Self.longDocument(opening: "Công văn nói về công tác chung.", fillers: 4_000, in: dir)
        #expect(text.utf8.count > 3 * Schema.textPiece)
        let hit = try #require(try search.search("cong doan").results.first)
        #expect(hit.snippet.contains("Công đoàn cơ sở"), "\(hit.snippet)")
        #expect(hit.highlights.map { String(decoding: Array(hit.snippet.utf8)[$0[0]..<$0[1]], as: UTF8.self) } == ["Công", "đoàn"])
        // The offsets are the whole text's.
        let document = try search.database.document(hit.docid)
        let builder = SnippetBuilder(terms: { var t = HighlightTerms(); t.folded = ["cong", "doan"]; return t }())
        #expect(try search.snippet(of: document, from: nil, with: builder).offset == 0, "no passage known: the opening")
        let deep = try #require(try search.passageStart(hit.docid, document, terms: ["cong", "doan"]))
        let s = try search.snippet(of: document, from: deep, with: builder)
        let original = Array(text.utf8)[s.offset..<(s.offset + s.text.utf8.count)].map { $0 == 0x0A ? UInt8(ascii: " ") : $0 }
        #expect(String(decoding: original, as: UTF8.self) == s.text)
        #expect(s.offset > 2 * Schema.textPiece)
    }

    @Test("without a known passage, a snippet reads only the opening it can analyse; numbers alone, up to the scan limit")
    func openingSnippetReadsWhatItAnalyses() throws {
        let dir = try TempDir()
        let filler = String(repeating: "Nội dung không liên quan đến việc này. ", count: 4_000)
        let text = "Công văn nói về công tác chung.\n" + filler + "\nTheo Công văn 565-CV/ĐĐTLĐ của Công đoàn.\n"
        let docs = try dir.write("docs/cv.txt", text).deletingLastPathComponent()
        let path = dir.url.appendingPathComponent("index").path
        _ = try Indexer(options: IndexOptions(roots: [docs], indexPath: path, jobs: 1)).run(stop: StopRequest())
        let search = try SearchIndex(locations: [path])
        let document = try search.database.document(1)

        let words = SnippetBuilder(terms: { var t = HighlightTerms(); t.folded = ["doan"]; t.foldedPrefixes = ["cong"]; return t }())
        #expect(words.openingLimit < 32_768 && text.utf8.count > 4 * words.openingLimit)
        // The same snippet as from the whole text: the word lies past what is analysed, so the prefix's opening.
        let opening = try search.snippet(of: document, from: nil, with: words)
        #expect(opening == words.snippet(in: text))
        #expect(opening.offset == 0 && !opening.highlights.isEmpty)

        let key = try #require(DocNumberParser.parse("565-CV/ĐĐTLĐ")).key
        let numbers = SnippetBuilder(terms: { var t = HighlightTerms(); t.numberKeys = [key]; return t }())
        #expect(numbers.openingLimit == numbers.scanLimit)
        let deep = try search.snippet(of: document, from: nil, with: numbers)
        #expect(deep == numbers.snippet(in: text))
        #expect(deep.offset > text.utf8.count / 2 && deep.text.contains("565-CV/ĐĐTLĐ"), "\(deep)")
    }

    @Test("the text is kept in deflated pieces of 16 KB that join back byte for byte, whatever range is read")
    func textPiecesRoundTrip() throws {
        // Two-byte scalars straddle every piece boundary; three- and four-byte ones follow.
        let text = String(repeating: "đ", count: Schema.textPiece + 7) + "x" + String(repeating: "ệ𝔸", count: 4_000)
        let document = Document()
        TextPieces.store(text, in: document)
        let bytes = Array(text.utf8)
        let pieces = stride(from: 0, to: bytes.count, by: Schema.textPiece).map { Array(bytes[$0..<min(bytes.count, $0 + Schema.textPiece)]) }
        #expect(pieces.count == 4)
        for (k, piece) in pieces.enumerated() {
            let stored = try document.withValue(TextPieces.slot(k)) { Array($0) }
            #expect(stored.count < piece.count / 4, "piece \(k) deflated")
            #expect(try stored.withUnsafeBufferPointer { try TextPieces.inflate($0, upTo: Schema.textPiece, piece: k) } == piece)
        }
        #expect(try document.withValue(TextPieces.slot(pieces.count)) { $0.isEmpty })
        #expect(try TextPieces.text(of: document) == text)
        for range in [0..<10, (Schema.textPiece - 3)..<(Schema.textPiece + 5), (2 * Schema.textPiece - 1)..<(3 * Schema.textPiece),
                      (2 * Schema.textPiece + 1)..<(5 * Schema.textPiece), 5..<5, 0..<Schema.textPiece, 0..<(Schema.textPiece + 1)] {
            let got = try TextPieces.bytes(of: document, in: range)
            let upper = min(range.upperBound, bytes.count)
            #expect(got.offset == range.lowerBound && got.bytes == Array(bytes[range.lowerBound..<max(range.lowerBound, upper)]), "\(range)")
        }
        #expect(try TextPieces.bytes(of: document, in: (10 * Schema.textPiece)..<(11 * Schema.textPiece)).bytes.isEmpty)
        let empty = Document()
        TextPieces.store("", in: empty)
        #expect(try TextPieces.text(of: empty) == "" && empty.withValue(Schema.Slot.text) { $0.isEmpty })
    }

    @Test("a stored text piece that does not inflate is a clear error, in the library and in a search")
    func damagedTextPiece() throws {
        let text = String(repeating: "Công đoàn cơ sở. ", count: 2_000)
        let document = Document()
        TextPieces.store(text, in: document)
        let good = try document.withValue(Schema.Slot.textMore) { Array($0) }
        var flipped = good
        flipped[good.count / 2] ^= 0xFF
        for damaged in [Array(good.prefix(good.count / 2)), flipped, [0x78, 0x9C, 1, 2, 3], Array("plain text".utf8)] {
            document.setValue(Schema.Slot.textMore, bytes: damaged)
            #expect(throws: XapianError.self) { try TextPieces.text(of: document) }
            do {
                _ = try TextPieces.text(of: document)
            } catch let error as XapianError {
                #expect(error.kind == .databaseCorruptError && error.message.contains("piece 1"), "\(error)")
            }
        }
        // The first piece is still read on its own.
        #expect(try TextPieces.bytes(of: document, in: 0..<100).bytes == Array(text.utf8.prefix(100)))

        let dir = try TempDir()
        let docs = try dir.write("docs/cd.txt", "Công văn về công đoàn.\n" + text).deletingLastPathComponent()
        let path = dir.url.appendingPathComponent("index").path
        _ = try Indexer(options: IndexOptions(roots: [docs], indexPath: path, jobs: 1)).run(stop: StopRequest())
        let live = try #require(try IndexFolder(path).live())
        let shard = try #require(try IndexFolder(path).shards(of: live).first)
        let db = try WritableDatabase(path: shard, mode: .open)
        let stored = try db.document(1)
        stored.setValue(Schema.Slot.text, bytes: [0x78, 0x9C, 0xFF, 0xFF])
        try db.replace(1, with: stored)
        try db.commit()
        db.close()
        let search = try SearchIndex(locations: [path])
        #expect(throws: XapianError.self) { try search.search("cong doan") }
        #expect(throws: XapianError.self) { try search.stored(1) }
        #expect(try search.stored(1, withText: false).path.hasSuffix("cd.txt"))
    }

    @Test("the passage of a quoted phrase is where its words follow each other, not merely stand near")
    func phrasePassageFoundByPositions() throws {
        let dir = try TempDir()
        let (text, search) = try Self.longDocument(opening: "Công tác của đoàn thanh niên.", fillers: 800, in: dir)
        let hit = try #require(try search.search("\"công đoàn\"").results.first)
        #expect(hit.snippet.contains("Công đoàn cơ sở"), "\(hit.snippet)")
        #expect(hit.highlights.map { String(decoding: Array(hit.snippet.utf8)[$0[0]..<$0[1]], as: UTF8.self) } == ["Công", "đoàn"])
        let document = try search.database.document(1)
        let exact = [Schema.Prefix.exact + "công", Schema.Prefix.exact + "đoàn"]
        let deep = text.utf8.distance(from: text.utf8.startIndex, to: try #require(text.utf8.firstRange(of: "Công đoàn cơ sở".utf8)).lowerBound)
        let phraseFrom = try #require(try search.passageStart(1, document, terms: exact, phrase: exact))
        #expect(phraseFrom <= deep && deep - phraseFrom < 1_000)
        // Without the phrase, the first place where the words stand near each other.
        #expect(try search.passageStart(1, document, terms: exact) == 0)
    }

    @Test func renderWrapsHighlights() {
        let s = Snippet(text: "Công đoàn cơ sở", highlights: [[0, 5], [6, 12]], offset: 0)
        #expect(SnippetBuilder.render(s, open: "**", close: "**") == "**Công** **đoàn** cơ sở")
    }

    // MARK: Suggestions

    @Test func telexTypingIsCorrected() throws {
        #expect(try F.open().search("coong ddoanf").suggestion == "công đoàn")
    }

    @Test func unmarkedQueryGetsItsUsualMarks() throws {
        #expect(try F.open().search("xang dau").suggestion == "xăng dầu")
        #expect(try F.open().search("xăng dầu").suggestion == nil)
    }

    /// The suggestion comes from the query and the whole index: the same on every page, with any filter.
    /// ("thiện" is the commoner form of "thien" here, but "thiên tai" is what stands together in the matches.)
    @Test func theSuggestionDoesNotDependOnThePageOrTheFilters() throws {
        let dir = try TempDir()
        _ = try dir.write("docs/a.txt", "CÔNG ĐIỆN\nVề ứng phó thiên tai. Cải thiện đời sống, cải thiện nhà ở, cải thiện môi trường.")
        _ = try dir.write("docs/b.txt", "KẾ HOẠCH\nCải thiện an toàn, cải thiện giao thông, giảm tai nạn, cải thiện dịch vụ.")
        let (_, index) = try buildIndex(dir.url.appendingPathComponent("docs"), in: dir)
        let first = try index.search("thien tai").suggestion
        #expect(first == "thiên tai")
        for configure: (inout SearchOptions) -> Void in [{ $0.offset = 20 }, { $0.limit = 0 }, { $0.limit = 1 },
                                                        { $0.type = "Kế hoạch" }, { $0.sort = .date }] {
            var options = SearchOptions()
            configure(&options)
            #expect(try index.search("thien tai", options: options).suggestion == first)
        }
    }

    @Test func marksAreChosenByTheNeighbouringWord() throws {
        // Alone, `doan` is most often `đoàn` here; next to `giai` it is `đoạn`.
        #expect(try F.open().search("giai doan").suggestion == "giai đoạn")
        #expect(try F.open().search("dat dai").suggestion == "đất đai")
        #expect(try F.open().search("Giai doan").suggestion == "Giai đoạn")
        // No passage holds all three together: `cong doan` takes its marks from where those two stand
        // together, `kinh` (alone) its usual ones.
        #expect(Suggester.inContext(["kinh", "cong", "doan"], passages: ["Công đoàn cơ sở và công đoạn", "kinh phí công đoàn"])
                == [nil, "công", "đoàn"])
        #expect(Suggester.inContext(["kinh", "phi", "cong", "doan"], passages: ["Kinh phí. Công đoàn cơ sở", "kinh phí công"])
                == ["kinh", "phí", "công", "đoàn"])
        #expect(Suggester.inContext(["xa", "gan"], passages: ["không có"]) == [nil, nil])
        // A word between them, even one not asked for, breaks a run; a repeated word is matched at each place.
        #expect(Suggester.inContext(["cong", "doan"], passages: ["công tác đoàn", "công, 12 đoàn"]) == [nil, nil])
        #expect(Suggester.inContext(["doan", "doan", "ket"], passages: ["Đoàn đoàn kết"]) == ["đoàn", "đoàn", "kết"])
        #expect(try F.open().search("dai hoi cong doan").suggestion == "đại hội công đoàn")
    }

    @Test func separatorVariantsCoverBothStyles() {
        let v = Set(Terms.separatorVariants("12/QD-TLD"))
        #expect(v == ["12/QD-TLD", "12-QD/TLD", "12/QD/TLD", "12-QD-TLD"])
        #expect(Terms.separatorVariants("ABC") == ["ABC"])
        #expect(Terms.separatorVariants("1-2-3-4-5-6") == ["1-2-3-4-5-6"])
    }

    @Test func unknownWordIsCorrected() throws {
        let s = try F.open().search("chuyển đổi sóo").suggestion
        #expect(s != nil)
        // Foreign words are left alone, even one edit away from an indexed word ("san" is in the index).
        #expect(try F.open().search("scan").suggestion == nil)
        #expect(try F.open().search("windows class").suggestion == nil)
    }

    // MARK: Indexes

    @Test func emptyIndex() throws {
        let dir = try TempDir()
        try FileManager.default.createDirectory(at: dir.url.appendingPathComponent("empty"), withIntermediateDirectories: true)
        let (_, index) = try buildIndex(dir.url.appendingPathComponent("empty"), in: dir)
        let r = try index.search("công đoàn", options: { var o = SearchOptions(); o.facets = true; return o }())
        #expect(r.results.isEmpty && r.estimatedTotal == 0)
        #expect(r.facets == Facets(type: [], issuer: [], year: []))
        #expect(try index.stats().documents == 0)
    }

    @Test func missingIndexSaysToRunIndex() {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-index-\(UUID().uuidString)").path
        #expect(throws: VanBanError.indexMissing(path)) { try SearchIndex(locations: [path]) }
        #expect(VanBanError.indexMissing(path).description.contains("vanban index"))
    }

    @Test func lookupByIdPathAndNumber() throws {
        let index = try F.open()
        let byNumber = try index.lookup("88 kh ubnd")
        #expect(byNumber.document.path.hasSuffix(F.d))
        #expect(try index.lookup(String(byNumber.docid)).document.path == byNumber.document.path)
        #expect(try index.lookup(byNumber.document.path).docid == byNumber.docid)
        #expect(throws: VanBanError.self) { try index.lookup("999/XX-YY") }
    }

    @Test func statsCountEverything() throws {
        let s = try F.open().stats()
        #expect(s.documents == 5)
        #expect(s.terms > 50)
        #expect(s.sizeBytes > 0)
        #expect(s.byYear.map(\.count).reduce(0, +) == 5)
        #expect(s.byType.count == 5)
        #expect(s.lastUpdate != nil)
    }
}
