import Foundation

/// How to reach and authenticate to one cluster: the resolved form of a kubeconfig context.
public struct KubeConnection: Sendable, Equatable {
    public enum Credentials: Sendable, Equatable {
        case none
        case bearerToken(String)
        case tokenFile(String)
        case basic(username: String, password: String)
        case exec(Kubeconfig.ExecConfig)
    }

    /// The API server's base URL, without trailing slash.
    public var server: String
    /// PEM bytes of the cluster CA; nil trusts the system roots.
    public var certificateAuthority: [UInt8]?
    public var insecureSkipTLSVerify: Bool
    public var tlsServerName: String?
    /// PEM bytes of the client certificate and key (mutual TLS).
    public var clientCertificate: [UInt8]?
    public var clientKey: [UInt8]?
    public var credentials: Credentials
    /// The context's namespace, `default` when it names none.
    public var namespace: String
    public var contextName: String

    public init(server: String, certificateAuthority: [UInt8]? = nil, insecureSkipTLSVerify: Bool = false,
                tlsServerName: String? = nil, clientCertificate: [UInt8]? = nil, clientKey: [UInt8]? = nil,
                credentials: Credentials = .none, namespace: String = "default", contextName: String = "") {
        self.server = server.hasSuffix("/") ? String(server.dropLast()) : server
        self.certificateAuthority = certificateAuthority
        self.insecureSkipTLSVerify = insecureSkipTLSVerify
        self.tlsServerName = tlsServerName
        self.clientCertificate = clientCertificate
        self.clientKey = clientKey
        self.credentials = credentials
        self.namespace = namespace
        self.contextName = contextName
    }
}

/// Finds and reads kubeconfig files the way kubectl does: `--kubeconfig` alone when given,
/// else every file of `KUBECONFIG` (merged, first wins), else `~/.kube/config`.
public struct KubeconfigLoader: Sendable {
    public var explicitPath: String?
    public var context: String?
    public var environment: [String: String]

    public init(explicitPath: String? = nil, context: String? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.explicitPath = explicitPath.flatMap { $0.isEmpty ? nil : $0 }
        self.context = context.flatMap { $0.isEmpty ? nil : $0 }
        self.environment = environment
    }

    /// The merged kubeconfig.
    public func load() throws -> Kubeconfig {
        let fm = FileManager.default
        if let path = explicitPath {
            guard fm.fileExists(atPath: path) else {
                throw KubeError.invalidKubeconfig(file: path, reason: "no such file")
            }
            return try Kubeconfig.parse(try read(path), file: path)
        }
        if let list = environment["KUBECONFIG"], !list.isEmpty {
            let paths = list.split(separator: ":").map(String.init).filter { !$0.isEmpty }
            var merged = Kubeconfig()
            var found = false
            for path in paths where fm.fileExists(atPath: path) {
                merged.merge(try Kubeconfig.parse(try read(path), file: path))
                found = true
            }
            guard found else { throw KubeError.noKubeconfig(searched: paths) }
            return merged
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        let path = home + "/.kube/config"
        guard fm.fileExists(atPath: path) else { throw KubeError.noKubeconfig(searched: [path]) }
        return try Kubeconfig.parse(try read(path), file: path)
    }

    /// The connection of the selected context (`--kube-context`, else `current-context`).
    public func connection() throws -> KubeConnection {
        let config = try load()
        guard let name = context ?? config.currentContext else {
            throw KubeError.invalidContext("the kubeconfig has no current-context; pass --kube-context (contexts: \(names(config.contexts)))")
        }
        guard let ctx = config.contexts[name] else {
            throw KubeError.invalidContext("context \"\(name)\" does not exist in the kubeconfig (contexts: \(names(config.contexts)))")
        }
        guard let cluster = config.clusters[ctx.cluster] else {
            throw KubeError.invalidContext("context \"\(name)\" refers to cluster \"\(ctx.cluster)\", which the kubeconfig does not define")
        }
        var user = Kubeconfig.User()
        if !ctx.user.isEmpty {
            guard let found = config.users[ctx.user] else {
                throw KubeError.invalidContext("context \"\(name)\" refers to user \"\(ctx.user)\", which the kubeconfig does not define")
            }
            user = found
        }
        let credentials: KubeConnection.Credentials
        if let token = user.token, !token.isEmpty {
            credentials = .bearerToken(token)
        } else if let file = user.tokenFile {
            credentials = .tokenFile(file)
        } else if let exec = user.exec {
            credentials = .exec(exec)
        } else if let username = user.username, !username.isEmpty {
            credentials = .basic(username: username, password: user.password ?? "")
        } else {
            credentials = .none
        }
        return KubeConnection(
            server: cluster.server,
            certificateAuthority: try cluster.certificateAuthorityData
                ?? cluster.certificateAuthority.map { try referenced($0, "certificate-authority", of: "cluster \"\(ctx.cluster)\"", context: name) },
            insecureSkipTLSVerify: cluster.insecureSkipTLSVerify,
            tlsServerName: cluster.tlsServerName,
            clientCertificate: try user.clientCertificateData
                ?? user.clientCertificate.map { try referenced($0, "client-certificate", of: "user \"\(ctx.user)\"", context: name) },
            clientKey: try user.clientKeyData
                ?? user.clientKey.map { try referenced($0, "client-key", of: "user \"\(ctx.user)\"", context: name) },
            credentials: credentials,
            namespace: ctx.namespace ?? "default",
            contextName: name)
    }

    private func names(_ contexts: [String: Kubeconfig.Context]) -> String {
        contexts.isEmpty ? "none" : contexts.keys.sorted().joined(separator: ", ")
    }

    /// A file a kubeconfig entry names (already absolute: relative paths are resolved
    /// against the kubeconfig's directory when it is parsed, as kubectl does).
    private func referenced(_ path: String, _ field: String, of owner: String, context: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "the file is not readable" : "no such file"
            throw KubeError.invalidContext("context \"\(context)\": cannot read \(field) \(path) of \(owner): \(reason)")
        }
        return [UInt8](data)
    }

    private func read(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw KubeError.invalidKubeconfig(file: path, reason: "cannot read the file")
        }
        return [UInt8](data)
    }
}
