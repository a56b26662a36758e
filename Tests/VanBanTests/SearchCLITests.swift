import Foundation
import Testing
@testable import VanBan

/// `vanban search`, `number`, `show` and `stats` as a script sees them: JSON shapes and exit codes.
@Suite struct SearchCLITests {
    var index: [String] { get throws { ["--index", try SearchFixture.indexPath] } }
    static let hitKeys: Set<String> = [
        "rank", "docid", "path", "number", "type", "issuer", "date", "title", "title_derived", "score", "relevance", "snippet",
        "highlights", "words_apart",
    ]

    @Test func searchJSONShape() throws {
        let r = try vanban(["search", "cong doan", "--json", "--facets"] + index)
        #expect(r.status == 0, "\(r.stderr)")
        let o = try r.json()
        #expect(Set(o.keys) == ["query", "estimated_total", "total_is_exact", "words_apart_total", "left_out", "reading", "results", "suggestion", "facets"])
        #expect(o["query"] as? String == "cong doan")
        #expect(o["estimated_total"] as? Int == 2)
        let results = try #require(o["results"] as? [[String: Any]])
        #expect(results.count == 2)
        for (i, hit) in results.enumerated() {
            #expect(Set(hit.keys) == Self.hitKeys)
            #expect(hit["rank"] as? Int == i + 1)
            #expect(hit["docid"] as? Int != nil && hit["score"] as? Double != nil)
            let spans = try #require(hit["highlights"] as? [[Int]])
            let snippet = Array(try #require(hit["snippet"] as? String).utf8)
            for s in spans { #expect(["cong", "doan"].contains(TermText.folded(String(decoding: snippet[s[0]..<s[1]], as: UTF8.self)))) }
        }
        let facets = try #require(o["facets"] as? [String: Any])
        #expect(Set(facets.keys) == ["type", "issuer", "year"])
        let years = try #require(facets["year"] as? [[String: Any]])
        #expect(Set(years.compactMap { $0["value"] as? String }) == ["2021", "2022"])
    }

    @Test func missingMetadataIsNull() throws {
        let dir = try TempDir()
        try dir.write("docs/ghi-chu.txt", "Ghi chú nội bộ về công đoàn, không có số và ngày.")
        let path = dir.url.appendingPathComponent("idx").path
        #expect(try vanban(["index", dir.url.appendingPathComponent("docs").path, "--index", path]).status == 0)
        let r = try vanban(["search", "ghi chu", "--json", "--index", path])
        let hit = try #require((try r.json()["results"] as? [[String: Any]])?.first)
        #expect(Set(hit.keys) == Self.hitKeys)
        #expect(hit["number"] is NSNull && hit["date"] is NSNull)
        #expect(try r.json()["suggestion"] is NSNull || r.json()["suggestion"] is String)
    }

    @Test func sortTakesMinusDateAsAValue() throws {
        let dates = { (args: [String]) throws -> [String] in
            let r = try vanban(["search", "cong OR dat OR so", "--json"] + args + index)
            #expect(r.status == 0, "\(args): \(r.stderr)")
            return (try r.json()["results"] as? [[String: Any]] ?? []).compactMap { $0["date"] as? String }
        }
        let newest = try dates(["--sort", "-date"])
        #expect(newest.count == 5 && newest == newest.sorted(by: >))
        #expect(try dates(["--sort=-date"]) == newest)
        #expect(try dates(["--sort", "date"]) == newest.reversed())
        #expect(try vanban(["search", "thuế", "--sort", "newest"] + index).status == 2)
    }

    @Test func numberWithoutIssuerNamesTheOneDocumentBearingIt() throws {
        let r = try vanban(["number", "kế hoạch 88", "--json"] + index)
        #expect(r.status == 0, "\(r.stderr)")
        #expect((try r.json()["documents"] as? [[String: Any]])?.map { $0["number"] as? String } == ["88/KH-UBND"])
        #expect(try vanban(["number", "KH 88"] + index).stdout.contains("88/KH-UBND"))
        let none = try vanban(["number", "kế hoạch 999"] + index)
        #expect(none.status == 1 && none.stderr.contains("cited-by"), "\(none.stderr)")

        let dir = try TempDir()
        try dir.write("docs/a.txt", "UBND TỈNH BẮC NINH\nSố: 12/QĐ-UBND\n\nQuyết định về thuế.")
        try dir.write("docs/b.txt", "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM\nSố: 12/QĐ-TLĐ\n\nQuyết định về công đoàn.")
        let path = dir.url.appendingPathComponent("idx").path
        #expect(try vanban(["index", dir.url.appendingPathComponent("docs").path, "--index", path]).status == 0)
        let two = try vanban(["number", "QĐ 12", "--index", path])
        #expect(two.status == 2 && two.stderr.contains("12/QĐ-UBND") && two.stderr.contains("12/QĐ-TLĐ"), "\(two.stderr)")
    }

    @Test func theSameIndexTwiceCountsOnce() throws {
        let once = try vanban(["search", "cong OR dat OR so", "--json"] + index)
        let twice = try vanban(["search", "cong OR dat OR so", "--json"] + index + ["--index", SearchFixture.indexPath + "/"])
        #expect(once.status == 0 && twice.status == 0)
        #expect((try twice.json()["results"] as? [[String: Any]])?.count == 5)
        #expect(try twice.json()["estimated_total"] as? Int == once.json()["estimated_total"] as? Int)
    }

    @Test func aPagePastTheEndSaysSo() throws {
        let r = try vanban(["search", "cong OR dat OR so", "--offset", "50"] + index)
        #expect(r.status == 1)
        #expect(r.stdout.contains("No results on this page: 5 documents match"), "a count, not an estimate: \(r.stdout)")
    }

    @Test func exitCodes() throws {
        #expect(try vanban(["search", "công đoàn"] + index).status == 0)
        let none = try vanban(["search", "casino"] + index)
        #expect(none.status == 1)
        #expect(none.stdout.contains("No documents match"))
        #expect(try vanban(["search", "casino", "--json"] + index).status == 1)
        #expect(try vanban(["search", "(casino"] + index).status == 2)
        #expect(try vanban(["search", "thuế", "--exact", "--fold"] + index).status == 2)
        #expect(try vanban(["search", "thuế", "--limit", "-1"] + index).status == 2)
        #expect(try vanban(["number", "88/KH-UBND"] + index).status == 0)
        #expect(try vanban(["number", "999/KH-UBND"] + index).status == 1)
        #expect(try vanban(["number", "không phải số"] + index).status == 2)
        #expect(try vanban(["show", "88/KH-UBND"] + index).status == 0)
        #expect(try vanban(["show", "999/KH-UBND"] + index).status == 1)
        #expect(try vanban(["stats"] + index).status == 0)
    }

    @Test(arguments: ["\"công đoàn", "(thuế", "thuế)", "OR", "thuế -", "NOT", "a\u{7}b", "nam:abcd", String(repeating: "thuế ", count: 2100)])
    func malformedQueryPointsAtThePosition(query: String) throws {
        let r = try vanban(["search", query] + index)
        #expect(r.status == 2)
        #expect(r.stderr.contains("query error at character"), "\(r.stderr)")
        #expect(r.stderr.contains("^"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func caretSitsUnderTheCharacter() throws {
        let r = try vanban(["search", "thuế) đất"] + index)
        let lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let caretLine = try #require(lines.first { $0.hasSuffix("^") })
        let queryLine = try #require(lines.first { $0.contains("thuế) đất") && !$0.contains("error") })
        let column = caretLine.count - 1
        #expect(Array(queryLine)[column] == ")", "\(r.stderr)")
    }

    /// People see a share of the best match, not BM25's raw weight; JSON keeps both.
    @Test func relevanceIsAShareOfTheBest() throws {
        let json = try vanban(["search", "cong doan", "--json"] + index).json()
        let hits = try #require(json["results"] as? [[String: Any]])
        let shares = hits.compactMap { $0["relevance"] as? Int }
        #expect(shares.count == hits.count && shares.first == 100 && shares.allSatisfy { (0...100).contains($0) })
        let text = try vanban(["search", "cong doan"] + index).stdout
        #expect(text.contains("100%"))
        #expect(!text.contains(String(format: "%.2f", hits[0]["score"] as? Double ?? -1)), "no raw score in the text")
    }

    @Test func markdownAndTextOutput() throws {
        let md = try vanban(["search", "cong doan", "--format", "md"] + index)
        #expect(md.stdout.contains("**Công**") || md.stdout.contains("**công**"), "\(md.stdout)")
        let text = try vanban(["search", "cong doan"] + index)
        #expect(text.stdout.contains("2 documents match") && !text.stdout.contains("About"), "counted, so not 'about'")
        #expect(try vanban(["search", "88/KH-UBND"] + index).stdout.contains("1 document matches \"88/KH-UBND\"."))
        #expect(!text.stdout.contains("\u{1B}["), "no escape codes when stdout is not a terminal")
    }

    @Test func suggestionIsPrinted() throws {
        let r = try vanban(["search", "coong ddoanf", "--json"] + index)
        #expect(try r.json()["suggestion"] as? String == "công đoàn")
        #expect(try vanban(["search", "coong ddoanf"] + index).stdout.contains("Did you mean: công đoàn"))
    }

    @Test func numberJSONShape() throws {
        let r = try vanban(["number", "12 qd tld", "--json"] + index)
        #expect(r.status == 0, "\(r.stderr)")
        let o = try r.json()
        #expect(Set(o.keys) == ["query", "key", "number", "documents", "cited_by"])
        #expect(o["query"] as? String == "12 qd tld")
        #expect(o["number"] as? String == "12/QĐ-TLĐ", "the written form, not the key")
        let docs = try #require(o["documents"] as? [[String: Any]])
        let doc = try #require(docs.count == 1 ? docs[0] : nil)
        #expect(Set(doc.keys) == ["docid", "path", "number", "type", "issuer", "date", "title", "title_derived"])
        #expect(doc["number"] as? String == "12/QĐ-TLĐ")
        let citing = try #require(o["cited_by"] as? [[String: Any]])
        #expect(Set(citing.compactMap { ($0["path"] as? String).map { URL(fileURLWithPath: $0).lastPathComponent } })
                == [SearchFixture.b, SearchFixture.c])
        #expect(citing.first { ($0["path"] as? String)?.hasSuffix(SearchFixture.c) == true }?["mentions"] as? Int == 2)
        // The Party separator style names the same document and finds the same citing documents.
        let swapped = try vanban(["number", "12-QĐ/TLĐ", "--json"] + index).json()
        #expect((swapped["documents"] as? [[String: Any]])?.map { $0["number"] as? String } == ["12/QĐ-TLĐ"])
        #expect((swapped["cited_by"] as? [[String: Any]])?.count == 2)
        let missing = try vanban(["number", "999/KH-UBND", "--json"] + index)
        #expect(missing.status == 1)
        #expect((try missing.json()["documents"] as? [Any])?.isEmpty == true)
        #expect((try missing.json()["cited_by"] as? [Any])?.isEmpty == true)
    }

    @Test func showJSON() throws {
        let r = try vanban(["show", "số 88/KH-UBND", "--json"] + index)
        #expect(r.status == 0, "\(r.stderr)")
        let o = try r.json()
        #expect(o["docid"] as? Int != nil)
        #expect((o["text"] as? String)?.contains("thuế đất đai") == true)
        let noText = try vanban(["show", "88/KH-UBND", "--json", "--no-text"] + index)
        #expect(try noText.json()["text"] == nil)
        let plain = try vanban(["show", "88/KH-UBND"] + index)
        #expect(plain.stdout.contains("88/KH-UBND") && plain.stdout.contains("Kế hoạch thu thuế"))
    }

    @Test func statsJSON() throws {
        let r = try vanban(["stats", "--json"] + index)
        let o = try r.json()
        #expect(o["documents"] as? Int == 5)
        for key in ["locations", "terms", "size_bytes", "last_update", "by_type", "by_issuer", "by_year"] {
            #expect(o[key] != nil, "\(key)")
        }
    }

    @Test func missingIndex() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("missing-\(UUID().uuidString)").path
        for command in [["search", "thuế"], ["number", "88/KH-UBND"], ["show", "1"], ["stats"]] {
            let r = try vanban(command + ["--index", path])
            #expect(r.status == 2, "\(command)")
            #expect(r.stderr.contains("run `vanban index`"), "\(command): \(r.stderr)")
        }
        let env = try vanban(["stats"], environment: ["VANBAN_INDEX": path])
        #expect(env.status == 2 && env.stderr.contains(path))
    }

    @Test func emptyIndexHasNoResults() throws {
        let dir = try TempDir()
        try FileManager.default.createDirectory(at: dir.url.appendingPathComponent("docs"), withIntermediateDirectories: true)
        let path = dir.url.appendingPathComponent("idx").path
        _ = try vanban(["index", dir.url.appendingPathComponent("docs").path, "--index", path])
        let r = try vanban(["search", "công đoàn", "--json", "--index", path])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(try r.json()["estimated_total"] as? Int == 0)
        #expect(try vanban(["stats", "--json", "--index", path]).json()["documents"] as? Int == 0)
    }
}

/// Under `--json`, stdout is JSON for every outcome: an error object `{"error": {"code", "message"}}` when nothing is
/// found or the input is wrong, with the exit code of that situation (issue #21 item 5).
@Suite struct JSONErrorTests {
    @Test(arguments: [
        (["show", "999/KH-UBND"], 1, "not_found"), (["number", "Nghị quyết 99999"], 1, "not_found"),
        (["graph", "--root", "999/XX-YY", "--format", "json"], 1, "not_found"),
        (["search", "thue", "--from", "2025-02-30"], 2, "usage"), (["search", "thue", "--type", "XYZ"], 2, "usage"),
        (["search", "thue", "--from", "2025-05-01", "--to", "2025-01-01"], 2, "usage"), (["search", "foo:bar"], 2, "bad_query"),
        (["search", "thuế", "--limit", "-1"], 2, "usage"),
    ])
    func errorsAreJSON(_ arguments: [String], _ status: Int32, _ code: String) throws {
        let json = arguments.contains("--format") ? [] : ["--json"]
        let r = try vanban(arguments + json + ["--index", try SearchFixture.indexPath])
        #expect(r.status == status, "\(arguments): \(r.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let error = try #require(object?["error"] as? [String: String], "\(arguments): \(r.stdout)")
        #expect(error["code"] == code && !(error["message"] ?? "").isEmpty && r.stderr.contains(error["message"] ?? "-"), "\(arguments)")
    }
}
