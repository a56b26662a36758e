import Testing
@testable import Xapian

@Suite struct TermGeneratorTests {
    @Test func indexesLowercasedWordsWithPositions() {
        let generator = TermGenerator()
        let doc = Document()
        generator.document = doc
        generator.indexText("Hello World, hello again")
        #expect(doc.terms == [
            DocumentTerm(term: "again", wdf: 1, positions: [4]),
            DocumentTerm(term: "hello", wdf: 2, positions: [1, 3]),
            DocumentTerm(term: "world", wdf: 1, positions: [2]),
        ])
    }

    @Test func prefixWdfAndPositionGaps() {
        let generator = TermGenerator()
        let doc = Document()
        generator.document = doc
        generator.indexText("Nghị định", wdfInc: 2, prefix: "S")
        generator.increaseTermPosition(100)
        generator.indexText("định")
        #expect(doc.terms == [
            DocumentTerm(term: "Snghị", wdf: 2, positions: [1]),
            DocumentTerm(term: "Sđịnh", wdf: 2, positions: [2]),
            DocumentTerm(term: "định", wdf: 1, positions: [103]),
        ])
    }

    @Test func switchingDocumentsRestartsPositions() {
        let generator = TermGenerator()
        let first = Document(), second = Document()
        generator.document = first
        generator.indexText("one two")
        generator.document = second
        generator.indexText("three")
        #expect(first.terms.map(\.term) == ["one", "two"])
        #expect(second.terms == [DocumentTerm(term: "three", wdf: 1, positions: [1])])
        generator.document = nil
        generator.indexText("scratch")
        #expect(second.termCount == 1)
    }

    @Test func indexedDocumentIsSearchable() throws {
        let dir = try TemporaryDirectory()
        let db = try WritableDatabase(path: dir.path("db"))
        let generator = TermGenerator()
        for text in ["Luật Đất đai năm 2013", "Nghị định hướng dẫn Luật Đất đai"] {
            let doc = Document()
            generator.document = doc
            generator.indexText(text)
            try db.add(doc)
        }
        let enquire = Enquire(db)
        enquire.query = .phrase([.term("đất"), .term("đai")])
        #expect(try enquire.mset(offset: 0, limit: 10).map(\.docid).sorted() == [1, 2])
        enquire.query = .term("2013")
        #expect(try enquire.mset(offset: 0, limit: 10).map(\.docid) == [1])
    }
}

@Suite struct QueryParserTests {
    @Test func defaultOperatorIsOrUnlessAndIsChosen() throws {
        let parser = QueryParser()
        #expect(try parser.parse("fox dog").description == "Query((fox@1 OR dog@2))")
        parser.defaultOperatorAnd = true
        #expect(try parser.parse("fox dog").description == "Query((fox@1 AND dog@2))")
    }

    @Test func phrasesBooleansAndLoveHate() throws {
        let parser = QueryParser()
        #expect(try parser.parse("\"quick brown\"").description == "Query((quick@1 PHRASE 2 brown@2))")
        #expect(try parser.parse("fox AND NOT dog").description == "Query((fox@1 AND_NOT dog@2))")
        #expect(try parser.parse("+fox -dog").description == "Query((fox@1 AND_NOT dog@2))")
        #expect(try parser.parse("").isEmpty)
    }

    @Test func prefixesMapFields() throws {
        let parser = QueryParser()
        parser.addPrefix("title", "S")
        parser.addBooleanPrefix("cat", "XC")
        // Xapian inserts ":" between a multi-letter prefix and a capitalised value.
        #expect(try parser.parse("title:fox cat:A").description == "Query((Sfox@1 FILTER XC:A))")
        #expect(try parser.parse("cat:b").description == "Query(0 * XCb)")
    }

    @Test func parsedQueriesSearchTheDatabase() throws {
        let search = try SampleSearch()
        let parser = QueryParser()
        parser.database = search.database
        #expect(try search.docids(parser.parse("fox AND dog")).sorted() == [1, 5])
        #expect(try search.docids(parser.parse("\"lazy dog\"")) == [1])
        #expect(try search.docids(parser.parse("fr*", flags: [.wildcard])) == [5])
        parser.database = nil
        #expect(try search.docids(parser.parse("brown -lazy")) == [3])
    }

    @Test(arguments: ["fox AND", "OR dog", "fox XOR", "fox NOT", "AND"])
    func malformedInputThrowsQueryParserError(text: String) {
        let parser = QueryParser()
        let error = expectXapianError { _ = try parser.parse(text, flags: [.boolean]) }
        #expect(error?.kind == "QueryParserError")
    }
}
