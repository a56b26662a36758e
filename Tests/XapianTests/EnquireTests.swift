import Testing
@testable import Xapian

@Suite struct EnquireTests {
    @Test func matchItemsCarryRankPercentAndDocuments() throws {
        let search = try SampleSearch()
        search.enquire.query = .term("dog")
        let mset = try search.enquire.mset(offset: 0, limit: 10)
        #expect(mset.count == 3)
        #expect(mset.map(\.rank) == [0, 1, 2])
        #expect(mset[0].percent == 100)
        #expect(mset.allSatisfy { $0.weight > 0 && $0.percent > 0 })
        #expect(zip(mset, mset.dropFirst()).allSatisfy { $0.weight >= $1.weight })
        for item in mset {
            #expect(try item.document.data == "doc \(item.docid)")
            #expect(try item.document.value(Slot.year) == samples[Int(item.docid) - 1].year)
        }
    }

    @Test func xapianSnippetMarksTheQueryTermsOfTheLastPage() throws {
        let search = try SampleSearch()
        let long = "a note before the passage " + String(repeating: "filler words here ", count: 40)
            + "the lazy dog sleeps " + String(repeating: "and more filler ", count: 40)
        // Before any page there is no query to mark: a passage, nothing marked.
        func snippet(_ text: String, length: Int = 60) throws -> String {
            var text = text
            return try text.withUTF8 { try search.enquire.snippet(of: $0, length: length) }
        }
        let before = try snippet(long)
        #expect(!before.contains("<b>") && before.contains("filler"), "\(before)")
        search.enquire.query = .term("dog")
        _ = try search.enquire.mset(offset: 0, limit: 10)
        let marked = try snippet(long)
        #expect(marked.contains("<b>dog</b>"), "\(marked)")
        #expect(marked.utf8.count < 120)
        #expect(try snippet("") == "")
        #expect(expectXapianError { _ = try snippet(long, length: -1) }?.kind == .invalidArgumentError)
    }

    @Test func offsetAndLimitPage() throws {
        let search = try SampleSearch()
        search.enquire.query = .matchAll
        let all = try search.enquire.mset(offset: 0, limit: 10).map(\.docid)
        let page = try search.enquire.mset(offset: 2, limit: 2)
        #expect(page.map(\.docid) == Array(all[2..<4]))
        #expect(page.map(\.rank) == [2, 3])
        #expect(try search.enquire.mset(offset: 10, limit: 5).isEmpty)
        #expect(expectXapianError { _ = try search.enquire.mset(offset: -1, limit: 5) }?.kind == .invalidArgumentError)
        #expect(expectXapianError { _ = try search.enquire.mset(offset: 0, limit: -5) }?.kind == .invalidArgumentError)
    }

    @Test func sortByValueThenRelevance() throws {
        let search = try SampleSearch()
        search.enquire.setSort(byValueThenRelevance: Slot.year, reverse: false)
        #expect(try search.docids(.matchAll) == [1, 4, 2, 5, 3])
        search.enquire.setSort(byValueThenRelevance: Slot.year, reverse: true)
        #expect(try search.docids(.matchAll) == [3, 5, 2, 4, 1])
        search.enquire.setSortByRelevance()
        search.enquire.query = .term("red")
        #expect(try search.enquire.mset(offset: 0, limit: 1).first?.docid == 2)
    }

    @Test func sortByValueThenRelevanceBreaksTiesByWeight() throws {
        let search = try SampleSearch()
        search.enquire.setSort(byValueThenRelevance: Slot.category, reverse: false)
        let ids = try search.docids(.or([.term("fox"), .term("dog")]))
        #expect(Set(ids.prefix(2)) == [1, 5])
        #expect(Array(ids.suffix(2)) == [3, 2])
    }

    @Test func checkAtLeastMakesEstimatesExact() throws {
        let search = try SampleSearch()
        search.enquire.query = .or([.term("fox"), .term("dog")])
        let mset = try search.enquire.mset(offset: 0, limit: 1, checkAtLeast: 5)
        #expect(mset.count == 1)
        #expect(mset.estimatedTotal == 4)
        #expect(mset.lowerBound == 4)
        #expect(mset.upperBound == 4)
        let counted = try search.enquire.mset(offset: 0, limit: 0, checkAtLeast: 10)
        #expect(counted.isEmpty)
        #expect(counted.lowerBound == 4)
    }

    @Test func valueCountMatchSpyCountsFacets() throws {
        let search = try SampleSearch()
        let spy = ValueCountMatchSpy(slot: Slot.category)
        search.enquire.add(spy)
        search.enquire.query = .matchAll
        _ = try search.enquire.mset(offset: 0, limit: 1, checkAtLeast: 5)
        #expect(spy.counts.map(\.value) == ["A", "B", "C"])
        #expect(spy.counts.map(\.count) == [3, 1, 1])

        let foxSpy = ValueCountMatchSpy(slot: Slot.category)
        let enquire = Enquire(search.database)
        enquire.add(foxSpy)
        enquire.query = .term("fox")
        _ = try enquire.mset(offset: 0, limit: 0, checkAtLeast: 5)
        #expect(foxSpy.counts.map(\.value) == ["A", "B"])
        #expect(foxSpy.counts.map(\.count) == [2, 1])
    }

    @Test func bm25ParametersChangeWeights() throws {
        let search = try SampleSearch()
        search.enquire.query = .term("dog")
        let standard = try search.enquire.mset(offset: 0, limit: 10).map(\.weight)
        search.enquire.setWeighting(BM25())
        #expect(try search.enquire.mset(offset: 0, limit: 10).map(\.weight) == standard)
        search.enquire.setWeighting(BM25(k1: 2, b: 1))
        #expect(try search.enquire.mset(offset: 0, limit: 10).map(\.weight) != standard)
        search.enquire.setWeighting(BM25(k1: 0))
        let flat = try search.enquire.mset(offset: 0, limit: 10).map(\.weight)
        search.enquire.setWeighting(BM25(k1: -1))
        #expect(try search.enquire.mset(offset: 0, limit: 10).map(\.weight) == flat)
    }
}
