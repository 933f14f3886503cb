/// How a locked install or upgrade ended: the deployed revision, or the revision recorded
/// failed with the error that failed it (undone after the lock is released when
/// `--rollback-on-failure` asks for it).
enum ActionOutcome {
    case deployed(Release)
    case failed(Release, any Error)
}

/// An error of `--rollback-on-failure`, with Helm's message.
public struct RollbackOnFailureError: Error, Sendable, CustomStringConvertible {
    public var description: String
}

extension ReleaseContext {
    /// Runs the hooks of `event` through the delivery unless hooks are disabled; a failure
    /// becomes a `HookError` with Helm's `prefix` (e.g. `failed pre-install: `).
    func runHooks(_ event: HookEvent, on release: inout Release, unless disabled: Bool, failure prefix: String) throws {
        guard !disabled, !release.hookIndices(for: event).isEmpty else { return }
        do {
            try delivery.runHooks(event, on: &release, clock: clock, record: recordRevision)
        } catch {
            throw HookError(prefix + String(describing: error))
        }
    }

    /// Stores one revision as it is now (Helm's `recordRelease`), keeping the lock.
    func recordRevision(_ release: Release) throws {
        try store.apply(ReleaseChange(name: release.name, namespace: release.namespace, writes: [release]))
    }

    /// Helm's install `failRelease` with rollback-on-failure: the release is uninstalled
    /// (history purged, pre/post-delete hooks run unless disabled) and the install error reported.
    func uninstallAfterFailure(_ options: InstallOptions, error: any Error) throws -> Never {
        var uninstall = UninstallOptions(name: options.name, namespace: options.namespace)
        uninstall.disableHooks = options.disableHooks
        do {
            try self.uninstall(uninstall)
        } catch let uninstallError {
            throw RollbackOnFailureError(description: "an error occurred while uninstalling the release. original install error: \(error): \(uninstallError)")
        }
        throw RollbackOnFailureError(description: "release \(options.name) failed, and has been uninstalled due to rollback-on-failure being set: \(error)")
    }

    /// Helm's upgrade `failRelease` with rollback-on-failure: a rollback to the latest
    /// superseded or deployed revision, then the upgrade error reported.
    func rollbackAfterFailure(_ options: UpgradeOptions, error: any Error) throws -> Never {
        let history: [Release]
        do {
            history = try store.revisions(name: options.name, namespace: options.namespace)
        } catch let historyError {
            throw RollbackOnFailureError(description: "an error occurred while finding last successful release. original upgrade error: \(error): \(historyError)")
        }
        let successful = history.filter { $0.info.status == .superseded || $0.info.status == .deployed }
        guard let target = successful.max(by: { $0.version < $1.version }) else {
            throw RollbackOnFailureError(description: "unable to find a previously successful release when attempting to rollback. original upgrade error: \(error)")
        }
        var rollback = RollbackOptions(name: options.name, namespace: options.namespace, revision: target.version)
        rollback.disableHooks = options.disableHooks
        rollback.maxHistory = options.maxHistory
        do {
            _ = try self.rollback(rollback)
        } catch let rollbackError {
            throw RollbackOnFailureError(description: "an error occurred while rolling back the release. original upgrade error: \(error): \(rollbackError)")
        }
        throw RollbackOnFailureError(description: "release \(options.name) failed, and has been rolled back due to rollback-on-failure being set: \(error)")
    }
}
