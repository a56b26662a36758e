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
            #expect(item.document.data == "doc \(item.docid)")
            #expect(item.document.value(Slot.year) == samples[Int(item.docid) - 1].year)
        }
    }

    @Test func xapianSnippetMarksTheQueryTermsOfTheLastPage() throws {
        let search = try SampleSearch()
        let long = "a note before the passage " + String(repeating: "filler words here ", count: 40)
            + "the lazy dog sleeps " + String(repeating: "and more filler ", count: 40)
        // Before any page there is no query to mark: a passage, nothing marked.
        let before = try search.enquire.snippet(of: long, length: 60)
        #expect(!before.contains("<b>") && before.contains("filler"), "\(before)")
        search.enquire.query = .term("dog")
        _ = try search.enquire.mset(offset: 0, limit: 10)
        let snippet = try search.enquire.snippet(of: long, length: 60)
        #expect(snippet.contains("<b>dog</b>"), "\(snippet)")
        #expect(snippet.utf8.count < 120)
        // The same from bytes, as lent by Document.withData.
        var bytes = long
        #expect(try bytes.withUTF8 { try search.enquire.snippet(of: $0, length: 60) } == snippet)
        #expect(try search.enquire.snippet(of: "", length: 60) == "")
        #expect(expectXapianError { _ = try search.enquire.snippet(of: long, length: -1) }?.kind == "InvalidArgumentError")
    }

    @Test func offsetAndLimitPage() throws {
        let search = try SampleSearch()
        search.enquire.query = .matchAll
        let all = try search.enquire.mset(offset: 0, limit: 10).map(\.docid)
        let page = try search.enquire.mset(offset: 2, limit: 2)
        #expect(page.map(\.docid) == Array(all[2..<4]))
        #expect(page.map(\.rank) == [2, 3])
        #expect(try search.enquire.mset(offset: 10, limit: 5).isEmpty)
        #expect(expectXapianError { _ = try search.enquire.mset(offset: -1, limit: 5) }?.kind == "InvalidArgumentError")
        #expect(expectXapianError { _ = try search.enquire.mset(offset: 0, limit: -5) }?.kind == "InvalidArgumentError")
    }

    @Test func sortByValue() throws {
        let search = try SampleSearch()
        search.enquire.setSort(byValue: Slot.year, reverse: false)
        #expect(try search.docids(.matchAll) == [1, 4, 2, 5, 3])
        search.enquire.setSort(byValue: Slot.year, reverse: true)
        #expect(try search.docids(.matchAll) == [3, 5, 2, 4, 1])
        search.enquire.setSortByRelevance()
        search.enquire.query = .term("red")
        #expect(try search.enquire.mset(offset: 0, limit: 1).first?.docid == 2)
    }

    @Test func sortByRelevanceThenValueBreaksTies() throws {
        let search = try SampleSearch()
        search.enquire.setBoolWeighting()
        search.enquire.setSort(byRelevanceThenValue: Slot.year, reverse: false)
        #expect(try search.docids(.term("dog")) == [1, 5, 3])
        search.enquire.setSort(byRelevanceThenValue: Slot.year, reverse: true)
        #expect(try search.docids(.term("dog")) == [3, 5, 1])
        #expect(try search.enquire.mset(offset: 0, limit: 3).allSatisfy { $0.weight == 0 })
    }

    @Test func sortByValueThenRelevance() throws {
        let search = try SampleSearch()
        search.enquire.setSort(byValueThenRelevance: Slot.category, reverse: false)
        let ids = try search.docids(.or([.term("fox"), .term("dog")]))
        #expect(Set(ids.prefix(2)) == [1, 5])
        #expect(Array(ids.suffix(2)) == [3, 2])
    }

    @Test func collapseKeepsBestPerValue() throws {
        let search = try SampleSearch()
        search.enquire.setCollapseKey(Slot.category)
        search.enquire.query = .matchAll
        let mset = try search.enquire.mset(offset: 0, limit: 10)
        let categories = mset.map { $0.document.value(Slot.category) }
        #expect(categories.sorted() == ["A", "B", "C"])
        let a = try #require(mset.first { $0.document.value(Slot.category) == "A" })
        #expect(a.collapseCount >= 1)
        search.enquire.setCollapseKey(Slot.category, max: 2)
        #expect(try search.enquire.mset(offset: 0, limit: 10).count == 4)
        search.enquire.setCollapseKey(nil)
        #expect(try search.enquire.mset(offset: 0, limit: 10).count == 5)
        search.enquire.setCollapseKey(Slot.category, max: 0)
        #expect(expectXapianError { _ = try search.enquire.mset(offset: 0, limit: 10) }?.kind == "InvalidArgumentError")
        search.enquire.setCollapseKey(Slot.category)
        #expect(try search.enquire.mset(offset: 0, limit: 10).count == 3)
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
        #expect(spy.total == 5)
        #expect(spy.counts.map(\.value) == ["A", "B", "C"])
        #expect(spy.counts.map(\.count) == [3, 1, 1])

        let foxSpy = ValueCountMatchSpy(slot: Slot.category)
        let enquire = Enquire(search.database)
        enquire.add(foxSpy)
        enquire.query = .term("fox")
        _ = try enquire.mset(offset: 0, limit: 0, checkAtLeast: 5)
        #expect(foxSpy.total == 3)
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

    @Test func sortableSerialiseKeepsNumericOrder() throws {
        let numbers: [Double] = [-1e9, -2.5, 0, 0.5, 3, 10, 1e12]
        let encoded = numbers.map(sortableSerialise)
        #expect(encoded.map(sortableUnserialise) == numbers)
        for (a, b) in zip(encoded, encoded.dropFirst()) {
            #expect(a.lexicographicallyPrecedes(b))
        }
        let dir = try TemporaryDirectory()
        let db = try WritableDatabase(path: dir.path("db"))
        for number in numbers {
            let doc = Document()
            doc.setValue(0, bytes: sortableSerialise(number))
            try db.add(doc)
        }
        let enquire = Enquire(db)
        enquire.query = .valueRange(slot: 0, from: sortableSerialise(0), to: sortableSerialise(10))
        #expect(try enquire.mset(offset: 0, limit: 10).map(\.docid).sorted() == [3, 4, 5, 6])
    }
}
