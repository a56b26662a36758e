import Testing
@testable import Xapian

@Suite struct HandoffTests {
    @Test func aDocumentBuiltOnAnotherThreadIsTakenOnce() async throws {
        let handoff = await Task.detached {
            let doc = Document()
            doc.setData("built elsewhere")
            doc.addTerm("term")
            return Handoff(doc)
        }.value
        let doc = try #require(handoff.take())
        #expect(try doc.data == "built elsewhere")
        #expect(try storedTerms(doc).map(\.term) == ["term"])
        #expect(handoff.take() == nil, "a value comes out once")
    }
}
