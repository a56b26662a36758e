import Foundation
import Testing
import VanBan
@testable import VanBanCLI

/// The CLI's one output layer: `--format` and its synonym `--json`, `--lang`, and when text is styled.
@Suite struct OutputOptionsTests {
    /// The fixture index (when it cannot be built, a missing folder: every command then fails, saying so).
    static var index: [String] { ["--index", (try? SearchFixture.indexPath) ?? "/nonexistent/vanban-fixture-index"] }

    @Test func noColorTurnsStylingOffEvenOnATerminal() {
        #expect(Printer.styles(environment: [:], isTerminal: true))
        #expect(Printer.styles(environment: ["NO_COLOR": ""], isTerminal: true), "an empty NO_COLOR is unset")
        for value in ["1", "0", "false", "yes"] {
            #expect(!Printer.styles(environment: ["NO_COLOR": value], isTerminal: true), "NO_COLOR=\(value)")
        }
        #expect(!Printer.styles(environment: [:], isTerminal: false))
    }

    @Test func anUnstyledPrinterWritesNoEscapeCodes() {
        let snippet = Snippet(text: "công đoàn cơ sở", highlights: [[0, 12]], offset: 0)
        let plain = Printer(language: .en, styled: false)
        #expect(plain.bold("a") == "a" && plain.dim("a") == "a")
        #expect(plain.highlighted(snippet) == "[công đoàn] cơ sở")
        let styled = Printer(language: .en, styled: true)
        #expect(styled.bold("a") == "\u{1B}[1ma\u{1B}[0m" && styled.dim("a") == "\u{1B}[2ma\u{1B}[0m")
        #expect(styled.highlighted(snippet) == "\u{1B}[1mcông đoàn\u{1B}[0m cơ sở")
    }

    /// `vanban` run with stdout on a pseudo-terminal (from `script`), `NO_COLOR` unset unless given.
    static func onTerminal(_ arguments: [String], noColor: String? = nil) throws -> String {
        let quoted = ([Paths.vanban.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Paths.onPath("script")))
        process.arguments = ["-qec", quoted.joined(separator: " "), "/dev/null"]
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = noColor
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test(.enabled(if: Paths.onPath("script") != nil, "needs script(1) for a pseudo-terminal"))
    func noColorReachesTheCommands() throws {
        let styled = try Self.onTerminal(["search", "cong doan"] + Self.index)
        #expect(styled.contains("\u{1B}[1m"), "\(styled)")
        for command in [["search", "cong doan"] + Self.index, ["number", "12/QĐ-TLĐ"] + Self.index, ["mentions", "12/QĐ-TLĐ"] + Self.index] {
            let plain = try Self.onTerminal(command, noColor: "1")
            #expect(plain.contains("12/QĐ-TLĐ") && !plain.contains("\u{1B}["), "\(command): \(plain)")
        }
        #expect(try Self.onTerminal(["search", "cong doan"] + Self.index, noColor: "1").contains("[công] [đoàn]"))
    }

    @Test func jsonIsFormatJSON() throws {
        #expect(try OutputOptions<PlainFormat>.parse([]).format == .text)
        #expect(try OutputOptions<PlainFormat>.parse(["--json"]).format == .json)
        #expect(try OutputOptions<PlainFormat>.parse(["--format", "json"]).format == .json)
        #expect(try OutputOptions<GraphCommand.Format>.parse([]).format == .dot)
        #expect(try OutputOptions<SearchCommand.Format>.parse(["--format", "md", "--json"]).format == .json, "--json wins, as before")
    }

    @Test(arguments: [
        ["search", "cong doan", "--facets"] + index, ["number", "12/QĐ-TLĐ"] + index, ["show", "88/KH-UBND"] + index,
        ["stats"] + index, ["mentions", "12/QĐ-TLĐ"] + index, ["cite", "07/NQ-HĐND"] + index, ["cited-by", "12/QĐ-TLĐ"] + index,
        ["graph"] + index, ["analyze", "Công văn số 565-CV/ĐĐTLĐ"], ["extract", Paths.seed.path],
    ])
    func jsonAndFormatJSONPrintTheSame(command: [String]) throws {
        let json = try vanban(command + ["--json"])
        let format = try vanban(command + ["--format", "json"])
        #expect(json.status == 0 && format.status == 0, "\(json.stderr)\(format.stderr)")
        _ = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8))
        #expect(json.stdout == format.stdout)
        #expect(json.stdout != (try vanban(command).stdout), "the default is not JSON")
    }

    @Test func indexJSONAndFormatJSONPrintTheSame() throws {
        let dir = try TempDir()
        let docs = try SearchFixture.write(into: dir)
        let reports = try ["--json", "--format=json"].map { flag -> [String: Any] in
            let r = try vanban(["index", docs.path, "--index", dir.url.appendingPathComponent(flag).path, flag])
            #expect(r.status == 0, "\(r.stderr)")
            return try r.json().filter { !$0.key.hasSuffix("seconds") }
        }
        #expect(reports[0]["added"] as? Int == 5)
        #expect(NSDictionary(dictionary: reports[0]) == NSDictionary(dictionary: reports[1]))
    }

    @Test(arguments: [
        (["search", "thuế"] + index, "csv", ["text", "md", "json"]),
        (["cite", "07/NQ-HĐND"] + index, "dot", ["text", "md", "csv", "json"]),
        (["graph"] + index, "md", ["dot", "json", "csv"]),
        (["index", "/nonexistent/docs", "--index", "/nonexistent/idx"], "md", ["text", "json"]),
        (["number", "88/KH-UBND"] + index, "csv", ["text", "json"]),
        (["show", "88/KH-UBND"] + index, "md", ["text", "json"]),
        (["stats"] + index, "yaml", ["text", "json"]),
        (["mentions", "12/QĐ-TLĐ"] + index, "md", ["text", "json"]),
        (["cited-by", "12/QĐ-TLĐ"] + index, "csv", ["text", "json"]),
        (["analyze", "x"], "md", ["text", "json"]),
        (["extract", Paths.seed.path], "csv", ["text", "json"]),
    ])
    func anUnsupportedFormatListsTheSupportedOnes(command: [String], format: String, supported: [String]) throws {
        let r = try vanban(command + ["--format", format])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("'\(format)' is invalid for '--format"), "\(r.stderr)")
        for value in supported { #expect(r.stderr.contains("'\(value)'"), "\(value): \(r.stderr)") }
    }

    @Test func languageOptionIsParsed() throws {
        #expect(try OutputOptions<PlainFormat>.parse(["--lang", "vi"]).language.lang == .vi)
        #expect(try OutputOptions<PlainFormat>.parse([]).language.lang == nil)
        #expect(try OutputOptions<PlainFormat>.parse(["--lang", "vi"]).printer().language == .vi, "the printer speaks it")
        let bad = try vanban(["analyze", "x", "--lang", "fr"])
        #expect(bad.status == 2 && bad.stderr.contains("'vi'") && bad.stderr.contains("'en'"), "\(bad.stderr)")
    }

    @Test func helpListsTheOutputOptions() throws {
        for command in ["index", "search", "number", "show", "stats", "mentions", "cite", "cited-by", "graph", "analyze", "extract"] {
            let help = try vanban([command, "--help"]).stdout
            for option in ["--format <format>", "--json", "--lang <vi|en>"] {
                #expect(help.contains(option), "\(command): \(option)")
            }
        }
    }
}
