import ArgumentParser
import Foundation
import VanBan

struct RemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Take documents out of the index: a file's, or those of every file under a folder.",
        discussion: """
        `vanban index` removes a document only when its file is gone from a folder it could list; a document \
        whose folder could not be read (permissions, an unmounted share, an I/O error) is kept. This command \
        removes documents on your word, whether or not their files are still there. A file still under an \
        indexed folder comes back at the next `vanban index` of that folder: list it in a .vanbanignore there \
        to keep it out.

        JSON: {removed ([path]), unmatched ([PATH given that names no document]), dry_run, documents (in the index after)}.

        Exit codes: 0 every PATH named documents (removed, or listed with --dry-run), 1 some PATH named none \
        (the others are removed), 2 error (no index, or another `vanban index` is writing it).

        Examples:
          vanban remove /mnt/share/cong-van --dry-run
          vanban remove corpus/cu/qd-12.txt corpus/cu/qd-13.txt
          vanban remove /mnt/share --index ~/.vanban --json
        """
    )

    @Argument(help: "Files or folders whose documents to remove.")
    var paths: [String]

    @Option(name: .customLong("index"), help: "Index folder (default: $VANBAN_INDEX, else ./index).")
    var index: String?

    @Flag(help: "List what would be removed, and change nothing.")
    var dryRun = false

    @OptionGroup var output: OutputOptions<PlainFormat>

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("name at least one file or folder to remove") }
    }

    func run() throws {
        let out = output.printer()
        let indexPath = index ?? ProcessInfo.processInfo.environment["VANBAN_INDEX"] ?? "index"
        let result = try out.reportingErrors(index: [indexPath]) {
            try DocumentRemoval.remove(paths, from: indexPath, dryRun: dryRun)
        }
        if output.format == .json {
            try out.json(result)
        } else {
            print(out.say.removed(dryRun, result.removed.count, indexPath, result.documents))
            for path in result.removed { print("  \(path)") }
        }
        for path in result.unmatched { out.problem(out.say.notIndexed(path)) }
        if !result.unmatched.isEmpty { throw Exit.noResults }
    }
}
