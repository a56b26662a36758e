import Testing
@testable import Xapian

@Suite struct TermGeneratorTests {
    @Test func indexesLowercasedWordsWithPositions() throws {
        let generator = TermGenerator()
        let doc = Document()
        generator.document = doc
        generator.indexText("Hello World, hello again")
        #expect(try storedTerms(doc) == [
            DocumentTerm(term: "again", wdf: 1, positions: [4]),
            DocumentTerm(term: "hello", wdf: 2, positions: [1, 3]),
            DocumentTerm(term: "world", wdf: 1, positions: [2]),
        ])
    }

    @Test func prefixAndWdf() throws {
        let generator = TermGenerator()
        let doc = Document()
        generator.document = doc
        generator.indexText("Nghị định", wdfInc: 2, prefix: "S")
        generator.indexText("định")
        #expect(try storedTerms(doc) == [
            DocumentTerm(term: "Snghị", wdf: 2, positions: [1]),
            DocumentTerm(term: "Sđịnh", wdf: 2, positions: [2]),
            DocumentTerm(term: "định", wdf: 1, positions: [3]),
        ])
    }

    @Test func switchingDocumentsRestartsPositions() throws {
        let generator = TermGenerator()
        let first = Document(), second = Document()
        generator.document = first
        generator.indexText("one two")
        generator.document = second
        generator.indexText("three")
        generator.document = nil
        generator.indexText("scratch")
        #expect(try storedTerms(first).map(\.term) == ["one", "two"])
        #expect(try storedTerms(second) == [DocumentTerm(term: "three", wdf: 1, positions: [1])])
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
        #expect(try parser.parse("").description == "Query()")
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
        #expect(error?.kind == .queryParserError)
    }
}
