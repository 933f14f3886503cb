import Foundation
import Testing
import Chart
import Values
@testable import Engine

/// Renders the example charts in `Charts/` with each of their values files and
/// compares byte for byte with `helm template` output recorded from Helm v4
/// (`Tests/EngineTests/Golden/examples`, produced by ../shared/helm-oracle with
/// `--kube-version v1.31.0`).
@Suite struct ExampleChartGoldenTests {
    static let examples = GoldenTests.golden + "/examples"

    struct Case: Sendable, CustomStringConvertible {
        let chart: String
        let release: String
        /// `values-<environment>.yaml`, or nil for the chart's defaults.
        let environment: String?
        var golden: String { "\(chart)-\(environment ?? "default").yaml" }
        var description: String { golden }
    }

    static let cases: [Case] = ["database": "db", "batch": "jobs", "node-agent": "agent", "platform": "platform"]
        .sorted { $0.key < $1.key }
        .flatMap { chart, release in
            [nil, "staging", "prod"].map { Case(chart: chart, release: release, environment: $0) }
        }

    @Test(arguments: cases)
    func exampleChartMatchesHelm(_ c: Case) throws {
        let chart = GoldenTests.packageRoot + "/Charts/" + c.chart
        let output = try GoldenTests.render(chart: chart, release: c.release,
                                            valuesFile: c.environment.map { "\(chart)/values-\($0).yaml" }, kubeVersion: "v1.31.0")
        let expected = try String(contentsOfFile: Self.examples + "/" + c.golden, encoding: .utf8)
        #expect(output == expected)
    }

    /// NOTES.txt rendered as Helm stores it in the release (`<chart>-<environment>-notes.txt`).
    static let notes: [Case] = [
        Case(chart: "database", release: "db", environment: "staging"),
        Case(chart: "batch", release: "jobs", environment: "prod"),
        Case(chart: "node-agent", release: "agent", environment: "prod"),
        Case(chart: "platform", release: "platform", environment: "staging"),
    ]

    @Test(arguments: notes)
    func exampleNotesMatchHelm(_ c: Case) throws {
        let chart = GoldenTests.packageRoot + "/Charts/" + c.chart
        let loaded = try ChartLoader.load(path: chart)
        let file = "\(chart)/values-\(c.environment ?? "").yaml"
        let values = try YAML.loadValues([UInt8](FileManager.default.contents(atPath: file) ?? Data()), file: file)
        var capabilities = Capabilities()
        capabilities.kubeVersion = try KubeVersion(parsing: "v1.31.0")
        let result = try Engine.render(chart: loaded, values: .map(values),
                                       options: RenderOptions(release: ReleaseOptions(name: c.release), capabilities: capabilities))
        let expected = try String(contentsOfFile: "\(Self.examples)/\(c.chart)-\(c.environment ?? "")-notes.txt", encoding: .utf8)
        #expect(result.notes == expected)
    }
}
