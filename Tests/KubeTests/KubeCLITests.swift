import Foundation
import Testing
import Values

/// The `swiftchart` binary in cluster mode (`--kubeconfig`, `--storage secrets`) against the fake API server.
@Suite struct KubeCLITests {
    static func binary() -> String? {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("swiftchart").path,
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent(".build/debug/swiftchart").path,
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func run(_ binary: String, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "SWIFTCHART_STORAGE")
        env.removeValue(forKey: "SWIFTCHART_NAMESPACE")
        env.removeValue(forKey: "KUBECONFIG")
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    @Test func installListUninstallInTheCluster() throws {
        guard let binary = Self.binary() else { return }
        let server = try FakeAPIServer()
        defer { server.stop() }
        let kubeconfig = NSTemporaryDirectory() + "swiftchart-kubeconfig-" + UUID().uuidString
        let text = """
            current-context: fake
            clusters: [{name: c, cluster: {server: "\(server.url)"}}]
            users: [{name: u, user: {token: t0k}}]
            contexts: [{name: fake, context: {cluster: c, user: u, namespace: prod}}]
            """
        FileManager.default.createFile(atPath: kubeconfig, contents: Data(text.utf8))
        let common = ["--kubeconfig", kubeconfig, "--storage", "secrets", "-n", "prod"]
        let install = try Self.run(binary, ["install", "demo", Fixtures.path("web")] + common)
        #expect(install.status == 0, "\(install.stderr)")
        #expect(server.object(at: "/apis/apps/v1/namespaces/prod/deployments/demo-web") != nil)
        let secret = try #require(server.object(at: "/api/v1/namespaces/prod/secrets/sh.helm.release.v1.demo.v1"))
        #expect(secret["type"]?.stringValue == "helm.sh/release.v1")
        #expect(server.requests.allSatisfy { $0.authorization == "Bearer t0k" })
        let list = try Self.run(binary, ["list", "--short", "--kubeconfig", kubeconfig, "--storage", "secrets"])
        #expect(list.stdout == "demo\n", "\(list.stderr)")
        let uninstall = try Self.run(binary, ["uninstall", "demo"] + common)
        #expect(uninstall.status == 0, "\(uninstall.stderr)")
        #expect(server.object(at: "/apis/apps/v1/namespaces/prod/deployments/demo-web") == nil)
        let missing = try Self.run(binary, ["list"] + ["--kubeconfig", kubeconfig + ".absent", "--storage", "secrets"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("invalid kubeconfig \(kubeconfig).absent: no such file"), "\(missing.stderr)")
    }

    @Test func waitFlags() throws {
        guard let binary = Self.binary() else { return }
        let server = try FakeAPIServer()
        defer { server.stop() }
        let kubeconfig = NSTemporaryDirectory() + "swiftchart-kubeconfig-" + UUID().uuidString
        let text = "current-context: f\nclusters: [{name: c, cluster: {server: \"\(server.url)\"}}]\ncontexts: [{name: f, context: {cluster: c}}]\n"
        FileManager.default.createFile(atPath: kubeconfig, contents: Data(text.utf8))
        let cases: [([String], String)] = [
            (["install", "demo", Fixtures.path("web"), "--kubeconfig", kubeconfig, "--storage", "secrets", "--wait", "--timeout", "200ms"],
             "waiting for 1 resource: Deployment/demo-web (Replicas: 0/2)\nError: INSTALLATION FAILED: cannot deliver manifests to \(server.url): resource Deployment/default/demo-web not ready. status: InProgress, message: Replicas: 0/2\ncontext deadline exceeded\n"),
            (["install", "demo", Fixtures.path("web"), "--storage", "memory", "--wait"],
             "Error: INSTALLATION FAILED: --wait needs a cluster: pass --kubeconfig or --kube-context, or use --storage secrets\n"),
        ]
        for (arguments, expected) in cases {
            let result = try Self.run(binary, arguments)
            #expect(result.status == 1)
            #expect(result.stderr == expected)
        }
        let bogus = try Self.run(binary, ["install", "demo", Fixtures.path("web"), "--timeout", "soon"])
        #expect(bogus.status != 0)
        #expect(bogus.stderr.contains("invalid argument \"soon\" for \"--timeout\" flag: time: invalid duration \"soon\""), "\(bogus.stderr)")
    }

    @Test func createNamespaceThenWaitedUninstall() throws {
        guard let binary = Self.binary() else { return }
        let server = try FakeAPIServer()
        defer { server.stop() }
        let kubeconfig = NSTemporaryDirectory() + "swiftchart-kubeconfig-" + UUID().uuidString
        let text = "current-context: f\nclusters: [{name: c, cluster: {server: \"\(server.url)\"}}]\ncontexts: [{name: f, context: {cluster: c}}]\n"
        FileManager.default.createFile(atPath: kubeconfig, contents: Data(text.utf8))
        let common = ["--kubeconfig", kubeconfig, "--storage", "secrets", "-n", "fresh"]
        let install = try Self.run(binary, ["install", "demo", Fixtures.path("web"), "--create-namespace"] + common)
        #expect(install.status == 0, "\(install.stderr)")
        #expect(server.object(at: "/api/v1/namespaces/fresh")?["metadata"]?["labels"] == Value.map(["name": .string("fresh")]))
        #expect(server.object(at: "/api/v1/namespaces/fresh/secrets/sh.helm.release.v1.demo.v1") != nil)
        let again = try Self.run(binary, ["upgrade", "--install", "other", Fixtures.path("web"), "--create-namespace", "--take-ownership"] + common)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(server.requests.filter { $0.method == "POST" && $0.path == "/api/v1/namespaces" }.count == 1)
        let uninstall = try Self.run(binary, ["uninstall", "demo", "--wait", "--timeout", "2s"] + common)
        #expect(uninstall.status == 0, "\(uninstall.stderr)")
        #expect(server.object(at: "/apis/apps/v1/namespaces/fresh/deployments/demo-web") == nil)
    }
}
