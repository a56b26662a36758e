import ArgumentParser
import Foundation
import Hummingbird
import VanBan
import VanBanServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the search page and the JSON API over the index.",
        discussion: """
        The page (Vietnamese; ?lang=en for English) searches with the same query language as `vanban search`, \
        with facets, sorting and paging; shows each document with what it cites, what cites it and where it is \
        mentioned; looks numbers up; lists mentions; downloads citation lists (Word, Markdown, CSV, JSON) and \
        draws citation graphs (Graphviz). The JSON API under /api/ answers in the shapes of the commands' \
        --json, described at /openapi.json. Documents indexed while the server runs appear without a restart.

        Safe by default: it listens on 127.0.0.1 only (any other --host prints a warning), reads the index and \
        never writes it, serves documents by their id only, and limits queries to 500 characters, pages to 100 \
        results and each request to 10 seconds.

        Examples:
          vanban serve                         # http://127.0.0.1:8080/
          vanban serve --index /srv/index --port 8090
          curl 'http://127.0.0.1:8080/api/search?q=nghi+quyet+cong+doan&facets=true'

        Exit codes: 0 stopped (SIGINT or SIGTERM), 2 error (no index, the port taken).
        """
    )

    @OptionGroup var index: IndexSelection
    @Option(help: "Address to listen on. Anything but loopback exposes the index to the network.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080
    @OptionGroup var language: LanguageOption

    func validate() throws {
        guard (1...65_535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
    }

    func run() async throws {
        let out = Printer(language: language.resolved, styled: false)
        let pool = try out.reportingErrors(index: index.resolved) { try IndexPool(locations: index.resolved) }
        if !VanBanServer.isLoopback(host) {
            out.warning(out.say.exposed(host, port))
        }
        out.note("vanban: " + out.say.serving(index.resolved.joined(separator: ", "), "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/"))
        do {
            try await VanBanServer.application(pool: pool, host: host, port: port).runService()
        } catch {
            out.error { _ in "\(error)" }
            throw Exit.error
        }
    }
}
