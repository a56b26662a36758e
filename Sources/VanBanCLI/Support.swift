import ArgumentParser
import Foundation
import VanBan

/// `--index`, shared by every command that reads an index.
struct IndexSelection: ParsableArguments {
    @Option(name: .customLong("index"), help: Help.argument(
        "Index folder, or tcp://HOST:PORT of an xapian-tcpsrv shard. Repeat to search several as one.",
        vi: "Thư mục chỉ mục, hoặc tcp://MÁY:CỔNG của một phân mảnh do xapian-tcpsrv phục vụ. Nhắc lại để tìm trong nhiều chỉ mục như một.",
        discussion: (en: "Default: $VANBAN_INDEX, else ./index.", vi: "Mặc định: $VANBAN_INDEX, nếu không thì ./index."), valueName: "DIR|URL"))
    var locations: [String] = []

    /// The locations asked for, or the default.
    var resolved: [String] {
        if !locations.isEmpty { return locations }
        return [ProcessInfo.processInfo.environment["VANBAN_INDEX"] ?? "index"]
    }

    func open() throws -> SearchIndex { try SearchIndex(locations: resolved) }
}

/// Exit codes shared by the commands (documented in `vanban --help`).
enum Exit {
    static let noResults = ExitCode(1)
    static let error = ExitCode(2)
    static let someFilesFailed = ExitCode(3)
}
