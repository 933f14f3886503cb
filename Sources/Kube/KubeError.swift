/// Errors of cluster access; `description` is the message the CLI prints.
public enum KubeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No kubeconfig file could be found where kubectl looks.
    case noKubeconfig(searched: [String])
    /// A kubeconfig file is unreadable or malformed.
    case invalidKubeconfig(file: String, reason: String)
    /// The selected context, or what it refers to, is missing.
    case invalidContext(String)
    /// An exec credential plugin failed or printed something unusable.
    case credentialPlugin(command: String, reason: String)
    /// The API server could not be reached.
    case unreachable(server: String, reason: String)
    /// The TLS connection to the API server failed (untrusted certificate, wrong name, client certificate refused).
    case tlsFailed(server: String, reason: String)
    /// The API server answered a request with an error status.
    case requestFailed(resource: String, verb: String, status: Int, message: String)
    /// The cluster does not serve this apiVersion/kind.
    case unknownKind(apiVersion: String, kind: String, resource: String)
    /// A manifest cannot be sent (no kind, no name, not a mapping).
    case invalidObject(resource: String, reason: String)
    /// `--wait`: a resource failed or was not ready in time.
    case notReady(resource: String, reason: String)
    /// A response body is not what the API promises.
    case invalidResponse(url: String, reason: String)
    /// `--wait`: resources not ready (or not deleted), one line each as Helm words them,
    /// ending with `context deadline exceeded` when the time ran out.
    case waitFailed(problems: [String])
    /// Server-side apply found fields another field manager owns.
    case applyConflict(resource: String, message: String)

    public var description: String {
        switch self {
        case .noKubeconfig(let searched):
            return "no kubeconfig found (looked at \(searched.joined(separator: ", "))); pass --kubeconfig or set KUBECONFIG"
        case .invalidKubeconfig(let file, let reason):
            return "invalid kubeconfig \(file): \(reason)"
        case .invalidContext(let message):
            return message
        case .credentialPlugin(let command, let reason):
            return "exec credential plugin \"\(command)\" failed: \(reason)"
        case .unreachable(let server, let reason):
            return "Kubernetes cluster unreachable at \(server): \(reason)"
        case .tlsFailed(let server, let reason):
            return "Kubernetes cluster at \(server): \(reason)"
        case .requestFailed(let resource, let verb, let status, let message):
            return "cannot \(verb) \(resource): \(message) (HTTP \(status))"
        case .unknownKind(let apiVersion, let kind, let resource):
            return "cannot apply \(resource): no matches for kind \"\(kind)\" in version \"\(apiVersion)\" (is the CRD installed?)"
        case .invalidObject(let resource, let reason):
            return "invalid resource \(resource): \(reason)"
        case .notReady(let resource, let reason):
            return "\(resource) is not ready: \(reason)"
        case .invalidResponse(let url, let reason):
            return "unexpected response from \(url): \(reason)"
        case .waitFailed(let problems):
            return problems.joined(separator: "\n")
        case .applyConflict(let resource, let message):
            return "cannot apply \(resource): \(message); pass --force-conflicts to take these fields over"
        }
    }
}
