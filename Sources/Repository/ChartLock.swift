import Chart
import Crypto
import Foundation
import Values

/// `Chart.lock` (Helm's `chart.Lock`): the exact versions `dependency update` chose, the digest
/// of the requirements they were chosen for, and when.
public struct ChartLock: Sendable, Equatable {
    public var generated: String
    public var digest: String
    /// Each with `name`, `repository` and `version` only.
    public var dependencies: [ChartDependency]

    public init(generated: String, digest: String, dependencies: [ChartDependency]) {
        self.generated = generated
        self.digest = digest
        self.dependencies = dependencies
    }

    /// Reads `Chart.lock`; nil when the file does not exist.
    public static func load(path: String) throws -> ChartLock? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else { throw RepositoryError("open \(path): permission denied") }
        let document: Value
        do { document = try YAML.load([UInt8](data), file: path) } catch { throw RepositoryError("cannot load \(path): \(error)") }
        guard case .map(let top) = document else { throw RepositoryError("cannot load \(path): not a YAML mapping") }
        func string(_ v: Value?) -> String { if case .string(let s)? = v { return s } else { return "" } }
        var dependencies: [ChartDependency] = []
        if case .list(let items, _)? = top["dependencies"] {
            for case .map(let m) in items {
                var d = ChartDependency()
                d.name = string(m["name"])
                d.repository = string(m["repository"])
                d.version = string(m["version"])
                dependencies.append(d)
            }
        }
        return ChartLock(generated: string(top["generated"]), digest: string(top["digest"]), dependencies: dependencies)
    }

    /// The file as Helm's `yaml.Marshal(lock)` writes it (keys sorted, `version` omitted when empty).
    public var yaml: String {
        YAML.emit(.map([
            "generated": .string(generated),
            "digest": .string(digest),
            "dependencies": .list(dependencies.map { d in
                var m: [String: Value] = ["name": .string(d.name), "repository": .string(d.repository)]
                if !d.version.isEmpty { m["version"] = .string(d.version) }
                return .map(m)
            }),
        ]))
    }

    public func write(to path: String) throws {
        do { try AtomicFile.write(Array(yaml.utf8), to: path) } catch { throw RepositoryError(error.description) }
    }

    /// Helm's `resolver.HashReq`: `sha256:` and the hex SHA-256 of `json.Marshal([2][]*Dependency{req, lock})`.
    public static func hashRequirements(_ requirements: [ChartDependency], _ locked: [ChartDependency]) -> String {
        let json = "[" + goJSON(requirements) + "," + goJSON(locked) + "]"
        return "sha256:" + SHA256.hash(data: Array(json.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// A dependency list as `encoding/json` marshals `[]*chart.Dependency`: fields in struct
    /// order, `omitempty` honoured, HTML characters escaped.
    static func goJSON(_ dependencies: [ChartDependency]) -> String {
        "[" + dependencies.map(goJSON).joined(separator: ",") + "]"
    }

    static func goJSON(_ d: ChartDependency) -> String {
        func s(_ text: String) -> String { JSON.encode(.string(text)) }
        var fields = ["\"name\":" + s(d.name)]
        if !d.version.isEmpty { fields.append("\"version\":" + s(d.version)) }
        fields.append("\"repository\":" + s(d.repository))
        if !d.condition.isEmpty { fields.append("\"condition\":" + s(d.condition)) }
        if let tags = d.tags, !tags.isEmpty { fields.append("\"tags\":[" + tags.map(s).joined(separator: ",") + "]") }
        if d.enabled { fields.append("\"enabled\":true") }
        if let imports = d.importValues, !imports.isEmpty {
            let items = imports.map { item -> String in
                switch item {
                case .exported(let key): return s(key)
                case .mapping(let child, let parent): return "{\"child\":" + s(child) + ",\"parent\":" + s(parent) + "}"
                }
            }
            fields.append("\"import-values\":[" + items.joined(separator: ",") + "]")
        }
        if !d.alias.isEmpty { fields.append("\"alias\":" + s(d.alias)) }
        return "{" + fields.joined(separator: ",") + "}"
    }
}
