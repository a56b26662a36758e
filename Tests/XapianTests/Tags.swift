import Foundation
import Testing

// The test tags of this target. Each test target declares its own (a tag is a static member in
// the target's module); keep these files alike across Tests/*/Tags.swift.

extension Tag {
    /// Seconds to minutes each: a 50 MB file, signals sent to a running indexer, corpus-wide
    /// gold sets over ../shared, benchmarks. `make test` runs them; `make test-fast` skips them.
    /// Give such a test both traits: `.tags(.slow), .notInFastLoop`.
    @Tag static var slow: Self
}

extension Trait where Self == ConditionTrait {
    /// Skips the test when `VANBAN_FAST` is set (as `make test-fast` does). `swift test` filters
    /// by name only (`--filter`, `--skip`), not by tag, so the `.slow` tag says why and this skips.
    static var notInFastLoop: Self {
        .enabled(if: !FastLoop.isOn, "slow: skipped because VANBAN_FAST is set (make test-fast)")
    }
}

enum FastLoop {
    /// `VANBAN_FAST` is set to anything but empty or `0`.
    static let isOn = !["", "0"].contains(ProcessInfo.processInfo.environment["VANBAN_FAST"] ?? "")
}
