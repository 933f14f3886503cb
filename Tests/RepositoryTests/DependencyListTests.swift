import Chart
import Foundation
import Testing
@testable import Repository

/// `dependency list` statuses (Helm's `dependencyStatus`): each case puts archives or folders in
/// `charts/` and declares `lib` with a constraint.
@Suite struct DependencyListTests {
    enum Item { case archive(file: String, name: String, version: String), garbage(String), folder(version: String) }

    static let cases: [(String, [Item], String)] = [
        ("1.0.0", [.archive(file: "lib-1.0.0.tgz", name: "lib", version: "1.0.0")], "ok"),
        ("^1.0.0", [.archive(file: "lib-1.2.0.tgz", name: "lib", version: "1.2.0")], "ok"),
        ("^2.0.0", [.archive(file: "lib-1.0.0.tgz", name: "lib", version: "1.0.0")], "wrong version"),
        ("1.0.0", [], "missing"),
        ("1.0.0", [.garbage("lib-1.0.0.tgz")], "corrupt"),
        ("1.0.0", [.archive(file: "lib-1.0.0.tgz", name: "other", version: "1.0.0")], "misnamed"),
        ("1.x", [.folder(version: "1.3.0")], "unpacked"),
        ("2.x", [.folder(version: "1.3.0")], "wrong version"),
        ("1.0.0", [.archive(file: "lib-1.0.0.tgz", name: "lib", version: "1.0.0"), .archive(file: "lib-1.1.0.tgz", name: "lib", version: "1.1.0")], "too many matches"),
    ]

    static func chart(_ name: String, _ version: String) throws -> Chart {
        try ChartLoader.load(files: [ChartFileEntry(path: "Chart.yaml", bytes: Array("apiVersion: v2\nname: \(name)\nversion: \(version)\n".utf8))])
    }

    @Test(arguments: cases.indices)
    func status(_ i: Int) throws {
        let (constraint, items, expected) = Self.cases[i]
        let root = NSTemporaryDirectory() + "swiftchart-deplist-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let charts = root + "/charts"
        try FileManager.default.createDirectory(atPath: charts, withIntermediateDirectories: true)
        try "apiVersion: v2\nname: app\nversion: 0.1.0\ndependencies:\n- name: lib\n  version: \"\(constraint)\"\n  repository: https://charts.example\n"
            .write(toFile: root + "/Chart.yaml", atomically: true, encoding: .utf8)
        for item in items {
            switch item {
            case .archive(let file, let name, let version):
                let path = try ChartPackager.save(try Self.chart(name, version), to: root + "/staging", mtime: 0)
                try FileManager.default.moveItem(atPath: path, toPath: charts + "/" + file)
            case .garbage(let file):
                try "garbage".write(toFile: charts + "/" + file, atomically: true, encoding: .utf8)
            case .folder(let version):
                try FileManager.default.createDirectory(atPath: charts + "/lib", withIntermediateDirectories: true)
                try "apiVersion: v2\nname: lib\nversion: \(version)\n".write(toFile: charts + "/lib/Chart.yaml", atomically: true, encoding: .utf8)
            }
        }
        // A corrupt archive makes the folder unloadable; the status is still computed from Chart.yaml.
        let chartYAML = [UInt8](FileManager.default.contents(atPath: root + "/Chart.yaml") ?? Data())
        let declared = try ChartLoader.load(files: [ChartFileEntry(path: "Chart.yaml", bytes: chartYAML)])
        let parent = (try? ChartLoader.load(directory: root)) ?? declared
        let dependency = try #require(declared.metadata.dependencies?.first)
        #expect(DependencyList.status(of: dependency, chartsPath: charts, parent: parent) == expected, "\(constraint) \(items)")
    }
}
