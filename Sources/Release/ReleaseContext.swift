import Foundation

/// Identifies this process as a lock holder.
public struct ProcessIdentity: Sendable, Equatable {
    public var pid: Int32
    public var host: String

    public init(pid: Int32, host: String) {
        self.pid = pid
        self.host = host
    }

    public static var current: ProcessIdentity {
        ProcessIdentity(pid: getpid(), host: ProcessInfo.processInfo.hostName)
    }
}

/// Everything an action needs besides its own options, shared by every action
/// (Helm's `action.Configuration`).
public struct ReleaseContext: Sendable {
    public var store: any ReleaseStore
    public var delivery: any Delivery
    public var identity: ProcessIdentity
    /// How long a lock holder on another host is trusted before its lock counts as stale.
    public var leaseSeconds: Int64
    /// Receives warnings for the user (the CLI prints them on stderr).
    public var warn: @Sendable (String) -> Void
    /// Test hook: seconds to sleep after a pending revision is written, while the lock is held.
    public var pauseWhileLocked: Double?
    public var clock: @Sendable () -> GoTime

    public init(store: any ReleaseStore, delivery: any Delivery = RecordOnlyDelivery(),
                identity: ProcessIdentity = .current, leaseSeconds: Int64 = 600,
                warn: @escaping @Sendable (String) -> Void = { _ in }, pauseWhileLocked: Double? = nil,
                clock: @escaping @Sendable () -> GoTime = { GoTime.now() }) {
        self.store = store
        self.delivery = delivery
        self.identity = identity
        self.leaseSeconds = leaseSeconds
        self.warn = warn
        self.pauseWhileLocked = pauseWhileLocked
        self.clock = clock
    }

    /// Called by actions right after a pending revision is stored.
    func pendingRevisionStored() {
        if let seconds = pauseWhileLocked, seconds > 0 {
            Thread.sleep(forTimeInterval: seconds)
        }
    }

    /// The latest revision of a release, or `releaseNotFound`.
    func lastRevision(name: String, namespace: String) throws -> Release {
        guard let last = try store.revisions(name: name, namespace: namespace).last else {
            throw ReleaseError.releaseNotFound(name: name, namespace: namespace)
        }
        return last
    }

    /// One revision (`0` or nil: the latest), or a clear error listing the revisions there are.
    public func revision(name: String, namespace: String, revision: Int?) throws -> Release {
        let history = try store.revisions(name: name, namespace: namespace)
        guard let last = history.last else { throw ReleaseError.releaseNotFound(name: name, namespace: namespace) }
        guard let wanted = revision, wanted != 0 else { return last }
        guard let found = history.first(where: { $0.version == wanted }) else {
            throw ReleaseError.revisionNotFound(name: name, revision: wanted, available: history.map(\.version))
        }
        return found
    }
}
