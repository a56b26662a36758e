import Testing
@testable import Xapian

@Suite struct DocumentTests {
    @Test func newDocumentIsEmpty() {
        let doc = Document()
        #expect(doc.data == "")
        #expect(doc.terms.isEmpty)
        #expect(doc.termCount == 0)
        #expect(doc.value(3) == "")
        #expect(doc.docid == 0)
    }

    @Test func termsCarryWdfAndSortedPositions() {
        let doc = Document()
        doc.addTerm("alpha", wdfInc: 3)
        doc.addPosting("beta", position: 5)
        doc.addPosting("beta", position: 1, wdfInc: 2)
        doc.addBooleanTerm("Qid")
        #expect(doc.terms == [
            DocumentTerm(term: "Qid", wdf: 0),
            DocumentTerm(term: "alpha", wdf: 3),
            DocumentTerm(term: "beta", wdf: 3, positions: [1, 5]),
        ])
        #expect(doc.termCount == 3)
    }

    @Test func removeTermReportsWhetherTheTermWasThere() {
        let doc = Document()
        doc.addTerm("keep")
        doc.addTerm("drop")
        #expect(doc.removeTerm("drop"))
        #expect(!doc.removeTerm("drop"))
        #expect(!doc.removeTerm("never"))
        #expect(doc.terms.map(\.term) == ["keep"])
    }

    @Test func emptyTermsAreRefused() {
        let doc = Document()
        #expect(!doc.addTerm(""))
        #expect(!doc.addPosting("", position: 1))
        #expect(!doc.addBooleanTerm(""))
        #expect(doc.termCount == 0)
    }

    @Test func bytesWithNulAndUTF8SurviveDataTermsAndValues() {
        let doc = Document()
        let text = "Nghị định\u{0}số 15/2020/NĐ-CP"
        doc.data = text
        doc.addTerm("a\u{0}b")
        doc.setValue(7, "giá\u{0}trị")
        #expect(doc.data == text)
        #expect(doc.terms.map(\.term) == ["a\u{0}b"])
        #expect(doc.value(7) == "giá\u{0}trị")
        #expect(doc.valueBytes(7) == Array("giá\u{0}trị".utf8))
    }

    @Test func withValueLendsTheRawBytesOfAValue() throws {
        let doc = Document()
        doc.setValue(3, bytes: [0x61, 0x00, 0xFF, 0xC3])
        #expect(try doc.withValue(3) { Array($0) } == [0x61, 0x00, 0xFF, 0xC3])
        #expect(try doc.withValue(4) { $0.count } == 0, "an unset slot lends no bytes")
    }

    @Test func settingAnEmptyValueClearsTheSlot() {
        let doc = Document()
        doc.setValue(1, "x")
        doc.setValue(1, "")
        #expect(doc.value(1) == "")
        doc.setValue(2, bytes: [0xFF, 0x00, 0x80])
        #expect(doc.valueBytes(2) == [0xFF, 0x00, 0x80])
    }
}
