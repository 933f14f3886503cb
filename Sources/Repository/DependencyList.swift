import Chart
import Foundation
import Semver

/// `dependency list CHART` (Helm's `action.Dependency.List`): each declared dependency with the
/// state of `charts/`: `ok`, `missing`, `wrong version`, `misnamed`, `corrupt`, `unpacked`,
/// `invalid version`, `too many matches`.
public enum DependencyList {
    /// The text Helm prints: the table (or a warning when there are no dependencies), a blank
    /// line, then a warning for each archive in `charts/` that `Chart.yaml` does not declare.
    public static func render(chartPath: String) throws -> String {
        let chart = try ChartLoader.load(path: chartPath)
        let chartsPath = chartPath + "/charts"
        guard let dependencies = chart.metadata.dependencies, !dependencies.isEmpty else {
            return "WARNING: no dependencies at \(chartsPath)\n"
        }
        var table = TextTable(maxColumnWidth: 80)
        table.addRow("NAME", "VERSION", "REPOSITORY", "STATUS")
        for dependency in dependencies {
            table.addRow(dependency.name, dependency.version, dependency.repository,
                         status(of: dependency, chartsPath: chartsPath, parent: chart))
        }
        var text = table.text + "\n\n"
        let declared = Set(dependencies.map(\.name))
        let files = (try? FileManager.default.contentsOfDirectory(atPath: chartsPath))?.sorted() ?? []
        for file in files {
            let path = chartsPath + "/" + file
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            if !isDirectory.boolValue && !file.hasSuffix(".tgz") { continue }
            guard let sub = try? ChartLoader.load(path: path) else {
                text += "WARNING: \(goQuote(path)) is not a chart.\n"
                continue
            }
            if !declared.contains(sub.name) { text += "WARNING: \(goQuote(path)) is not in Chart.yaml.\n" }
        }
        return text
    }

    static func status(of dependency: ChartDependency, chartsPath: String, parent: Chart) -> String {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: chartsPath)) ?? []
        let archives = files.filter { $0.hasPrefix(dependency.name + "-") && $0.hasSuffix(".tgz") }.sorted()
        if archives.count == 1, let status = archiveStatus(chartsPath + "/" + archives[0], dependency) { return status }
        if archives.count > 1 {
            let found = archives.filter { file in
                let version = String(file.dropFirst(dependency.name.count + 1).dropLast(4))
                return isStrictSemver(version)
            }
            if found.count > 1 { return "too many matches" }
            if found.count == 1, let status = archiveStatus(chartsPath + "/" + found[0], dependency) { return status }
        }
        guard let unpacked = parent.dependencies.last(where: { $0.name == dependency.name }) else { return "missing" }
        return versionStatus(unpacked.metadata.version, dependency) ?? "unpacked"
    }

    private static func archiveStatus(_ path: String, _ dependency: ChartDependency) -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let chart = try? ChartLoader.load(archive: path) else { return "corrupt" }
        if chart.name != dependency.name { return "misnamed" }
        return versionStatus(chart.metadata.version, dependency) ?? "ok"
    }

    private static func versionStatus(_ version: String, _ dependency: ChartDependency) -> String? {
        if version == dependency.version { return nil }
        guard let constraint = try? VersionConstraint(parsing: dependency.version),
              let v = try? SemanticVersion(parsing: version) else { return "invalid version" }
        return constraint.isSatisfied(by: v) ? nil : "wrong version"
    }

    /// Masterminds' `StrictNewVersion`: exactly `MAJOR.MINOR.PATCH[-PRE][+META]`, no `v`.
    static func isStrictSemver(_ text: String) -> Bool {
        guard !text.hasPrefix("v"), let v = try? SemanticVersion(parsing: text) else { return false }
        let core = text.split(separator: "+", maxSplits: 1)[0].split(separator: "-", maxSplits: 1)[0]
        return core.split(separator: ".", omittingEmptySubsequences: false).count == 3 && v.major >= 0
    }
}
