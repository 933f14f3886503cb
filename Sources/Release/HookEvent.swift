/// The lifecycle events a hook can run at (Helm's `release.HookEvent`); raw values are the
/// names used in `helm.sh/hook` annotations and in the stored release.
public enum HookEvent: String, Sendable, CaseIterable {
    case preInstall = "pre-install"
    case postInstall = "post-install"
    case preDelete = "pre-delete"
    case postDelete = "post-delete"
    case preUpgrade = "pre-upgrade"
    case postUpgrade = "post-upgrade"
    case preRollback = "pre-rollback"
    case postRollback = "post-rollback"
    case test
}

/// Phases of `last_run` (Helm's `release.HookPhase`).
public enum HookPhase {
    public static let running = "Running"
    public static let succeeded = "Succeeded"
    public static let failed = "Failed"
    public static let unknown = "Unknown"
}

/// Values of `helm.sh/hook-delete-policy` (Helm's `release.HookDeletePolicy`).
public enum HookDeletePolicy {
    /// The default when a hook names none: delete an existing object before creating the hook.
    public static let beforeHookCreation = "before-hook-creation"
    public static let hookSucceeded = "hook-succeeded"
    public static let hookFailed = "hook-failed"
}

/// A hook run that failed, carrying Helm's message (e.g. `failed pre-install: resource
/// Job/ns/name not ready. status: Failed, message: Job Failed. failed: 1/1`).
public struct HookError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}

extension Release {
    /// Indices of the hooks that run at `event`, in Helm's execution order: the stored order
    /// (install order by kind) stably sorted by weight, then by name.
    public func hookIndices(for event: HookEvent) -> [Int] {
        let matching = hooks.indices.filter { hooks[$0].events.contains(event.rawValue) }
        return matching.enumerated().sorted { a, b in
            let x = hooks[a.element], y = hooks[b.element]
            if x.weight != y.weight { return x.weight < y.weight }
            if x.name != y.name { return x.name < y.name }
            return a.offset < b.offset
        }.map(\.element)
    }
}
