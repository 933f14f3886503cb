import Foundation
import Testing
@testable import Repository

/// Lint findings for small broken charts. Severities, paths and order are what
/// `helm-oracle lint` (Helm v4) reports for the same charts; message texts are Helm's rule
/// messages (pkg/chart/v2/lint/rules).
@Suite struct LintTests {
    static func makeChart(_ files: [String: String]) throws -> String {
        let dir = NSTemporaryDirectory() + "swiftchart-lint-\(UUID().uuidString)/chart"
        for (path, content) in files {
            let full = dir + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try content.write(toFile: full, atomically: true, encoding: .utf8)
        }
        return dir
    }

    static let icon = "icon: https://example.com/i.png\n"

    /// (label, files, expected "[SEV] path: message" lines with CHART for the chart folder; a
    /// trailing `*` matches any rest, where Helm's text depends on its YAML library).
    static let cases: [(String, [String: String], [String])] = [
        ("bare chart", ["Chart.yaml": "apiVersion: v2\nname: c1\nversion: 0.1.0\n"], [
            "[INFO] Chart.yaml: icon is recommended",
            "[INFO] values.yaml: file does not exist",
            "[WARNING] templates/: directory does not exist",
        ]),
        ("bad object name", ["Chart.yaml": "apiVersion: v2\nname: c2\nversion: 0.1.0\n" + icon, "values.yaml": "a: 1\n",
                             "templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: My_Config\ndata:\n  a: {{ .Values.a | quote }}\n"], [
            "[WARNING] templates/cm.yaml: object name does not conform to Kubernetes naming requirements: \"My_Config\": metadata.name: Invalid value: \"My_Config\": " + KubernetesNames.subdomainMessage,
        ]),
        ("render error", ["Chart.yaml": "apiVersion: v2\nname: c3\nversion: 0.1.0\n" + icon, "values.yaml": "a: 1\n",
                          "templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: {{ .Values.a | nosuch }}\n"], [
            "[ERROR] templates/: parse error at (c3/templates/cm.yaml:6): function \"nosuch\" not defined",
        ]),
        ("required and fail do not stop lint (Helm's lint mode)", ["Chart.yaml": "apiVersion: v2\nname: c8\nversion: 0.1.0\n" + icon, "values.yaml": "a: 1\n",
                          "templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: {{ required \"need b\" .Values.b | quote }}\n  c: {{ fail \"boom\" | quote }}\n"], []),
        ("rendered YAML does not parse", ["Chart.yaml": "apiVersion: v2\nname: c4\nversion: 0.1.0\n" + icon, "values.yaml": "a: 1\n",
                                          "templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: [1\n"], [
            "[ERROR] templates/cm.yaml: unable to parse YAML: *",
        ]),
        ("chart fields, extension, selector, dependencies", [
            "Chart.yaml": "apiVersion: v2\nname: c5\nversion: 1.0\n" + icon + "dependencies:\n- name: sub\n  version: 1.0.0\n  repository: file://../sub\n",
            "values.yaml": "a: 1\n", "templates/notes.md": "hello\n",
            "templates/deploy.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template: {}\n"], [
            "[ERROR] Chart.yaml: version should be of type string but it's of type float64",
            "[WARNING] Chart.yaml: version '*",
            "[ERROR] templates/deploy.yaml: a Deployment must contain matchLabels or matchExpressions, and \"d\" does not",
            "[ERROR] templates/notes.md: file extension '.md' not valid. Valid extensions are .yaml, .yml, .tpl, or .txt",
            "[WARNING] CHART: chart directory is missing these dependencies: sub",
        ]),
        ("values against values.schema.json", ["Chart.yaml": "apiVersion: v2\nname: c7\nversion: 0.1.0\n" + icon, "values.yaml": "replicas: 1\n",
                                                "values.schema.json": #"{"type":"object","properties":{"replicas":{"type":"string"}}}"#,
                                                "templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n"], [
            "[ERROR] values.yaml: - at '/replicas': got number, want string\n",
            "[ERROR] templates/: values don't meet the specifications of the schema(s) in the following chart(s):\nc7:\n- at '/replicas': got number, want string\n",
        ]),
        ("unknown Chart.yaml field; comment after a document separator", [
            "Chart.yaml": "apiVersion: v2\nname: d1\nversion: 0.1.0\n" + icon + "engine: gotpl\n", "values.yaml": "a: 1\n",
            "templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\n{{- if true -}}\n\n# second\nkind: ConfigMap\napiVersion: v1\nmetadata:\n  name: b\n{{- end }}\n"], [
            "[WARNING] Chart.yaml: failed to strictly parse chart metadata file\n\terror unmarshaling JSON: while decoding JSON: json: unknown field \"engine\"",
        ]),
        ("library chart", ["Chart.yaml": "apiVersion: v2\nname: d2\nversion: 0.1.0\n" + icon + "type: library\n", "values.yaml": "a: 1\n",
                           "templates/_x.tpl": "{{- define \"x\" }}a{{ end }}\n"], []),
        ("CRD files, .helmignore respected", ["Chart.yaml": "apiVersion: v2\nname: d3\nversion: 0.1.0\n" + icon, "values.yaml": "a: 1\n",
                                             "crds/c.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n", "crds/skip.yaml": "kind: Other\n",
                                             ".helmignore": "crds/skip.yaml\n"], [
            "[WARNING] templates/: directory does not exist",
            "[ERROR] crds/c.yaml: apiVersion is not in 'apiextensions.k8s.io'",
            "[ERROR] crds/c.yaml: object kind is not 'CustomResourceDefinition'",
        ]),
        ("apiVersion and maintainer", ["Chart.yaml": "apiVersion: v3\nname: c6\nversion: 0.1.0\nmaintainers:\n- email: a@b.c\n"], [
            "[ERROR] Chart.yaml: apiVersion 'v3' is not valid. The value must be either \"v1\" or \"v2\"",
            "[ERROR] Chart.yaml: each maintainer requires a name",
            "[INFO] Chart.yaml: icon is recommended",
            "[INFO] values.yaml: file does not exist",
            "[WARNING] templates/: directory does not exist",
        ]),
    ]

    @Test(arguments: cases.indices)
    func lintFindings(_ i: Int) throws {
        let (label, files, expected) = Self.cases[i]
        let chart = try Self.makeChart(files)
        defer { try? FileManager.default.removeItem(atPath: (chart as NSString).deletingLastPathComponent) }
        let report = ChartLinter.lint(path: chart, values: .map([:]))
        let lines = report.messages.map(\.description)
        #expect(lines.count == expected.count, "\(label): \(lines)")
        for (line, want) in zip(lines, expected) {
            let w = want.replacingOccurrences(of: "CHART", with: chart)
            #expect(w.hasSuffix("*") ? line.hasPrefix(String(w.dropLast())) : line == w, "\(label)")
        }
    }

    /// Helm's exit rule: errors fail the chart; warnings only with --strict.
    @Test func strictTurnsWarningsIntoFailures() throws {
        let chart = try Self.makeChart(["Chart.yaml": "apiVersion: v2\nname: c1\nversion: 0.1.0\n"])
        defer { try? FileManager.default.removeItem(atPath: (chart as NSString).deletingLastPathComponent) }
        let report = ChartLinter.lint(path: chart, values: .map([:]))
        #expect(!report.failed(strict: false))
        #expect(report.failed(strict: true))
    }

    /// (name, kind, valid).
    static let names: [(String, String, Bool)] = [
        ("web-1", "Deployment", true), ("web.example.com", "ConfigMap", true), ("Web", "Deployment", false),
        ("1web", "Service", false), ("web", "Service", true), ("a.b", "Namespace", false), ("x:y", "ClusterRole", true),
        ("x/y", "Role", false), (String(repeating: "a", count: 64), "Service", false), ("", "ConfigMap", false),
    ]

    @Test(arguments: names.indices)
    func kubernetesNames(_ i: Int) {
        let (name, kind, valid) = Self.names[i]
        #expect((KubernetesNames.validate(name, kind: kind) == nil) == valid, "\(kind) \(name)")
    }
}
