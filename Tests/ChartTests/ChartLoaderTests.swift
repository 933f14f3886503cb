import Testing
import Values
@testable import Chart

@Suite struct ChartLoaderTests {
    static let template = ChartFileEntry(path: "templates/a.yaml", bytes: Array("kind: ConfigMap\n".utf8))

    static func files(chartYAML: String, values: String? = nil) -> [ChartFileEntry] {
        var out = [ChartFileEntry(path: "Chart.yaml", bytes: Array(chartYAML.utf8)), template]
        if let values { out.append(ChartFileEntry(path: "values.yaml", bytes: Array(values.utf8))) }
        return out
    }

    /// Chart.yaml / values.yaml → Helm's error message (from `helm template`).
    static let errorCases: [(String, String?, String)] = [
        ("apiVersion: v2\nversion: 0.1.0\n", nil, "validation: chart.metadata.name is required"),
        ("apiVersion: v2\nname: g\n", nil, "validation: chart.metadata.version is required"),
        ("apiVersion: v2\nname: g\nversion: 0.1.0\ntype: foo\n", nil, "validation: chart.metadata.type must be application or library"),
        ("apiVersion: v2\nname: g\nversion: 0.1.0\ndependencies:\n- name: a\n  alias: \"b c\"\n", nil,
         "validation: dependency \"a\" has disallowed characters in the alias"),
        ("apiVersion: v2\nname: g\nversion: 0.1.0\nfoo: [\n", nil,
         "cannot load Chart.yaml: error converting YAML to JSON: yaml: line 4: did not find expected node content"),
        ("apiVersion: v2\nname: g/x\nversion: 0.1.0\n", nil, "validation: chart.metadata.name \"g/x\" is invalid"),
        ("apiVersion: v2\nname: case\nversion: not-semver\n", nil, "validation: chart.metadata.version \"not-semver\" is invalid"),
        ("apiVersion: v2\nname: g\nversion: 0.1.0\nkeywords: foo\n", nil,
         "cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go struct field .keywords of type []string"),
        ("apiVersion: v2\nname: g\nversion: 0.1.0\ndependencies:\n- name: [a]\n", nil,
         "cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go struct field .dependencies.0.name of type string"),
        ("apiVersion: v2\nname: g\nversion: 0.1.0\n", "a: b: c\n",
         "cannot load values.yaml: cannot unmarshal yaml document: error converting YAML to JSON: yaml: mapping values are not allowed in this context"),
    ]

    @Test(arguments: errorCases)
    func invalidCharts(chartYAML: String, values: String?, message: String) {
        do {
            _ = try ChartLoader.load(files: Self.files(chartYAML: chartYAML, values: values))
            Issue.record("expected an error")
        } catch let e as ChartError {
            #expect(e.message == message)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func missingChartYAML() {
        #expect(throws: ChartError.self) { try ChartLoader.load(files: [Self.template]) }
    }

    @Test func filesAreSplitLikeHelm() throws {
        let entries: [ChartFileEntry] = [
            ChartFileEntry(path: "Chart.yaml", bytes: Array("apiVersion: v2\nname: p\nversion: 1.0.0\n".utf8)),
            ChartFileEntry(path: "values.yaml", bytes: Array("a: 1\n---\nb: x\n".utf8)),
            ChartFileEntry(path: "values.schema.json", bytes: Array("{}".utf8)),
            ChartFileEntry(path: "templates/x.yaml", bytes: []),
            ChartFileEntry(path: "crds/c.yaml", bytes: []),
            ChartFileEntry(path: "files/f.txt", bytes: []),
            ChartFileEntry(path: "charts/sub/Chart.yaml", bytes: Array("name: sub\nversion: 0.1.0\n".utf8)),
            ChartFileEntry(path: "charts/sub/templates/s.yaml", bytes: []),
            ChartFileEntry(path: "charts/_skipped/Chart.yaml", bytes: []),
        ]
        let chart = try ChartLoader.load(files: entries)
        #expect(chart.templates.map(\.path) == ["templates/x.yaml"])
        #expect(chart.files.map(\.path) == ["crds/c.yaml", "files/f.txt"])
        #expect(chart.schema == Array("{}".utf8))
        #expect(chart.values == .map(["a": .float(1), "b": .string("x")]))
        #expect(chart.dependencies.map(\.name) == ["sub"])
        #expect(chart.dependencies.first?.metadata.apiVersion == "v1")
        #expect(chart.dependencies.first?.templates.map(\.path) == ["templates/s.yaml"])
    }

    /// Scalars read into string fields as sigs.k8s.io/yaml converts them (checked with `helm template`).
    @Test(arguments: [("1.10", "1.1"), ("2", "2"), ("\"1.10\"", "1.10"), ("true", "true")])
    func appVersionScalars(yaml: String, expected: String) throws {
        let chart = try ChartLoader.load(files: Self.files(chartYAML: "apiVersion: v2\nname: c\nversion: 0.1.0\nappVersion: \(yaml)\n"))
        #expect(chart.metadata.appVersion == expected)
    }
}

/// Chart versions Helm accepts or rejects (checked with `helm template`).
@Suite struct ChartVersionValidationTests {
    @Test(arguments: [("1.2", true), ("v1.2.3", true), ("1.0.0+build", true), ("1.0.0-01", false), ("not-semver", false), ("1.2.3.4", false)])
    func version(_ version: String, valid: Bool) {
        let files = ChartLoaderTests.files(chartYAML: "apiVersion: v2\nname: g\nversion: \(version)\n")
        let loaded = (try? ChartLoader.load(files: files)) != nil
        #expect(loaded == valid)
    }
}
