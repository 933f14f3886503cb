import Synchronization

/// An in-process store for tests and `--dry-run`-style tooling: same semantics as the
/// durable stores, nothing survives the process.
public final class MemoryReleaseStore: ReleaseStore {
    private struct Key: Hashable { var namespace: String; var name: String }
    private struct State {
        var revisions: [Key: [Int: Release]] = [:]
        var locks: [Key: LockHolder] = [:]
    }
    private let state = Mutex(State())

    public init() {}

    public var location: String { "memory" }

    public func revisions(name: String, namespace: String) throws -> [Release] {
        state.withLock { s in
            (s.revisions[Key(namespace: namespace, name: name)] ?? [:]).values.sorted { $0.version < $1.version }
        }
    }

    public func allRevisions(namespace: String?) throws -> [Release] {
        state.withLock { s in
            s.revisions.filter { namespace == nil || $0.key.namespace == namespace }
                .flatMap { $0.value.values }
                .sorted { ($0.namespace, $0.name, $0.version) < ($1.namespace, $1.name, $1.version) }
        }
    }

    public func acquireLock(name: String, namespace: String, holder: LockHolder,
                            isStale: @escaping @Sendable (LockHolder) -> Bool) throws -> LockAttempt {
        state.withLock { s in
            let key = Key(namespace: namespace, name: name)
            if let current = s.locks[key] {
                guard isStale(current) else { return .held(current) }
                s.locks[key] = holder
                return .acquiredFromStale(current)
            }
            s.locks[key] = holder
            return .acquired
        }
    }

    public func releaseLock(name: String, namespace: String, token: String) throws {
        state.withLock { s in
            let key = Key(namespace: namespace, name: name)
            if s.locks[key]?.token == token { s.locks[key] = nil }
        }
    }

    public func apply(_ change: ReleaseChange) throws {
        state.withLock { s in
            let key = Key(namespace: change.namespace, name: change.name)
            var revisions = s.revisions[key] ?? [:]
            for revision in change.deletions { revisions[revision] = nil }
            for release in change.writes { revisions[release.version] = release }
            s.revisions[key] = revisions.isEmpty ? nil : revisions
            if let token = change.releasingLock, s.locks[key]?.token == token { s.locks[key] = nil }
        }
    }
}
