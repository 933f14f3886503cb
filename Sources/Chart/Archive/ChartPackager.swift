import Semver
import Foundation
import Values

/// Turns a loaded chart into archive entries in Helm's order (`chartutil.Save`'s
/// `writeTarContents`): `Chart.yaml` (re-marshalled metadata), `Chart.lock`, `values.yaml`,
/// `values.schema.json`, templates, other files, then each subchart under `charts/<name>/`.
public enum ChartPackager {
    /// The entries of `chart`, paths relative to the archive's top folder (`<name>/`).
    public static func entries(of chart: Chart) throws -> [ArchiveEntry] {
        var out: [ArchiveEntry] = []
        try append(chart, prefix: "", into: &out)
        return out
    }

    /// Writes `<name>-<version>.tgz` into `directory` atomically and returns its path.
    @discardableResult
    public static func save(_ chart: Chart, to directory: String, mtime: Int64) throws -> String {
        try validateName(chart.name)
        let archive = try ArchiveWriter.tgz(chartName: chart.name, entries: entries(of: chart), mtime: mtime)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            if !isDirectory.boolValue { throw ChartError("is not a directory: \(directory)") }
        } else {
            do { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
                throw ChartError("mkdir \(directory): \(error.localizedDescription)")
            }
        }
        let path = (directory.hasSuffix("/") ? directory : directory + "/") + "\(chart.name)-\(chart.metadata.version).tgz"
        try AtomicFile.write(archive, to: path)
        return path
    }

    private static func append(_ chart: Chart, prefix: String, into out: inout [ArchiveEntry]) throws {
        try validateName(chart.name)
        let base = prefix
        var metadata = chart.metadata
        if metadata.apiVersion == "v1" { metadata.dependencies = nil }
        out.append(ArchiveEntry(path: base + "Chart.yaml", bytes: Array(metadata.helmYAML.utf8)))
        if chart.metadata.apiVersion == "v2", chart.lock != nil,
           let lockFile = chart.raw.first(where: { $0.path == "Chart.lock" }) ?? chart.raw.first(where: { $0.path == "requirements.lock" }) {
            let lock = try YAML.load(lockFile.bytes, file: lockFile.path)
            out.append(ArchiveEntry(path: base + "Chart.lock", bytes: Array(YAML.emit(lock).utf8)))
        }
        if let values = chart.valuesFile { out.append(ArchiveEntry(path: base + "values.yaml", bytes: values.bytes)) }
        if let schema = chart.schema {
            guard (try? JSON.decode(schema)) != nil else { throw ChartError("invalid JSON in values.schema.json") }
            out.append(ArchiveEntry(path: base + "values.schema.json", bytes: schema))
        }
        for file in chart.templates { out.append(ArchiveEntry(path: base + file.path, bytes: file.bytes)) }
        for file in chart.files { out.append(ArchiveEntry(path: base + file.path, bytes: file.bytes)) }
        for dependency in chart.dependencies {
            try append(dependency, prefix: base + "charts/" + dependency.name + "/", into: &out)
        }
    }

    /// Helm's `validateName`: the chart name must be a single path element.
    static func validateName(_ name: String) throws {
        let base = name.split(separator: "/").last.map(String.init) ?? ""
        if base != name || name.isEmpty || name == "." || name == ".." {
            throw ChartError("\(goQuote(name)) is not a valid chart name")
        }
    }
}

extension ChartPackager {
    /// Options of `package` (Helm's `action.Package`).
    public struct Options: Sendable {
        public var destination: String
        public var version: String?
        public var appVersion: String?
        public var mtime: Int64

        public init(destination: String = ".", version: String? = nil, appVersion: String? = nil, mtime: Int64 = ArchiveWriter.defaultEpoch) {
            self.destination = destination
            self.version = version
            self.appVersion = appVersion
            self.mtime = mtime
        }
    }

    /// Loads the chart folder, applies the overrides, checks dependencies are vendored and writes
    /// the archive (Helm's `Package.Run`). Returns the archive path.
    public static func package(directory: String, options: Options) throws -> String {
        var chart = try ChartLoader.load(directory: directory)
        if let version = options.version, !version.isEmpty { chart.metadata.version = version }
        guard (try? SemanticVersion(parsing: chart.metadata.version)) != nil else { throw ChartError("invalid semantic version") }
        if let appVersion = options.appVersion, !appVersion.isEmpty { chart.metadata.appVersion = appVersion }
        if let declared = chart.metadata.dependencies, !declared.isEmpty {
            try checkDependencies(chart, declared)
        }
        return try save(chart, to: options.destination, mtime: options.mtime)
    }

    /// Helm's `CheckDependencies`: every dependency of `Chart.yaml` must be present in `charts/`.
    public static func checkDependencies(_ chart: Chart, _ declared: [ChartDependency]) throws {
        let present = Set(chart.dependencies.map(\.name))
        let missing = declared.map(\.name).filter { !present.contains($0) }
        if !missing.isEmpty {
            throw ChartError("found in Chart.yaml, but missing in charts/ directory: " + missing.joined(separator: ", "))
        }
    }
}
