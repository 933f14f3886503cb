import Chart
import Foundation
import Synchronization
import Testing
import Values
@testable import Kube
@testable import Release

/// `--wait`, `--wait-for-jobs` and `uninstall --wait` through `KubeDelivery` on the fake
/// cluster, with controllers stood in for by threads that write status after a while.
@Suite struct WaitDeliveryTests {
    static let apps = "/apis/apps/v1/namespaces/prod"
    static let core = "/api/v1/namespaces/prod"
    static let claim = core + "/persistentvolumeclaims/demo-data"
    static let front = core + "/services/demo-front"
    static let agent = apps + "/daemonsets/demo-agent"
    static let db = apps + "/statefulsets/demo-db"
    static let job = "/apis/batch/v1/namespaces/prod/jobs/demo-migrate"

    /// Collects progress lines.
    final class Lines: Sendable {
        private let lines = Mutex<[String]>([])
        var all: [String] { lines.withLock { $0 } }
        var sink: WaitProgress { { line in self.lines.withLock { $0.append(line) } } }
    }

    static func map(_ yaml: String) -> Value {
        (try? YAML.load(Array(yaml.utf8), file: "status.yaml")) ?? .null
    }

    /// Returns `object` with `value` at `key` (a top-level field, e.g. `status`), merged into a map there.
    static func merging(_ object: Value, _ key: String, _ yaml: String) -> Value {
        var top = object.mapValue ?? [:]
        var inner = top[key]?.mapValue ?? [:]
        for (k, v) in map(yaml).mapValue ?? [:] { inner[k] = v }
        top[key] = Value.map(inner)
        return Value.map(top)
    }

    /// The fields controllers write to make each workload of the `workloads` chart ready.
    static let readyFields: [String: [(String, String)]] = [
        claim: [("status", "{phase: Bound}")],
        front: [("spec", "{clusterIP: 10.0.0.7}")],
        agent: [("metadata", "{generation: 1}"),
                ("status", "{observedGeneration: 1, desiredNumberScheduled: 2, currentNumberScheduled: 2, updatedNumberScheduled: 2, numberAvailable: 2, numberReady: 2}")],
        db: [("status", "{replicas: 2, readyReplicas: 2, currentReplicas: 2, currentRevision: r1, updateRevision: r1}")],
    ]

    static func applying(_ fields: [(String, String)]?, to object: Value) -> Value {
        (fields ?? []).reduce(object) { merging($0, $1.0, $1.1) }
    }

    /// Makes every workload ready now, as its controllers would.
    static func makeReady(_ server: FakeAPIServer) {
        for (path, fields) in readyFields { server.update(path) { $0 = applying(fields, to: $0) } }
    }

    /// Controllers that write `fields` on every write of an object.
    static func runControllers(_ server: FakeAPIServer, _ fields: [String: [(String, String)]]) {
        server.setController { path, object in applying(fields[path], to: object) }
    }

    /// Runs `change` on a thread once the waiter has read `path` after it was written or
    /// deleted, so the wait has seen the old state at least once.
    static func afterPolled(_ server: FakeAPIServer, _ path: String, _ change: @escaping @Sendable () -> Void) {
        let thread = Thread {
            let deadline = Date().addingTimeInterval(5)
            while Date() < deadline {
                let requests = server.requests
                if let written = requests.lastIndex(where: { $0.path == path && ["PATCH", "DELETE"].contains($0.method) }),
                   requests[(written + 1)...].contains(where: { $0.path == path && $0.method == "GET" }) { break }
                Thread.sleep(forTimeInterval: 0.005)
            }
            change()
        }
        thread.start()
    }

    static func context(_ server: FakeAPIServer, store: any ReleaseStore = MemoryReleaseStore(), wait: Double?,
                        waitForJobs: Bool = false, progress: WaitProgress? = nil) throws -> ReleaseContext {
        let client = try KubeClient(connection: KubeConnection(server: server.url))
        return ReleaseContext(store: store, delivery: KubeDelivery(client: client, waitSeconds: wait, pollSeconds: 0.02,
                                                                   waitForJobs: waitForJobs, progress: progress))
    }

    static func install(_ context: ReleaseContext, withJob: Bool = false) throws -> Release {
        let renderer = ChartRenderer(chart: try ChartLoader.load(path: Fixtures.path("workloads")))
        return try context.install(InstallOptions(name: "demo", namespace: "prod", values: Value.map(["withJob": .bool(withJob)])),
                                   renderer: renderer)
    }

    @Test func waitSucceedsOnceWorkloadsBecomeReady() throws {
        let server = try FakeAPIServer()
        defer { server.stop() }
        let lines = Lines()
        Self.afterPolled(server, Self.db) { Self.makeReady(server) }
        let release = try Self.install(try Self.context(server, wait: 5, progress: lines.sink))
        #expect(release.info.status == .deployed)
        #expect(lines.all == [
            "waiting for 4 resources: PersistentVolumeClaim/demo-data (PVC is not Bound. phase: unknown), "
                + "Service/demo-front (ClusterIP not set. Service type: LoadBalancer), "
                + "DaemonSet/demo-agent (DaemonSet metadata.generation not found), StatefulSet/demo-db (Replicas: 0/2)",
        ])
    }

    @Test func neverReadyResourcesTimeOutNamingEachAndFailTheRevision() throws {
        let server = try FakeAPIServer()
        defer { server.stop() }
        let store = MemoryReleaseStore()
        Self.runControllers(server, Self.readyFields)
        let installed = try Self.install(try Self.context(server, store: store, wait: 1))
        #expect(installed.info.status == .deployed)
        var stuck = Self.readyFields
        stuck[Self.claim] = [("status", "{phase: Pending}")]
        stuck[Self.db] = [("status", "{readyReplicas: 1}")]
        Self.runControllers(server, stuck)
        let renderer = ChartRenderer(chart: try ChartLoader.load(path: Fixtures.path("workloads")))
        #expect {
            _ = try Self.context(server, store: store, wait: 0.1)
                .upgrade(UpgradeOptions(name: "demo", namespace: "prod", values: Value.map([:])), renderer: renderer)
        } throws: { error in
            "\(error)" == """
                cannot deliver manifests to \(server.url): resource PersistentVolumeClaim/prod/demo-data not ready. status: InProgress, message: PVC is not Bound. phase: Pending
                resource StatefulSet/prod/demo-db not ready. status: InProgress, message: Ready: 1/2
                context deadline exceeded
                """
        }
        let history = try store.revisions(name: "demo", namespace: "prod")
        #expect(history.map(\.info.status) == [.deployed, .failed])
    }

    @Test func failedResourceEndsTheWaitOnceNothingElseIsPending() throws {
        let server = try FakeAPIServer()
        defer { server.stop() }
        server.setController { path, object in
            path == Self.job ? Self.merging(object, "status", "{failed: 1, conditions: [{type: Failed, status: 'True'}]}") : object
        }
        Self.afterPolled(server, Self.job) { Self.makeReady(server) }
        #expect {
            _ = try Self.install(try Self.context(server, wait: 5, waitForJobs: true), withJob: true)
        } throws: { error in
            "\(error)" == "cannot deliver manifests to \(server.url): resource Job/prod/demo-migrate not ready. status: Failed, message: Job Failed. failed: 1/1"
        }
    }

    @Test func jobsAreAwaitedToCompletionOnlyWithWaitForJobs() throws {
        let started = "{startTime: '2025-01-01T00:00:00Z', active: 1}"
        let cases: [(waitForJobs: Bool, error: String?)] = [
            (false, nil),
            (true, "resource Job/prod/demo-migrate not ready. status: InProgress, message: Job in progress\ncontext deadline exceeded"),
        ]
        for (waitForJobs, expected) in cases {
            let server = try FakeAPIServer()
            defer { server.stop() }
            var fields = Self.readyFields
            fields[Self.job] = [("status", started)]
            Self.runControllers(server, fields)
            let context = try Self.context(server, wait: 0.1, waitForJobs: waitForJobs)
            do {
                _ = try Self.install(context, withJob: true)
                #expect(expected == nil)
            } catch {
                #expect("\(error)" == expected.map { "cannot deliver manifests to \(server.url): " + $0 })
            }
        }
    }

    @Test func uninstallWaitsUntilDeletedResourcesAreGone() throws {
        let server = try FakeAPIServer()
        defer { server.stop() }
        let store = MemoryReleaseStore()
        _ = try Self.install(try Self.context(server, store: store, wait: nil))
        server.holdDeletion(Self.db)
        let lines = Lines()
        Self.afterPolled(server, Self.db) { server.finishDeletion(Self.db) }
        _ = try Self.context(server, store: store, wait: 5, progress: lines.sink)
            .uninstall(UninstallOptions(name: "demo", namespace: "prod"))
        #expect(server.object(at: Self.db) == nil)
        #expect(lines.all == ["waiting for 1 resource to be deleted: StatefulSet/demo-db (Resource scheduled for deletion)"])

        _ = try Self.install(try Self.context(server, store: store, wait: nil))
        server.holdDeletion(Self.db)
        #expect {
            _ = try Self.context(server, store: store, wait: 0.05).uninstall(UninstallOptions(name: "demo", namespace: "prod"))
        } throws: { error in
            "\(error)" == "cannot deliver manifests to \(server.url): resource StatefulSet/prod/demo-db still exists. status: Terminating, message: Resource scheduled for deletion\ncontext deadline exceeded"
        }
    }
}
