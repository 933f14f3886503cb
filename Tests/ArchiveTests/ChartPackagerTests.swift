import Foundation
import Testing
@testable import Chart

/// Our archive of `Fixtures/src/fullchart` against the one `helm package` made of it
/// (`Fixtures/helm-fullchart-*.tgz`): same entry names, order, modes and contents.
@Suite struct ChartPackagerTests {
    static let source = fixturesDirectory + "/src/fullchart"
    static let helmArchive = fixturesDirectory + "/helm-fullchart-1.2.3-rc.1+build.5.tgz"

    /// Helm orders subcharts by Go map iteration (random); compare with subchart blocks sorted.
    static func canonicalOrder(_ entries: [ArchiveEntry]) -> [ArchiveEntry] {
        func block(_ path: String) -> String {
            guard path.hasPrefix("charts/") else { return "" }
            return String(path.dropFirst(7).prefix { $0 != "/" })
        }
        return entries.enumerated().sorted { a, b in
            let (ka, kb) = (block(a.element.path), block(b.element.path))
            return ka == kb ? a.offset < b.offset : ka < kb
        }.map(\.element)
    }

    @Test func entriesMatchHelmPackage() throws {
        let chart = try ChartLoader.load(directory: Self.source)
        let ours = try ChartPackager.entries(of: chart)
        let helm = try ArchiveReader.read(file: Self.helmArchive)
        let (o, h) = (Self.canonicalOrder(ours), Self.canonicalOrder(helm))
        #expect(o.map(\.path) == h.map(\.path))
        #expect(o.map(\.mode) == h.map(\.mode))
        for (mine, theirs) in zip(o, h) where mine.bytes != theirs.bytes {
            Issue.record("\(mine.path) differs:\n\(String(decoding: mine.bytes, as: UTF8.self))\n--- helm ---\n\(String(decoding: theirs.bytes, as: UTF8.self))")
        }
    }

    @Test func packageIsReproducibleAndLoadable() throws {
        let first = TestDirectory.make(), second = TestDirectory.make()
        let a = try ChartPackager.package(directory: Self.source, options: .init(destination: first))
        let b = try ChartPackager.package(directory: Self.source, options: .init(destination: second))
        #expect(URL(fileURLWithPath: a).lastPathComponent == "fullchart-1.2.3-rc.1+build.5.tgz")
        #expect(FileManager.default.contents(atPath: a) == FileManager.default.contents(atPath: b))
        #expect(TestDirectory.listing(first) == ["fullchart-1.2.3-rc.1+build.5.tgz"], "no temporary file left")
        let reloaded = try ChartLoader.load(archive: a)
        #expect(reloaded.metadata == (try ChartLoader.load(directory: Self.source)).metadata)
        #expect(reloaded.dependencies.map(\.name) == ["other", "sub"])
    }

    /// Overrides and refusals of `package`: (label, options, expected file name or error).
    static let optionCases: [(String, String?, String?, Result<String, String>)] = [
        ("version override", "2.0.0", nil, .success("fullchart-2.0.0.tgz")),
        ("app version override", nil, "9.9", .success("fullchart-1.2.3-rc.1+build.5.tgz")),
        ("invalid version", "not-a-version", nil, .failure("invalid semantic version")),
    ]

    @Test(arguments: optionCases.indices)
    func packageOptions(_ index: Int) throws {
        let (label, version, appVersion, expected) = Self.optionCases[index]
        let dir = TestDirectory.make()
        let result = Result { try ChartPackager.package(directory: Self.source, options: .init(destination: dir, version: version, appVersion: appVersion)) }
        switch (result, expected) {
        case (.success(let path), .success(let name)):
            #expect(URL(fileURLWithPath: path).lastPathComponent == name, "\(label)")
            let chart = try ChartLoader.load(archive: path)
            if let appVersion { #expect(chart.metadata.appVersion == appVersion) }
        case (.failure(let error), .failure(let message)):
            #expect("\(error)" == message, "\(label)")
            #expect(TestDirectory.listing(dir).isEmpty, "\(label): no partial file")
        default: Issue.record("\(label): got \(result)")
        }
    }

    @Test func refusesChartWithMissingDependencies() throws {
        let dir = TestDirectory.make()
        let chart = dir + "/needy"
        try FileManager.default.createDirectory(atPath: chart, withIntermediateDirectories: true)
        try Data("apiVersion: v2\nname: needy\nversion: 1.0.0\ndependencies:\n- name: absent\n  version: 1.0.0\n  repository: https://example.com\n".utf8)
            .write(to: URL(fileURLWithPath: chart + "/Chart.yaml"))
        do { _ = try ChartPackager.package(directory: chart, options: .init(destination: dir + "/out")); Issue.record("accepted") } catch {
            #expect("\(error)" == "found in Chart.yaml, but missing in charts/ directory: absent")
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/out/needy-1.0.0.tgz"))
    }
}
