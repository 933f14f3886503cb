import Chart
import Foundation
import Values

/// One configured repository: Helm's `repo.Entry`, with its JSON field names.
public struct RepositoryEntry: Sendable, Equatable {
    public var name: String
    public var url: String
    public var username: String = ""
    public var password: String = ""
    public var certFile: String = ""
    public var keyFile: String = ""
    public var caFile: String = ""
    public var insecureSkipTLSVerify: Bool = false
    public var passCredentialsAll: Bool = false

    public init(name: String, url: String) {
        self.name = name
        self.url = url
    }

    init(_ fields: [String: Value]) {
        func string(_ key: String) -> String {
            switch fields[key] {
            case .string(let s)?: return s
            case .float(let f)?: return GoFloat.format(f, fmt: UInt8(ascii: "g"), precision: -1)
            case .bool(let b)?: return b ? "true" : "false"
            default: return ""
            }
        }
        func bool(_ key: String) -> Bool { if case .bool(let b)? = fields[key] { return b } else { return false } }
        name = string("name")
        url = string("url")
        username = string("username")
        password = string("password")
        certFile = string("certFile")
        keyFile = string("keyFile")
        caFile = string("caFile")
        insecureSkipTLSVerify = bool("insecure_skip_tls_verify")
        passCredentialsAll = bool("pass_credentials_all")
    }

    /// All fields, as Helm marshals `repo.Entry` (none is `omitempty`).
    var jsonValue: Value {
        .map([
            "name": .string(name), "url": .string(url), "username": .string(username), "password": .string(password),
            "certFile": .string(certFile), "keyFile": .string(keyFile), "caFile": .string(caFile),
            "insecure_skip_tls_verify": .bool(insecureSkipTLSVerify), "pass_credentials_all": .bool(passCredentialsAll),
        ])
    }
}

/// `repositories.yaml` (Helm's `repo.File`): read and written in Helm's format, so Helm and
/// swiftchart can share one file.
public struct RepositoryFile: Sendable, Equatable {
    public var apiVersion: String = ""
    /// Go's zero time unless the file said otherwise (Helm writes what it read).
    public var generated: String = "0001-01-01T00:00:00Z"
    public var repositories: [RepositoryEntry] = []

    public init() {}

    /// Reads the file; a missing file is an empty configuration (as `helm repo add` treats it).
    public static func load(path: String) throws -> RepositoryFile {
        guard FileManager.default.fileExists(atPath: path) else { return RepositoryFile() }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RepositoryError("open \(path): permission denied")
        }
        return try parse([UInt8](data), file: path)
    }

    public static func parse(_ bytes: [UInt8], file: String) throws -> RepositoryFile {
        var result = RepositoryFile()
        let document: Value
        do { document = try YAML.load(bytes, file: file) } catch {
            throw RepositoryError("couldn't load repositories file (\(file)): \(error)")
        }
        switch document {
        case .null: return result
        case .map(let top):
            if case .string(let v)? = top["apiVersion"] { result.apiVersion = v }
            if case .string(let g)? = top["generated"] { result.generated = g }
            if case .list(let items, _)? = top["repositories"] {
                result.repositories = items.compactMap { if case .map(let m) = $0 { return RepositoryEntry(m.dictionary) } else { return nil } }
            }
            return result
        default:
            throw RepositoryError("couldn't load repositories file (\(file)): it is not a YAML mapping")
        }
    }

    public func entry(named name: String) -> RepositoryEntry? { repositories.first { $0.name == name } }

    public func has(_ name: String) -> Bool { entry(named: name) != nil }

    /// Adds or replaces (by name) an entry, keeping the order of the others.
    public mutating func update(_ entry: RepositoryEntry) {
        if let i = repositories.firstIndex(where: { $0.name == entry.name }) { repositories[i] = entry } else { repositories.append(entry) }
    }

    @discardableResult
    public mutating func remove(_ name: String) -> Bool {
        let before = repositories.count
        repositories.removeAll { $0.name == name }
        return repositories.count != before
    }

    /// The file's text as Helm's `yaml.Marshal(repo.File)` writes it.
    public var yaml: String {
        YAML.emit(.map([
            "apiVersion": .string(apiVersion), "generated": .string(generated),
            "repositories": .list(repositories.map(\.jsonValue)),
        ]))
    }

    /// Writes atomically with mode 0600 (credentials may be inside), creating the folder.
    public func write(to path: String) throws {
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty {
            do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
                throw RepositoryError("mkdir \(dir): \(error.localizedDescription)")
            }
        }
        do { try AtomicFile.write(Array(yaml.utf8), to: path, mode: 0o600) } catch { throw RepositoryError(error.description) }
    }
}
