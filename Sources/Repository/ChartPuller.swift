import Chart
import Foundation
import Semver

/// `pull CHART` (Helm's `action.Pull`): CHART is `repo/name` (a configured repository), a name
/// with `--repo URL`, an archive URL (`http(s)://`, `file://`) or a local archive path. The
/// archive is verified (index digest, loads as a chart) before anything is written; with
/// `untar` it is expanded through the archive layer's safe extractor instead of being saved.
public struct ChartPuller: Sendable {
    public var repositories: RepositoryManager

    public init(repositories: RepositoryManager) { self.repositories = repositories }

    public struct Options: Sendable {
        public var chart: String
        public var repositoryURL: String?
        public var version: String = ""
        public var devel: Bool = false
        public var untar: Bool = false
        public var untarDirectory: String = "."
        public var destination: String = "."

        public init(chart: String) { self.chart = chart }
    }

    /// Downloads (and expands) the chart; returns the path written.
    @discardableResult
    public func pull(_ options: Options) throws -> String {
        let (url, digest, fetchOptions) = try locate(options)
        let download = try ChartDownloader(fetchers: repositories.fetchers).download(url, expectedDigest: digest, options: fetchOptions)
        let fm = FileManager.default
        if options.untar {
            let base = options.untarDirectory.hasPrefix("/") ? options.untarDirectory : options.destination + "/" + options.untarDirectory
            let entries: [ArchiveEntry]
            do { entries = try ArchiveReader.read(download.bytes) } catch { throw RepositoryError(error.description) }
            do { try ArchiveExtractor.extract(entries, chartName: download.chart.name, into: base) } catch {
                throw RepositoryError(error.description)
            }
            return base + "/" + download.chart.name
        }
        do { try fm.createDirectory(atPath: options.destination, withIntermediateDirectories: true) } catch {
            throw RepositoryError("mkdir \(options.destination): \(error.localizedDescription)")
        }
        let path = options.destination + "/" + download.fileName
        do { try AtomicFile.write(download.bytes, to: path) } catch { throw RepositoryError(error.description) }
        return path
    }

    private func locate(_ options: Options) throws -> (url: String, digest: String, options: FetchOptions) {
        let chart = options.chart
        let version = options.version.isEmpty && options.devel ? ">0.0.0-0" : options.version
        if let repositoryURL = options.repositoryURL, !repositoryURL.isEmpty {
            let index: ChartIndex
            do { index = try repositories.fetchIndex(url: repositoryURL).0 } catch {
                throw RepositoryError("looks like \(goQuote(repositoryURL)) is not a valid chart repository or cannot be reached: \(error)")
            }
            let entry = try Self.find(chart, version: version, in: index, repository: repositoryURL)
            return (ChartDownloader.resolve(entry.urls.first ?? "", against: repositoryURL), entry.digest, FetchOptions())
        }
        if let scheme = URLComponents(string: chart)?.scheme, ["http", "https", "file"].contains(scheme.lowercased()) {
            return (chart, "", FetchOptions())
        }
        if FileManager.default.fileExists(atPath: chart) {
            return ("file://" + URL(fileURLWithPath: chart).standardizedFileURL.path, "", FetchOptions())
        }
        guard let slash = chart.firstIndex(of: "/") else {
            throw RepositoryError("non-absolute URLs should be in form of repo_name/path_to_chart, got: \(chart)")
        }
        let repositoryName = String(chart[..<slash])
        let name = String(chart[chart.index(after: slash)...])
        let file = try RepositoryFile.load(path: repositories.paths.repositoryConfig)
        guard let entry = file.entry(named: repositoryName) else { throw RepositoryError("repo \(repositoryName) not found") }
        let index = try repositories.cachedIndex(repositoryName)
        let found = try Self.find(name, version: version, in: index, repository: repositoryName)
        return (ChartDownloader.resolve(found.urls.first ?? "", against: entry.url), found.digest, FetchOptions(entry: entry))
    }

    /// Helm's `IndexFile.Get`: an exact version match first, else the newest version satisfying
    /// the constraint (`*`, i.e. the newest stable release, when none is given).
    static func find(_ name: String, version: String, in index: ChartIndex, repository: String) throws -> IndexEntry {
        func notFound(_ reason: String) -> RepositoryError {
            RepositoryError("chart \(goQuote(name)) matching \(version) not found in \(repository) index. (try 'swiftchart repo update'): \(reason)")
        }
        guard let versions = index.entries[name] else { throw notFound("no chart name found") }
        if versions.isEmpty { throw notFound("no chart version found") }
        if !version.isEmpty, let exact = versions.first(where: { $0.version == version }), !exact.urls.isEmpty { return exact }
        let constraint: VersionConstraint
        do { constraint = try VersionConstraint(parsing: version.isEmpty ? "*" : version) } catch {
            throw RepositoryError("invalid version constraint \(goQuote(version)): \(error)")
        }
        for entry in versions where !entry.urls.isEmpty {
            if let v = try? SemanticVersion(parsing: entry.version), constraint.isSatisfied(by: v) { return entry }
        }
        throw notFound("no chart version found for \(name)-\(version)")
    }
}
