import Foundation
import Testing
@testable import VanBan

/// The README's examples, run as a new user would after `make demo`: every look-up line finds something on the
/// sample corpus.
@Suite struct ReadmeExamplesTests {
    /// The `vanban search|number|show|mentions|cite|cited-by` lines of the README's shell blocks, split as a
    /// shell would (single and double quotes), without the comment after `#`; lines naming an index left out.
    static func examples() throws -> [[String]] {
        let readme = try String(contentsOf: Paths.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let blocks = readme.components(separatedBy: "```sh").dropFirst().map { $0.components(separatedBy: "```").first ?? "" }
        return blocks.joined(separator: "\n").split(separator: "\n").compactMap { line -> [String]? in
            var words: [String] = [], word = "", quote: Character?, hasWord = false
            for c in line {
                if let q = quote {
                    if c == q { quote = nil } else { word.append(c) }
                } else if c == "'" || c == "\"" {
                    quote = c; hasWord = true
                } else if c == "#" && word.isEmpty && !hasWord {
                    break
                } else if c == " " {
                    if hasWord || !word.isEmpty { words.append(word) }
                    word = ""; hasWord = false
                } else {
                    word.append(c); hasWord = true
                }
            }
            if hasWord || !word.isEmpty { words.append(word) }
            let lookUps: Set<String> = ["search", "number", "show", "mentions", "cite", "cited-by"]
            guard words.first == "vanban", words.count > 1, lookUps.contains(words[1]), !words.contains("--index")
            else { return nil }
            return Array(words.dropFirst())
        }
    }

    @Test func everyLookUpInTheReadmeFindsSomethingOnTheSampleCorpus() throws {
        let examples = try Self.examples()
        #expect(examples.count >= 8, "\(examples)")
        #expect(examples.contains { $0.first == "search" && $0.contains { $0.contains("loai:") } }, "the query-language example")
        let dir = try TempDir("readme")
        _ = try buildIndex(Paths.packageRoot.appendingPathComponent("corpus"), in: dir)
        let index = dir.url.appendingPathComponent("index").path
        for arguments in examples {
            let r = try vanban(arguments + ["--index", index], cwd: Paths.packageRoot)
            #expect(r.status == 0, "vanban \(arguments.joined(separator: " ")): exit \(r.status)\n\(r.stdout.prefix(300))\(r.stderr)")
        }
    }
}
