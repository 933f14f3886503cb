import Chart
import Foundation
import Semver
import Values

/// One chart version of a repository index: Helm's `repo.ChartVersion` (chart metadata plus
/// `urls`, `created`, `digest`), kept as its JSON object so unknown fields survive a rewrite.
public struct IndexEntry: Sendable {
    public var fields: [String: Value]

    public init(fields: [String: Value]) { self.fields = fields }

    public var name: String { string("name") }
    public var version: String { string("version") }
    public var description: String { string("description") }
    public var appVersion: String { string("appVersion") }
    public var digest: String { string("digest") }
    public var keywords: [String] { strings("keywords") }
    public var urls: [String] { strings("urls") }

    func string(_ key: String) -> String {
        if case .string(let s)? = fields[key] { return s }
        return ""
    }

    func strings(_ key: String) -> [String] {
        guard case .list(let items, _)? = fields[key] else { return [] }
        return items.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
    }
}

/// A repository's `index.yaml` (Helm's `repo.IndexFile`), read and written in Helm's format:
/// keys sorted, versions newest first, `created`/`generated` as Go prints times.
public struct ChartIndex: Sendable {
    public var apiVersion: String = "v1"
    public var generated: String
    public var entries: [String: [IndexEntry]] = [:]
    /// `serverInfo`, `publicKeys`, `annotations` and any other top-level keys, kept verbatim.
    public var extra: [String: Value] = [:]

    public init(generated: GoTime = .now()) {
        self.generated = generated.rfc3339Nano
    }

    /// Parses an index (YAML or JSON), dropping invalid entries as Helm's `loadIndex` does.
    public static func load(_ bytes: [UInt8], file: String) throws -> ChartIndex {
        if bytes.isEmpty { throw RepositoryError("error loading \(file): empty index.yaml file") }
        let document: Value
        do { document = try YAML.load(bytes, file: file) } catch {
            throw RepositoryError("error loading \(file): \(error)")
        }
        guard case .map(let topMap) = document else {
            throw RepositoryError("error loading \(file): error unmarshaling JSON: json: cannot unmarshal into Go value of type repo.IndexFile")
        }
        var top = topMap.dictionary
        var index = ChartIndex()
        if case .string(let v)? = top.removeValue(forKey: "apiVersion") { index.apiVersion = v } else { index.apiVersion = "" }
        if case .string(let g)? = top.removeValue(forKey: "generated") { index.generated = g }
        if case .map(let entries)? = top.removeValue(forKey: "entries") {
            for (name, versions) in entries {
                guard case .list(let list, _) = versions else { continue }
                index.entries[name] = list.compactMap { item in
                    guard case .map(let fieldMap) = item else { return nil }
                    var fields = fieldMap.dictionary
                    if fields["apiVersion"] == nil { fields["apiVersion"] = .string("v1") }
                    let entry = IndexEntry(fields: fields)
                    return entry.name.isEmpty || entry.version.isEmpty ? nil : entry
                }
            }
        }
        index.extra = top
        index.sortEntries()
        if index.apiVersion.isEmpty { throw RepositoryError("error loading \(file): no API version specified") }
        return index
    }

    public static func load(file path: String) throws -> ChartIndex {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RepositoryError("open \(path): no such file or directory")
        }
        return try load([UInt8](data), file: path)
    }

    /// Adds a chart version (Helm's `MustAdd`): the URL is `filename` joined to `baseURL`.
    public mutating func add(_ metadata: ChartMetadata, filename: String, baseURL: String, digest: String, created: GoTime = .now()) {
        var md = metadata
        if md.apiVersion.isEmpty { md.apiVersion = "v1" }
        guard case .map(let fieldMap) = md.jsonValue else { return }
        var fields = fieldMap.dictionary
        var url = filename
        if !baseURL.isEmpty {
            let file = filename.split(separator: "/").last.map(String.init) ?? filename
            url = URLPath.join(baseURL, file)
        }
        fields["urls"] = .list([.string(url)])
        fields["created"] = .string(created.rfc3339Nano)
        if !digest.isEmpty { fields["digest"] = .string(digest) }
        entries[md.name, default: []].append(IndexEntry(fields: fields))
    }

    public func has(name: String, version: String) -> Bool {
        entries[name]?.contains { $0.version == version } ?? false
    }

    /// Helm's `Merge`: adds the versions of `other` that this index does not have.
    public mutating func merge(_ other: ChartIndex) {
        for name in other.entries.keys.sorted() {
            for entry in other.entries[name] ?? [] where !has(name: entry.name, version: entry.version) {
                entries[entry.name, default: []].append(entry)
            }
        }
    }

    /// Newest version first; versions that are not semver go last (Helm's `SortEntries`).
    public mutating func sortEntries() {
        for (name, versions) in entries {
            entries[name] = versions.enumerated().sorted { a, b in
                switch (try? SemanticVersion(parsing: a.element.version), try? SemanticVersion(parsing: b.element.version)) {
                case let (x?, y?): return x == y ? a.offset < b.offset : y < x
                case (.some, nil): return true
                case (nil, .some): return false
                case (nil, nil): return a.offset < b.offset
                }
            }.map(\.element)
        }
    }

    /// The index as the JSON object Helm marshals (`apiVersion`, `entries`, `generated`, extras).
    public var jsonValue: Value {
        var top = extra
        top["apiVersion"] = .string(apiVersion)
        top["generated"] = .string(generated)
        top["entries"] = .map(entries.mapValues { .list($0.map { .map($0.fields) }) })
        if case .list(let keys, _)? = top["publicKeys"], keys.isEmpty { top["publicKeys"] = nil }
        return .map(top)
    }

    /// `index.yaml` text exactly as Helm's `WriteFile` produces it.
    public var yaml: String { YAML.emit(jsonValue) }

    /// Writes the index atomically (Helm: `fileutil.AtomicWriteFile`, mode 0644).
    public func write(to path: String) throws {
        do { try AtomicFile.write(Array(yaml.utf8), to: path) } catch { throw RepositoryError(error.description) }
    }
}

/// Helm's `urlutil.URLJoin`: joins path elements onto a URL's path, cleaning it.
enum URLPath {
    static func join(_ base: String, _ elements: String...) -> String {
        guard var components = URLComponents(string: base) else {
            return ([base] + elements).joined(separator: "/")
        }
        let joined = ([components.path] + elements).filter { !$0.isEmpty }.joined(separator: "/")
        var cleaned = cleanPath(joined)
        if cleaned == "." { cleaned = "" }
        if components.host != nil, !cleaned.isEmpty, !cleaned.hasPrefix("/") { cleaned = "/" + cleaned }
        components.percentEncodedPath = cleaned
        return components.string ?? base
    }

    /// Go's `path.Clean`.
    static func cleanPath(_ path: String) -> String {
        if path.isEmpty { return "." }
        let rooted = path.hasPrefix("/")
        var parts: [Substring] = []
        for c in path.split(separator: "/") {
            if c == "." { continue }
            if c == ".." {
                if let last = parts.last, last != ".." { parts.removeLast() } else if !rooted { parts.append(c) }
                continue
            }
            parts.append(c)
        }
        let body = parts.joined(separator: "/")
        return rooted ? "/" + body : (body.isEmpty ? "." : body)
    }
}
