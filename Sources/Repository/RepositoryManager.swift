import Chart
import Foundation

/// `repo add/remove/update` and the repository cache (Helm's `cmd/helm/repo_*.go` and
/// `repo.ChartRepository.DownloadIndexFile`).
public struct RepositoryManager: Sendable {
    public var paths: RepositoryPaths
    public var fetchers: FetcherSet

    public init(paths: RepositoryPaths, fetchers: FetcherSet) {
        self.paths = paths
        self.fetchers = fetchers
    }

    /// What `add` did.
    public enum AddOutcome: Sendable, Equatable {
        case added
        /// The same name with the same settings was already configured.
        case unchanged
    }

    /// The URL of a repository's `index.yaml`.
    public static func indexURL(_ repositoryURL: String) -> String {
        URLPath.join(repositoryURL.hasSuffix("/") ? String(repositoryURL.dropLast()) : repositoryURL, "index.yaml")
    }

    /// Fetches and parses a repository's index without caching it.
    public func fetchIndex(url repositoryURL: String, options: FetchOptions = FetchOptions()) throws -> (ChartIndex, [UInt8]) {
        let url = Self.indexURL(repositoryURL)
        let bytes = try fetchers.fetch(url, options: options)
        return (try ChartIndex.load(bytes, file: url), bytes)
    }

    /// Downloads a repository's index and writes `<name>-index.yaml` (the bytes as served) and
    /// `<name>-charts.txt` (chart names, one a line) into the cache, each atomically.
    @discardableResult
    public func downloadIndex(_ entry: RepositoryEntry) throws -> ChartIndex {
        let (index, bytes) = try fetchIndex(url: entry.url, options: FetchOptions(entry: entry))
        do {
            try FileManager.default.createDirectory(atPath: paths.repositoryCache, withIntermediateDirectories: true)
        } catch {
            throw RepositoryError("mkdir \(paths.repositoryCache): \(error.localizedDescription)")
        }
        let names = index.entries.keys.sorted().map { $0 + "\n" }.joined()
        do {
            try AtomicFile.write(Array(names.utf8), to: paths.chartsFile(entry.name))
            try AtomicFile.write(bytes, to: paths.indexFile(entry.name))
        } catch {
            throw RepositoryError(error.description)
        }
        return index
    }

    /// `repo add NAME URL`: checks the name, downloads the index, then records the entry.
    public func add(_ entry: RepositoryEntry, forceUpdate: Bool) throws -> AddOutcome {
        if entry.name.contains("/") {
            throw RepositoryError("repository name (\(entry.name)) contains '/', please specify a different name without '/'")
        }
        if entry.name.isEmpty { throw RepositoryError("repository name must not be empty") }
        var file = try RepositoryFile.load(path: paths.repositoryConfig)
        if !forceUpdate, let existing = file.entry(named: entry.name) {
            if existing != entry {
                throw RepositoryError("repository name (\(entry.name)) already exists, please specify a different name")
            }
            return .unchanged
        }
        do { try downloadIndex(entry) } catch {
            throw RepositoryError("looks like \(goQuote(entry.url)) is not a valid chart repository or cannot be reached: \(error)")
        }
        file.update(entry)
        try file.write(to: paths.repositoryConfig)
        return .added
    }

    /// `repo remove NAME...`: every name must exist (checked first, so nothing is half-removed);
    /// the cache files of each are deleted too.
    public func remove(_ names: [String]) throws {
        var file = try RepositoryFile.load(path: paths.repositoryConfig)
        if file.repositories.isEmpty { throw RepositoryError("no repositories configured") }
        for name in names where !file.has(name) { throw RepositoryError("no repo named \(goQuote(name)) found") }
        for name in names { file.remove(name) }
        try file.write(to: paths.repositoryConfig)
        for name in names {
            try? FileManager.default.removeItem(atPath: paths.indexFile(name))
            try? FileManager.default.removeItem(atPath: paths.chartsFile(name))
        }
    }

    /// The outcome of updating one repository.
    public struct UpdateResult: Sendable {
        public var entry: RepositoryEntry
        public var error: String?
    }

    /// The configured entries named (all when `names` is empty), in configuration order.
    public func entries(named names: [String]) throws -> [RepositoryEntry] {
        let file = try RepositoryFile.load(path: paths.repositoryConfig)
        if file.repositories.isEmpty { throw RepositoryError("no repositories found. You must add one before updating") }
        if names.isEmpty { return file.repositories }
        let missing = names.filter { !file.has($0) }
        if !missing.isEmpty {
            throw RepositoryError("no repositories found matching '\(missing.joined(separator: ", "))'. Nothing will be updated")
        }
        return file.repositories.filter { names.contains($0.name) }
    }

    /// `repo update`: refreshes each cache; a failure of one does not stop the others.
    public func update(_ entries: [RepositoryEntry]) -> [UpdateResult] {
        entries.map { entry in
            do {
                try downloadIndex(entry)
                return UpdateResult(entry: entry, error: nil)
            } catch {
                return UpdateResult(entry: entry, error: "\(error)")
            }
        }
    }

    /// The cached index of a configured repository.
    public func cachedIndex(_ name: String) throws -> ChartIndex {
        let path = paths.indexFile(name)
        guard FileManager.default.fileExists(atPath: path) else {
            throw RepositoryError("no cached repository for \(name) found. (try 'swiftchart repo update')")
        }
        return try ChartIndex.load(file: path)
    }
}

/// Go's `%q` for plain strings (quotes, backslashes and control characters escaped).
func goQuote(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "\r": out += "\\r"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7f {
                out += String(format: "\\x%02x", scalar.value)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}
