import Foundation
import Testing
@testable import Kube

/// Kubeconfig discovery, merging and context resolution as kubectl does them.
@Suite struct KubeconfigTests {
    static func write(_ files: [String: String]) -> String {
        let dir = NSTemporaryDirectory() + "swiftchart-kube-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, text) in files {
            FileManager.default.createFile(atPath: dir + "/" + name, contents: Data(text.utf8))
        }
        return dir
    }

    static let primary = """
        apiVersion: v1
        kind: Config
        current-context: dev
        clusters:
        - name: dev-cluster
          cluster:
            server: https://dev.example:6443/
            certificate-authority: certs/ca.pem
        - name: shared
          cluster:
            server: https://first.example
        users:
        - name: dev-user
          user:
            token: dev-token
        - name: file-user
          user:
            tokenFile: token.txt
        contexts:
        - name: dev
          context: {cluster: dev-cluster, user: dev-user, namespace: team-a}
        - name: filetoken
          context: {cluster: shared, user: file-user}
        """

    static let secondary = """
        current-context: prod
        clusters:
        - name: shared
          cluster:
            server: https://second.example
        - name: prod-cluster
          cluster:
            server: https://prod.example
            insecure-skip-tls-verify: true
        users:
        - name: basic-user
          user: {username: admin, password: s3cret}
        - name: exec-user
          user:
            exec:
              apiVersion: client.authentication.k8s.io/v1
              command: get-token
              args: [--cluster, prod]
              env: [{name: REGION, value: eu}]
        contexts:
        - name: prod
          context: {cluster: prod-cluster, user: basic-user}
        - name: plugin
          context: {cluster: prod-cluster, user: exec-user, namespace: ops}
        - name: dangling
          context: {cluster: nowhere, user: basic-user}
        """

    @Test func resolvesContextsOfMergedKubeconfigFiles() throws {
        let dir = Self.write(["a.yaml": Self.primary, "b.yaml": Self.secondary, "certs": ""])
        try? FileManager.default.removeItem(atPath: dir + "/certs")
        try FileManager.default.createDirectory(atPath: dir + "/certs", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: dir + "/certs/ca.pem", contents: Data("CA-PEM".utf8))
        let env = ["KUBECONFIG": dir + "/a.yaml:" + dir + "/missing.yaml:" + dir + "/b.yaml", "HOME": dir]
        let cases: [(context: String?, expected: KubeConnection)] = [
            (nil, KubeConnection(server: "https://dev.example:6443", certificateAuthority: Array("CA-PEM".utf8),
                                 credentials: .bearerToken("dev-token"), namespace: "team-a", contextName: "dev")),
            ("filetoken", KubeConnection(server: "https://first.example", credentials: .tokenFile(dir + "/token.txt"),
                                         namespace: "default", contextName: "filetoken")),
            ("prod", KubeConnection(server: "https://prod.example", insecureSkipTLSVerify: true,
                                    credentials: .basic(username: "admin", password: "s3cret"), namespace: "default",
                                    contextName: "prod")),
            ("plugin", KubeConnection(server: "https://prod.example", insecureSkipTLSVerify: true,
                                      credentials: .exec(Kubeconfig.ExecConfig(command: "get-token", args: ["--cluster", "prod"],
                                                                               env: [("REGION", "eu")],
                                                                               apiVersion: "client.authentication.k8s.io/v1")),
                                      namespace: "ops", contextName: "plugin")),
        ]
        for c in cases {
            let connection = try KubeconfigLoader(context: c.context, environment: env).connection()
            #expect(connection == c.expected, "context \(c.context ?? "(current)")")
        }
    }

    @Test func explicitPathAndHomeDefault() throws {
        let dir = Self.write(["only.yaml": Self.secondary])
        try FileManager.default.createDirectory(atPath: dir + "/.kube", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: dir + "/.kube/config", contents: Data(Self.primary.utf8))
        #expect { _ = try KubeconfigLoader(environment: ["HOME": dir]).connection() } throws: { error in
            "\(error)" == "context \"dev\": cannot read certificate-authority \(dir)/.kube/certs/ca.pem of cluster \"dev-cluster\": no such file"
        }
        try FileManager.default.createDirectory(atPath: dir + "/.kube/certs", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: dir + "/.kube/certs/ca.pem", contents: Data("CA".utf8))
        let fromHome = try KubeconfigLoader(environment: ["HOME": dir]).connection()
        #expect(fromHome.contextName == "dev")
        let explicit = try KubeconfigLoader(explicitPath: dir + "/only.yaml",
                                            environment: ["HOME": dir, "KUBECONFIG": dir + "/.kube/config"]).connection()
        #expect(explicit.contextName == "prod")
    }

    @Test func reportsMissingAndInvalidKubeconfigs() throws {
        let dir = Self.write([
            "bad.yaml": "clusters: [\n", "list.yaml": "- a\n", "noserver.yaml": "clusters:\n- name: c\n  cluster: {}\n",
            "good.yaml": Self.secondary, "nocurrent.yaml": "contexts: []\n",
        ])
        let cases: [(loader: KubeconfigLoader, message: String)] = [
            (KubeconfigLoader(environment: ["HOME": dir + "/nohome"]),
             "no kubeconfig found (looked at \(dir)/nohome/.kube/config); pass --kubeconfig or set KUBECONFIG"),
            (KubeconfigLoader(environment: ["KUBECONFIG": dir + "/x:" + dir + "/y"]),
             "no kubeconfig found (looked at \(dir)/x, \(dir)/y); pass --kubeconfig or set KUBECONFIG"),
            (KubeconfigLoader(explicitPath: dir + "/absent.yaml", environment: [:]),
             "invalid kubeconfig \(dir)/absent.yaml: no such file"),
            (KubeconfigLoader(explicitPath: dir + "/list.yaml", environment: [:]),
             "invalid kubeconfig \(dir)/list.yaml: not a YAML mapping"),
            (KubeconfigLoader(explicitPath: dir + "/noserver.yaml", environment: [:]),
             "invalid kubeconfig \(dir)/noserver.yaml: cluster \"c\" has no server"),
            (KubeconfigLoader(explicitPath: dir + "/good.yaml", context: "nope", environment: [:]),
             "context \"nope\" does not exist in the kubeconfig (contexts: dangling, plugin, prod)"),
            (KubeconfigLoader(explicitPath: dir + "/good.yaml", context: "dangling", environment: [:]),
             "context \"dangling\" refers to cluster \"nowhere\", which the kubeconfig does not define"),
            (KubeconfigLoader(explicitPath: dir + "/nocurrent.yaml", environment: [:]),
             "the kubeconfig has no current-context; pass --kube-context (contexts: none)"),
        ]
        for c in cases {
            #expect { _ = try c.loader.connection() } throws: { "\($0)" == c.message }
        }
        #expect { _ = try KubeconfigLoader(explicitPath: dir + "/bad.yaml", environment: [:]).connection() } throws: { error in
            "\(error)".hasPrefix("invalid kubeconfig \(dir)/bad.yaml: ")
        }
    }

    @Test func execCredentialPluginOutputs() throws {
        let dir = Self.write([:])
        func plugin(_ name: String, _ script: String) -> String {
            let path = dir + "/" + name
            FileManager.default.createFile(atPath: path, contents: Data(("#!/bin/sh\n" + script).utf8),
                                           attributes: [.posixPermissions: 0o755])
            return path
        }
        let good = plugin("good", """
            echo '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"tok-'"$REGION"'-'"$1"'"}}'
            """)
        let failing = plugin("failing", "echo 'login required' >&2; exit 3\n")
        let garbage = plugin("garbage", "echo 'not json'\n")
        let empty = plugin("empty", "echo '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":{}}'\n")
        func config(_ command: String) -> Kubeconfig.ExecConfig {
            Kubeconfig.ExecConfig(command: command, args: ["a1"], env: [("REGION", "eu")], apiVersion: "client.authentication.k8s.io/v1")
        }
        let result = try ExecCredentialPlugin.run(config(good), environment: [:])
        #expect(result.token == "tok-eu-a1")
        let failures: [(String, String)] = [
            (failing, "exec credential plugin \"\(failing)\" failed: exit status 3: login required"),
            (empty, "exec credential plugin \"\(empty)\" failed: status has neither a token nor clientCertificateData and clientKeyData"),
            (dir + "/absent", "exec credential plugin \"\(dir)/absent\" failed: cannot start it: "),
        ]
        for (command, message) in failures {
            #expect { _ = try ExecCredentialPlugin.run(config(command), environment: [:]) } throws: { "\($0)".hasPrefix(message) }
        }
        #expect { _ = try ExecCredentialPlugin.run(config(garbage), environment: [:]) } throws: { error in
            "\(error)".hasPrefix("exec credential plugin \"\(garbage)\" failed: output is not an ExecCredential JSON object")
        }
    }
}
