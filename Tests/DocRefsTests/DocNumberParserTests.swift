import Testing
@testable import DocRefs

struct DocNumberParserTests {
    struct Case: Sendable, CustomStringConvertible {
        let input: String
        let number: String
        let year: Int?
        let type: String?
        let issuers: [String]
        let style: NumberStyle
        let display: String
        let key: String
        var description: String { input }
    }

    static let cases: [Case] = [
        // Party
        Case(input: "565-CV/ĐĐTLĐ", number: "565", year: nil, type: "CV", issuers: ["ĐĐTLĐ"], style: .party, display: "565-CV/ĐĐTLĐ", key: "565-CV/DDTLD"),
        Case(input: "565-cv/đđtlđ", number: "565", year: nil, type: "CV", issuers: ["ĐĐTLĐ"], style: .party, display: "565-CV/ĐĐTLĐ", key: "565-CV/DDTLD"),
        Case(input: "565-CV/DDTLD", number: "565", year: nil, type: "CV", issuers: ["ĐĐTLĐ"], style: .party, display: "565-CV/ĐĐTLĐ", key: "565-CV/DDTLD"),
        Case(input: "565/CV-ĐĐTLĐ", number: "565", year: nil, type: "CV", issuers: ["ĐĐTLĐ"], style: .party, display: "565-CV/ĐĐTLĐ", key: "565-CV/DDTLD"),
        Case(input: "565 – CV / ĐĐTLĐ", number: "565", year: nil, type: "CV", issuers: ["ĐĐTLĐ"], style: .party, display: "565-CV/ĐĐTLĐ", key: "565-CV/DDTLD"),
        Case(input: "565-CV/ÐÐTLÐ", number: "565", year: nil, type: "CV", issuers: ["ĐĐTLĐ"], style: .party, display: "565-CV/ĐĐTLĐ", key: "565-CV/DDTLD"),
        Case(input: "Số 565-CV/ĐĐTLĐ", number: "565", year: nil, type: "CV", issuers: ["ĐĐTLĐ"], style: .party, display: "565-CV/ĐĐTLĐ", key: "565-CV/DDTLD"),
        Case(input: "565 cv ddtld", number: "565", year: nil, type: "CV", issuers: ["ĐĐTLĐ"], style: .party, display: "565-CV/ĐĐTLĐ", key: "565-CV/DDTLD"),
        Case(input: "02-NQ/TW", number: "02", year: nil, type: "NQ", issuers: ["TW"], style: .party, display: "02-NQ/TW", key: "2-NQ/TW"),
        Case(input: "2-NQ/TW", number: "2", year: nil, type: "NQ", issuers: ["TW"], style: .party, display: "2-NQ/TW", key: "2-NQ/TW"),
        Case(input: "02/NQ-TW", number: "02", year: nil, type: "NQ", issuers: ["TW"], style: .party, display: "02-NQ/TW", key: "2-NQ/TW"),
        Case(input: "02-nq/tw", number: "02", year: nil, type: "NQ", issuers: ["TW"], style: .party, display: "02-NQ/TW", key: "2-NQ/TW"),
        Case(input: "08-QĐi/TW", number: "08", year: nil, type: "QĐi", issuers: ["TW"], style: .party, display: "08-QĐi/TW", key: "8-QDI/TW"),
        Case(input: "05-QC/BTCTU-BDVTU", number: "05", year: nil, type: "QC", issuers: ["BTCTU", "BDVTU"], style: .party, display: "05-QC/BTCTU-BDVTU", key: "5-QC/BTCTU-BDVTU"),
        Case(input: "Số:  357-CV/BTCTU", number: "357", year: nil, type: "CV", issuers: ["BTCTU"], style: .party, display: "357-CV/BTCTU", key: "357-CV/BTCTU"),
        Case(input: "02-CTr/TLĐ", number: "02", year: nil, type: "CTr", issuers: ["TLĐ"], style: .party, display: "02-CTr/TLĐ", key: "2-CTR/TLD"),
        Case(input: "02-CTR/TLĐ", number: "02", year: nil, type: "CTr", issuers: ["TLĐ"], style: .party, display: "02-CTr/TLĐ", key: "2-CTR/TLD"),
        Case(input: "12-TT/TU", number: "12", year: nil, type: "TT", issuers: ["TU"], style: .party, display: "12-TT/TU", key: "12-TT/TU"),
        // State
        Case(input: "145/2020/NĐ-CP", number: "145", year: 2020, type: "NĐ", issuers: ["CP"], style: .state, display: "145/2020/NĐ-CP", key: "145/2020/ND-CP"),
        Case(input: "145/2020/ND-CP", number: "145", year: 2020, type: "NĐ", issuers: ["CP"], style: .state, display: "145/2020/NĐ-CP", key: "145/2020/ND-CP"),
        Case(input: "145/2020/nđ-cp", number: "145", year: 2020, type: "NĐ", issuers: ["CP"], style: .state, display: "145/2020/NĐ-CP", key: "145/2020/ND-CP"),
        Case(input: "nd-cp 145/2020", number: "145", year: 2020, type: "NĐ", issuers: ["CP"], style: .state, display: "145/2020/NĐ-CP", key: "145/2020/ND-CP"),
        Case(input: "số:145/2020/NĐ-CP", number: "145", year: 2020, type: "NĐ", issuers: ["CP"], style: .state, display: "145/2020/NĐ-CP", key: "145/2020/ND-CP"),
        Case(input: "45/2019/QH14", number: "45", year: 2019, type: nil, issuers: ["QH14"], style: .state, display: "45/2019/QH14", key: "45/2019/QH14"),
        Case(input: "977/QĐ-TTg", number: "977", year: nil, type: "QĐ", issuers: ["TTg"], style: .state, display: "977/QĐ-TTg", key: "977/QD-TTG"),
        Case(input: "977/QD-TTG", number: "977", year: nil, type: "QĐ", issuers: ["TTg"], style: .state, display: "977/QĐ-TTg", key: "977/QD-TTG"),
        Case(input: "04/VBHN-BTC", number: "04", year: nil, type: "VBHN", issuers: ["BTC"], style: .state, display: "04/VBHN-BTC", key: "4/VBHN-BTC"),
        Case(input: "144 /2002/QĐ/BTC", number: "144", year: 2002, type: "QĐ", issuers: ["BTC"], style: .state, display: "144/2002/QĐ-BTC", key: "144/2002/QD-BTC"),
        Case(input: "12/2020/TT-BLĐTBXH", number: "12", year: 2020, type: "TT", issuers: ["BLĐTBXH"], style: .state, display: "12/2020/TT-BLĐTBXH", key: "12/2020/TT-BLDTBXH"),
        Case(input: "1206 /QĐ-HVTC", number: "1206", year: nil, type: "QĐ", issuers: ["HVTC"], style: .state, display: "1206/QĐ-HVTC", key: "1206/QD-HVTC"),
        Case(input: "Số: 15/NQ-HĐND", number: "15", year: nil, type: "NQ", issuers: ["HĐND"], style: .state, display: "15/NQ-HĐND", key: "15/NQ-HDND"),
        // Công văn and trade union
        Case(input: "1234/TCT-DNNCN", number: "1234", year: nil, type: nil, issuers: ["TCT", "DNNCN"], style: .state, display: "1234/TCT-DNNCN", key: "1234/TCT-DNNCN"),
        Case(input: "1234/BLĐTBXH-LĐTL", number: "1234", year: nil, type: nil, issuers: ["BLĐTBXH", "LĐTL"], style: .state, display: "1234/BLĐTBXH-LĐTL", key: "1234/BLDTBXH-LDTL"),
        Case(input: "1363/TLĐ-CSPL", number: "1363", year: nil, type: nil, issuers: ["TLĐ", "CSPL"], style: .state, display: "1363/TLĐ-CSPL", key: "1363/TLD-CSPL"),
        Case(input: "1406 / QĐ - TLĐ", number: "1406", year: nil, type: "QĐ", issuers: ["TLĐ"], style: .state, display: "1406/QĐ-TLĐ", key: "1406/QD-TLD"),
        Case(input: "933/QĐ-TLĐ", number: "933", year: nil, type: "QĐ", issuers: ["TLĐ"], style: .state, display: "933/QĐ-TLĐ", key: "933/QD-TLD"),
        Case(input: "02/Ctr-BCH", number: "02", year: nil, type: "CTr", issuers: ["BCH"], style: .state, display: "02/CTr-BCH", key: "2/CTR-BCH"),
        Case(input: "02/CTR-BCH", number: "02", year: nil, type: "CTr", issuers: ["BCH"], style: .state, display: "02/CTr-BCH", key: "2/CTR-BCH"),
        Case(input: "05/NQ-ĐCT", number: "05", year: nil, type: "NQ", issuers: ["ĐCT"], style: .state, display: "05/NQ-ĐCT", key: "5/NQ-DCT"),
        Case(input: "221/CĐ-TTg", number: "221", year: nil, type: "CĐ", issuers: ["TTg"], style: .state, display: "221/CĐ-TTg", key: "221/CD-TTG"),
        Case(input: "12/2020/TT-BLÐTBXH", number: "12", year: 2020, type: "TT", issuers: ["BLĐTBXH"], style: .state, display: "12/2020/TT-BLĐTBXH", key: "12/2020/TT-BLDTBXH"),
    ]

    @Test("parses every spelling into the expected parts", arguments: cases)
    func parsesSpelling(_ c: Case) throws {
        let n = try #require(DocNumberParser.parse(c.input))
        #expect(n.number == c.number)
        #expect(n.year == c.year)
        #expect(n.type == c.type)
        #expect(n.issuers == c.issuers)
        #expect(n.style == c.style)
        #expect(n.display == c.display)
        #expect(n.key == c.key)
    }

    @Test func spellingsOfOneDocumentShareTheKeyAndDocumentsDiffer() throws {
        let groups = Dictionary(grouping: Self.cases, by: \.key)
        #expect(groups.count >= 20)
        for (key, cases) in groups {
            for c in cases { #expect(DocNumberParser.parse(c.input)?.key == key, "\(c.input)") }
        }
        let keys = Self.cases.compactMap { DocNumberParser.parse($0.input)?.key }
        #expect(Set(keys).count == groups.count)
        #expect(DocNumberParser.parse("02-NQ/TW")?.key != DocNumberParser.parse("03-NQ/TW")?.key)
        #expect(DocNumberParser.parse("02-NQ/TW")?.key != DocNumberParser.parse("02-NQ/TU")?.key)
        #expect(DocNumberParser.parse("02-CTr/TLĐ")?.key != DocNumberParser.parse("02-CT/TLĐ")?.key)
        #expect(DocNumberParser.parse("12-TT/TU")?.key != DocNumberParser.parse("12/TT-TU")?.key
            || DocNumberParser.parse("12/TT-TU")?.style == .party)
    }

    @Test func keyWithoutYearAndPartialKey() throws {
        let n = try #require(DocNumberParser.parse("145/2020/NĐ-CP"))
        #expect(n.keyWithoutYear == "145/ND-CP")
        #expect(n.partialKey == "ND:145")
        #expect(DocNumberParser.parse("02-NQ/TW")?.keyWithoutYear == nil)
        #expect(DocNumberParser.parse("02-NQ/TW")?.partialKey == "NQ:2")
        #expect(DocNumberParser.parse("1234/TCT-DNNCN")?.partialKey == "CV:1234")
    }

    @Test func typeSlotDecidesTheAmbiguousLetters() throws {
        #expect(DocNumberParser.parse("12-TT/TU")?.typeName == "Thông tri")
        #expect(DocNumberParser.parse("12/2020/TT-BTC")?.typeName == "Thông tư")
        #expect(DocNumberParser.parse("02-CTr/TLĐ")?.typeName == "Chương trình")
        #expect(DocNumberParser.parse("05-CT/TW")?.typeName == "Chỉ thị")
        #expect(DocNumberParser.parse("221/CĐ-TTg")?.typeName == "Công điện")
        #expect(DocNumberParser.parse("12/NQ-CĐ")?.issuers == ["CĐ"])
        #expect(DocNumberParser.parse("12/NQ-CĐ")?.type == "NQ")
        #expect(DocNumberParser.parse("30-TB/TW")?.typeName == "Thông báo")
        #expect(DocNumberParser.parse("1234/TCT-DNNCN")?.typeName == "Công văn")
        #expect(DocNumberParser.parse("45/2019/QH14")?.typeName == nil)
    }

    static let nonNumbers = [
        "0912.345.678", "0912 345 678", "24/7", "1/2", "50/100", "13/8/2021", "13-8-2021", "1.500.000 đồng",
        "Điều 5", "trang 5/10", "COVID-19", "80/82 đơn vị", "5/2020", "", "số", "Nghị quyết", "hello world",
        "02", "12/QĐ", "km/h", "2023 - 2028",
    ]

    @Test("rejects what is not a document number", arguments: nonNumbers)
    func rejectsNonNumber(_ s: String) {
        #expect(DocNumberParser.parse(s) == nil)
        #expect(DocNumberParser.find(in: s).isEmpty)
    }

    @Test func findsNumbersInRunningTextWithByteOffsets() throws {
        let text = "Gọi 0912.345.678 24/7; tỷ lệ 1/2, 80/82 đơn vị, ngày 13/8/2021, trang 5/10, COVID-19, Điều 5, "
            + "1.500.000 đồng. Theo Công văn số 565 - CV/ĐĐTLĐ và Nghị định số 145/2020/NĐ-CP; số31-QĐ/TW; (04/VBHN-BTC)."
        let found = DocNumberParser.find(in: text)
        #expect(found.map(\.number.key) == ["565-CV/DDTLD", "145/2020/ND-CP", "31-QD/TW", "4/VBHN-BTC"])
        let bytes = Array(text.utf8)
        let slices = found.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
        #expect(slices == ["565 - CV/ĐĐTLĐ", "145/2020/NĐ-CP", "31-QĐ/TW", "04/VBHN-BTC"])
    }

    @Test func runningTextNeedsUpperCaseSymbols() {
        #expect(DocNumberParser.find(in: "Nghị quyết 02 - Nghị quyết chuyên đề").isEmpty)
        #expect(DocNumberParser.find(in: "100 đồng/người, 5 lần/năm").isEmpty)
        #expect(DocNumberParser.find(in: "số 02/Ctr-BCH ngày").map(\.number.display) == ["02/CTr-BCH"])
    }

    @Test func parsesPartialReferences() throws {
        let a = try #require(DocNumberParser.parsePartial("Nghị quyết 02"))
        #expect(a.type == "NQ")
        #expect(a.number == "02")
        #expect(a.partialKey == "NQ:2")
        #expect(DocNumberParser.parsePartial("NQ 02")?.partialKey == "NQ:2")
        #expect(DocNumberParser.parsePartial("Chỉ thị số 05")?.partialKey == "CT:5")
        #expect(DocNumberParser.parsePartial("nghi dinh so 145")?.partialKey == "ND:145")
        #expect(DocNumberParser.parsePartial("Nghị quyết") == nil)
        #expect(DocNumberParser.parsePartial("Nghị quyết 02 của Bộ Chính trị") == nil)
        #expect(DocNumberParser.parsePartial("Luật 12") == nil)
        #expect(DocNumberParser.parsePartial("02") == nil)
    }

    @Test func docTypeTable() {
        #expect(DocType.abbreviation(forName: "Nghị định") == "NĐ")
        #expect(DocType.abbreviation(forName: "nghi quyet") == "NQ")
        #expect(DocType.abbreviation(forName: "Chương trình") == "CTr")
        #expect(DocType.abbreviation(forName: "Công văn") == "CV")
        #expect(DocType.abbreviation(forName: "Luật") == nil)
        #expect(DocType.abbreviation(forName: "Xin chào") == nil)
        #expect(DocType.name(forAbbreviation: "TT", style: .party) == "Thông tri")
        #expect(DocType.name(forAbbreviation: "TT", style: .state) == "Thông tư")
        #expect(DocType.name(forAbbreviation: "QĐi", style: .party) == "Quy định")
        #expect(DocType.name(forAbbreviation: "qdi", style: .party) == "Quy định")
        #expect(DocType.name(forAbbreviation: "ĐA", style: .state) == "Đề án")
        #expect(DocType.name(forAbbreviation: "DA", style: .state) == "Dự án")
        #expect(DocType.name(forAbbreviation: "XYZ", style: .state) == nil)
        #expect(DocType.allNames.contains("Nghị quyết liên tịch"))
        #expect(DocType.allNames.count == Set(DocType.allNames).count)
    }
}
