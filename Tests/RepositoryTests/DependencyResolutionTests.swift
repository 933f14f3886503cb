import Chart
import Foundation
import Semver
import Testing
@testable import Repository

@Suite struct DependencyResolutionTests {
    static func dependency(_ name: String, _ version: String, _ repository: String) -> ChartDependency {
        var d = ChartDependency()
        d.name = name
        d.version = version
        d.repository = repository
        return d
    }

    /// Helm's own `TestHashReq` vectors (internal/resolver/resolver_test.go): only the first
    /// case has Helm's expected digest; the others must differ from it.
    static let hashCases: [(String, String, Bool)] = [
        ("0.1.0", "0.1.0", true), ("^0.1.0", "0.1.0", false), ("^0.1.0", "0.1.2", false),
        ("0.1.2", "0.1.2", false), ("^0.1.2", "0.1.2", false),
    ]

    @Test(arguments: hashCases.indices)
    func hashReqMatchesHelm(_ i: Int) {
        let (requested, locked, same) = Self.hashCases[i]
        let repository = "http://localhost:8879/charts"
        let digest = ChartLock.hashRequirements([Self.dependency("alpine", requested, repository)], [Self.dependency("alpine", locked, repository)])
        #expect((digest == "sha256:fb239e836325c5fa14b29d1540a13b7d3ba13151b67fe719f820e0ef6d66aaaf") == same)
    }

    /// Field order and omitempty of `encoding/json` over `chart.Dependency`.
    @Test func dependencyJSONFollowsGoStructOrder() {
        var d = Self.dependency("a<b", "", "@repo")
        d.condition = "a.enabled"
        d.tags = ["t1"]
        d.importValues = [.exported("data"), .mapping(child: "c", parent: "p")]
        d.alias = "x"
        #expect(ChartLock.goJSON(d) == #"{"name":"a\u003cb","repository":"@repo","condition":"a.enabled","tags":["t1"],"import-values":["data",{"child":"c","parent":"p"}],"alias":"x"}"#)
    }

    @Test func lockFileLayout() throws {
        let lock = ChartLock(generated: "2024-05-06T07:08:09.123456789+02:00", digest: "sha256:abc",
                             dependencies: [Self.dependency("alpha", "1.2.0", "file://../alpha"), Self.dependency("beta", "0.1.0", "https://x.example/charts")])
        #expect(lock.yaml == """
        dependencies:
        - name: alpha
          repository: file://../alpha
          version: 1.2.0
        - name: beta
          repository: https://x.example/charts
          version: 0.1.0
        digest: sha256:abc
        generated: "2024-05-06T07:08:09.123456789+02:00"

        """)
        let path = NSTemporaryDirectory() + "lock-\(UUID().uuidString).yaml"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try lock.write(to: path)
        #expect(try ChartLock.load(path: path) == lock)
    }

    /// An index holding these versions of `web` (newest first as Helm sorts them).
    static let index: ChartIndex = {
        var index = ChartIndex(generated: GoTime(seconds: 0))
        for version in ["2.0.0-beta.1", "1.10.0", "1.9.3", "1.9.0", "1.2.5", "1.2.0", "1.0.0-rc.2", "0.9.1", "0.1.0"] {
            var md = ChartMetadata()
            md.name = "web"
            md.version = version
            md.apiVersion = "v2"
            index.add(md, filename: "web-\(version).tgz", baseURL: "https://charts.example", digest: "")
        }
        index.sortEntries()
        return index
    }()

    /// (constraint, chosen version or nil when nothing satisfies it). Masterminds/semver v3 rules.
    static let constraintCases: [(String, String?)] = [
        ("1.2.0", "1.2.0"), ("^1.2.0", "1.10.0"), ("~1.2.0", "1.2.5"), ("~1.9", "1.9.3"), ("1.9.x", "1.9.3"),
        ("1.*", "1.10.0"), ("*", "1.10.0"), (">=1.0.0 <1.9.0", "1.2.5"), (">=1.0.0, <1.9.0", "1.2.5"),
        ("1.2 - 1.9.0", "1.9.0"), ("<1.0.0 || >=1.9.1 <1.10", "1.9.3"), ("^0.1.0", "0.1.0"), ("^0.9", "0.9.1"),
        (">=2.0.0-0", "2.0.0-beta.1"), (">1.9.3", "1.10.0"), ("!=1.10.0", "1.9.3"), ("1.0.0-rc.2", "1.0.0-rc.2"),
        ("^3.0.0", nil), ("<0.1.0", nil), ("2.0.0", nil),
    ]

    @Test(arguments: constraintCases.indices)
    func resolvesConstraints(_ i: Int) throws {
        let (constraint, expected) = Self.constraintCases[i]
        let resolver = DependencyResolver(chartPath: "/nonexistent", repositories: RepositoryFile())
        let requirement = Self.dependency("web", constraint, "https://charts.example")
        do {
            let locked = try resolver.resolve([requirement], sources: [.unmanaged("https://charts.example")]) { _ in Self.index }
            #expect(locked.map(\.version) == [expected ?? "<none>"], "\(constraint)")
            #expect(locked.first?.repository == "https://charts.example")
        } catch {
            #expect(expected == nil, "\(constraint): \(error)")
            #expect("\(error)".hasPrefix("can't get a valid version for 1 subchart(s): \"web\" (repository \"https://charts.example\", version \"\(constraint)\"). Make sure a matching chart version exists in the repo, or change the version constraint in Chart.yaml\n  available versions of web: 2.0.0-beta.1, 1.10.0,"), "\(error)")
        }
    }

    @Test func invalidConstraintNamesTheDependency() {
        let resolver = DependencyResolver(chartPath: "/nonexistent", repositories: RepositoryFile())
        #expect(throws: RepositoryError.self) {
            _ = try resolver.resolve([Self.dependency("web", "not a version", "https://charts.example")], sources: [.unmanaged("https://charts.example")]) { _ in Self.index }
        }
        do {
            _ = try resolver.resolve([Self.dependency("nope", "1.0.0", "https://charts.example")], sources: [.unmanaged("https://charts.example")]) { _ in Self.index }
        } catch {
            #expect("\(error)" == "nope chart not found in repo https://charts.example")
        }
    }

    /// Repository forms of `Chart.yaml`: (repository, configured entries, expected source or error).
    static let sourceCases: [(String, [RepositoryEntry], DependencySource?, String?)] = [
        ("https://charts.example/", [RepositoryEntry(name: "ex", url: "https://charts.example")], .configured(RepositoryEntry(name: "ex", url: "https://charts.example")), nil),
        ("@ex", [RepositoryEntry(name: "ex", url: "https://charts.example")], .configured(RepositoryEntry(name: "ex", url: "https://charts.example")), nil),
        ("alias:ex", [RepositoryEntry(name: "ex", url: "https://charts.example")], .configured(RepositoryEntry(name: "ex", url: "https://charts.example")), nil),
        ("https://other.example", [], .unmanaged("https://other.example"), nil),
        ("@missing", [], nil, "no repository definition for @missing. Please add the missing repos via 'swiftchart repo add'"),
        ("oci://registry/charts", [], nil, "dependency \"web\": OCI registries (oci://registry/charts) are not supported by swiftchart"),
    ]

    @Test(arguments: sourceCases.indices)
    func mapsRepositories(_ i: Int) {
        let (repository, entries, expected, message) = Self.sourceCases[i]
        var file = RepositoryFile()
        for e in entries { file.update(e) }
        let resolver = DependencyResolver(chartPath: "/nonexistent", repositories: file)
        do {
            let (requirements, sources) = try resolver.sources(for: [Self.dependency("web", "1.0.0", repository)])
            #expect(sources == [expected].compactMap { $0 }, "\(repository)")
            if repository.hasPrefix("@") || repository.hasPrefix("alias:") {
                #expect(requirements[0].repository == "https://charts.example")
            }
        } catch {
            #expect("\(error)" == message, "\(repository)")
        }
    }
}
