import Chart
import Foundation
import Values

/// `lint CHART` (Helm's `lint.RunAll`): the Chart.yaml, values, templates, dependencies and
/// CRD rules, in Helm's order, with Helm's severities and message paths.
public enum ChartLinter {
    public struct Options: Sendable {
        public var namespace: String = "default"
        public var kubeVersion: String?
        public var skipSchemaValidation: Bool = false
        public init() {}
    }

    /// Lints a chart folder or archive. `values` are the user's overrides (`-f`, `--set`).
    public static func lint(path: String, values: Value, options: Options = Options()) -> LintReport {
        var report = LintReport(path: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            report.check(.error, "", "unable to check Chart.yaml file in chart: stat \(path): no such file or directory")
            return report
        }
        if isDirectory.boolValue { return lint(directory: path, values: values, options: options, report: report) }
        let work = NSTemporaryDirectory() + "swiftchart-lint-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: work) }
        do {
            let chart = try ChartLoader.load(archive: path)
            let entries = try ArchiveReader.read(file: path)
            try ArchiveExtractor.extract(entries, chartName: chart.name, into: work)
            return lint(directory: work + "/" + chart.name, values: values, options: options, report: report)
        } catch {
            report.check(.error, "", "unable to extract tarball: \(error)")
            return report
        }
    }

    static func lint(directory: String, values: Value, options: Options, report initial: LintReport) -> LintReport {
        var report = initial
        let chartDir = URL(fileURLWithPath: directory).standardizedFileURL.path
        let chartfileOK = ChartfileRules.run(chartDir: chartDir, into: &report)
        ValuesRules.run(chartDir: chartDir, overrides: values, skipSchemaValidation: options.skipSchemaValidation, into: &report)
        if chartfileOK { TemplateRules.run(chartDir: chartDir, values: values, options: options, into: &report) }
        DependencyRules.run(chartDir: chartDir, into: &report)
        CRDRules.run(chartDir: chartDir, into: &report)
        return report
    }

    /// Subchart folders and archives under `charts/` (what `--with-subcharts` adds), depth first.
    public static func subcharts(of path: String) -> [String] {
        var found: [String] = []
        let charts = path + "/charts"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: charts) else { return [] }
        for name in names.sorted() {
            let full = charts + "/" + name
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory)
            if isDirectory.boolValue, FileManager.default.fileExists(atPath: full + "/Chart.yaml") {
                found.append(full)
                found += subcharts(of: full)
            } else if name.hasSuffix(".tgz") || name.hasSuffix(".tar.gz") {
                found.append(full)
            }
        }
        return found
    }
}

/// Helm's `rules.ValuesWithOverrides`.
enum ValuesRules {
    static func run(chartDir: String, overrides: Value, skipSchemaValidation: Bool, into report: inout LintReport) {
        let file = "values.yaml"
        guard let data = FileManager.default.contents(atPath: chartDir + "/" + file) else {
            report.check(.info, file, "file does not exist")
            return
        }
        let values: Value
        do { values = try YAML.load([UInt8](data), file: file) } catch {
            report.check(.error, file, "unable to parse YAML: \(error)")
            return
        }
        guard !skipSchemaValidation, let schema = FileManager.default.contents(atPath: chartDir + "/values.schema.json"), !schema.isEmpty else {
            return
        }
        // Helm lints only the top level here: the overrides coalesced over values.yaml.
        let merged = Merge.mergeMaps(values.mapValue ?? [:], overrides.mapValue ?? [:])
        let violations = ValuesSchema.validate(values: .map(merged), schemaJSON: [UInt8](schema), chartName: "")
        if !violations.isEmpty { report.check(.error, file, ValuesSchema.helmText(violations)) }
    }
}

/// Helm's `rules.Dependencies`: `Chart.yaml` and `charts/` agree; names/aliases are unique.
enum DependencyRules {
    static func run(chartDir: String, into report: inout LintReport) {
        let chart: Chart
        do { chart = try ChartLoader.load(directory: chartDir) } catch {
            report.check(.error, "", "unable to load chart\n\t\(error)")
            return
        }
        let declared = chart.metadata.dependencies ?? []
        let declaredNames = Set(declared.map(\.name))
        let present = chart.dependencies.map(\.name)
        let undeclared = present.filter { !declaredNames.contains($0) }
        if !undeclared.isEmpty {
            report.check(.error, chartDir, "chart metadata is missing these dependencies: \(undeclared.joined(separator: ","))")
        }
        var seen = Set<String>()
        var shadowing: [String] = []
        for dependency in declared {
            let key = dependency.alias.isEmpty ? dependency.name : dependency.alias
            if seen.contains(key) { shadowing.append(key) }
            seen.insert(key)
        }
        if !shadowing.isEmpty {
            report.check(.error, chartDir, "multiple dependencies with name or alias: \(shadowing.joined(separator: ","))")
        }
        let presentNames = Set(present)
        let missing = declared.map(\.name).filter { !presentNames.contains($0) }
        if !missing.isEmpty {
            report.check(.warning, chartDir, "chart directory is missing these dependencies: \(missing.joined(separator: ","))")
        }
    }
}

/// Helm's `rules.Crds`: every document of the chart's CRD files (`crds/`, after `.helmignore`,
/// subcharts' included) is a `CustomResourceDefinition` of `apiextensions.k8s.io`.
enum CRDRules {
    static func run(chartDir: String, into report: inout LintReport) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: chartDir + "/crds", isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { report.check(.error, "crds/", "not a directory"); return }
        let chart: Chart
        do { chart = try ChartLoader.load(directory: chartDir) } catch {
            report.check(.error, "crds/", "\(error)")
            return
        }
        for file in ChartShow.crds(of: chart) {
            let documents: [Value]
            do { documents = try TemplateRules.documentChunks(file.text).map { try YAML.load(Array($0.utf8), file: file.path) } } catch {
                report.check(.error, file.path, "unable to parse YAML: \(error)")
                return
            }
            for case .map(let object) in documents {
                if !(object["apiVersion"]?.stringValue ?? "").hasPrefix("apiextensions.k8s.io") {
                    report.check(.error, file.path, "apiVersion is not in 'apiextensions.k8s.io'")
                }
                if object["kind"]?.stringValue != "CustomResourceDefinition" {
                    report.check(.error, file.path, "object kind is not 'CustomResourceDefinition'")
                }
            }
        }
    }
}
