import Chart
import Foundation
import Semver

/// Where one dependency of `Chart.yaml` comes from.
public enum DependencySource: Sendable, Equatable {
    /// `repository:` empty: already unpacked in `charts/<name>`.
    case chartsFolder
    /// `file://path`: a chart folder, resolved against the parent chart folder.
    case localPath(String)
    /// A configured repository (matched by URL, `@name` or `alias:name`).
    case configured(RepositoryEntry)
    /// A repository URL that is not configured: its index is fetched directly.
    case unmanaged(String)
}

/// Maps `Chart.yaml` dependencies to their sources and picks versions (Helm's
/// `Manager.resolveRepoNames` and `resolver.Resolve`).
public struct DependencyResolver: Sendable {
    public var chartPath: String
    public var repositories: RepositoryFile

    public init(chartPath: String, repositories: RepositoryFile) {
        self.chartPath = chartPath
        self.repositories = repositories
    }

    /// Resolves each dependency's source. `@name`/`alias:name` repositories are replaced by the
    /// repository URL in the returned requirements, as Helm does before hashing.
    public func sources(for requirements: [ChartDependency]) throws -> (requirements: [ChartDependency], sources: [DependencySource]) {
        var updated = requirements
        var sources: [DependencySource] = []
        var missing: [String] = []
        for (i, dependency) in requirements.enumerated() {
            let repository = dependency.repository
            if repository.isEmpty {
                _ = try localPath("charts/" + dependency.name)
                sources.append(.chartsFolder)
                continue
            }
            if repository.hasPrefix("file://") {
                sources.append(.localPath(try localPath(repository)))
                continue
            }
            if repository.hasPrefix("oci://") {
                throw RepositoryError("dependency \(goQuote(dependency.name)): OCI registries (\(repository)) are not supported by swiftchart")
            }
            var alias: String?
            if repository.hasPrefix("@") { alias = String(repository.dropFirst()) }
            if repository.hasPrefix("alias:") { alias = String(repository.dropFirst("alias:".count)) }
            if let alias {
                if let entry = repositories.entry(named: alias) {
                    updated[i].repository = entry.url
                    sources.append(.configured(entry))
                } else {
                    missing.append(repository)
                    sources.append(.unmanaged(repository))
                }
                continue
            }
            if let entry = repositories.repositories.first(where: { Self.sameURL($0.url, repository) }) {
                sources.append(.configured(entry))
                continue
            }
            guard let components = URLComponents(string: repository), components.scheme != nil else {
                missing.append(repository)
                sources.append(.unmanaged(repository))
                continue
            }
            sources.append(.unmanaged(repository))
        }
        if !missing.isEmpty {
            throw RepositoryError("no repository definition for \(missing.joined(separator: ", ")). Please add the missing repos via 'swiftchart repo add'")
        }
        return (updated, sources)
    }

    /// Helm's `urlutil.Equal`: URLs equal once a trailing slash of the path is ignored.
    static func sameURL(_ a: String, _ b: String) -> Bool {
        func normal(_ s: String) -> String {
            var t = s
            while t.hasSuffix("/") { t.removeLast() }
            return t
        }
        return normal(a) == normal(b)
    }

    /// Helm's `GetLocalPath`: a `file://` path (or `charts/<name>`), relative to the chart folder
    /// unless absolute; it must exist.
    public func localPath(_ repository: String) throws -> String {
        let p = FileFetcher.path(of: repository)
        let full = URLPath.cleanPath(p.hasPrefix("/") ? p : chartPath + "/" + p)
        guard FileManager.default.fileExists(atPath: full) else { throw RepositoryError("directory \(full) not found") }
        return full
    }

    /// A dependency without a matching version.
    public struct Unmatched: Sendable {
        var dependency: ChartDependency
        var available: [String]
        var local: Bool
    }

    /// Picks a version for each dependency: the chart folder's version for `file://` (which must
    /// satisfy the constraint), else the newest index version satisfying it.
    public func resolve(_ requirements: [ChartDependency], sources: [DependencySource],
                        index: (DependencySource) throws -> ChartIndex) throws -> [ChartDependency] {
        var locked: [ChartDependency] = []
        var unmatched: [Unmatched] = []
        for (dependency, source) in zip(requirements, sources) {
            var lock = ChartDependency()
            lock.name = dependency.name
            lock.repository = dependency.repository
            switch source {
            case .chartsFolder:
                lock.version = dependency.version
                locked.append(lock)
                continue
            case .localPath(let path):
                let chart = try ChartLoader.load(directory: path)
                let constraint = try Self.constraint(dependency)
                guard let version = try? SemanticVersion(parsing: chart.metadata.version), constraint.isSatisfied(by: version) else {
                    unmatched.append(Unmatched(dependency: dependency, available: [chart.metadata.version], local: true))
                    continue
                }
                lock.version = chart.metadata.version
                locked.append(lock)
                continue
            case .configured, .unmanaged:
                let constraint = try Self.constraint(dependency)
                let repositoryIndex = try index(source)
                guard let versions = repositoryIndex.entries[dependency.name] else {
                    throw RepositoryError("\(dependency.name) chart not found in repo \(dependency.repository)")
                }
                let match = versions.first { entry in
                    guard !entry.urls.isEmpty, let v = try? SemanticVersion(parsing: entry.version) else { return false }
                    return constraint.isSatisfied(by: v)
                }
                guard let match else {
                    unmatched.append(Unmatched(dependency: dependency, available: versions.map(\.version), local: false))
                    continue
                }
                lock.version = match.version
                locked.append(lock)
            }
        }
        if !unmatched.isEmpty { throw Self.noMatch(unmatched) }
        return locked
    }

    static func constraint(_ dependency: ChartDependency) throws -> VersionConstraint {
        do { return try VersionConstraint(parsing: dependency.version) } catch {
            throw RepositoryError("dependency \(goQuote(dependency.name)) has an invalid version/constraint format: \(error)")
        }
    }

    /// Helm's message, plus the versions that exist (the nearest few) to make the fix obvious.
    static func noMatch(_ unmatched: [Unmatched]) -> RepositoryError {
        let names = unmatched.map { "\(goQuote($0.dependency.name)) (repository \(goQuote($0.dependency.repository)), version \(goQuote($0.dependency.version)))" }
        let hints = unmatched.map { u -> String in
            let shown = u.available.prefix(5).joined(separator: ", ")
            let more = u.available.count > 5 ? ", …" : ""
            return u.local ? "local version of \(u.dependency.name): \(shown)"
                : "available versions of \(u.dependency.name): \(u.available.isEmpty ? "none" : shown + more)"
        }
        return RepositoryError("can't get a valid version for \(unmatched.count) subchart(s): \(names.joined(separator: ", ")). Make sure a matching chart version exists in the repo, or change the version constraint in Chart.yaml\n  " + hints.joined(separator: "\n  "))
    }
}
