import Foundation
import Testing
@testable import VanBan
@testable import VanBanCLI
import Xapian

/// The CLI speaks one language per run: Vietnamese or English as `--lang`, `$VANBAN_LANG` or the locale says;
/// types and relations in Vietnamese words in both; JSON the same in both.
@Suite struct LanguageTests {
    static var index: [String] { OutputOptionsTests.index }

    /// The environment of a run whose language comes from the locale (`VANBAN_LANG` empty, so unset).
    static func locale(_ variables: [String: String]) -> [String: String] {
        ["VANBAN_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": ""].merging(variables) { $1 }
    }

    @Test(arguments: [
        ([:], Language.en),
        (["LANG": "vi_VN.UTF-8"], .vi), (["LANG": "vi"], .vi), (["LANG": "vi_VN"], .vi), (["LANG": "VI_vn.utf8"], .vi),
        (["LANG": "vi-VN"], .vi), (["LANG": "vi_VN@latin"], .vi),
        (["LANG": "en_US"], .en), (["LANG": "en_US.UTF-8"], .en), (["LANG": "C"], .en), (["LANG": "POSIX"], .en),
        (["LANG": "C.UTF-8"], .en), (["LANG": ""], .en), (["LANG": "fr_FR.UTF-8"], .en), (["LANG": "video"], .en),
        (["LC_MESSAGES": "vi_VN.UTF-8", "LANG": "en_US.UTF-8"], .vi),
        (["LC_MESSAGES": "C", "LANG": "vi_VN.UTF-8"], .en),
        (["LC_ALL": "vi_VN.UTF-8", "LC_MESSAGES": "en_US", "LANG": "en_US"], .vi),
        (["LC_ALL": "C", "LANG": "vi_VN.UTF-8"], .en),
        (["LC_ALL": "POSIX", "LC_MESSAGES": "vi_VN.UTF-8"], .en),
        (["LC_ALL": "", "LC_MESSAGES": "", "LANG": "vi_VN.UTF-8"], .vi),
        (["VANBAN_LANG": "vi", "LC_ALL": "C"], .vi),
        (["VANBAN_LANG": "en", "LC_ALL": "vi_VN.UTF-8"], .en),
        (["VANBAN_LANG": "", "LANG": "vi_VN.UTF-8"], .vi),
    ])
    func theEnvironmentNamesTheLanguage(environment: [String: String], expected: Language) {
        #expect(Language.resolve(nil, environment: environment) == expected, "\(environment)")
    }

    @Test func theOptionWinsOverTheEnvironment() {
        let vietnamese = ["VANBAN_LANG": "vi", "LC_ALL": "vi_VN.UTF-8", "LANG": "vi_VN.UTF-8"]
        #expect(Language.resolve(.en, environment: vietnamese) == .en)
        #expect(Language.resolve(.vi, environment: ["LC_ALL": "C", "LANG": "C"]) == .vi)
    }

    /// The binary reads the same variables: a locale in Vietnamese, overridden by LC_ALL and by `--lang`.
    @Test func theBinaryReadsTheLocale() throws {
        let search = ["search", "xyzzy"] + Self.index
        let vi = try vanban(search, environment: Self.locale(["LANG": "vi_VN.UTF-8"]))
        #expect(vi.status == 1 && vi.stdout.contains("Không tìm thấy văn bản nào khớp"), "\(vi.stdout)")
        let c = try vanban(search, environment: Self.locale(["LC_ALL": "C", "LANG": "vi_VN.UTF-8"]))
        #expect(c.stdout.contains("No documents match"), "\(c.stdout)")
        let messages = try vanban(search, environment: Self.locale(["LC_MESSAGES": "vi_VN.UTF-8", "LANG": "en_US.UTF-8"]))
        #expect(messages.stdout.contains("Không tìm thấy"), "\(messages.stdout)")
        let option = try vanban(search + ["--lang", "en"], environment: Self.locale(["LANG": "vi_VN.UTF-8"]))
        #expect(option.stdout.contains("No documents match"), "\(option.stdout)")
        let own = try vanban(search, environment: ["VANBAN_LANG": "vi", "LC_ALL": "C"])
        #expect(own.stdout.contains("Không tìm thấy"), "\(own.stdout)")
    }

    /// A command's run in both languages: the exit code, words each must print (stdout and stderr together), and
    /// words of the other language that neither may.
    struct Case: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        var status: Int32
        var vi: [String]
        var en: [String]
        var testDescription: String { arguments.prefix(2).joined(separator: " ") + " → \(status)" }
    }

    /// English words no Vietnamese run prints, and Vietnamese words no English run prints (beyond the documents').
    static let english = ["document", "error:", "not in the index", "mention", "Cited by", "match", "(s)"]
    static let vietnamese = ["văn bản khớp", "lỗi:", "không có trong chỉ mục", "Được trích dẫn", "lần nhắc đến", "Đã lập"]

    static let cases: [Case] = [
        Case(arguments: ["search", "cong doan"] + index, status: 0, vi: ["2 văn bản khớp \"cong doan\".", "Quyết định · TỔNG LIÊN ĐOÀN"],
             en: ["2 documents match \"cong doan\".", "Quyết định · TỔNG LIÊN ĐOÀN"]),
        Case(arguments: ["search", "thuế", "--facets"] + index, status: 0, vi: ["1 văn bản khớp", "loại văn bản: Kế hoạch (1)"],
             en: ["1 document matches", "type: Kế hoạch (1)"]),
        Case(arguments: ["search", "cong doan", "--format", "md"] + index, status: 0, vi: ["2 văn bản khớp **cong doan**."],
             en: ["2 documents match **cong doan**."]),
        Case(arguments: ["search", "xyzzy"] + index, status: 1, vi: ["Không tìm thấy văn bản nào khớp \"xyzzy\"."],
             en: ["No documents match \"xyzzy\"."]),
        Case(arguments: ["search", "cong OR dat", "--offset", "50"] + index, status: 1, vi: ["Trang này không có kết quả", "(hãy giảm --offset)"],
             en: ["No results on this page", "(lower --offset)"]),
        Case(arguments: ["search", "a OR"] + index, status: 2, vi: ["vanban: lỗi: lỗi truy vấn ở ký tự 3: OR cần một từ ở bên phải"],
             en: ["vanban: error: query error at character 3: OR needs a term on its right"]),
        Case(arguments: ["search", "foo:bar"] + index, status: 2, vi: ["không có trường foo:", "trong ngoặc kép"],
             en: ["unknown field foo:", "in quotes"]),
        Case(arguments: ["number", "12/QĐ-TLĐ"] + index, status: 0,
             vi: ["Được trích dẫn bởi 2 văn bản:", "theo, 1 lần nhắc đến", "căn cứ, 2 lần nhắc đến", "Quyết định"],
             en: ["Cited by 2 documents:", "theo, 1 mention\n", "căn cứ, 2 mentions", "Quyết định"]),
        Case(arguments: ["number", "999/QĐ-KHÔNG"] + index, status: 1, vi: ["không có trong chỉ mục", "Được trích dẫn bởi 0 văn bản:"],
             en: ["not in the index", "Cited by 0 documents:"]),
        Case(arguments: ["number", "kế hoạch 999"] + index, status: 1, vi: ["vanban: lỗi: không có văn bản nào mang số \"kế hoạch 999\""],
             en: ["vanban: error: no document numbered \"kế hoạch 999\""]),
        Case(arguments: ["number", "12/QĐ-TLĐ", "--index", "/nonexistent/vanban-index"], status: 2,
             vi: ["vanban: lỗi: không có chỉ mục tại /nonexistent/vanban-index: hãy chạy `vanban index` trước"],
             en: ["vanban: error: no index at /nonexistent/vanban-index: run `vanban index` first"]),
        Case(arguments: ["show", "88/KH-UBND", "--no-text"] + index, status: 0, vi: ["định dạng: txt, mã hóa: utf-8", "Kế hoạch"],
             en: ["format: txt, encoding: utf-8", "Kế hoạch"]),
        Case(arguments: ["show", "77/XX-YY"] + index, status: 1, vi: ["vanban: lỗi: không có văn bản nào có docid, đường dẫn hoặc số hiệu \"77/XX-YY\""],
             en: ["vanban: error: not found: no document with id, path or number \"77/XX-YY\""]),
        Case(arguments: ["stats"] + index, status: 0, vi: ["Văn bản: 5", "Theo loại văn bản:", "Theo năm:", "Quyết định"],
             en: ["Documents: 5", "By type:", "By year:", "Quyết định"]),
        Case(arguments: ["mentions", "12/QĐ-TLĐ"] + index, status: 0, vi: ["3 lần nhắc đến 12/QĐ-TLĐ trong 2 văn bản.", "(căn cứ)"],
             en: ["3 mentions of 12/QĐ-TLĐ in 2 documents.", "(căn cứ)"]),
        Case(arguments: ["mentions", "12/QĐ-TLĐ", "--limit", "1"] + index, status: 0, vi: ["… còn 1 văn bản nữa"],
             en: ["… 1 more document; use --limit"]),
        Case(arguments: ["mentions", "999/QĐ-KHÔNG"] + index, status: 1, vi: ["0 lần nhắc đến"], en: ["0 mentions of"]),
        Case(arguments: ["cited-by", "12/QĐ-TLĐ"] + index, status: 0, vi: ["  theo  ", "  căn cứ  "], en: ["  theo  ", "  căn cứ  "]),
        Case(arguments: ["cited-by", "88/KH-UBND"] + index, status: 1, vi: ["Chưa văn bản nào trong chỉ mục trích dẫn 88/KH-UBND."],
             en: ["No document in the index cites 88/KH-UBND."]),
        Case(arguments: ["cite", "07/NQ-HĐND"] + index, status: 0, vi: ["Tài liệu trích dẫn trong 07/NQ-HĐND (1):", "[căn cứ; 2 lần]"],
             en: ["Citations in 07/NQ-HĐND (1):", "[căn cứ; 2 times]"]),
        Case(arguments: ["cite", "77/XX-YY"] + index, status: 1, vi: ["vanban: lỗi: không có văn bản nào có docid"],
             en: ["vanban: error: not found: no document with id"]),
        Case(arguments: ["graph", "--root", "999/XX-YY"] + index, status: 1,
             vi: ["999/XX-YY không có trong chỉ mục và không được văn bản nào"], en: ["999/XX-YY is neither in the index nor cited"]),
        Case(arguments: ["check"] + index, status: 0, vi: ["nguyên vẹn — 5 văn bản", "không thấy lỗi nào"],
             en: ["sound — 5 documents", "found no error"]),
        Case(arguments: ["check", "--index", "tcp://127.0.0.1:1"], status: 2, vi: ["chỉ mục từ xa được kiểm tra trên máy chủ"],
             en: ["a remote index is checked on its server"]),
        Case(arguments: ["extract", Paths.seed.path], status: 0, vi: ["số hiệu: -", "trích yếu: ", "(lấy từ câu đầu)", "trích dẫn: ", "[thực hiện]"],
             en: ["number: -", "title: ", "(from the first sentence)", "citations: ", "[thực hiện]"]),
        Case(arguments: ["extract", "/nonexistent/a.txt"], status: 3, vi: ["vanban: lỗi: extract: /nonexistent/a.txt"],
             en: ["vanban: error: extract: /nonexistent/a.txt"]),
        Case(arguments: ["analyze", "Công văn số 5"], status: 0, vi: ["mã hóa: utf-8  độ tin cậy:", "4 từ tố"],
             en: ["encoding: utf-8  confidence:", "4 tokens"]),
        Case(arguments: ["analyze", "x", "--file", "y"], status: 2, vi: ["vanban: lỗi: chỉ đưa TEXT hoặc --file"],
             en: ["vanban: error: give either TEXT or --file"]),
    ]

    @Test(arguments: cases)
    func eachCommandSpeaksTheLanguageOfTheRun(_ c: Case) throws {
        for (language, words, others, foreign) in [("vi", c.vi, c.en, Self.english), ("en", c.en, c.vi, Self.vietnamese)] {
            let r = try vanban(c.arguments + ["--lang", language])
            let printed = r.stdout + r.stderr
            #expect(r.status == c.status, "\(language): \(printed)")
            for word in words { #expect(printed.contains(word), "\(language): \(word)\n\(printed)") }
            for word in others + foreign where !words.contains(word) {
                #expect(!printed.contains(word), "\(language): \(word)\n\(printed)")
            }
            for code in ["can_cu", "thuc_hien"] { #expect(!printed.contains(code), "\(language): a relation code in \(printed)") }
        }
    }

    /// `index`, `remove` and `compact` write: each language gets an index of its own.
    @Test(arguments: ["vi", "en"])
    func writingCommandsSpeakTheLanguageOfTheRun(language: String) throws {
        let dir = try TempDir()
        let docs = try SearchFixture.write(into: dir)
        let idx = dir.url.appendingPathComponent("index").path
        let vi = language == "vi"
        let run = { (arguments: [String]) throws -> (CLIResult, String) in
            let r = try vanban(arguments + ["--index", idx, "--lang", language])
            let printed = r.stdout + r.stderr
            for word in vi ? Self.english : Self.vietnamese { #expect(!printed.contains(word), "\(word)\n\(printed)") }
            return (r, printed)
        }
        let (indexed, summary) = try run(["index", docs.path])
        #expect(indexed.status == 0, "\(summary)")
        #expect(summary.contains(vi ? "Đã lập chỉ mục vào" : "Indexed into") && summary.contains(vi ? "thêm 5" : "5 added"), "\(summary)")
        #expect(summary.contains(vi ? "5 văn bản trong chỉ mục." : "5 documents in the index."), "\(summary)")

        let (missing, noSuch) = try run(["index", "/nonexistent/thu-muc"])
        #expect(missing.status == 2 && noSuch.contains(vi ? "không có tệp hoặc thư mục này" : "no such file or folder"), "\(noSuch)")

        let one = docs.appendingPathComponent(SearchFixture.a).path
        let (removed, removal) = try run(["remove", one, "/nonexistent/khong-co", "--dry-run"])
        #expect(removed.status == 1, "\(removal)")
        #expect(removal.contains(vi ? "Sẽ xóa 1 văn bản khỏi" : "Would remove 1 document from"), "\(removal)")
        #expect(removal.contains(vi ? "còn 5 văn bản trong chỉ mục (chưa thay đổi gì)." : "5 documents in the index (nothing changed)."), "\(removal)")
        #expect(removal.contains(vi ? "không văn bản nào của chỉ mục là tệp này" : "no document of the index is this file"), "\(removal)")

        let (compacted, compaction) = try run(["compact"])
        #expect(compacted.status == 0 && compaction.contains(vi ? "Đã nén" : "Compacted"), "\(compaction)")
    }

    /// JSON is for scripts: the same bytes in either language, error objects (in English) too.
    @Test(arguments: [
        ["search", "cong doan", "--facets"] + index, ["search", "xyzzy"] + index, ["search", "a OR"] + index,
        ["number", "12/QĐ-TLĐ"] + index, ["number", "999/QĐ-KHÔNG"] + index, ["show", "88/KH-UBND"] + index,
        ["show", "77/XX-YY"] + index, ["stats"] + index, ["mentions", "12/QĐ-TLĐ"] + index, ["cite", "07/NQ-HĐND"] + index,
        ["cited-by", "12/QĐ-TLĐ"] + index, ["graph", "--root", "999/XX-YY"] + index, ["check", "--index", "/nonexistent/vanban-index"],
        ["check", "--index", "tcp://127.0.0.1:1"],
        ["extract", Paths.seed.path], ["analyze", "Công văn số 565-CV/ĐĐTLĐ"],
    ])
    func jsonIsTheSameInEitherLanguage(command: [String]) throws {
        let en = try vanban(command + ["--json"], environment: Self.locale(["LANG": "en_US.UTF-8"]))
        let vi = try vanban(command + ["--json"], environment: Self.locale(["LANG": "vi_VN.UTF-8"]))
        let option = try vanban(command + ["--json", "--lang", "vi"])
        #expect(!en.stdout.isEmpty)
        _ = try JSONSerialization.jsonObject(with: Data(en.stdout.utf8))
        #expect(vi.stdout == en.stdout && option.stdout == en.stdout, "\(vi.stdout)\n\(en.stdout)")
        #expect(vi.status == en.status)
        if en.stdout.hasPrefix("{\"error\"") { #expect(!en.stdout.contains("không"), "an English message: \(en.stdout)") }
    }

    /// JSON keeps relation codes; human output shows their words.
    @Test func jsonHasRelationCodes() throws {
        let r = try vanban(["cite", "07/NQ-HĐND", "--json", "--lang", "vi"] + Self.index)
        #expect(r.stdout.contains("\"relation\":\"can_cu\"") && r.stdout.contains("\"type\":\"Quyết định\""), "\(r.stdout)")
    }

    @Test func englishCountsTakeTheirPlural() {
        let en = Messages.en
        #expect(en.documents(1) == "1 document" && en.documents(2) == "2 documents" && en.documents(0) == "0 documents")
        #expect(en.citedBy(1) == "Cited by 1 document:" && en.citedBy(3) == "Cited by 3 documents:")
        #expect(en.mentions(1) == "1 mention" && en.mentions(2) == "2 mentions")
        #expect(en.removed(false, 1, "idx", 1) == "Removed 1 document from idx; 1 document in the index.")
        #expect(Messages.vi.citedBy(3) == "Được trích dẫn bởi 3 văn bản:")
    }

    /// Every fixed word of the catalogue is translated: no Vietnamese entry left as the English one.
    @Test func everyFixedMessageDiffersBetweenTheLanguages() {
        let vi = Dictionary(uniqueKeysWithValues: Mirror(reflecting: Messages.vi).children.compactMap { c in c.label.map { ($0, c.value) } })
        var compared = 0
        for child in Mirror(reflecting: Messages.en).children {
            guard let label = child.label else { continue }
            switch (child.value, vi[label]) {
            case let (en as String, vi as String): #expect(en != vi, "\(label)"); compared += 1
            case let (en as [String], vi as [String]): #expect(zip(en, vi).allSatisfy { $0.0 != $0.1 }, "\(label)"); compared += 1
            default: continue
            }
        }
        #expect(compared > 20)
    }

    /// Library errors have a sentence in each language: the English one is the library's own.
    @Test(arguments: [
        (VanBanError.indexMissing("idx"), "không có chỉ mục tại idx"), (.indexBusy("idx"), "chỉ mục tại idx đang được dùng"),
        (.schemaMismatch(index: "idx", found: "6", expected: "7"), "có lược đồ phiên bản 6, vanban này cần phiên bản 7"),
        (.unsupported(path: "a.xyz"), "a.xyz: định dạng không hỗ trợ"), (.noText(path: "a.pdf", reason: "r"), "a.pdf: không có chữ: r"),
        (.badQuery(message: "m", position: 2), "lỗi truy vấn ở ký tự 3: m"), (.damaged(index: "idx", detail: "d"), "chỉ mục tại idx bị hỏng: d."),
    ])
    func libraryErrorsInEachLanguage(error: VanBanError, vietnamese: String) {
        #expect(Messages.vi.vanBanError(error).contains(vietnamese), "\(Messages.vi.vanBanError(error))")
        #expect(Messages.en.vanBanError(error) == error.description)
    }

    /// Each problem of a query, a date or a type, and of a number look-up, in Vietnamese: no English left.
    @Test(arguments: [
        "\"công đoàn", "(thuế đất", "thuế) đất", "()", "OR", "thuế OR", "NOT", "thuế -", "AND", "thuế AND", "NOT NOT a", "NOT AND a",
        "a OR OR b", "*", "!!!", "", "đất nam:20x4", "ngay:2021-01-01", "thuế ngay:hôm..qua", "so:abc", "loai:", "thuế\u{7}đất", "foo:bar",
        String(repeating: "công đoàn ", count: 1100),
    ])
    func queryErrorsInVietnamese(query: String) throws {
        do {
            _ = try QueryLanguage.parse(query)
            Issue.record("\(query.debugDescription) parsed")
        } catch VanBanError.badQuery(let message, _) {
            Self.expectVietnamese(message)
        }
    }

    @Test func filterAndLookUpErrorsInVietnamese() throws {
        let problems: [() throws -> Void] = [
            { _ = try QueryCompiler.dateRange(from: "2025-02-30", to: nil) },
            { _ = try QueryCompiler.dateRange(from: "2025", to: "2024") },
            { _ = try QueryCompiler.typeFilter("XYZ") },
            { _ = try SearchFixture.open().lookUp(number: "xyz") },
            { _ = try SearchFixture.open().citing("!!!") },
            { _ = try SearchFixture.open().mentions(of: "!!!", context: 5, sort: .newest) },
        ]
        for problem in problems {
            do {
                try problem()
                Issue.record("no error")
            } catch VanBanError.badQuery(let message, _) {
                Self.expectVietnamese(message)
            }
        }
        #expect(QueryErrorWords.vietnamese("\"QĐ 12\" is the number of 2 documents: 12/QĐ-UBND, 12/QĐ-TLĐ; give the full number")
            == "\"QĐ 12\" là số của 2 văn bản: 12/QĐ-UBND, 12/QĐ-TLĐ; hãy ghi đủ số hiệu")
        #expect(QueryErrorWords.vietnamese("a message of tomorrow") == "a message of tomorrow", "no template: as it is")
    }

    @Test("vanban index's warnings and skipped files in the run's language, on stderr")
    func indexWarningsInVietnamese() throws {
        let dir = try TempDir()
        _ = try dir.write("docs/a.txt", "Công văn về công đoàn.")
        try Data([0xFF, 0xFE, 0x41, 0x00, 0x00]).write(to: dir.url.appendingPathComponent("docs/b.txt"))
        let index = dir.path + "/index"
        let vi = try vanban(["index", dir.path + "/docs", "--index", index, "--lang", "vi"])
        #expect(vi.status == 0 && vi.stdout.hasPrefix("Đã lập chỉ mục vào"), "\(vi.stdout)")
        #expect(vi.stderr.contains("cảnh báo: ") && vi.stderr.contains("1 byte không hợp lệ theo utf-16 và được hiện thành U+FFFD"), "\(vi.stderr)")
        #expect(!vi.stderr.contains("not valid"), "\(vi.stderr)")
    }

    @Test("why a file was not read, in the run's language: failures and files without text on stderr; the tool's own words stay")
    func readersReasonsInVietnamese() throws {
        let dir = try TempDir()
        _ = try dir.write("docs/a.txt", "Công văn về công đoàn.")
        _ = try dir.write("docs/rong.txt", "")
        try Data([0x00, 0x01, 0x02, 0xFF, 0x00, 0x10] + Array(repeating: 0x00, count: 64)).write(to: dir.url.appendingPathComponent("docs/nhiphan.txt"))
        _ = try dir.write("docs/hong.docx", "không phải zip")
        _ = try dir.write("docs/hong.rtf", "không phải rtf")
        _ = try dir.write("docs/hong.doc", "không phải OLE2")
        _ = try dir.write("docs/hong.md", "---\ntieu_de: [chưa đóng\n---\nVăn bản.\n")
        _ = try dir.write("docs/hong.pdf", "%PDF-1.4\nkhông phải PDF\n")
        let index = dir.path + "/index"
        let vi = try vanban(["index", dir.path + "/docs", "--index", index, "--lang", "vi"])
        #expect(vi.status == 3, "\(vi.stdout)\(vi.stderr)")
        for phrase in ["rong.txt: 0 byte", "nhiphan.txt: dữ liệu nhị phân, không phải chữ", "hong.docx: không phải tệp .docx (zip) hợp lệ",
                       "hong.rtf: tệp .rtf bị hỏng: không bắt đầu bằng {\\rtf", "hong.doc: tệp .doc bị hỏng: không phải tệp phức hợp (OLE2)",
                       "hong.md: phần đầu YAML không hợp lệ: ", "hong.pdf: pdftotext không đọc được: tệp bị hỏng hoặc không phải PDF"] {
            #expect(vi.stderr.contains(phrase), "\(phrase)\n\(vi.stderr)")
        }
        for word in ["damaged", "not a ", "invalid", "binary", "does not", "bytes"] { #expect(!vi.stderr.contains(word), "\(word)\n\(vi.stderr)") }
        let en = try vanban(["index", dir.path + "/docs", "--index", dir.path + "/index-en", "--lang", "en"])
        #expect(en.stderr.contains("hong.docx: not a valid .docx (zip) file") && en.stderr.contains("rong.txt: 0 bytes"), "\(en.stderr)")
        // An error that names one file (extract) says its reason in Vietnamese too.
        let one = try vanban(["extract", dir.path + "/docs/hong.rtf", "--lang", "vi"])
        #expect(one.status == 3 && one.stderr.contains("tệp .rtf bị hỏng: không bắt đầu bằng"), "\(one.stderr)")
    }

    @Test("every reason's template says the same values in Vietnamese, and reasons within reasons are put in Vietnamese too")
    func reasonTemplates() {
        for (en, vi) in DetailWords.reasons + DetailWords.sentences {
            let count = en.components(separatedBy: "{}").count - 1
            for k in 1...max(1, count) where count > 0 { #expect(vi.contains("{\(k)}"), "{\(k)} missing in \(vi)") }
            #expect(!vi.contains("{\(count + 1)}"), "\(vi)")
            var sample = en
            for k in 0..<count { sample = sample.replacingOccurrences(of: "{}", with: "V\(k)", options: [], range: sample.range(of: "{}")) }
            let said = DetailWords.vietnamese(sample)
            #expect(said != sample, "no Vietnamese for \(sample)")
            for k in 0..<count { #expect(said.contains("V\(k)"), "V\(k) lost: \(sample) → \(said)") }
        }
        let missing = "tesseract is not installed: install tesseract-ocr-vie: make deps (or apt-get install tesseract-ocr tesseract-ocr-vie)"
        #expect(DetailWords.vietnamese("image: " + missing)
                == "ảnh: chưa cài tesseract: hãy cài tesseract-ocr-vie: make deps (hoặc apt-get install tesseract-ocr tesseract-ocr-vie)")
        #expect(DetailWords.vietnamese("page 3 at 300 dpi is 9000×12000 pixels, more than the 100 megapixels OCR takes: scan it at 300 dpi or split it")
                == "trang 3 ở 300 dpi có 9000×12000 điểm ảnh, quá 100 megapixel mà OCR nhận: hãy quét ở 300 dpi hoặc chia nhỏ")
        #expect(DetailWords.vietnamese("damaged .xls: xls2csv failed (exit 1): Cannot open file") == "tệp .xls bị hỏng: xls2csv không đọc được (mã thoát 1): Cannot open file",
                "the tool's own words stay")
        #expect(DetailWords.vietnamese("cannot read: Permission denied") == "không đọc được: Permission denied", "the system's words stay")
    }

    static let subcommands = ["index", "remove", "check", "compact", "search", "number", "show", "stats", "mentions", "cite",
                              "cited-by", "graph", "serve", "analyze", "extract"]

    @Test("each command's help in the run's language, ArgumentParser's headings and labels too", arguments: [[]] + subcommands.map { [$0] })
    func helpInTheRunsLanguage(command: [String]) throws {
        let vi = try vanban(command + ["--help"], environment: ["VANBAN_LANG": "vi"])
        let en = try vanban(command + ["--help"])
        let viaOption = try vanban(command + ["--help", "--lang", "vi"])
        #expect(vi.status == 0 && en.status == 0 && viaOption.status == 0)
        #expect(vi.stdout == viaOption.stdout, "--lang vi before parsing says the same as the environment")
        #expect(en.stdout.hasPrefix("OVERVIEW: ") && en.stdout.contains("USAGE: vanban") && en.stdout.contains("OPTIONS:"), "\(en.stdout)")
        #expect(vi.stdout.hasPrefix("TỔNG QUAN: ") && vi.stdout.contains("CÁCH DÙNG: vanban") && vi.stdout.contains("TÙY CHỌN:"), "\(vi.stdout)")
        #expect(vi.stdout.contains("Hiện phần trợ giúp này."))
        if !command.isEmpty { #expect(vi.stdout.contains("Ví dụ:"), "every command's help has examples") }
        // Prose in English would show its small words; commands, options and JSON keys do not have them.
        for line in vi.stdout.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).hasPrefix("vanban ") {
            for word in [" the ", " and ", " with ", " from ", " is ", " are ", " to ", " of ", "Default"] {
                #expect(!line.contains(word), "\(command): \"\(word)\" in: \(line)")
            }
        }
    }

    @Test("a usage error, ArgumentParser's or a command's own, in the run's language")
    func usageErrorsInTheRunsLanguage() throws {
        let cases: [([String], String, String)] = [
            (["search"], "Lỗi: Thiếu đối số bắt buộc '<query>'", "Error: Missing expected argument '<query>'"),
            (["search", "x", "--bogus"], "Lỗi: Không có tùy chọn '--bogus'", "Error: Unknown option '--bogus'"),
            (["search", "x", "--sort", "nhanh"], "Lỗi: Giá trị 'nhanh' không hợp lệ cho '--sort <sort>'. Hãy cho một trong 'relevance', 'date' hoặc '-date'.",
             "Error: The value 'nhanh' is invalid for '--sort <sort>'"),
            (["search", "x", "--limit"], "Lỗi: Thiếu giá trị cho '--limit <limit>'", "Error: Missing value for '--limit <limit>'"),
            (["search", "x", "y"], "Lỗi: Đối số không cần đến: 'y'", "Error: Unexpected argument 'y'"),
            (["search", "x", "--limit", "-1"], "Lỗi: --limit phải từ 0 đến 10000", "Error: --limit must be between 0 and 10000"),
            (["search", "x", "--from", "2025-02-30"], "Lỗi: --from: không đọc được ngày \"2025-02-30\"", "Error: --from: "),
            (["index", "x", "--jobs", "0"], "Lỗi: --jobs phải từ 1 trở lên", "Error: --jobs must be at least 1"),
        ]
        for (arguments, vietnamese, english) in cases {
            let vi = try vanban([arguments[0], "--lang", "vi"] + arguments.dropFirst()), en = try vanban(arguments)
            #expect(vi.status == 2 && en.status == 2, "\(arguments)")
            #expect(vi.stderr.hasPrefix(vietnamese), "\(arguments): \(vi.stderr)")
            #expect(en.stderr.hasPrefix(english), "\(arguments): \(en.stderr)")
            #expect(vi.stderr.contains("Cách dùng: vanban") && !vi.stderr.contains("Usage:"), "\(vi.stderr)")
        }
    }

    @Test("ArgumentParser's error sentences by template; a line it does not know stays as it is")
    func parserWords() {
        for (en, vi) in ParserWords.errors {
            let count = en.components(separatedBy: "{}").count - 1
            var sample = en
            for k in 0..<count { sample = sample.replacingOccurrences(of: "{}", with: "V\(k)", options: [], range: sample.range(of: "{}")) }
            let said = ParserWords.vietnamese("Error: " + sample)
            #expect(said.hasPrefix("Lỗi: ") && said != "Lỗi: " + sample, "\(sample) → \(said)")
            for k in 0..<count { #expect(said.contains("V\(k)") && vi.contains("{\(k + 1)}"), "\(sample) → \(said)") }
        }
        #expect(ParserWords.vietnamese("Error: something new") == "Lỗi: something new")
        #expect(ParserWords.vietnamese("  --limit <limit>  Results. (default: 10)") == "  --limit <limit>  Results. (mặc định: 10)")
    }

    @Test("the run's language read before parsing: the last --lang before --, else the environment")
    func languageBeforeParsing() {
        #expect(Language.resolve(arguments: ["search", "x", "--lang", "vi"], environment: [:]) == .vi)
        #expect(Language.resolve(arguments: ["search", "--lang=vi", "x", "--lang", "en"], environment: ["LANG": "vi_VN.UTF-8"]) == .en)
        #expect(Language.resolve(arguments: ["search", "x"], environment: ["LANG": "vi_VN.UTF-8"]) == .vi)
        #expect(Language.resolve(arguments: ["search", "--", "--lang", "vi"], environment: [:]) == .en)
        #expect(Language.resolve(arguments: ["search", "--lang", "fr"], environment: ["LANG": "vi"]) == .vi, "an unknown value is the parser's error, not a language")
    }

    @Test("what vanban check says, sentence by sentence, in Vietnamese; Xapian's own words stay as written")
    func checkWordsInVietnamese() {
        let samples = [
            ("Xapian's check counted 3 inconsistencies between the tables of /i/db.1/s0 (its report says where)",
             "bộ kiểm tra của Xapian đếm được 3 chỗ không khớp giữa các bảng của /i/db.1/s0"),
            ("nothing is committed to /i/db.1 yet (a first `vanban index` is writing it, or stopped before its first commit), so Xapian's check had nothing to check",
             "chưa có gì được ghi vào /i/db.1 ("),
            ("the index has schema version 7; this vanban reads version \(Schema.version)", "chỉ mục có lược đồ phiên bản 7; vanban này đọc phiên bản"),
            ("db.1 is left from an earlier rebuild; the next `vanban index` deletes it", "db.1 còn lại từ một lần xây dựng lại trước"),
            ("db.3 is a rebuild that stopped before its first commit; the next `--rebuild` starts anew", "db.3 là một lần xây dựng lại đã dừng"),
            ("its stub file XAPIANDB says \"remote host:7000\", which names no database of the index", "tệp trỏ XAPIANDB của nó ghi \"remote host:7000\""),
        ]
        for (english, vietnamese) in samples {
            #expect(DetailWords.vietnamese(english).hasPrefix(vietnamese), "\(english)")
        }
        let damage = IndexDamage.words(for: XapianError(kind: .databaseCorruptError, message: "Db block overwritten - are there multiple writers?"),
                                       table: "termlist")
        #expect(DetailWords.vietnamese(damage) == "một tệp của chỉ mục chứa những byte chỉ mục không ghi vào đó (bị ghi đè hoặc hỏng trên đĩa), "
                + "trong danh sách từ của từng văn bản (termlist.glass) (Xapian: \(XapianError.Kind.databaseCorruptError): Db block overwritten - are there multiple writers?)")
        for table in IndexDamage.tableWords.keys {
            let words = IndexDamage.words(for: XapianError(kind: .databaseOpeningError, message: "a file of the index"), table: table)
            #expect(DetailWords.vietnamese(words).hasPrefix("một tệp của chỉ mục bị thiếu hoặc không mở được, trong "), "\(table)")
            #expect(DetailWords.vietnamese(words).hasSuffix("a file of the index)"), "Xapian's words stay: \(table)")
        }
        #expect(DetailWords.vietnamese("a sentence of tomorrow") == "a sentence of tomorrow")
        #expect(DetailWords.vietnamese("3 bytes are not valid utf-16 and shown as U+FFFD") == "3 byte không hợp lệ theo utf-16 và được hiện thành U+FFFD")
        #expect(DetailWords.vietnamese("1 byte is not valid cp1258 and shown as U+FFFD") == "1 byte không hợp lệ theo cp1258 và được hiện thành U+FFFD")
        #expect(DetailWords.vietnamese("2 pages without a text layer not read: install tesseract-ocr-vie")
                == "2 trang không có lớp chữ chưa được đọc: install tesseract-ocr-vie")
    }

    static func expectVietnamese(_ message: String) {
        let vietnamese = QueryErrorWords.vietnamese(message)
        #expect(vietnamese != message, "no Vietnamese for: \(message)")
        for word in ["needs", "the ", "query", "unbalanced", "empty", "cannot", " is ", "unknown", "use ", "allowed", "parenthes"] {
            #expect(!vietnamese.contains(word), "\(word) in \(vietnamese) (from \(message))")
        }
    }
}
