import Foundation
import Testing
import Values

/// `diff upgrade` in cluster mode compares with the live objects of the fake API server.
/// The YAML of each side is Helm's `toYaml` of the normalised object (helm-oracle `--notes`,
/// Helm v4.3.0); hunks are GNU diffutils 3.8 `diff -U3` of those texts.
@Suite struct DiffCLITests {
    @Test func liveDriftAndRemovals() throws {
        guard let binary = KubeCLITests.binary() else { return }
        let server = try FakeAPIServer()
        defer { server.stop() }
        let kubeconfig = NSTemporaryDirectory() + "swiftchart-kubeconfig-" + UUID().uuidString
        let text = "current-context: f\nclusters: [{name: c, cluster: {server: \"\(server.url)\"}}]\ncontexts: [{name: f, context: {cluster: c, namespace: prod}}]\n"
        FileManager.default.createFile(atPath: kubeconfig, contents: Data(text.utf8))
        let common = ["--kubeconfig", kubeconfig, "--storage", "secrets", "-n", "prod"]
        let install = try KubeCLITests.run(binary, ["install", "demo", Fixtures.path("web")] + common)
        try #require(install.status == 0, "\(install.stderr)")

        let unchanged = try KubeCLITests.run(binary, ["diff", "upgrade", "demo", Fixtures.path("web"), "--detailed-exitcode"] + common)
        #expect(unchanged.status == 0, "\(unchanged.stderr)")
        #expect(unchanged.stdout == "No changes.\n")

        let path = "/apis/apps/v1/namespaces/prod/deployments/demo-web"
        let live = try #require(server.object(at: path)?.mapValue)
        var spec = live["spec"]?.mapValue ?? [:]
        spec["replicas"] = .float(5)
        var drifted = live
        drifted["spec"] = Value.map(spec)
        drifted["status"] = Value.map(["replicas": .float(5)])
        server.put(Value.map(drifted), at: path)

        let deploymentDrift = "prod, demo-web, Deployment (apps/v1) has changed:\n"
            + "@@ -3,7 +3,7 @@\n metadata:\n   name: demo-web\n spec:\n-  replicas: 5\n+  replicas: 2\n   selector:\n     matchLabels:\n       app: web\n"
        let cases: [(arguments: [String], status: Int32, stdout: String)] = [
            (["--detailed-exitcode"], 2, deploymentDrift + "1 changed, 0 added, 0 removed\n"),
            (["--set", "withCache=false"], 0, "prod, demo-cache, Service (v1) has been removed:\n"
                + "@@ -1,7 +0,0 @@\n-apiVersion: v1\n-kind: Service\n-metadata:\n-  name: demo-cache\n-spec:\n-  ports:\n-  - port: 6379\n"
                + deploymentDrift + "1 changed, 0 added, 1 removed\n"),
        ]
        for c in cases {
            let result = try KubeCLITests.run(binary, ["diff", "upgrade", "demo", Fixtures.path("web")] + c.arguments + common)
            #expect(result.status == c.status, "\(c.arguments): \(result.stderr)")
            #expect(result.stdout == c.stdout, "\(c.arguments)")
        }
    }
}
