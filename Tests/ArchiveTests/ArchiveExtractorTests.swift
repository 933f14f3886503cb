import Foundation
import Testing
@testable import Chart

@Suite struct ArchiveExtractorTests {
    @Test func extractsUnderChartFolder() throws {
        let root = TestDirectory.make()
        let archive = HostileArchive.tgz([
            .init(name: "demo/Chart.yaml", bytes: Array("name: demo\n".utf8)),
            .init(name: "demo/templates/a.yaml", bytes: Array("a: 1\n".utf8)),
        ])
        try ArchiveExtractor.extract(try ArchiveReader.read(archive), chartName: "demo", into: root)
        #expect(TestDirectory.listing(root) == ["demo", "demo/Chart.yaml", "demo/templates", "demo/templates/a.yaml"])
        #expect(FileManager.default.contents(atPath: root + "/demo/templates/a.yaml") == Data("a: 1\n".utf8))
    }

    /// Entries that must never be written: (label, entries, chart name, message).
    static let hostileCases: [(String, [ArchiveEntry], String, String)] = [
        ("parent reference", [.init(path: "ok.txt", bytes: [1]), .init(path: "../escape.txt", bytes: [1])], "demo",
         "chart illegally references parent directory"),
        ("absolute", [.init(path: "/tmp/escape.txt", bytes: [1])], "demo", "chart illegally contains absolute paths"),
        ("chart name with slash", [.init(path: "a", bytes: [1])], "../up", "chart contains illegally named files"),
        ("chart name dot-dot", [.init(path: "a", bytes: [1])], "..", "chart contains illegally named files"),
        ("empty component", [.init(path: "a//b", bytes: [1])], "demo", "chart illegally contains content outside the base directory: \"a//b\""),
        ("file then same path as directory", [.init(path: "a", bytes: [1]), .init(path: "a/b", bytes: [1])], "demo",
         "a/b: <staging>/a is not a directory"),
    ]

    @Test(arguments: hostileCases.indices)
    func refusesAndWritesNothing(_ index: Int) {
        let (label, entries, chartName, message) = Self.hostileCases[index]
        let parent = TestDirectory.make()
        let root = parent + "/target"
        try? FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        do { try ArchiveExtractor.extract(entries, chartName: chartName, into: root); Issue.record("\(label) accepted") } catch {
            let normalized = error.description.replacingOccurrences(
                of: #"/[^ ]*/\.demo\.untar-[A-Za-z0-9]+"#, with: "<staging>", options: .regularExpression)
            #expect(normalized == message, "\(label)")
        }
        #expect(TestDirectory.listing(parent) == ["target"], "\(label): nothing written")
    }

    @Test func refusesExistingDestination() throws {
        let root = TestDirectory.make()
        try FileManager.default.createDirectory(atPath: root + "/demo", withIntermediateDirectories: true)
        do { try ArchiveExtractor.extract([.init(path: "a", bytes: [1])], chartName: "demo", into: root); Issue.record("accepted") } catch {
            #expect(error.description == "failed to untar: a file or directory with the name \(root)/demo already exists")
        }
        #expect(TestDirectory.listing(root) == ["demo"])
    }
}
