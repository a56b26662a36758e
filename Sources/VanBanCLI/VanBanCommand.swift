import ArgumentParser
import VanBan
import Xapian

@main
struct VanBanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vanban",
        abstract: "Search Vietnamese official documents by number, keyword and citation.",
        version: "vanban \(VanBanInfo.version) (Xapian \(xapianVersion))",
        subcommands: [AnalyzeCommand.self]
    )
}
