import Chart
import Foundation
import Testing
import Values
@testable import Kube
@testable import Release

/// `--wait`: Go durations, and delivery that waits for a Deployment.
@Suite struct WaitTests {
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
            "\(error)" == "cannot deliver manifests to \(server.url): resource Deployment/prod/demo-web not ready. status: InProgress, message: Replicas: 0/2\ncontext deadline exceeded"
        }
        let patient = ReleaseContext(store: MemoryReleaseStore(),
                                     delivery: KubeDelivery(client: client, waitSeconds: 5, pollSeconds: 0.05))
        let controller = Thread {
            Thread.sleep(forTimeInterval: 0.2)
            server.setStatus(Value.map(["replicas": .float(2), "updatedReplicas": .float(2), "readyReplicas": .float(2),
                                        "availableReplicas": .float(2),
                                        "conditions": .list([Value.map(["type": .string("Available"), "status": .string("True")])])]),
                             at: path)
        }
        controller.start()
        let release = try patient.install(InstallOptions(name: "demo", namespace: "prod", values: Value.map([:])), renderer: renderer)
        #expect(release.info.status == .deployed)
    }
}
