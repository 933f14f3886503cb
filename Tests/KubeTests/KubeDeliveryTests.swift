import Chart
import Foundation
import Testing
import Values
@testable import Kube
@testable import Release

/// A release's life on the fake cluster through `KubeDelivery`, with its revisions kept by
/// the `secrets` driver on that same cluster.
@Suite struct KubeDeliveryTests {
    static let ns = "/api/v1/namespaces/prod"
    static let crd = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com"
    static let config = ns + "/configmaps/demo-config"
    static let cache = ns + "/services/demo-cache"
    static let kept = ns + "/secrets/demo-kept"
    static let web = "/apis/apps/v1/namespaces/prod/deployments/demo-web"

    /// Mutating requests (method and path) that touched chart resources, in order.
    static func changes(_ server: FakeAPIServer, from start: Int) -> [String] {
        server.requests.dropFirst(start)
            .filter { ["PATCH", "DELETE"].contains($0.method) && !$0.path.contains("sh.helm.release") && !$0.path.contains("swiftchart.lock") }
            .map { "\($0.method) \($0.path)" }
    }

    @Test func installUpgradeRollbackUninstall() throws {
        let server = try FakeAPIServer()
        defer { server.stop() }
        let client = try KubeClient(connection: KubeConnection(server: server.url, namespace: "prod"))
        let context = ReleaseContext(store: KubeSecretsReleaseStore(client: client), delivery: KubeDelivery(client: client))
        let chart = try ChartLoader.load(path: Fixtures.path("web"))
        let renderer = ChartRenderer(chart: chart)

        var mark = server.requests.count
        let installed = try context.install(InstallOptions(name: "demo", namespace: "prod", values: Value.map([:])), renderer: renderer)
        #expect(installed.info.status == .deployed)
        #expect(Self.changes(server, from: mark) == [
            "PATCH \(Self.crd)", "PATCH \(Self.kept)", "PATCH \(Self.config)", "PATCH \(Self.cache)", "PATCH \(Self.web)",
        ])
        let stored = try #require(server.object(at: Self.config))
        let ownership: [(String, String?)] = [
            ("app.kubernetes.io/managed-by", stored["metadata"]?["labels"]?["app.kubernetes.io/managed-by"]?.stringValue),
            ("meta.helm.sh/release-name", stored["metadata"]?["annotations"]?["meta.helm.sh/release-name"]?.stringValue),
            ("meta.helm.sh/release-namespace", stored["metadata"]?["annotations"]?["meta.helm.sh/release-namespace"]?.stringValue),
        ]
        #expect(ownership.map(\.1) == ["Helm", "demo", "prod"])
        #expect(server.object(at: Self.crd)?["metadata"]?["annotations"]?["meta.helm.sh/release-name"] == nil)
        #expect(server.object(at: Self.web)?["spec"]?["replicas"] == .float(2))

        mark = server.requests.count
        let upgraded = try context.upgrade(UpgradeOptions(name: "demo", namespace: "prod",
                                                          values: Value.map(["withCache": .bool(false), "replicas": .float(3)])),
                                           renderer: renderer)
        #expect(upgraded.version == 2)
        #expect(Self.changes(server, from: mark) == ["PATCH \(Self.config)", "PATCH \(Self.web)", "DELETE \(Self.cache)"])
        #expect(server.object(at: Self.web)?["spec"]?["replicas"] == .float(3))
        #expect(server.object(at: Self.kept) != nil)

        mark = server.requests.count
        let rolledBack = try context.rollback(RollbackOptions(name: "demo", namespace: "prod", revision: 1))
        #expect(rolledBack.version == 3)
        #expect(Self.changes(server, from: mark) == [
            "PATCH \(Self.kept)", "PATCH \(Self.config)", "PATCH \(Self.cache)", "PATCH \(Self.web)",
        ])
        #expect(server.object(at: Self.web)?["spec"]?["replicas"] == .float(2))

        let history = try context.store.revisions(name: "demo", namespace: "prod")
        #expect(history.map(\.version) == [1, 2, 3])
        #expect(history.map(\.info.status) == [.superseded, .superseded, .deployed])
        #expect(server.object(at: Self.ns + "/secrets/sh.helm.release.v1.demo.v3")?["metadata"]?["labels"]?["status"]?.stringValue == "deployed")

        mark = server.requests.count
        _ = try context.uninstall(UninstallOptions(name: "demo", namespace: "prod"))
        #expect(Self.changes(server, from: mark) == ["DELETE \(Self.cache)", "DELETE \(Self.web)", "DELETE \(Self.config)"])
        #expect(server.objectPaths.filter { !$0.contains("sh.helm.release") } == [Self.kept, Self.crd])
        #expect(try context.store.revisions(name: "demo", namespace: "prod").isEmpty)
    }

    @Test func refusesToAdoptResourcesOfAnotherOwner() throws {
        let server = try FakeAPIServer()
        defer { server.stop() }
        server.put(Value.map(["apiVersion": .string("v1"), "kind": .string("ConfigMap"),
                              "metadata": Value.map(["name": .string("demo-config"), "namespace": .string("prod")])]),
                   at: Self.config)
        let client = try KubeClient(connection: KubeConnection(server: server.url))
        let context = ReleaseContext(store: MemoryReleaseStore(), delivery: KubeDelivery(client: client))
        let renderer = ChartRenderer(chart: try ChartLoader.load(path: Fixtures.path("web")))
        #expect {
            _ = try context.install(InstallOptions(name: "demo", namespace: "prod", values: Value.map([:])), renderer: renderer)
        } throws: { error in
            "\(error)" == "cannot deliver manifests to \(server.url): invalid resource ConfigMap \"demo-config\" in namespace \"prod\": exists and cannot be imported into the current release: invalid ownership metadata; label validation error: missing key \"app.kubernetes.io/managed-by\": must be set to \"Helm\"; annotation validation error: missing key \"meta.helm.sh/release-name\": must be set to \"demo\"; annotation validation error: missing key \"meta.helm.sh/release-namespace\": must be set to \"prod\""
        }
        #expect(try context.store.revisions(name: "demo", namespace: "prod").map(\.info.status) == [.failed])
    }

    @Test func forbiddenResourceFailsTheInstallNamingIt() throws {
        let server = try FakeAPIServer()
        defer { server.stop() }
        server.forbid(Self.web)
        let client = try KubeClient(connection: KubeConnection(server: server.url))
        let context = ReleaseContext(store: MemoryReleaseStore(), delivery: KubeDelivery(client: client))
        let renderer = ChartRenderer(chart: try ChartLoader.load(path: Fixtures.path("web")))
        #expect {
            _ = try context.install(InstallOptions(name: "demo", namespace: "prod", values: Value.map([:])), renderer: renderer)
        } throws: { error in
            "\(error)" == "cannot deliver manifests to \(server.url): cannot get Deployment \"demo-web\" in namespace \"prod\": forbidden: User \"test\" cannot get \(Self.web) (HTTP 403)"
        }
    }

    @Test func secretsStoreLocksAcrossClients() throws {
        let server = try FakeAPIServer()
        defer { server.stop() }
        let store = KubeSecretsReleaseStore(client: try KubeClient(connection: KubeConnection(server: server.url)))
        let now = GoTime.now()
        func holder(_ token: String) -> LockHolder {
            LockHolder(token: token, pid: 42, host: "h", operation: "install", acquiredAt: now, leaseExpires: now)
        }
        #expect(try store.acquireLock(name: "r", namespace: "ns", holder: holder("a"), isStale: { _ in false }) == .acquired)
        #expect(try store.acquireLock(name: "r", namespace: "ns", holder: holder("b"), isStale: { _ in false }) == .held(holder("a")))
        #expect(try store.acquireLock(name: "r", namespace: "ns", holder: holder("c"), isStale: { _ in true }) == .acquiredFromStale(holder("a")))
        try store.releaseLock(name: "r", namespace: "ns", token: "a")
        #expect(try store.acquireLock(name: "r", namespace: "ns", holder: holder("d"), isStale: { _ in false }) == .held(holder("c")))
        try store.releaseLock(name: "r", namespace: "ns", token: "c")
        #expect(try store.acquireLock(name: "r", namespace: "ns", holder: holder("d"), isStale: { _ in false }) == .acquired)
    }
}
