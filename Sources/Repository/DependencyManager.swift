import Chart
import Foundation
import Semver

/// `dependency update` and `dependency build` (Helm's `downloader.Manager`): resolve versions,
/// fetch or package every dependency into a private folder, and only when all succeeded replace
/// the old archives in `charts/` and write `Chart.lock`.
public struct DependencyManager: Sendable {
    public var chartPath: String
    public var repositories: RepositoryManager
    /// `--skip-refresh`: use the cached indexes as they are.
    public var skipRefresh: Bool = false
    /// Modification time of archives packaged from `file://` dependencies.
    public var mtime: Int64 = 0
    public var now: @Sendable () -> GoTime = { GoTime.now() }

    public init(chartPath: String, repositories: RepositoryManager) {
        self.chartPath = URLPath.cleanPath(chartPath)
        self.repositories = repositories
    }

    private func loadChart() throws -> Chart {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: chartPath, isDirectory: &isDirectory) else {
            throw RepositoryError("could not find \(chartPath): stat \(chartPath): no such file or directory")
        }
        guard isDirectory.boolValue else { throw RepositoryError("only unpacked charts can be updated") }
        return try ChartLoader.load(directory: chartPath)
    }

    private var lockPath: String { chartPath + "/Chart.lock" }

    /// `dependency update`. Progress lines go to `out`.
    public func update(out: (String) -> Void) throws {
        let chart = try loadChart()
        guard let declared = chart.metadata.dependencies, !declared.isEmpty else { return }
        let resolver = DependencyResolver(chartPath: chartPath, repositories: try RepositoryFile.load(path: repositories.paths.repositoryConfig))
        let (requirements, sources) = try resolver.sources(for: declared)
        let indexes = try refresh(sources, out: out)
        var locked = try resolver.resolve(requirements, sources: sources) { source in try index(of: source, in: indexes) }
        locked = try downloadAll(locked, sources: sources, indexes: indexes, out: out)
        let digest = ChartLock.hashRequirements(requirements, locked)
        if let old = try ChartLock.load(path: lockPath), old.digest == digest { return }
        try ChartLock(generated: now().rfc3339Nano, digest: digest, dependencies: locked).write(to: lockPath)
    }

    /// `dependency build`: fetches the versions of `Chart.lock` (runs `update` when there is none).
    public func build(out: (String) -> Void) throws {
        let chart = try loadChart()
        guard let lock = try ChartLock.load(path: lockPath) else { return try update(out: out) }
        let declared = chart.metadata.dependencies ?? []
        let resolver = DependencyResolver(chartPath: chartPath, repositories: try RepositoryFile.load(path: repositories.paths.repositoryConfig))
        let (requirements, sources) = try resolver.sources(for: declared)
        guard ChartLock.hashRequirements(requirements, lock.dependencies) == lock.digest, lock.dependencies.count == sources.count else {
            throw RepositoryError("the lock file (Chart.lock) is out of sync with the dependencies file (Chart.yaml). Please update the dependencies")
        }
        let indexes = try refresh(sources, out: out)
        _ = try downloadAll(lock.dependencies, sources: sources, indexes: indexes, out: out)
    }

    /// Indexes of the repositories the dependencies use: configured ones are refreshed into the
    /// cache (unless `skipRefresh`), unmanaged URLs are fetched into memory.
    private func refresh(_ sources: [DependencySource], out: (String) -> Void) throws -> [String: ChartIndex] {
        var configured: [RepositoryEntry] = []
        var unmanaged: [String] = []
        for source in sources {
            switch source {
            case .configured(let entry) where !configured.contains(entry): configured.append(entry)
            case .unmanaged(let url) where !unmanaged.contains(url): unmanaged.append(url)
            default: break
            }
        }
        var indexes: [String: ChartIndex] = [:]
        if !unmanaged.isEmpty {
            out("Getting updates for unmanaged chart repositories...")
            for url in unmanaged {
                do { indexes[url] = try repositories.fetchIndex(url: url).0 } catch {
                    throw RepositoryError("looks like \(goQuote(url)) is not a valid chart repository or cannot be reached: \(error)")
                }
                out("...Successfully got an update from the \(goQuote(url)) chart repository")
            }
        }
        if !configured.isEmpty && !skipRefresh {
            out("Hang tight while we grab the latest from your chart repositories...")
            for result in repositories.update(configured) {
                if let error = result.error {
                    out("...Unable to get an update from the \(goQuote(result.entry.name)) chart repository (\(result.entry.url)):\n\t\(error)")
                } else {
                    out("...Successfully got an update from the \(goQuote(result.entry.name)) chart repository")
                }
            }
            out(RepositoryManager.updateComplete)
        }
        return indexes
    }

    private func index(of source: DependencySource, in fetched: [String: ChartIndex]) throws -> ChartIndex {
        switch source {
        case .configured(let entry): return try repositories.cachedIndex(entry.name)
        case .unmanaged(let url):
            if let index = fetched[url] { return index }
            throw RepositoryError("no repository definition for \(url)")
        default: throw RepositoryError("internal: no index for a local dependency")
        }
    }

    /// Fetches or packages every locked dependency into a private folder inside the chart, then
    /// replaces same-named archives in `charts/`. Returns the lock entries with the versions
    /// actually saved (a `file://` chart may have changed).
    private func downloadAll(_ locked: [ChartDependency], sources: [DependencySource], indexes: [String: ChartIndex],
                             out: (String) -> Void) throws -> [ChartDependency] {
        let fm = FileManager.default
        let chartsPath = chartPath + "/charts"
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: chartsPath, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw RepositoryError("\(goQuote(chartsPath)) is not a directory")
        }
        let staging = chartPath + "/tmpcharts-\(ProcessInfo.processInfo.processIdentifier)"
        try? fm.removeItem(atPath: staging)
        do { try fm.createDirectory(atPath: staging, withIntermediateDirectories: true) } catch {
            throw RepositoryError("mkdir \(staging): \(error.localizedDescription)")
        }
        defer { try? fm.removeItem(atPath: staging) }

        out("Saving \(locked.count) charts")
        let downloader = ChartDownloader(fetchers: repositories.fetchers)
        var saved = locked
        var staged: [String] = []
        for (i, (dependency, source)) in zip(locked, sources).enumerated() {
            switch source {
            case .chartsFolder:
                out("Dependency \(dependency.name) did not declare a repository. Assuming it exists in the charts directory")
                let chart = try ChartLoader.load(directory: chartsPath + "/" + dependency.name)
                let constraint = try DependencyResolver.constraint(dependency)
                guard let v = try? SemanticVersion(parsing: chart.metadata.version), constraint.isSatisfied(by: v) else {
                    throw RepositoryError("dependency \(dependency.name) at version \(chart.metadata.version) does not satisfy the constraint \(dependency.version)")
                }
            case .localPath(let path):
                let chart = try ChartLoader.load(directory: path)
                let constraint = try DependencyResolver.constraint(dependency)
                guard let v = try? SemanticVersion(parsing: chart.metadata.version), constraint.isSatisfied(by: v) else {
                    throw RepositoryError("can't get a valid version for dependency \(dependency.name)")
                }
                let archive = try ChartPackager.save(chart, to: staging, mtime: mtime)
                staged.append(archive)
                saved[i].version = chart.metadata.version
            case .configured(let entry):
                let url = try chartURL(dependency, repositoryURL: entry.url, index: try repositories.cachedIndex(entry.name))
                out("Downloading \(dependency.name) from repo \(dependency.repository)")
                staged.append(try fetch(url.url, digest: url.digest, name: dependency.name, options: FetchOptions(entry: entry), into: staging, downloader: downloader))
            case .unmanaged(let repositoryURL):
                let url = try chartURL(dependency, repositoryURL: repositoryURL, index: try index(of: source, in: indexes))
                out("Downloading \(dependency.name) from repo \(dependency.repository)")
                staged.append(try fetch(url.url, digest: url.digest, name: dependency.name, options: FetchOptions(), into: staging, downloader: downloader))
            }
        }

        do { try fm.createDirectory(atPath: chartsPath, withIntermediateDirectories: true) } catch {
            throw RepositoryError("mkdir \(chartsPath): \(error.localizedDescription)")
        }
        out("Deleting outdated charts")
        for (dependency, source) in zip(locked, sources) where source != .chartsFolder {
            removeArchives(of: dependency.name, in: chartsPath)
        }
        for archive in staged {
            let destination = chartsPath + "/" + (archive as NSString).lastPathComponent
            try? fm.removeItem(atPath: destination)
            do { try fm.moveItem(atPath: archive, toPath: destination) } catch {
                throw RepositoryError("rename \(archive) \(destination): \(error.localizedDescription)")
            }
        }
        return saved
    }

    private func chartURL(_ dependency: ChartDependency, repositoryURL: String, index: ChartIndex) throws -> (url: String, digest: String) {
        guard let entry = index.entries[dependency.name]?.first(where: { $0.version == dependency.version }), let first = entry.urls.first else {
            throw RepositoryError("chart \(goQuote(dependency.name)) version \(goQuote(dependency.version)) not found in \(repositoryURL)")
        }
        return (ChartDownloader.resolve(first, against: repositoryURL), entry.digest)
    }

    private func fetch(_ url: String, digest: String, name: String, options: FetchOptions, into staging: String,
                       downloader: ChartDownloader) throws -> String {
        let download: ChartDownloader.Download
        do { download = try downloader.download(url, expectedDigest: digest, options: options) } catch {
            throw RepositoryError("could not download \(url): \(error)")
        }
        if download.chart.name != name {
            throw RepositoryError("could not download \(url): the archive holds chart \(goQuote(download.chart.name)), not \(goQuote(name))")
        }
        let path = staging + "/" + download.fileName
        do { try AtomicFile.write(download.bytes, to: path) } catch { throw RepositoryError(error.description) }
        return path
    }

    /// Helm's `safeDeleteDep`: removes `charts/<name>-*.tgz` archives that hold chart `name`.
    private func removeArchives(of name: String, in chartsPath: String) {
        let fm = FileManager.default
        guard let files = try? fm.contentsOfDirectory(atPath: chartsPath) else { return }
        for file in files where file.hasPrefix(name + "-") && file.hasSuffix(".tgz") {
            let path = chartsPath + "/" + file
            guard let chart = try? ChartLoader.load(archive: path), chart.name == name else { continue }
            try? fm.removeItem(atPath: path)
        }
    }
}

extension RepositoryManager {
    /// The last line of `repo update` (Helm: `Update Complete. ⎈Happy Helming!⎈`).
    public static let updateComplete = "Update Complete. ⎈Happy Charting!⎈"
}
