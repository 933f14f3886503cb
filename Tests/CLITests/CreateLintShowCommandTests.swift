import Foundation
import Testing

/// `create`, `lint` and `show` through the binary.
@Suite(.enabled(if: CLIErrorTests.binary != nil, "build swiftchart first (swift build)"))
struct CreateLintShowCommandTests {
    @Test func createThenLintThenShow() throws {
        let box = try RepoSandbox()
        defer { box.remove() }
        var r = try box.run(["create", "charts/demo"])
        #expect(r.status == 1 && r.stderr == "Error: stat \(box.root)/charts: no such file or directory\n", "as Helm: the parent folder must exist")
        try FileManager.default.createDirectory(atPath: box.root + "/charts", withIntermediateDirectories: true)
        r = try box.run(["create", "charts/demo"])
        #expect(r.status == 0 && r.stdout == "Creating charts/demo\n", "\(r.stderr)")
        #expect(box.read("charts/demo/Chart.yaml")?.contains("name: demo\n") == true)

        r = try box.run(["lint", "charts/demo"])
        #expect(r.status == 0)
        #expect(r.stdout == "==> Linting charts/demo\n[INFO] Chart.yaml: icon is recommended\n\n1 chart(s) linted, 0 chart(s) failed\n")
        r = try box.run(["lint", "charts/demo", "--strict", "--quiet"])
        #expect(r.status == 0 && r.stdout.isEmpty, "\(r.stdout)")

        try box.write("charts/demo/templates/extra.yaml", "kind: ConfigMap\nmetadata:\n  name: {{ .Values.name }}\n")
        r = try box.run(["lint", "charts/demo", "--set", "name=Bad_Name"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("[WARNING] templates/extra.yaml: object name does not conform to Kubernetes naming requirements: \"Bad_Name\""))
        r = try box.run(["lint", "charts/demo", "--set", "name=Bad_Name", "--strict"])
        #expect(r.status == 1)
        #expect(r.stderr == "Error: 1 chart(s) linted, 1 chart(s) failed\n")

        r = try box.run(["show", "chart", "charts/demo"])
        #expect(r.stdout == """
        apiVersion: v2
        appVersion: 1.16.0
        description: A Helm chart for Kubernetes
        name: demo
        type: application
        version: 0.1.0


        """)
        r = try box.run(["show", "values", "charts/demo"])
        #expect(r.stdout == (box.read("charts/demo/values.yaml") ?? "") + "\n")
        try box.write("charts/demo/README.md", "# Demo\n")
        try box.write("charts/demo/crds/crd.yaml", "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n")
        r = try box.run(["show", "readme", "charts/demo"])
        #expect(r.stdout == "# Demo\n\n")
        r = try box.run(["show", "crds", "charts/demo"])
        #expect(r.stdout == "---\napiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n\n")
        r = try box.run(["show", "all", "charts/demo"])
        #expect(r.stdout.hasPrefix("apiVersion: v2\n") && r.stdout.contains("\n---\n# Default values for demo.") && r.stdout.hasSuffix("---\n# Demo\n\n---\napiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n\n"))
    }

    @Test func createWithStarterAndErrors() throws {
        let box = try RepoSandbox()
        defer { box.remove() }
        var r = try box.run(["create", "batch", "--starter", "cronjob-batch"])
        #expect(r.status == 0)
        r = try box.run(["template", "nightly", "batch"])
        #expect(r.status == 0 && r.stdout.contains("kind: CronJob\n") && r.stdout.contains("  name: nightly-batch\n"), "\(r.stderr)")
        r = try box.run(["create", "bad name"])
        #expect(r.status == 1 && r.stderr == "Error: chart name must match the regular expression \"^[a-zA-Z0-9._-]+$\"\n")
        r = try box.run(["lint", "missing-chart"])
        #expect(r.status == 1 && r.stdout.contains("==> Linting missing-chart\n[ERROR] : unable to check Chart.yaml file in chart: stat missing-chart: no such file or directory\n"))
    }
}
