import Foundation
import Testing
import Chart
import Values
@testable import Engine

/// Renders charts and compares with `helm template` output recorded from Helm v4
/// (Tests/EngineTests/Golden; produced by ../shared/helm-oracle).
@Suite struct GoldenTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let golden = packageRoot + "/Tests/EngineTests/Golden"

    static func render(chart path: String, release: String, valuesFile: String?, kubeVersion: String?) throws -> String {
        let chart = try ChartLoader.load(path: path)
        var values: [String: Value] = [:]
        if let valuesFile, let data = FileManager.default.contents(atPath: valuesFile) {
            values = try YAML.loadValues([UInt8](data), file: valuesFile)
        }
        var capabilities = Capabilities()
        if let kubeVersion { capabilities.kubeVersion = try KubeVersion(parsing: kubeVersion) }
        let result = try Engine.render(chart: chart, values: .map(values),
                                       options: RenderOptions(release: ReleaseOptions(name: release), capabilities: capabilities))
        return try result.templateOutput(TemplateOutputOptions())
    }

    /// (chart folder, values file, golden file), all with `--kube-version v1.31.0` and release `web`.
    static let webapp: [(String?, String)] = [
        (nil, "webapp-default.yaml"),
        ("values-staging.yaml", "webapp-staging.yaml"),
        ("values-prod.yaml", "webapp-prod.yaml"),
    ]

    @Test(arguments: webapp)
    func webappMatchesHelm(valuesFile: String?, goldenFile: String) throws {
        let chart = Self.packageRoot + "/Charts/webapp"
        let output = try Self.render(chart: chart, release: "web", valuesFile: valuesFile.map { chart + "/" + $0 }, kubeVersion: "v1.31.0")
        let expected = try String(contentsOfFile: Self.golden + "/" + goldenFile, encoding: .utf8)
        #expect(output == expected)
    }

    @Test func webappNotesMatchHelm() throws {
        let chart = Self.packageRoot + "/Charts/webapp"
        let loaded = try ChartLoader.load(path: chart)
        let values = try YAML.loadValues([UInt8](FileManager.default.contents(atPath: chart + "/values-prod.yaml") ?? Data()), file: "values-prod.yaml")
        var capabilities = Capabilities()
        capabilities.kubeVersion = try KubeVersion(parsing: "v1.31.0")
        let result = try Engine.render(chart: loaded, values: .map(values),
                                       options: RenderOptions(release: ReleaseOptions(name: "web"), capabilities: capabilities))
        let expected = try String(contentsOfFile: Self.golden + "/webapp-prod-notes.txt", encoding: .utf8)
        #expect(result.notes == expected)
    }

    /// Document splitting edge cases: `---` glued to content, trailing spaces, comments after `---`,
    /// indented `---`, empty documents, hooks after manifests.
    @Test(arguments: ["e", "f"])
    func documentSplittingMatchesHelm(chart: String) throws {
        let output = try Self.render(chart: Self.golden + "/split/" + chart, release: "release-name", valuesFile: nil, kubeVersion: nil)
        let expected = try String(contentsOfFile: Self.golden + "/split/" + chart + ".out", encoding: .utf8)
        #expect(output == expected)
    }
}
