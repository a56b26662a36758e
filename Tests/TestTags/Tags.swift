import Foundation
import Testing

// The test tags every test target shares (depend on TestTags and `import TestTags`).

extension Tag {
    /// Seconds to minutes each: a 50 MB file, signals sent to a running indexer, corpus-wide
    /// gold sets over ../shared, benchmarks. `make test` runs them; `make test-fast` skips them.
    /// Give such a test both traits: `.tags(.slow), .notInFastLoop`.
    @Tag public static var slow: Self
}

extension Trait where Self == ConditionTrait {
    /// Skips the test when `VANBAN_FAST` is set (as `make test-fast` does). `swift test` filters
    /// by name only (`--filter`, `--skip`), not by tag, so the `.slow` tag says why and this skips.
    public static var notInFastLoop: Self {
        .enabled(if: !FastLoop.isOn, "slow: skipped because VANBAN_FAST is set (make test-fast)")
    }
}

enum FastLoop {
    /// `VANBAN_FAST` is set to anything but empty or `0`.
    static let isOn = !["", "0"].contains(ProcessInfo.processInfo.environment["VANBAN_FAST"] ?? "")
}
