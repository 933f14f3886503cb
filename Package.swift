// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "swiftchart",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "swiftchart", targets: ["swiftchart"]),
        .executable(name: "swiftchart-bench", targets: ["swiftchart-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // Already in the graph through async-http-client; named here for KubeTests' TLS test server.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        // System libraries (Debian: libyaml-dev, libarchive-dev, zlib1g-dev).
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(name: "CArchive", pkgConfig: "libarchive", providers: [.apt(["libarchive-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

        // Core layers: Values → Template → Functions → Chart → Engine.
        .target(name: "Values", dependencies: ["CYAML"]),
        .target(name: "Semver", dependencies: ["Values"]),
        .target(name: "Template", dependencies: ["Values"]),
        .target(name: "Functions", dependencies: [
            "Values", "Template", "Semver",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "_CryptoExtras", package: "swift-crypto"),
        ]),
        .target(name: "Chart", dependencies: ["Values", "Semver", "CArchive", "CZlib"]),
        .target(name: "Repository", dependencies: [
            "Chart", "Engine", "Functions", "Values", "Semver", .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "RepositoryHTTP", dependencies: [
            "Repository", .product(name: "AsyncHTTPClient", package: "async-http-client"),
        ]),
        .target(name: "Engine", dependencies: ["Chart", "Template", "Functions", "Values"]),
        .target(name: "Kube", dependencies: [
            "Values", .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
        ]),
        .target(name: "Release", dependencies: [
            "Engine", "Chart", "Values", "CZlib", "Kube",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
        ]),
        .executableTarget(name: "swiftchart", dependencies: [
            "Engine", "Chart", "Values", "Repository", "RepositoryHTTP", "Release", "Kube",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], linkerSettings: [
            // Start-up of the release binary (Benchmarks/README.md): a position-dependent executable needs
            // no relocation of its ~180 MB image's pointers, and not exporting its ~48,000 symbols keeps the
            // dynamic loader's and `dladdr`'s symbol scans short (1,190 -> 760 page faults per run).
            .unsafeFlags(["-Xclang-linker", "-no-pie", "-Xlinker", "--no-export-dynamic"], .when(configuration: .release)),
        ]),

        // Benchmark (Benchmarks/README.md): in-process load + render timing, allocation counts, peak RSS.
        .target(name: "MallocCounter", path: "Benchmarks/MallocCounter"),
        .executableTarget(name: "swiftchart-bench", dependencies: ["Engine", "Chart", "Values", "MallocCounter"],
                          path: "Benchmarks/SwiftchartBench"),

        .testTarget(name: "ValuesTests", dependencies: ["Values"]),
        .testTarget(name: "SemverTests", dependencies: ["Semver"]),
        .testTarget(name: "TemplateTests", dependencies: ["Template", "Values"]),
        .testTarget(name: "FunctionsTests", dependencies: ["Functions", "Template", "Values"]),
        .testTarget(name: "ChartTests", dependencies: ["Chart", "Values"]),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "Chart", "Values"], exclude: ["Golden"]),
        .testTarget(name: "CLITests", dependencies: []),
        .testTarget(name: "CommandLineTests", dependencies: [
            "swiftchart", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "RepositoryTests", dependencies: ["Repository", "Chart", "Engine", "Semver", "Values"], exclude: ["Fixtures", "Golden"]),
        .testTarget(name: "ArchiveTests", dependencies: ["Chart", "CArchive", "CZlib"], exclude: ["Fixtures"]),
        .testTarget(name: "KubeTests", dependencies: [
            "Kube", "Release", "Chart", "Values", "Functions", "Template",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
        ], exclude: ["Fixtures"]),
        .testTarget(name: "ReleaseTests", dependencies: [
            "Release", "Engine", "Chart", "Values", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
    ]
)
