// swift-tools-version: 6.1
// libFuzzer targets for VanBan (`make fuzz`). Kept out of the main package: they build only with
// `--sanitize=fuzzer --sanitize=address -Xswiftc -parse-as-library` (see scripts/fuzz.sh).
import PackageDescription

let fuzzers: [(name: String, dependencies: [Target.Dependency])] = [
    ("FuzzTextDecoder", [.product(name: "VietText", package: "VanBan")]),
    ("FuzzAnalyzer", [.product(name: "VietText", package: "VanBan")]),
    ("FuzzDocNumber", [.product(name: "DocRefs", package: "VanBan")]),
    ("FuzzCitations", [.product(name: "DocRefs", package: "VanBan")]),
    ("FuzzHeader", [.product(name: "DocRefs", package: "VanBan")]),
    ("FuzzQuery", [.product(name: "VanBan", package: "VanBan")]),
    ("FuzzHTML", ["ReaderCheck", .product(name: "VanBan", package: "VanBan")]),
    ("FuzzMarkdown", ["ReaderCheck", .product(name: "VanBan", package: "VanBan")]),
    ("FuzzDOCX", ["ReaderCheck", .product(name: "VanBan", package: "VanBan")]),
    ("FuzzRTF", ["ReaderCheck", .product(name: "VanBan", package: "VanBan")]),
]

let package = Package(
    name: "VanBanFuzz",
    dependencies: [.package(name: "VanBan", path: "..")],
    targets: [
        // The checks every fuzzer shares: failing loudly, UTF-8 spans, the input as text.
        .target(name: "FuzzSupport"),
        // A reader's output checked for the three reader fuzzers.
        .target(name: "ReaderCheck", dependencies: ["FuzzSupport", .product(name: "VanBan", package: "VanBan")]),
    ] + fuzzers.map { fuzzer in
        .executableTarget(name: fuzzer.name, dependencies: ["FuzzSupport"] + fuzzer.dependencies)
    }
)
