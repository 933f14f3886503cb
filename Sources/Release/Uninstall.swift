/// Options of `uninstall`.
public struct UninstallOptions: Sendable {
    public var name: String
    public var namespace: String
    public var keepHistory: Bool = false
    public var dryRun: Bool = false
    public var description: String? = nil
    /// `--no-hooks`: run no pre-/post-delete hooks.
    public var disableHooks: Bool = false

    public init(name: String, namespace: String, keepHistory: Bool = false) {
        self.name = name
        self.namespace = namespace
        self.keepHistory = keepHistory
    }
}

extension ReleaseContext {
    /// Uninstalls a release (Helm's `action.Uninstall`): removes what was delivered, then
    /// deletes every revision, or with `keepHistory` marks the latest `uninstalled`.
    @discardableResult
    public func uninstall(_ options: UninstallOptions) throws -> Release {
        try withOperationLock(name: options.name, namespace: options.namespace, operation: "uninstall") { token in
            let history = try store.revisions(name: options.name, namespace: options.namespace)
            guard var last = history.last else {
                throw ReleaseError.releaseNotFound(name: options.name, namespace: options.namespace)
            }
            if options.dryRun { return last }
            if last.info.status == .uninstalled {
                guard !options.keepHistory else {
                    throw ReleaseError.alreadyUninstalled(name: options.name)
                }
                try store.apply(ReleaseChange(name: options.name, namespace: options.namespace,
                                              deletions: history.map(\.version), releasingLock: token))
                return last
            }
            last.info.status = .uninstalling
            last.info.deleted = clock()
            last.info.description = "Deletion in progress (or silently failed)"
            try runHooks(.preDelete, on: &last, unless: options.disableHooks, failure: "")
            try delivery.remove(last)
            var failures: [String] = []
            do {
                try runHooks(.postDelete, on: &last, unless: options.disableHooks, failure: "")
            } catch {
                failures.append(String(describing: error))
            }
            last.info.status = .uninstalled
            last.info.description = options.description ?? "Uninstallation complete"
            if options.keepHistory {
                try store.apply(ReleaseChange(name: options.name, namespace: options.namespace, writes: [last],
                                              releasingLock: token))
            } else {
                try store.apply(ReleaseChange(name: options.name, namespace: options.namespace,
                                              deletions: history.map(\.version), releasingLock: token))
            }
            guard failures.isEmpty else {
                throw HookError("uninstallation completed with \(failures.count) error(s): " + failures.joined(separator: "; "))
            }
            return last
        }
    }
}
