/// Who holds the operation lock of a release: enough to tell, from another
/// process, whether the holder is still alive (same host: its pid; any host: the lease).
public struct LockHolder: Sendable, Equatable {
    public var token: String
    public var pid: Int32
    public var host: String
    public var operation: String
    public var acquiredAt: GoTime
    public var leaseExpires: GoTime

    public init(token: String, pid: Int32, host: String, operation: String, acquiredAt: GoTime, leaseExpires: GoTime) {
        self.token = token
        self.pid = pid
        self.host = host
        self.operation = operation
        self.acquiredAt = acquiredAt
        self.leaseExpires = leaseExpires
    }

    public var summary: String { "\(operation) by pid \(pid) on \(host) since \(acquiredAt.rfc3339)" }
}

/// One atomic change to a release's revisions: every write and deletion is applied in
/// a single transaction, and the lock is released in that same transaction when asked.
public struct ReleaseChange: Sendable {
    public var name: String
    public var namespace: String
    /// Revisions to insert or replace (keyed by `version`).
    public var writes: [Release]
    /// Revision numbers to delete.
    public var deletions: [Int]
    /// When set, the lock with this token is released as part of the change.
    public var releasingLock: String?

    public init(name: String, namespace: String, writes: [Release] = [], deletions: [Int] = [], releasingLock: String? = nil) {
        self.name = name
        self.namespace = namespace
        self.writes = writes
        self.deletions = deletions
        self.releasingLock = releasingLock
    }
}

/// The outcome of asking for a release's operation lock.
public enum LockAttempt: Sendable, Equatable {
    /// The lock is ours.
    case acquired
    /// The lock is ours after replacing this holder, judged dead by the caller.
    case acquiredFromStale(LockHolder)
    /// A live holder keeps it.
    case held(LockHolder)
}

/// Storage of release revisions behind one interface (Helm's storage driver):
/// SQLite (default), PostgreSQL, or memory for tests. Every method is one transaction.
public protocol ReleaseStore: Sendable {
    /// Where the store lives, for messages (a path or a URL without password).
    var location: String { get }
    /// All revisions of a release, ascending by revision; empty when unknown.
    func revisions(name: String, namespace: String) throws -> [Release]
    /// All revisions of all releases in a namespace (every namespace when nil).
    func allRevisions(namespace: String?) throws -> [Release]
    /// Takes the lock of a release for `holder` unless a holder exists that
    /// `isStale` does not reject; a stale holder is replaced atomically.
    func acquireLock(name: String, namespace: String, holder: LockHolder,
                     isStale: @escaping @Sendable (LockHolder) -> Bool) throws -> LockAttempt
    /// Releases the lock when `token` still holds it.
    func releaseLock(name: String, namespace: String, token: String) throws
    /// Applies a change atomically.
    func apply(_ change: ReleaseChange) throws
}
