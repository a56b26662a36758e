import Testing
@testable import Xapian

@Suite struct DocumentTests {
    @Test func newDocumentIsEmpty() throws {
        let doc = Document()
        #expect(try doc.data == "")
        #expect(try doc.value(3) == "")
        #expect(try storedTerms(doc).isEmpty)
    }

    @Test func termsCarryWdfAndSortedPositions() throws {
        let doc = Document()
        doc.addTerm("alpha", wdfInc: 3)
        doc.addPosting("beta", position: 5)
        doc.addPosting("beta", position: 1, wdfInc: 2)
        doc.addBooleanTerm("Qid")
        #expect(try storedTerms(doc) == [
            DocumentTerm(term: "Qid", wdf: 0),
            DocumentTerm(term: "alpha", wdf: 3),
            DocumentTerm(term: "beta", wdf: 3, positions: [1, 5]),
        ])
    }

    @Test func emptyTermsAreRefused() throws {
        let doc = Document()
        #expect(!doc.addTerm(""))
        #expect(!doc.addPosting("", position: 1))
        #expect(!doc.addBooleanTerm(""))
        #expect(try storedTerms(doc).isEmpty)
    }

    @Test func bytesWithNulAndUTF8SurviveDataTermsAndValues() throws {
        let doc = Document()
        let text = "Nghị định\u{0}số 15/2020/NĐ-CP"
        doc.setData(text)
        doc.addTerm("a\u{0}b")
        doc.setValue(7, "giá\u{0}trị")
        #expect(try doc.data == text)
        #expect(try doc.withData { Array($0) } == Array(text.utf8))
        #expect(try storedTerms(doc).map(\.term) == ["a\u{0}b"])
        #expect(try doc.value(7) == "giá\u{0}trị")
    }

    @Test func withValueLendsTheRawBytesOfAValue() throws {
        let doc = Document()
        doc.setValue(3, bytes: [0x61, 0x00, 0xFF, 0xC3])
        #expect(try doc.withValue(3) { Array($0) } == [0x61, 0x00, 0xFF, 0xC3])
        #expect(try doc.withValue(4) { $0.count } == 0, "an unset slot lends no bytes")
        #expect(try Document().withData { $0.count } == 0, "no data lends no bytes")
    }

    @Test func settingAnEmptyValueClearsTheSlot() throws {
        let doc = Document()
        doc.setValue(1, "x")
        doc.setValue(1, "")
        #expect(try doc.value(1) == "")
        doc.setValue(2, bytes: [0xFF, 0x00, 0x80])
        doc.setValue(2, bytes: [])
        #expect(try doc.withValue(2) { $0.count } == 0)
    }
}
