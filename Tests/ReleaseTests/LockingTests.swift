import Foundation
import Release
import Testing
import Values

/// A renderer that records pending state visible to the store while it renders.
@Suite struct LockingTests {
    private func holder(pid: Int32, host: String, leaseOffset: Int64) -> LockHolder {
        let now = GoTime.now()
        return LockHolder(token: UUID().uuidString, pid: pid, host: host, operation: "upgrade", acquiredAt: now,
                          leaseExpires: GoTime(seconds: now.seconds + leaseOffset))
    }

    /// A pid that is certainly not running: a child that has exited and been reaped.
    private func deadPid() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test(arguments: StoreKind.available)
    func liveHolderBlocksAndStaleHolderIsRecovered(kind: StoreKind) throws {
        let store = try kind.open()
        let warnings = WarningLog()
        let me = ProcessIdentity.current
        let context = ReleaseContext(store: store, identity: me, warn: { warnings.append($0) })
        let ns = uniqueNamespace()
        let renderer = ConfigMapRenderer()
        _ = try context.install(InstallOptions(name: "svc", namespace: ns, values: .null), renderer: renderer)

        // Simulate an upgrade interrupted after storing its pending revision.
        var pending = try context.history(name: "svc", namespace: ns)[0]
        pending.version = 2
        pending.info.status = .pendingUpgrade
        try store.apply(ReleaseChange(name: "svc", namespace: ns, writes: [pending]))

        let cases: [(label: String, holder: LockHolder, blocks: Bool)] = [
            ("live process on this host", holder(pid: getpid(), host: me.host, leaseOffset: 600), true),
            ("live lease on another host", holder(pid: 1, host: "elsewhere.example", leaseOffset: 600), true),
            ("dead process on this host", holder(pid: try deadPid(), host: me.host, leaseOffset: 600), false),
        ]
        for c in cases {
            _ = try store.acquireLock(name: "svc", namespace: ns, holder: c.holder, isStale: { _ in true })
            let upgrade = {
                try context.upgrade(UpgradeOptions(name: "svc", namespace: ns, values: .map(["tag": .string("next")])),
                                    renderer: renderer)
            }
            if c.blocks {
                #expect(throws: ReleaseError.operationInProgress(name: "svc", holder: c.holder.summary),
                        Comment(rawValue: c.label)) { _ = try upgrade() }
                #expect(try context.history(name: "svc", namespace: ns).map(\.version) == [1, 2], Comment(rawValue: c.label))
            } else {
                let release = try upgrade()
                #expect(release.version == 3, Comment(rawValue: c.label))
                let statuses = try context.history(name: "svc", namespace: ns).map(\.info.status)
                #expect(statuses == [.superseded, .failed, .deployed], Comment(rawValue: c.label))
                let failed = try context.revision(name: "svc", namespace: ns, revision: 2)
                #expect(failed.info.description.hasPrefix("Upgrade \"svc\" failed: the upgrade by pid \(c.holder.pid)"))
                #expect(warnings.all.count == 1)
                #expect(warnings.all.first?.contains("revision 2 was left pending-upgrade") == true)
            }
            try store.releaseLock(name: "svc", namespace: ns, token: c.holder.token)
        }
    }

    @Test func expiredLeaseOnAnotherHostIsStale() throws {
        let store = MemoryReleaseStore()
        let context = ReleaseContext(store: store)
        _ = try context.install(InstallOptions(name: "x", namespace: "default", values: .null), renderer: ConfigMapRenderer())
        _ = try store.acquireLock(name: "x", namespace: "default",
                                  holder: holder(pid: 1, host: "elsewhere.example", leaseOffset: -5), isStale: { _ in true })
        let release = try context.rollback(RollbackOptions(name: "x", namespace: "default", revision: 1))
        #expect(release.version == 2)
    }

    @Test func lockIsReleasedAfterFailures() throws {
        let context = ReleaseContext(store: MemoryReleaseStore())
        let renderer = ConfigMapRenderer()
        _ = try context.install(InstallOptions(name: "x", namespace: "default", values: .null), renderer: renderer)
        #expect(throws: ConfigMapRenderer.Broken.self) {
            try context.upgrade(UpgradeOptions(name: "x", namespace: "default", values: .map(["broken": .bool(true)])),
                                renderer: renderer)
        }
        #expect(throws: ReleaseError.self) { try context.rollback(RollbackOptions(name: "x", namespace: "default", revision: 9)) }
        let release = try context.upgrade(UpgradeOptions(name: "x", namespace: "default", values: .null), renderer: renderer)
        #expect(release.version == 3)
    }
}
