import Foundation
import Testing
import Values
@testable import Kube

/// The HTTP client against the in-process fake API server: credentials, discovery, apply, get, list, delete, errors.
@Suite struct KubeClientTests {
    static func configMap(_ name: String, namespace: String? = nil, data: String) -> Value {
        var meta: [String: Value] = ["name": .string(name)]
        if let namespace { meta["namespace"] = .string(namespace) }
        return Value.map(["apiVersion": .string("v1"), "kind": .string("ConfigMap"), "metadata": Value.map(meta),
                          "data": Value.map(["k": .string(data)])])
    }

    @Test func sendsEachKindOfCredential() throws {
        let server = try FakeAPIServer()
        defer { server.stop() }
        let tokenFile = NSTemporaryDirectory() + "swiftchart-token-" + UUID().uuidString
        _ = FileManager.default.createFile(atPath: tokenFile, contents: Data("from-file\n".utf8))
        let plugin = tokenFile + "-plugin"
        FileManager.default.createFile(atPath: plugin, contents: Data("""
            #!/bin/sh
            echo '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"from-plugin"}}'
            """.utf8), attributes: [.posixPermissions: 0o755])
        let exec = Kubeconfig.ExecConfig(command: plugin, args: [], env: [], apiVersion: "client.authentication.k8s.io/v1")
        let cases: [(KubeConnection.Credentials, String?)] = [
            (.exec(exec), "Bearer from-plugin"),
            (.none, nil),
            (.bearerToken("abc"), "Bearer abc"),
            (.tokenFile(tokenFile), "Bearer from-file"),
            (.basic(username: "admin", password: "pw"), "Basic YWRtaW46cHc="),
        ]
        for (credentials, expected) in cases {
            let client = try KubeClient(connection: KubeConnection(server: server.url, credentials: credentials))
            _ = try client.resources(apiVersion: "v1")
            #expect(server.requests.last?.authorization == expected)
        }
    }

    @Test func discoversKindsOnceAndMapsThemToPaths() throws {
        let server = try FakeAPIServer()
        defer { server.stop() }
        let client = try KubeClient(connection: KubeConnection(server: server.url + "/"))
        let cases: [(ResourceReference, String)] = [
            (ResourceReference(apiVersion: "v1", kind: "ConfigMap", name: "a", namespace: "ns1"), "/api/v1/namespaces/ns1/configmaps/a"),
            (ResourceReference(apiVersion: "apps/v1", kind: "Deployment", name: "d", namespace: "ns2"), "/apis/apps/v1/namespaces/ns2/deployments/d"),
            (ResourceReference(apiVersion: "v1", kind: "Namespace", name: "ns3", namespace: "ignored"), "/api/v1/namespaces/ns3"),
            (ResourceReference(apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition", name: "x.y", namespace: "n"),
             "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/x.y"),
        ]
        for (ref, path) in cases {
            #expect(try client.path(for: ref) == path)
            #expect(try client.path(for: ref) == path)
        }
        #expect(server.requests.map(\.path) == ["/api/v1", "/apis/apps/v1", "/apis/apiextensions.k8s.io/v1"])
    }

    @Test func appliesGetsListsAndDeletes() throws {
        let server = try FakeAPIServer()
        defer { server.stop() }
        let client = try KubeClient(connection: KubeConnection(server: server.url))
        let first = Self.configMap("one", data: "1")
        let ref = try KubeClient.reference(of: first, defaultNamespace: "apps")
        #expect(ref == ResourceReference(apiVersion: "v1", kind: "ConfigMap", name: "one", namespace: "apps"))
        try client.apply(first, reference: ref, force: false)
        let applied = try #require(server.requests.last)
        #expect(applied.method == "PATCH")
        #expect(applied.contentType == "application/apply-patch+yaml")
        #expect(applied.query == ["fieldManager": "swiftchart"])
        #expect(server.object(at: "/api/v1/namespaces/apps/configmaps/one")?["metadata"]?["namespace"]?.stringValue == "apps")
        try client.apply(Self.configMap("one", data: "2"), reference: ref, force: true)
        #expect(server.requests.last?.query == ["fieldManager": "swiftchart", "force": "true"])
        #expect(try client.get(ref)?["data"]?["k"]?.stringValue == "2")
        try client.apply(Self.configMap("two", namespace: "other", data: "x"),
                         reference: try KubeClient.reference(of: Self.configMap("two", namespace: "other", data: "x"), defaultNamespace: "apps"),
                         force: false)
        let names = try client.list(apiVersion: "v1", kind: "ConfigMap", namespace: "apps").compactMap { $0["metadata"]?["name"]?.stringValue }
        #expect(names == ["one"])
        let everywhere = try client.list(apiVersion: "v1", kind: "ConfigMap", namespace: "").compactMap { $0["metadata"]?["name"]?.stringValue }
        #expect(everywhere == ["one", "two"])
        #expect(try client.delete(ref) == true)
        #expect(try client.delete(ref) == false)
        #expect(try client.get(ref) == nil)
    }

    @Test func namesTheResourceInErrors() throws {
        let server = try FakeAPIServer()
        defer { server.stop() }
        server.forbid("/api/v1/namespaces/locked/configmaps/one")
        let client = try KubeClient(connection: KubeConnection(server: server.url))
        let cases: [(Value, String, String)] = [
            (Self.configMap("one", namespace: "locked", data: "1"), "apps",
             "cannot apply ConfigMap \"one\" in namespace \"locked\": forbidden: User \"test\" cannot patch /api/v1/namespaces/locked/configmaps/one (HTTP 403)"),
            (Value.map(["apiVersion": .string("example.com/v9"), "kind": .string("Gadget"), "metadata": Value.map(["name": .string("g")])]), "apps",
             "cannot apply Gadget \"g\" in namespace \"apps\": no matches for kind \"Gadget\" in version \"example.com/v9\" (is the CRD installed?)"),
            (Value.map(["apiVersion": .string("v1"), "kind": .string("Endpoints"), "metadata": Value.map(["name": .string("p")])]), "apps",
             "cannot apply Endpoints \"p\" in namespace \"apps\": no matches for kind \"Endpoints\" in version \"v1\" (is the CRD installed?)"),
            (Value.map(["apiVersion": .string("v1"), "metadata": Value.map(["name": .string("p")])]), "apps",
             "invalid resource p: kind not set"),
        ]
        for (object, namespace, message) in cases {
            #expect {
                let ref = try KubeClient.reference(of: object, defaultNamespace: namespace)
                try client.apply(object, reference: ref, force: false)
            } throws: { "\($0)" == message }
        }
    }

    @Test func reportsAnUnreachableServer() throws {
        let server = try FakeAPIServer()
        let url = server.url
        server.stop()
        let client = try KubeClient(connection: KubeConnection(server: url), connectTimeoutSeconds: 1)
        #expect { _ = try client.resources(apiVersion: "v1") } throws: { error in
            "\(error)".hasPrefix("Kubernetes cluster unreachable at \(url): ")
        }
    }
}
