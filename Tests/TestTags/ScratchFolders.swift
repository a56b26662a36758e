import Foundation

/// Scratch folders of fixtures that live as long as a test process (a `static let` is never deinitialised):
/// each run removes those its earlier runs left.
public enum ScratchFolders {
    /// A new folder `PREFIX-UUID` in the temporary directory, after removing the `PREFIX-…` folders older than an hour.
    public static func make(_ prefix: String) throws -> URL {
        let tmp = FileManager.default.temporaryDirectory
        for name in (try? FileManager.default.contentsOfDirectory(atPath: tmp.path)) ?? [] where name.hasPrefix(prefix + "-") {
            let old = tmp.appendingPathComponent(name)
            if let made = (try? FileManager.default.attributesOfItem(atPath: old.path))?[.modificationDate] as? Date,
               made.timeIntervalSinceNow < -3600 { try? FileManager.default.removeItem(at: old) }
        }
        let folder = tmp.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
