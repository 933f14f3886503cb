import Foundation
import Testing
import Values
@testable import Chart

/// `ChartLoader.load(directory:)`: lexical walk, `.helmignore`, symlinked
/// files followed, UTF-8 BOM stripped. helm-oracle renders the same chart
/// from exactly these templates, with `.Values.greeting` = "hi".
@Suite struct DirectoryLoadingTests {
    static func makeChart() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("swiftchart-walk-\(UUID().uuidString)").path
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/templates/sub", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: root + "/shared", withIntermediateDirectories: true)
        func write(_ path: String, _ bytes: [UInt8]) throws {
            try Data(bytes).write(to: URL(fileURLWithPath: root + "/" + path))
        }
        try write("Chart.yaml", Array("apiVersion: v2\nname: walk\nversion: 0.1.0\n".utf8))
        try write("values.yaml", [0xEF, 0xBB, 0xBF] + Array("greeting: hi\n".utf8))
        try write(".helmignore", Array("skip.yaml\n".utf8))
        try write("templates/a.yaml", Array("a: {{ .Values.greeting }}\n".utf8))
        try write("templates/sub/b.yaml", Array("b: 1\n".utf8))
        try write("templates/skip.yaml", Array("skipped: 1\n".utf8))
        try write("shared/linked.yaml", Array("linked: 1\n".utf8))
        try fm.createSymbolicLink(atPath: root + "/templates/linked.yaml", withDestinationPath: "../shared/linked.yaml")
        return root
    }

    @Test func walkFollowsHelmRules() throws {
        let root = try Self.makeChart()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let chart = try ChartLoader.load(path: root)
        #expect(chart.templates.map(\.path) == ["templates/a.yaml", "templates/linked.yaml", "templates/sub/b.yaml"])
        #expect(chart.templates.map { String(decoding: $0.bytes, as: UTF8.self) }[1] == "linked: 1\n")
        #expect(chart.values.mapValue?["greeting"] == .string("hi"))
        #expect(chart.files.map(\.path) == [".helmignore", "shared/linked.yaml"])
    }

    @Test func missingPathsUseHelmsWording() {
        let error = #expect(throws: ChartError.self) { try ChartLoader.load(path: "/nonexistent/chart") }
        #expect(error?.message == "path \"/nonexistent/chart\" not found")
    }
}
