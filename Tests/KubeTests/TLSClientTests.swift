import Foundation
import Testing
import Values
@testable import Kube

/// The client over real TLS (`TLSTestServer`): cluster CA, insecure-skip-tls-verify,
/// tls-server-name, mutual TLS, tokens over TLS, and TLS files referenced relative to the
/// kubeconfig, each driven by a kubeconfig file as users write them.
@Suite struct TLSClientTests {
    enum ServerKind: Sendable { case ipCertificate, nameCertificate, requiresClientCertificate }
    enum Authority: Sendable { case none, cluster, other }
    enum ClientIdentity: Sendable { case none, trusted, stranger }

    /// `served`: the ConfigMap came back and the server saw this client CN and Authorization;
    /// `failed`: the error's text, `{server}` standing for the server's URL.
    enum Outcome: Sendable, Equatable {
        case served(clientCommonName: String?, authorization: String?)
        case failed(String)
    }

    struct Case: Sendable {
        var name: String
        var server: ServerKind
        var authority: Authority = .cluster
        var insecure = false
        var tlsServerName: String?
        var client: ClientIdentity = .none
        var token: String?
        var expected: Outcome
    }

    static let cases: [Case] = [
        Case(name: "cluster CA", server: .ipCertificate, expected: .served(clientCommonName: nil, authorization: nil)),
        Case(name: "wrong CA", server: .ipCertificate, authority: .other, expected: .failed(
            "Kubernetes cluster at {server}: TLS certificate verification failed: the server's certificate is not trusted by the kubeconfig cluster's certificate-authority")),
        Case(name: "no CA: system roots", server: .ipCertificate, authority: .none, expected: .failed(
            "Kubernetes cluster at {server}: TLS certificate verification failed: the server's certificate is not trusted by the system's trusted root certificates (the kubeconfig cluster sets no certificate-authority)")),
        Case(name: "insecure-skip-tls-verify", server: .ipCertificate, authority: .none, insecure: true,
             expected: .served(clientCommonName: nil, authorization: nil)),
        Case(name: "insecure-skip-tls-verify ignores the name", server: .nameCertificate, authority: .none, insecure: true,
             expected: .served(clientCommonName: nil, authorization: nil)),
        Case(name: "insecure with a CA", server: .ipCertificate, insecure: true, expected: .failed(
            "context \"test\": specifying a root certificates file with the insecure flag is not allowed (cluster sets both certificate-authority and insecure-skip-tls-verify)")),
        Case(name: "tls-server-name", server: .nameCertificate, tlsServerName: TLSMaterial.serverName,
             expected: .served(clientCommonName: nil, authorization: nil)),
        Case(name: "certificate for a name, none set", server: .nameCertificate, expected: .failed(
            "Kubernetes cluster at {server}: TLS certificate verification failed: the server's certificate is not valid for 127.0.0.1 (set tls-server-name in the kubeconfig cluster to a name the certificate is issued for)")),
        Case(name: "wrong tls-server-name", server: .nameCertificate, tlsServerName: "other.test", expected: .failed(
            "Kubernetes cluster at {server}: TLS certificate verification failed: the server's certificate is not valid for other.test (set tls-server-name in the kubeconfig cluster to a name the certificate is issued for)")),
        Case(name: "mutual TLS", server: .requiresClientCertificate, client: .trusted,
             expected: .served(clientCommonName: "jane", authorization: nil)),
        Case(name: "client certificate required, none given", server: .requiresClientCertificate, expected: .failed(
            "Kubernetes cluster at {server}: TLS handshake failed: the server requires a client certificate and the kubeconfig user provides none (client-certificate-data and client-key-data)")),
        Case(name: "client certificate of another CA", server: .requiresClientCertificate, client: .stranger, expected: .failed(
            "Kubernetes cluster at {server}: TLS handshake failed: the server rejected the client certificate (TLSV1_ALERT_UNKNOWN_CA)")),
        // A server that does not ask for a client certificate is sent none.
        Case(name: "client certificate given, not requested", server: .ipCertificate, client: .trusted,
             expected: .served(clientCommonName: nil, authorization: nil)),
        Case(name: "bearer token over TLS", server: .ipCertificate, token: "s3cret-token",
             expected: .served(clientCommonName: nil, authorization: "Bearer s3cret-token")),
        Case(name: "bearer token with mutual TLS", server: .requiresClientCertificate, client: .trusted, token: "t0ken",
             expected: .served(clientCommonName: "jane", authorization: "Bearer t0ken")),
    ]

    /// One server per kind for the whole table.
    struct Servers: Sendable {
        let ip: TLSTestServer
        let name: TLSTestServer
        let mutual: TLSTestServer

        init(_ material: TLSMaterial) throws {
            ip = try TLSTestServer(certificate: material.serverForIP.certificate, key: material.serverForIP.key)
            name = try TLSTestServer(certificate: material.serverForName.certificate, key: material.serverForName.key)
            mutual = try TLSTestServer(certificate: material.serverForIP.certificate, key: material.serverForIP.key,
                                       clientCA: material.clusterCA.certificate)
        }

        subscript(kind: ServerKind) -> TLSTestServer {
            switch kind {
            case .ipCertificate: ip
            case .nameCertificate: name
            case .requiresClientCertificate: mutual
            }
        }

        func stop() { [ip, name, mutual].forEach { $0.stop() } }
    }

    static func base64(_ pem: String) -> Value { .string(Data(pem.utf8).base64EncodedString()) }

    /// A kubeconfig (JSON, which is YAML) with context `test` → cluster `c`, user `u`, namespace `team`.
    static func kubeconfig(server: String, cluster: [String: Value], user: [String: Value]) -> String {
        var clusterBody = cluster
        clusterBody["server"] = .string(server)
        return JSON.encode(Value.map([
            "apiVersion": .string("v1"), "kind": .string("Config"), "current-context": .string("test"),
            "clusters": .list([Value.map(["name": .string("c"), "cluster": Value.map(clusterBody)])]),
            "users": .list([Value.map(["name": .string("u"), "user": Value.map(user)])]),
            "contexts": .list([Value.map(["name": .string("test"), "context": Value.map([
                "cluster": .string("c"), "user": .string("u"), "namespace": .string("team"),
            ])])]),
        ]))
    }

    static func temporaryDirectory() throws -> String {
        let dir = NSTemporaryDirectory() + "swiftchart-tls-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Loads the kubeconfig as `--kubeconfig` does and GETs the server's ConfigMap.
    static func fetch(kubeconfigAt path: String, from server: TLSTestServer) -> Outcome {
        do {
            let connection = try KubeconfigLoader(explicitPath: path, environment: [:]).connection()
            let client = try KubeClient(connection: connection, connectTimeoutSeconds: 5, readTimeoutSeconds: 5)
            let object = try client.get(ResourceReference(apiVersion: "v1", kind: "ConfigMap",
                                                          name: TLSTestServer.configMapName, namespace: connection.namespace))
            guard object?["data"]?["served"] == .string("over TLS"),
                  let seen = server.requests.last, seen.path == "/api/v1/namespaces/team/configmaps/settings" else {
                return .failed("unexpected answer \(String(describing: object)) after \(server.requests)")
            }
            return .served(clientCommonName: seen.clientCommonName, authorization: seen.authorization)
        } catch {
            return .failed("\(error)".replacingOccurrences(of: server.url, with: "{server}"))
        }
    }

    @Test(arguments: cases.indices)
    func connectsAsTheKubeconfigSays(index: Int) throws {
        let c = Self.cases[index]
        let material = try TLSMaterial.shared.get()
        let servers = try Servers(material)
        defer { servers.stop() }
        var cluster: [String: Value] = [:]
        switch c.authority {
        case .none: break
        case .cluster: cluster["certificate-authority-data"] = Self.base64(material.clusterCA.certificate)
        case .other: cluster["certificate-authority-data"] = Self.base64(material.otherCA.certificate)
        }
        if c.insecure { cluster["insecure-skip-tls-verify"] = .bool(true) }
        if let name = c.tlsServerName { cluster["tls-server-name"] = .string(name) }
        var user: [String: Value] = [:]
        let identity: TLSMaterial.Identity? = switch c.client {
        case .none: nil
        case .trusted: material.client
        case .stranger: material.strangerClient
        }
        if let identity {
            user["client-certificate-data"] = Self.base64(identity.certificate)
            user["client-key-data"] = Self.base64(identity.key)
        }
        if let token = c.token { user["token"] = .string(token) }
        let server = servers[c.server]
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/config"
        try Self.kubeconfig(server: server.url, cluster: cluster, user: user).write(toFile: path, atomically: true, encoding: .utf8)
        #expect(Self.fetch(kubeconfigAt: path, from: server) == c.expected, "\(c.name)")
    }

    /// certificate-authority, client-certificate and client-key given as file paths: relative
    /// ones are read from the kubeconfig's directory (not the working directory), as kubectl does.
    struct FileCase: Sendable {
        var name: String
        var authority: String
        var certificate: String
        var key: String
        var expected: Outcome
    }

    static let fileCases: [FileCase] = [
        FileCase(name: "relative to the kubeconfig", authority: "pki/ca.crt", certificate: "pki/client.crt", key: "pki/client.key",
                 expected: .served(clientCommonName: "jane", authorization: nil)),
        FileCase(name: "dot and parent segments", authority: "./pki/ca.crt", certificate: "../kube/pki/client.crt", key: "pki/../pki/client.key",
                 expected: .served(clientCommonName: "jane", authorization: nil)),
        FileCase(name: "absolute", authority: "{dir}/kube/pki/ca.crt", certificate: "{dir}/kube/pki/client.crt", key: "{dir}/kube/pki/client.key",
                 expected: .served(clientCommonName: "jane", authorization: nil)),
        FileCase(name: "missing CA file", authority: "pki/missing-ca.crt", certificate: "pki/client.crt", key: "pki/client.key",
                 expected: .failed("context \"test\": cannot read certificate-authority {dir}/kube/pki/missing-ca.crt of cluster \"c\": no such file")),
        FileCase(name: "missing client certificate file", authority: "pki/ca.crt", certificate: "client.crt", key: "pki/client.key",
                 expected: .failed("context \"test\": cannot read client-certificate {dir}/kube/client.crt of user \"u\": no such file")),
        FileCase(name: "missing client key file", authority: "pki/ca.crt", certificate: "pki/client.crt", key: "pki/nokey.pem",
                 expected: .failed("context \"test\": cannot read client-key {dir}/kube/pki/nokey.pem of user \"u\": no such file")),
        FileCase(name: "CA file that is not PEM", authority: "pki/client.key", certificate: "pki/client.crt", key: "pki/client.key",
                 expected: .failed("context \"test\": the cluster's certificate-authority is not a PEM-encoded certificate")),
    ]

    @Test(arguments: fileCases.indices)
    func readsTLSFilesRelativeToTheKubeconfig(index: Int) throws {
        let c = Self.fileCases[index]
        let material = try TLSMaterial.shared.get()
        let server = try TLSTestServer(certificate: material.serverForIP.certificate, key: material.serverForIP.key,
                                       clientCA: material.clusterCA.certificate)
        defer { server.stop() }
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/kube/pki", withIntermediateDirectories: true)
        try material.clusterCA.certificate.write(toFile: dir + "/kube/pki/ca.crt", atomically: true, encoding: .utf8)
        try material.client.certificate.write(toFile: dir + "/kube/pki/client.crt", atomically: true, encoding: .utf8)
        try material.client.key.write(toFile: dir + "/kube/pki/client.key", atomically: true, encoding: .utf8)
        func path(_ text: String) -> Value { .string(text.replacingOccurrences(of: "{dir}", with: dir)) }
        let config = Self.kubeconfig(server: server.url, cluster: ["certificate-authority": path(c.authority)],
                                     user: ["client-certificate": path(c.certificate), "client-key": path(c.key)])
        try config.write(toFile: dir + "/kube/config", atomically: true, encoding: .utf8)
        let outcome = Self.fetch(kubeconfigAt: dir + "/kube/config", from: server)
        let expected: Outcome = switch c.expected {
        case .failed(let message): .failed(message.replacingOccurrences(of: "{dir}", with: dir))
        case let served: served
        }
        #expect(outcome == expected, "\(c.name)")
    }
}
