import Chart
import Foundation
import Testing
import Values
@testable import Kube
@testable import Release

/// `--take-ownership`, server-side apply conflicts and `--create-namespace` on the fake cluster.
@Suite struct AdoptionTests {
    static let config = "/api/v1/namespaces/prod/configmaps/demo-config"

    static func install(_ server: FakeAPIServer, takeOwnership: Bool = false, forceConflicts: Bool = false) throws -> Release {
        let client = try KubeClient(connection: KubeConnection(server: server.url))
        let delivery = KubeDelivery(client: client, forceConflicts: forceConflicts, takeOwnership: takeOwnership)
        let renderer = ChartRenderer(chart: try ChartLoader.load(path: Fixtures.path("web")))
        return try ReleaseContext(store: MemoryReleaseStore(), delivery: delivery)
            .install(InstallOptions(name: "demo", namespace: "prod", values: Value.map([:])), renderer: renderer)
    }

    @Test func takeOwnershipAdoptsObjectsOfNoOrAnotherRelease() throws {
        let owners: [Value] = [
            Value.map(["name": .string("demo-config"), "namespace": .string("prod")]),
            Value.map(["name": .string("demo-config"), "namespace": .string("prod"),
                       "labels": Value.map(["app.kubernetes.io/managed-by": .string("Helm")]),
                       "annotations": Value.map(["meta.helm.sh/release-name": .string("other"),
                                                 "meta.helm.sh/release-namespace": .string("prod")])]),
        ]
        for metadata in owners {
            let server = try FakeAPIServer()
            defer { server.stop() }
            server.put(Value.map(["apiVersion": .string("v1"), "kind": .string("ConfigMap"), "metadata": metadata]), at: Self.config)
            #expect(throws: ReleaseError.self) { _ = try Self.install(server) }
            let release = try Self.install(server, takeOwnership: true)
            #expect(release.info.status == .deployed)
            let adopted = try #require(server.object(at: Self.config))
            #expect(adopted["metadata"]?["labels"]?["app.kubernetes.io/managed-by"]?.stringValue == "Helm")
            #expect(adopted["metadata"]?["annotations"]?["meta.helm.sh/release-name"]?.stringValue == "demo")
            #expect(adopted["metadata"]?["annotations"]?["meta.helm.sh/release-namespace"]?.stringValue == "prod")
        }
    }

    @Test func applyConflictNamesTheResourceAndSuggestsForceConflicts() throws {
        let server = try FakeAPIServer()
        defer { server.stop() }
        server.conflict(Self.config, manager: "kubectl-edit", field: ".data.message")
        #expect {
            _ = try Self.install(server)
        } throws: { error in
            "\(error)" == "cannot deliver manifests to \(server.url): cannot apply ConfigMap \"demo-config\" in namespace \"prod\": Apply failed with 1 conflict: conflict with \"kubectl-edit\" using v1: .data.message; pass --force-conflicts to take these fields over"
        }
        let forced = try FakeAPIServer()
        defer { forced.stop() }
        forced.conflict(Self.config, manager: "kubectl-edit", field: ".data.message")
        #expect(try Self.install(forced, forceConflicts: true).info.status == .deployed)
        #expect(forced.requests.contains { $0.path == Self.config && $0.method == "PATCH" && $0.query["force"] == "true" })
    }

    @Test func ensureNamespaceCreatesOnceAndLeavesExistingAlone() throws {
        let server = try FakeAPIServer()
        defer { server.stop() }
        let client = try KubeClient(connection: KubeConnection(server: server.url))
        #expect(try client.ensureNamespace("fresh") == true)
        #expect(server.object(at: "/api/v1/namespaces/fresh")?["metadata"]?["labels"] == Value.map(["name": .string("fresh")]))
        #expect(try client.ensureNamespace("fresh") == false)
        #expect(server.requests.filter { $0.method == "POST" }.count == 1)

        let existing = Value.map(["apiVersion": .string("v1"), "kind": .string("Namespace"),
                                  "metadata": Value.map(["name": .string("team"), "labels": Value.map(["owner": .string("ops")])])])
        server.put(existing, at: "/api/v1/namespaces/team")
        #expect(try client.ensureNamespace("team") == false)
        #expect(server.object(at: "/api/v1/namespaces/team") == existing)
        #expect(server.requests.filter { $0.method == "POST" }.count == 1)
    }
}
