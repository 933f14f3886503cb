import Foundation

/// Whether a process with this pid exists on this machine.
func processIsAlive(_ pid: Int32) -> Bool {
    if pid <= 0 { return false }
    return kill(pid, 0) == 0 || errno == EPERM
}

extension ReleaseContext {
    /// Runs `body` holding the release's operation lock, so one operation per release
    /// runs at a time across processes. A lock left by a dead process (same host: its
    /// pid is gone; any host: its lease expired) is taken over, and revisions it left
    /// pending are marked failed first, with a warning to the user.
    func withOperationLock<T>(name: String, namespace: String, operation: String,
                              _ body: (_ token: String) throws -> T) throws -> T {
        let now = clock()
        let holder = LockHolder(token: UUID().uuidString, pid: identity.pid, host: identity.host, operation: operation,
                                acquiredAt: now, leaseExpires: GoTime(seconds: now.seconds + leaseSeconds))
        let me = identity
        let attempt = try store.acquireLock(name: name, namespace: namespace, holder: holder) { existing in
            if existing.host == me.host, !processIsAlive(existing.pid) { return true }
            return existing.leaseExpires.seconds < GoTime.now().seconds
        }
        if case .held(let current) = attempt {
            throw ReleaseError.operationInProgress(name: name, holder: current.summary)
        }
        defer { try? store.releaseLock(name: name, namespace: namespace, token: holder.token) }
        switch attempt {
        case .held:
            break
        case .acquiredFromStale(let stale):
            try recoverPending(name: name, namespace: namespace, token: holder.token,
                               cause: "the \(stale.operation) by pid \(stale.pid) on \(stale.host) was interrupted")
        case .acquired:
            try recoverPending(name: name, namespace: namespace, token: holder.token,
                               cause: "the operation that left it pending no longer holds the release lock")
        }
        return try body(holder.token)
    }

    private func recoverPending(name: String, namespace: String, token: String, cause: String) throws {
        let pending = try store.revisions(name: name, namespace: namespace).filter { $0.info.status.isPending }
        guard !pending.isEmpty else { return }
        var failed: [Release] = []
        for var release in pending {
            let original = release.info.status
            let verb: String
            switch original {
            case .pendingInstall: verb = "Release"
            case .pendingRollback: verb = "Rollback"
            default: verb = "Upgrade"
            }
            release.info.status = .failed
            release.info.description = "\(verb) \"\(name)\" failed: \(cause)"
            failed.append(release)
            warn("warning: release \"\(name)\" revision \(release.version) was left \(original.rawValue) (\(cause)); marked failed")
        }
        try store.apply(ReleaseChange(name: name, namespace: namespace, writes: failed))
    }
}
