import Foundation
import Values

/// One kubeconfig file (or several merged as kubectl merges `KUBECONFIG`): named
/// clusters, users and contexts, with file paths made absolute against the file they came from.
public struct Kubeconfig: Sendable {
    public struct Cluster: Sendable, Equatable {
        public var server: String
        public var certificateAuthority: String?
        public var certificateAuthorityData: [UInt8]?
        public var insecureSkipTLSVerify: Bool
        public var tlsServerName: String?
    }

    public struct ExecConfig: Sendable, Equatable {
        public var command: String
        public var args: [String]
        public var env: [(name: String, value: String)]
        public var apiVersion: String

        public static func == (a: ExecConfig, b: ExecConfig) -> Bool {
            a.command == b.command && a.args == b.args && a.apiVersion == b.apiVersion
                && a.env.map(\.name) == b.env.map(\.name) && a.env.map(\.value) == b.env.map(\.value)
        }
    }

    public struct User: Sendable, Equatable {
        public var clientCertificate: String?
        public var clientCertificateData: [UInt8]?
        public var clientKey: String?
        public var clientKeyData: [UInt8]?
        public var token: String?
        public var tokenFile: String?
        public var username: String?
        public var password: String?
        public var exec: ExecConfig?
    }

    public struct Context: Sendable, Equatable {
        public var cluster: String
        public var user: String
        public var namespace: String?
    }

    public var clusters: [String: Cluster] = [:]
    public var users: [String: User] = [:]
    public var contexts: [String: Context] = [:]
    public var currentContext: String?

    public init() {}

    /// Parses one file's bytes; `file` names it in errors and anchors relative paths.
    public static func parse(_ bytes: [UInt8], file: String) throws -> Kubeconfig {
        let root: Value
        do {
            root = try YAML.load(bytes, file: file)
        } catch {
            throw KubeError.invalidKubeconfig(file: file, reason: "\(error)")
        }
        if root.isNull { return Kubeconfig() }
        guard root.mapValue != nil else { throw KubeError.invalidKubeconfig(file: file, reason: "not a YAML mapping") }
        let base = URL(fileURLWithPath: file).deletingLastPathComponent().path
        var reader = KubeconfigReader(file: file, base: base)
        var config = Kubeconfig()
        config.currentContext = root["current-context"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        for (name, body) in try reader.namedEntries(root, "clusters", field: "cluster") where config.clusters[name] == nil {
            config.clusters[name] = try reader.cluster(name, body)
        }
        for (name, body) in try reader.namedEntries(root, "users", field: "user") where config.users[name] == nil {
            config.users[name] = try reader.user(name, body)
        }
        for (name, body) in try reader.namedEntries(root, "contexts", field: "context") where config.contexts[name] == nil {
            config.contexts[name] = try reader.context(name, body)
        }
        return config
    }

    /// kubectl's merge of `KUBECONFIG` files: the first file to define a name (or the
    /// current context) wins; later files only add what is still missing.
    public mutating func merge(_ later: Kubeconfig) {
        if currentContext == nil { currentContext = later.currentContext }
        clusters.merge(later.clusters) { first, _ in first }
        users.merge(later.users) { first, _ in first }
        contexts.merge(later.contexts) { first, _ in first }
    }
}

/// Field access with errors naming the file and the offending entry.
struct KubeconfigReader {
    let file: String
    let base: String

    func namedEntries(_ root: Value, _ section: String, field: String) throws -> [(String, Value)] {
        guard let list = root[section], !list.isNull else { return [] }
        guard let items = list.listValue else { throw invalid("\(section) is not a list") }
        return try items.enumerated().map { index, item in
            guard let name = item["name"]?.stringValue, !name.isEmpty else {
                throw invalid("\(section)[\(index)] has no name")
            }
            return (name, item[field] ?? .null)
        }
    }

    func cluster(_ name: String, _ body: Value) throws -> Kubeconfig.Cluster {
        guard let server = body["server"]?.stringValue, !server.isEmpty else {
            throw invalid("cluster \"\(name)\" has no server")
        }
        return Kubeconfig.Cluster(
            server: server,
            certificateAuthority: path(body["certificate-authority"]),
            certificateAuthorityData: try data(body["certificate-authority-data"], "cluster \"\(name)\" certificate-authority-data"),
            insecureSkipTLSVerify: body["insecure-skip-tls-verify"]?.isTruthy ?? false,
            tlsServerName: body["tls-server-name"]?.stringValue)
    }

    func user(_ name: String, _ body: Value) throws -> Kubeconfig.User {
        let what = "user \"\(name)\""
        var exec: Kubeconfig.ExecConfig?
        if let execBody = body["exec"], !execBody.isNull {
            guard let command = execBody["command"]?.stringValue, !command.isEmpty else {
                throw invalid("\(what) exec has no command")
            }
            let env: [(name: String, value: String)] = (execBody["env"]?.listValue ?? []).compactMap { entry in
                guard let n = entry["name"]?.stringValue else { return nil }
                return (n, entry["value"]?.stringValue ?? "")
            }
            let resolved = command.contains("/") ? (path(.string(command)) ?? command) : command
            exec = Kubeconfig.ExecConfig(
                command: resolved, args: (execBody["args"]?.listValue ?? []).compactMap(\.stringValue), env: env,
                apiVersion: execBody["apiVersion"]?.stringValue ?? "client.authentication.k8s.io/v1")
        }
        return Kubeconfig.User(
            clientCertificate: path(body["client-certificate"]),
            clientCertificateData: try data(body["client-certificate-data"], "\(what) client-certificate-data"),
            clientKey: path(body["client-key"]),
            clientKeyData: try data(body["client-key-data"], "\(what) client-key-data"),
            token: body["token"]?.stringValue,
            tokenFile: path(body["tokenFile"]),
            username: body["username"]?.stringValue,
            password: body["password"]?.stringValue,
            exec: exec)
    }

    func context(_ name: String, _ body: Value) throws -> Kubeconfig.Context {
        guard let cluster = body["cluster"]?.stringValue, !cluster.isEmpty else {
            throw invalid("context \"\(name)\" has no cluster")
        }
        return Kubeconfig.Context(cluster: cluster, user: body["user"]?.stringValue ?? "",
                                  namespace: body["namespace"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 })
    }

    private func path(_ value: Value?) -> String? {
        guard let text = value?.stringValue, !text.isEmpty else { return nil }
        return text.hasPrefix("/") ? text : base + "/" + text
    }

    private func data(_ value: Value?, _ what: String) throws -> [UInt8]? {
        guard let text = value?.stringValue, !text.isEmpty else { return nil }
        guard let decoded = Data(base64Encoded: text, options: .ignoreUnknownCharacters) else {
            throw invalid("\(what) is not base64")
        }
        return [UInt8](decoded)
    }

    private func invalid(_ reason: String) -> KubeError { .invalidKubeconfig(file: file, reason: reason) }
}
