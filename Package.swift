// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "VanBan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "vanban", targets: ["VanBanCLI"]),
        .executable(name: "vanban-bench", targets: ["VanBanBench"]),
        .library(name: "Xapian", targets: ["Xapian"]),
        .library(name: "VietText", targets: ["VietText"]),
        .library(name: "DocRefs", targets: ["DocRefs"]),
        .library(name: "VanBan", targets: ["VanBan"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // Xapian, from Debian's libxapian-dev, found through pkg-config.
        .systemLibrary(
            name: "CXapian",
            pkgConfig: "xapian-core",
            providers: [.apt(["libxapian-dev"])]
        ),
        // zlib (Debian's zlib1g-dev, which libxapian-dev depends on; ZIPFoundation's own module is named CZlib): the stored text's pieces are deflated.
        .systemLibrary(name: "SystemZlib", providers: [.apt(["zlib1g-dev"])]),
        // extern "C" API over the Xapian classes we use; no C++ exception escapes it.
        .target(
            name: "XapianBridge",
            dependencies: ["CXapian"],
            cxxSettings: [.unsafeFlags(["-std=c++17"])]
        ),
        // Safe Swift layer over the bridge.
        .target(name: "Xapian", dependencies: ["XapianBridge"]),
        // Vietnamese text analysis: decode, normalise, tokenise, fold. No Xapian.
        // Lifetimes: TokenView lends its terms as spans that cannot escape (`@_lifetime`).
        .target(name: "VietText", swiftSettings: [.enableExperimentalFeature("Lifetimes")]),
        // Document numbers, header metadata and citations.
        .target(name: "DocRefs", dependencies: ["VietText"]),
        // Index schema, readers, indexer, search and citation graph.
        .target(
            name: "VanBan",
            dependencies: [
                "Xapian", "VietText", "DocRefs", "SystemZlib",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The web page and JSON API of `vanban serve`: a thin Hummingbird layer over the library's service.
        .target(
            name: "VanBanServer",
            dependencies: [
                "VanBan", "DocRefs",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // The `vanban` command.
        .executableTarget(
            name: "VanBanCLI",
            dependencies: [
                "VanBan", "VanBanServer", "Xapian", "VietText", "DocRefs",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks against Xapian's own TermGenerator, QueryParser and indexers (`make bench-*`).
        .executableTarget(
            name: "VanBanBench",
            dependencies: [
                "VanBan", "Xapian", "VietText", "DocRefs",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Starts and stops xapian-tcpsrv for the remote and shard tests of both test targets.
        .target(name: "TCPServerSupport", path: "Tests/TCPServerSupport"),
        // The `.slow` tag and the trait that skips slow tests in `make test-fast`, shared by the test targets.
        .target(name: "TestTags", path: "Tests/TestTags"),
        .testTarget(name: "XapianTests", dependencies: ["Xapian", "TCPServerSupport"]),
        .testTarget(
            name: "VietTextTests",
            dependencies: ["VietText", "TestTags", .product(name: "PropertyBased", package: "swift-property-based")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "DocRefsTests",
            dependencies: ["DocRefs", "VietText", .product(name: "PropertyBased", package: "swift-property-based")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "VanBanTests",
            dependencies: [
                "VanBan", "Xapian", "VietText", "DocRefs", "VanBanCLI", "TCPServerSupport", "TestTags",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "VanBanServerTests",
            dependencies: [
                "VanBanServer", "VanBan", "TestTags",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
    ],
    cxxLanguageStandard: .cxx17
)
