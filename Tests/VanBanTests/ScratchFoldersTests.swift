import Foundation
import TestTags
import Testing

/// The fixtures' scratch folders do not pile up in the temporary directory from run to run.
@Suite struct ScratchFoldersTests {
    @Test func earlierRunsFoldersOlderThanAnHourGo() throws {
        let prefix = "vanban-scratch-test-\(UUID().uuidString.prefix(8))"
        let tmp = FileManager.default.temporaryDirectory
        let old = tmp.appendingPathComponent("\(prefix)-old"), recent = tmp.appendingPathComponent("\(prefix)-recent")
        for folder in [old, recent] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -7200)], ofItemAtPath: old.path)
        let made = try ScratchFolders.make(prefix)
        defer { for folder in [recent, made] { try? FileManager.default.removeItem(at: folder) } }
        #expect(!FileManager.default.fileExists(atPath: old.path))
        #expect(FileManager.default.fileExists(atPath: recent.path))
        #expect(FileManager.default.fileExists(atPath: made.path) && made.lastPathComponent.hasPrefix(prefix + "-"))
        #expect(made != recent)
    }
}
