import ArgumentParser
import Foundation
import Repository

/// `swiftchart lint CHART...`.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint", abstract: "Examine a chart for possible issues.",
        discussion: """
        Runs Helm's lint rules: Chart.yaml fields, values.yaml, rendering every template (as
        release "test-release") and parsing its YAML, object names, dependencies and crds/.
        Findings print as [ERROR], [WARNING] or [INFO] with the file they concern. Exits 1 when a
        chart has an error (or, with --strict, a warning).
        """)

    @Argument(help: "Chart folders or archives.") var charts: [String] = ["."]
    @OptionGroup var valueOptions: ValueOptions
    @Flag(help: "Fail on lint warnings.") var strict = false
    @Flag(name: .customLong("with-subcharts"), help: "Lint dependent charts (charts/) too.") var withSubcharts = false
    @Flag(help: "Print only warnings and errors.") var quiet = false
    @Option(name: [.customShort("n"), .customLong("namespace")], help: "Namespace of the release.") var namespace = "default"
    @Option(name: .customLong("kube-version"), help: "Kubernetes version for capabilities and deprecation checks.") var kubeVersion: String?
    @Flag(name: .customLong("skip-schema-validation"), help: "Do not validate values against values.schema.json.") var skipSchemaValidation = false

    func run() throws {
        try ErrorReporter.run {
            let values = try valueOptions.merged()
            var paths = charts
            if withSubcharts { for chart in charts { paths += ChartLinter.subcharts(of: chart) } }
            var options = ChartLinter.Options()
            options.namespace = namespace
            options.kubeVersion = kubeVersion
            options.skipSchemaValidation = skipSchemaValidation
            var text = ""
            var failed = 0
            var findings = 0
            for path in paths {
                let report = ChartLinter.lint(path: path, values: values, options: options)
                let shown = report.messages.filter { !quiet || $0.severity > .info }
                findings += report.messages.filter { $0.severity > .info }.count
                if quiet && shown.isEmpty { continue }
                text += "==> Linting \(path)\n"
                for message in shown { text += "\(message)\n" }
                if report.failed(strict: strict) { failed += 1 }
                text += "\n"
            }
            writeOut(text)
            let summary = "\(paths.count) chart(s) linted, \(failed) chart(s) failed"
            if failed > 0 { throw RepositoryError(summary) }
            if !quiet || findings > 0 { writeOut(summary + "\n") }
        }
    }
}
