import Testing
@testable import Xapian

@Suite struct QueryTests {
    @Test func singleTerm() throws {
        let search = try SampleSearch()
        #expect(try search.docids(.term("fox")).sorted() == [1, 2, 5])
        #expect(try search.docids(.term("absent")).isEmpty)
    }

    @Test func andOrAndNot() throws {
        let search = try SampleSearch()
        #expect(try search.docids(.and([.term("fox"), .term("dog")])).sorted() == [1, 5])
        #expect(try search.docids(.or([.term("cat"), .term("red")])).sorted() == [2, 4])
        #expect(try search.docids(.andNot(.term("fox"), .term("dog"))) == [2])
        #expect(try search.docids(.and([])).isEmpty)
    }

    @Test func andMaybeRanksOptionalMatchesHigher() throws {
        let search = try SampleSearch()
        let ids = try search.docids(.andMaybe(.term("fox"), .term("dog")))
        #expect(ids.sorted() == [1, 2, 5])
        #expect(ids.last == 2)
    }

    @Test func filterRestrictsWithoutChangingWeights() throws {
        let search = try SampleSearch()
        search.enquire.query = .term("fox")
        let plain = Dictionary(uniqueKeysWithValues: try search.enquire.mset(offset: 0, limit: 10).map { ($0.docid, $0.weight) })
        search.enquire.query = .filter(.term("fox"), .term("XCA"))
        let filtered = try search.enquire.mset(offset: 0, limit: 10)
        #expect(filtered.map(\.docid).sorted() == [1, 5])
        for item in filtered {
            #expect(abs(item.weight - plain[item.docid]!) < 1e-9)
        }
    }

    @Test func scaleWeightMultipliesWeights() throws {
        let search = try SampleSearch()
        search.enquire.query = .term("fox")
        let plain = try search.enquire.mset(offset: 0, limit: 10)
        search.enquire.query = .scaleWeight(.term("fox"), 2.5)
        let scaled = try search.enquire.mset(offset: 0, limit: 10)
        #expect(scaled.map(\.docid) == plain.map(\.docid))
        for (a, b) in zip(plain, scaled) {
            #expect(abs(b.weight - 2.5 * a.weight) < 1e-9)
        }
    }

    @Test func rejectedQueriesCarryTheirErrorToTheSearch() throws {
        let search = try SampleSearch()
        let bad = Query.scaleWeight(.term("fox"), -1)
        #expect(bad.error?.kind == .invalidArgumentError)
        #expect(Query.term("fox").error == nil)
        let combined = Query.or([.term("dog"), bad])
        #expect(combined.error == bad.error)
        #expect(Query.scaleWeight(combined, 2).error == bad.error)
        search.enquire.query = combined
        #expect(expectXapianError { _ = try search.enquire.mset(offset: 0, limit: 10) } == bad.error)
        search.enquire.query = .term("fox")
        #expect(try search.enquire.mset(offset: 0, limit: 10).count == 3)
    }

    @Test func phraseNeedsAdjacentOrderedTerms() throws {
        let search = try SampleSearch()
        #expect(try search.docids(.phrase([.term("quick"), .term("brown")])) == [1])
        #expect(try search.docids(.phrase([.term("brown"), .term("quick")])).isEmpty)
        #expect(try search.docids(.phrase([.term("quick"), .term("fox")])).isEmpty)
        #expect(try search.docids(.phrase([.term("quick"), .term("fox")], window: 3)).sorted() == [1, 2])
        #expect(try search.docids(.phrase([.term("fox"), .term("quick")], window: 3)).isEmpty)
    }

    @Test func wildcardExpandsPrefixes() throws {
        let search = try SampleSearch()
        #expect(try search.docids(.wildcard("do")).sorted() == [1, 3, 5])
        #expect(try search.docids(.wildcard("fr")) == [5])
        #expect(try search.docids(.wildcard("zz")).isEmpty)
        #expect(try search.docids(.wildcard("f", maxExpansion: 2)).sorted() == [1, 2, 5])
        let error = expectXapianError { _ = try search.docids(.wildcard("f", maxExpansion: 1)) }
        #expect(error?.kind == .wildcardError)
    }

    @Test func valueRangesCompareBytes() throws {
        let search = try SampleSearch()
        #expect(try search.docids(.valueRange(slot: Slot.year, from: "2003", to: "2008")).sorted() == [2, 4, 5])
        #expect(try search.docids(.valueRange(slot: Slot.year, from: "2009", to: "2002")).isEmpty)
        #expect(try search.docids(.valueRange(slot: Slot.year, from: "2008", to: "\u{10FFFF}")).sorted() == [3, 5])
        #expect(try search.docids(.valueRange(slot: 42, from: "a", to: "z")).isEmpty)
    }

    @Test func matchAllAndMatchNothing() throws {
        let search = try SampleSearch()
        #expect(try search.docids(.matchAll).sorted() == [1, 2, 3, 4, 5])
        #expect(try search.docids(.matchNothing).isEmpty)
    }

    @Test func descriptionIsXapians() {
        #expect(Query.and([.term("a"), .term("b")]).description == "Query((a AND b))")
        #expect(Query.term("a", wdfInQuery: 2, position: 3).description == "Query(a#2@3)")
        #expect(Query.matchNothing.description == "Query()")
    }
}
