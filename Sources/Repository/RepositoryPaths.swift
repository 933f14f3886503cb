import Foundation

/// Where repository configuration and caches live, as Helm's `helmpath` resolves them but under
/// a `swiftchart` folder: `$SWIFTCHART_REPOSITORY_CONFIG`, else
/// `$SWIFTCHART_CONFIG_HOME/repositories.yaml`, else `$XDG_CONFIG_HOME/swiftchart/…`, else
/// `~/.config/swiftchart/…`; the cache likewise with `SWIFTCHART_REPOSITORY_CACHE`,
/// `SWIFTCHART_CACHE_HOME` (`…/repository`), `XDG_CACHE_HOME` and `~/.cache`.
public struct RepositoryPaths: Sendable, Equatable {
    /// The `repositories.yaml` file.
    public var repositoryConfig: String
    /// The folder holding `<name>-index.yaml` and `<name>-charts.txt`.
    public var repositoryCache: String

    public init(repositoryConfig: String, repositoryCache: String) {
        self.repositoryConfig = repositoryConfig
        self.repositoryCache = repositoryCache
    }

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        func value(_ key: String) -> String? {
            guard let v = environment[key], !v.isEmpty else { return nil }
            return v
        }
        let home = value("HOME") ?? NSHomeDirectory()
        let configHome = value("SWIFTCHART_CONFIG_HOME")
            ?? (value("XDG_CONFIG_HOME") ?? home + "/.config") + "/swiftchart"
        let cacheHome = value("SWIFTCHART_CACHE_HOME")
            ?? (value("XDG_CACHE_HOME") ?? home + "/.cache") + "/swiftchart"
        repositoryConfig = value("SWIFTCHART_REPOSITORY_CONFIG") ?? configHome + "/repositories.yaml"
        repositoryCache = value("SWIFTCHART_REPOSITORY_CACHE") ?? cacheHome + "/repository"
    }

    /// `<cache>/<name>-index.yaml` (Helm's `CacheIndexFile`).
    public func indexFile(_ repositoryName: String) -> String {
        repositoryCache + "/" + repositoryName + "-index.yaml"
    }

    /// `<cache>/<name>-charts.txt` (Helm's `CacheChartsFile`).
    public func chartsFile(_ repositoryName: String) -> String {
        repositoryCache + "/" + repositoryName + "-charts.txt"
    }
}
