import Foundation
import Testing
@testable import Repository

/// `repositories.yaml` and the cache layout, checked against files real Helm v4 wrote
/// (`helm repo add` through libhelm_sdkpy with HELM_REPOSITORY_CONFIG/CACHE set).
@Suite struct RepositoryConfigTests {
    /// Written by Helm after `repo add myrepo http://127.0.0.1:18765` and
    /// `repo add other http://127.0.0.1:18765/ --username u --password p` into an empty file.
    static let helmWritten = """
    apiVersion: ""
    generated: "0001-01-01T00:00:00Z"
    repositories:
    - caFile: ""
      certFile: ""
      insecure_skip_tls_verify: false
      keyFile: ""
      name: myrepo
      pass_credentials_all: false
      password: ""
      url: http://127.0.0.1:18765
      username: ""
    - caFile: ""
      certFile: ""
      insecure_skip_tls_verify: false
      keyFile: ""
      name: other
      pass_credentials_all: false
      password: p
      url: http://127.0.0.1:18765/
      username: u

    """

    @Test func writesHelmFormat() {
        var file = RepositoryFile()
        file.update(RepositoryEntry(name: "myrepo", url: "http://127.0.0.1:18765"))
        var other = RepositoryEntry(name: "other", url: "http://127.0.0.1:18765/")
        other.username = "u"
        other.password = "p"
        file.update(other)
        #expect(file.yaml == Self.helmWritten)
    }

    @Test func readsHelmFormatBack() throws {
        let file = try RepositoryFile.parse(Array(Self.helmWritten.utf8), file: "repositories.yaml")
        #expect(file.repositories.map(\.name) == ["myrepo", "other"])
        #expect(file.entry(named: "other")?.password == "p")
        #expect(file.yaml == Self.helmWritten)
    }

    /// (environment, expected config file, expected cache folder).
    static let pathCases: [([String: String], String, String)] = [
        (["HOME": "/h"], "/h/.config/swiftchart/repositories.yaml", "/h/.cache/swiftchart/repository"),
        (["HOME": "/h", "XDG_CONFIG_HOME": "/x/c", "XDG_CACHE_HOME": "/x/k"], "/x/c/swiftchart/repositories.yaml", "/x/k/swiftchart/repository"),
        (["HOME": "/h", "SWIFTCHART_CONFIG_HOME": "/s/c", "SWIFTCHART_CACHE_HOME": "/s/k", "XDG_CONFIG_HOME": "/x"],
         "/s/c/repositories.yaml", "/s/k/repository"),
        (["HOME": "/h", "SWIFTCHART_REPOSITORY_CONFIG": "/r.yaml", "SWIFTCHART_REPOSITORY_CACHE": "/rc", "SWIFTCHART_CONFIG_HOME": "/s"],
         "/r.yaml", "/rc"),
        (["HOME": "/h", "SWIFTCHART_REPOSITORY_CONFIG": ""], "/h/.config/swiftchart/repositories.yaml", "/h/.cache/swiftchart/repository"),
    ]

    @Test(arguments: pathCases.indices)
    func resolvesPaths(_ i: Int) {
        let (environment, config, cache) = Self.pathCases[i]
        let paths = RepositoryPaths(environment: environment)
        #expect(paths.repositoryConfig == config)
        #expect(paths.repositoryCache == cache)
        #expect(paths.indexFile("x") == cache + "/x-index.yaml")
        #expect(paths.chartsFile("x") == cache + "/x-charts.txt")
    }

    static func temporaryManager() throws -> (RepositoryManager, String) {
        let root = NSTemporaryDirectory() + "swiftchart-repo-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let paths = RepositoryPaths(repositoryConfig: root + "/config/repositories.yaml", repositoryCache: root + "/cache")
        return (RepositoryManager(paths: paths, fetchers: FetcherSet([FileFetcher()])), root)
    }

    @Test func addListRemoveFileRepository() throws {
        let (manager, root) = try Self.temporaryManager()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let served = root + "/served"
        try FileManager.default.copyItem(atPath: repositoryFixtures + "/repo", toPath: served)
        try IndexDirectory.run(dir: served, url: "", merge: nil)
        let entry = RepositoryEntry(name: "local", url: "file://" + served)
        #expect(try manager.add(entry, forceUpdate: false) == .added)
        #expect(try manager.add(entry, forceUpdate: false) == .unchanged)
        #expect(try String(contentsOfFile: manager.paths.chartsFile("local"), encoding: .utf8) == "alpha\nbeta\n")
        #expect(FileManager.default.contents(atPath: manager.paths.indexFile("local")) == FileManager.default.contents(atPath: served + "/index.yaml"))
        #expect(try manager.cachedIndex("local").entries["alpha"]?.map(\.version) == ["1.10.0", "1.2.0-rc.1", "1.0.0"])

        let changed = RepositoryEntry(name: "local", url: "file://" + served + "/")
        #expect(throws: RepositoryError.self) { try manager.add(changed, forceUpdate: false) }
        #expect(try manager.add(changed, forceUpdate: true) == .added)
        #expect(try RepositoryFile.load(path: manager.paths.repositoryConfig).repositories.map(\.url) == [changed.url])

        #expect(manager.update(try manager.entries(named: [])).allSatisfy { $0.error == nil })
        try manager.remove(["local"])
        #expect(try RepositoryFile.load(path: manager.paths.repositoryConfig).repositories.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: manager.paths.indexFile("local")))
        #expect(!FileManager.default.fileExists(atPath: manager.paths.chartsFile("local")))
    }

    /// Repositories that cannot be added: (label, name, url suffix, message prefix). Nothing may be written.
    static let badAdds: [(String, String, String, String)] = [
        ("slash in name", "a/b", "/served", "repository name (a/b) contains '/', please specify a different name without '/'"),
        ("no index", "x", "/nothing", "looks like \"file://ROOT/nothing\" is not a valid chart repository or cannot be reached: open ROOT/nothing/index.yaml: no such file or directory"),
        ("not an index", "x", "/bad", "looks like \"file://ROOT/bad\" is not a valid chart repository or cannot be reached: error loading file://ROOT/bad/index.yaml: no API version specified"),
        ("unknown scheme", "x", "", "looks like \"ftp://example.com\" is not a valid chart repository or cannot be reached: could not find protocol handler for: ftp"),
    ]

    @Test(arguments: badAdds.indices)
    func refusesBadRepositories(_ i: Int) throws {
        let (label, name, suffix, message) = Self.badAdds[i]
        let (manager, root) = try Self.temporaryManager()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/bad", withIntermediateDirectories: true)
        try "entries: {}\n".write(toFile: root + "/bad/index.yaml", atomically: true, encoding: .utf8)
        let url = suffix.isEmpty ? "ftp://example.com" : "file://" + root + suffix
        do {
            _ = try manager.add(RepositoryEntry(name: name, url: url), forceUpdate: false)
            Issue.record("\(label): accepted")
        } catch {
            #expect("\(error)" == message.replacingOccurrences(of: "ROOT", with: root), "\(label)")
        }
        #expect(!FileManager.default.fileExists(atPath: manager.paths.repositoryConfig), "\(label)")
        #expect(!FileManager.default.fileExists(atPath: manager.paths.repositoryCache), "\(label)")
    }

    @Test func removeAndUpdateUnknownNames() throws {
        let (manager, root) = try Self.temporaryManager()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(throws: RepositoryError("no repositories found. You must add one before updating")) { try manager.entries(named: []) }
        var file = RepositoryFile()
        file.update(RepositoryEntry(name: "a", url: "file:///nowhere"))
        try file.write(to: manager.paths.repositoryConfig)
        #expect(throws: RepositoryError("no repo named \"b\" found")) { try manager.remove(["a", "b"]) }
        #expect(try RepositoryFile.load(path: manager.paths.repositoryConfig).has("a"))
        #expect(throws: RepositoryError("no repositories found matching 'b'. Nothing will be updated")) { try manager.entries(named: ["b"]) }
        let results = manager.update(try manager.entries(named: ["a"]))
        #expect(results.first?.error == "open /nowhere/index.yaml: no such file or directory")
    }
}

extension RepositoryError: Equatable {
    public static func == (a: RepositoryError, b: RepositoryError) -> Bool { a.message == b.message }
}
