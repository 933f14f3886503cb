import Foundation
import Testing
import Values

/// `install --rollback-on-failure` and `test` through the built binary against the fake cluster.
@Suite struct HookCLITests {
    static func kubeconfig(_ server: FakeAPIServer) -> String {
        let path = NSTemporaryDirectory() + "swiftchart-kubeconfig-" + UUID().uuidString
        let text = "current-context: f\nclusters: [{name: c, cluster: {server: \"\(server.url)\"}}]\ncontexts: [{name: f, context: {cluster: c, namespace: prod}}]\n"
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    /// Times vary between runs: the value after each time label is replaced by `<time>`.
    static func maskingTimes(_ text: String) -> String {
        let labels = ["LAST DEPLOYED: ", "Last Started:   ", "Last Completed: "]
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            labels.first { line.hasPrefix($0) }.map { $0 + "<time>" } ?? String(line)
        }.joined(separator: "\n")
    }

    @Test func rollbackOnFailureAndTestCommand() throws {
        guard let binary = KubeCLITests.binary() else { return }
        let server = try FakeAPIServer()
        defer { server.stop() }
        HookTests.controller(server)
        let chart = try HookTests.chart([
            "post.yaml": HookTests.hook("Job", "post", events: "post-install"),
            "test.yaml": HookTests.hook("Pod", "test", events: "test"),
            "pre-upgrade.yaml": HookTests.hook("Job", "pre-upgrade", events: "pre-upgrade"),
        ])
        let common = ["--kubeconfig", Self.kubeconfig(server), "--storage", "secrets"]

        let failed = try KubeCLITests.run(binary, ["install", "demo", chart, "--rollback-on-failure", "--set", "outcomes.post=fail"] + common)
        #expect(failed.status == 1)
        #expect(failed.stderr == "Error: INSTALLATION FAILED: release demo failed, and has been uninstalled due to rollback-on-failure being set: failed post-install: resource Job/prod/demo-post not ready. status: Failed, message: Job Failed. failed: 1/1\n")
        #expect(server.objectPaths.filter { $0.contains("sh.helm.release") || $0.hasSuffix("/demo-config") }.isEmpty)

        let installed = try KubeCLITests.run(binary, ["install", "demo", chart] + common)
        #expect(installed.status == 0, "\(installed.stderr)")
        let cases: [(arguments: [String], status: Int32, stdout: String, stderr: String)] = [
            (["test", "demo"], 0, """
                NAME: demo
                LAST DEPLOYED: <time>
                NAMESPACE: prod
                STATUS: deployed
                REVISION: 1
                DESCRIPTION: Install complete
                TEST SUITE:     demo-test
                Last Started:   <time>
                Last Completed: <time>
                Phase:          Succeeded

                """, ""),
            (["upgrade", "demo", chart, "--set", "outcomes.test=fail"], 0, "", ""),
            (["test", "demo", "--filter", "name=demo-test"], 1, """
                NAME: demo
                LAST DEPLOYED: <time>
                NAMESPACE: prod
                STATUS: deployed
                REVISION: 2
                DESCRIPTION: Upgrade complete
                TEST SUITE:     demo-test
                Last Started:   <time>
                Last Completed: <time>
                Phase:          Failed

                """, "Error: resource Pod/prod/demo-test not ready. status: Failed, message: pod demo-test failed\n"),
            (["upgrade", "demo", chart, "--atomic", "--set", "outcomes.pre-upgrade=fail"], 1, "",
             "Flag --atomic has been deprecated, use --rollback-on-failure instead\nError: UPGRADE FAILED: release demo failed, and has been rolled back due to rollback-on-failure being set: pre-upgrade hooks failed: resource Job/prod/demo-pre-upgrade not ready. status: Failed, message: Job Failed. failed: 1/1\n"),
            (["test", "demo", "--storage", "memory"], 1, "",
             "Error: test needs a cluster: pass --kubeconfig or --kube-context, or use --storage secrets\n"),
        ]
        for entry in cases {
            let arguments = entry.arguments.contains("memory") ? entry.arguments : entry.arguments + common
            let result = try KubeCLITests.run(binary, arguments)
            #expect(result.status == entry.status, "\(entry.arguments) \(result.stderr)")
            if entry.arguments[0] == "test" { #expect(Self.maskingTimes(result.stdout) == entry.stdout) }
            #expect(result.stderr == entry.stderr)
        }
        let statuses = (2...4).map {
            server.object(at: "/api/v1/namespaces/prod/secrets/sh.helm.release.v1.demo.v\($0)")?["metadata"]?["labels"]?["status"]?.stringValue
        }
        #expect(statuses == ["superseded", "failed", "deployed"])
    }
}
