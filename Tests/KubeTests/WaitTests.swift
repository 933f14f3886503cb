import Chart
import Foundation
import Testing
import Values
@testable import Kube
@testable import Release

/// `--wait`: readiness by status, Go durations, and delivery that waits for Deployments.
@Suite struct WaitTests {
    static func deployment(replicas: Double, generation: Double, status: [String: Value]) -> Value {
        Value.map(["kind": .string("Deployment"), "spec": Value.map(["replicas": .float(replicas)]),
                   "metadata": Value.map(["generation": .float(generation)]), "status": Value.map(status)])
    }

    @Test func readinessByStatus() {
        let job = { (conditions: [Value]) in Value.map(["kind": .string("Job"), "status": Value.map(["conditions": .list(conditions)])]) }
        let cases: [(Value, Readiness)] = [
            (Self.deployment(replicas: 2, generation: 2, status: ["observedGeneration": .float(1)]),
             .pending("waiting for the deployment spec update to be observed")),
            (Self.deployment(replicas: 2, generation: 1, status: ["observedGeneration": .float(1), "updatedReplicas": .float(1)]),
             .pending("1 of 2 updated replicas")),
            (Self.deployment(replicas: 2, generation: 1, status: ["observedGeneration": .float(1), "updatedReplicas": .float(2), "availableReplicas": .float(1)]),
             .pending("1 of 2 updated replicas are available")),
            (Self.deployment(replicas: 2, generation: 1, status: ["observedGeneration": .float(1), "updatedReplicas": .float(2), "availableReplicas": .float(2)]),
             .ready),
            (Self.deployment(replicas: 1, generation: 1, status: ["conditions": .list([Value.map([
                "type": .string("Progressing"), "reason": .string("ProgressDeadlineExceeded"), "message": .string("too slow")])])]),
             .failed("too slow")),
            (job([]), .pending("job not complete")),
            (job([Value.map(["type": .string("Complete"), "status": .string("True")])]), .ready),
            (job([Value.map(["type": .string("Failed"), "status": .string("True"), "message": .string("BackoffLimitExceeded")])]),
             .failed("BackoffLimitExceeded")),
            (Value.map(["kind": .string("ConfigMap")]), .ready),
        ]
        for (object, expected) in cases {
            #expect(Readiness.of(object) == expected)
        }
    }

    @Test func goDurations() {
        let parsed: [(String, Double?)] = [("5m0s", 300), ("90s", 90), ("1.5h", 5400), ("1h2m3s", 3723), ("300ms", 0.3),
                                          ("0", 0), ("", nil), ("5", nil), ("3x", nil)]
        for (text, seconds) in parsed { #expect(GoDuration.parse(text) == seconds, "\(text)") }
        let formatted: [(Double, String)] = [(300, "5m0s"), (3723, "1h2m3s"), (30, "30s"), (0.3, "300ms")]
        for (seconds, text) in formatted { #expect(GoDuration.format(seconds) == text) }
    }

    @Test func deliveryWaitsForTheDeploymentOrTimesOut() throws {
        let server = try FakeAPIServer()
        defer { server.stop() }
        let path = "/apis/apps/v1/namespaces/prod/deployments/demo-web"
        let client = try KubeClient(connection: KubeConnection(server: server.url))
        let renderer = ChartRenderer(chart: try ChartLoader.load(path: Fixtures.path("web")))
        let impatient = ReleaseContext(store: MemoryReleaseStore(),
                                       delivery: KubeDelivery(client: client, waitSeconds: 0.3, pollSeconds: 0.05))
        #expect {
            _ = try impatient.install(InstallOptions(name: "demo", namespace: "prod", values: Value.map([:])), renderer: renderer)
        } throws: { error in
            "\(error)" == "cannot deliver manifests to \(server.url): Deployment \"demo-web\" in namespace \"prod\" is not ready: not ready after 300ms: 0 of 2 updated replicas"
        }
        let patient = ReleaseContext(store: MemoryReleaseStore(),
                                     delivery: KubeDelivery(client: client, waitSeconds: 5, pollSeconds: 0.05))
        let controller = Thread {
            Thread.sleep(forTimeInterval: 0.2)
            server.setStatus(Value.map(["observedGeneration": .float(0), "updatedReplicas": .float(2), "availableReplicas": .float(2)]), at: path)
        }
        controller.start()
        let release = try patient.install(InstallOptions(name: "demo", namespace: "prod", values: Value.map([:])), renderer: renderer)
        #expect(release.info.status == .deployed)
    }
}
