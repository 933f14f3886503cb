/// Errors of release operations and stores; `description` is the message the CLI prints.
public enum ReleaseError: Error, Sendable, Equatable, CustomStringConvertible {
    case releaseNotFound(name: String, namespace: String)
    case revisionNotFound(name: String, revision: Int, available: [Int])
    case noDeployedReleases(name: String)
    case alreadyExists(name: String)
    case alreadyUninstalled(name: String)
    case invalidFilter(String)
    case operationInProgress(name: String, holder: String)
    case invalidName(String, reason: String)
    case corruptRecord(origin: String, reason: String)
    case storeUnavailable(location: String, reason: String)
    case invalidStorage(String)
    case delivery(path: String, reason: String)

    public var description: String {
        switch self {
        case .releaseNotFound(let name, let namespace):
            return "release \"\(name)\" not found in namespace \"\(namespace)\""
        case .revisionNotFound(let name, let revision, let available):
            let list = available.map(String.init).joined(separator: ", ")
            return "release \"\(name)\" has no revision \(revision) (revisions: \(list.isEmpty ? "none" : list))"
        case .noDeployedReleases(let name):
            return "\"\(name)\" has no deployed releases"
        case .alreadyExists(let name):
            return "cannot re-use a name that is still in use: release \"\(name)\" exists"
        case .alreadyUninstalled(let name):
            return "the release named \"\(name)\" is already deleted"
        case .invalidFilter(let pattern):
            return "invalid --filter regular expression \"\(pattern)\""
        case .operationInProgress(let name, let holder):
            return "another operation (install/upgrade/rollback) is in progress on release \"\(name)\" (\(holder))"
        case .invalidName(let name, let reason):
            // Helm's wording (`release name check failed: …`), so scripts matching it keep working;
            // `reason` says which rule failed for programmatic callers.
            if name.isEmpty { return "release name check failed: release name \"\": no name provided" }
            _ = reason
            return "release name check failed: release name \"\(name)\": invalid release name, must match regex \(ReleaseName.pattern) and the length must not be longer than \(ReleaseName.maximumLength)"
        case .corruptRecord(let origin, let reason):
            return "the release store holds an unreadable record for \(origin): \(reason)"
        case .storeUnavailable(let location, let reason):
            return "cannot use the release store at \(location): \(reason)"
        case .invalidStorage(let message):
            return message
        case .delivery(let path, let reason):
            return "cannot deliver manifests to \(path): \(reason)"
        }
    }
}
