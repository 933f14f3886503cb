import Foundation
import Release
import Values

/// A renderer for action tests: one ConfigMap whose data is the `tag` value; fails with
/// a template-style error when the values ask for it (`broken: true`).
struct ConfigMapRenderer: ReleaseRenderer {
    var chart: ChartSnapshot = ChartSnapshot(
        metadata: ChartMetadata(name: "demo", version: "0.1.0", appVersion: "1.16.0"),
        templates: [ChartFile(name: "templates/cm.yaml", data: Array("kind: ConfigMap\n".utf8))],
        values: .map(["tag": .string("stable"), "replicas": .float(1)]))

    struct Broken: Error, CustomStringConvertible {
        var description: String { "template: demo/templates/cm.yaml:3:9: executing \"demo/templates/cm.yaml\" at <.Values.missing.key>: nil pointer evaluating interface {}.key" }
    }

    func render(_ request: RenderRequest) throws -> RenderedRelease {
        let values = request.userValues
        if values["broken"]?.isTruthy == true { throw Broken() }
        let defaults = request.chartValuesOverride ?? chart.values
        let tag = values["tag"]?.stringValue ?? defaults["tag"]?.stringValue ?? ""
        let manifest = """
            ---
            # Source: demo/templates/cm.yaml
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: \(request.releaseName)-cm
            data:
              tag: \(tag)
              revision: "\(request.revision)"
            """
        return RenderedRelease(manifest: manifest, notes: "Release \(request.releaseName) is at revision \(request.revision).\n")
    }
}

/// Collects warnings an action reports.
final class WarningLog: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
}

func temporaryDirectory() -> String {
    let path = NSTemporaryDirectory() + "swiftchart-release-tests-" + UUID().uuidString
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// The stores every behaviour runs against: memory, a fresh SQLite file, and PostgreSQL
/// when `SWIFTCHART_TEST_POSTGRES_URL` is set.
enum StoreKind: String, CaseIterable, Sendable {
    case memory, sqlite, postgres

    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["SWIFTCHART_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static var available: [StoreKind] {
        if postgresURL == nil {
            FileHandle.standardError.write(Data("ReleaseTests: SWIFTCHART_TEST_POSTGRES_URL is not set; PostgreSQL store tests are skipped\n".utf8))
            return [.memory, .sqlite]
        }
        return allCases
    }

    func open() throws -> any ReleaseStore {
        switch self {
        case .memory: return MemoryReleaseStore()
        case .sqlite: return try SQLiteReleaseStore(path: temporaryDirectory() + "/releases.sqlite")
        case .postgres: return try PostgresReleaseStore(url: StoreKind.postgresURL ?? "")
        }
    }
}

/// A namespace no other test run uses, so PostgreSQL tests can share one database.
func uniqueNamespace() -> String { "t-" + UUID().uuidString.lowercased().prefix(12) }
