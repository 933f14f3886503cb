/// Options of `rollback`.
public struct RollbackOptions: Sendable {
    public var name: String
    public var namespace: String
    /// The revision to return to; 0 means the one before the latest.
    public var revision: Int = 0
    public var dryRun: Bool = false
    public var maxHistory: Int = 10
    /// `--no-hooks`: run no pre-/post-rollback hooks.
    public var disableHooks: Bool = false

    public init(name: String, namespace: String, revision: Int = 0) {
        self.name = name
        self.namespace = namespace
        self.revision = revision
    }
}

extension ReleaseContext {
    /// Rolls back (Helm's `action.Rollback`): a new revision copying the target's chart,
    /// values and manifest, described "Rollback to N"; the deployed revisions become superseded.
    public func rollback(_ options: RollbackOptions) throws -> Release {
        try withOperationLock(name: options.name, namespace: options.namespace, operation: "rollback") { token in
            let history = try store.revisions(name: options.name, namespace: options.namespace)
            guard let last = history.last else {
                throw ReleaseError.releaseNotFound(name: options.name, namespace: options.namespace)
            }
            let wanted = options.revision == 0 ? last.version - 1 : options.revision
            guard let target = history.first(where: { $0.version == wanted }) else {
                throw ReleaseError.revisionNotFound(name: options.name, revision: wanted, available: history.map(\.version))
            }
            let now = clock()
            var release = Release(name: options.name,
                                  info: ReleaseInfo(firstDeployed: last.info.firstDeployed, lastDeployed: now,
                                                    description: "Rollback to \(wanted)", status: .pendingRollback,
                                                    notes: target.info.notes),
                                  chart: target.chart, config: target.config, manifest: target.manifest,
                                  hooks: target.hooks, version: last.version + 1, namespace: options.namespace,
                                  applyMethod: target.applyMethod)
            if options.dryRun { return release }
            try store.apply(ReleaseChange(name: options.name, namespace: options.namespace, writes: [release]))
            pendingRevisionStored()
            let current = history.last { $0.info.status == .deployed }
            do {
                try runHooks(.preRollback, on: &release, unless: options.disableHooks, failure: "")
                try delivery.deliver(release, replacing: current)
                try runHooks(.postRollback, on: &release, unless: options.disableHooks, failure: "")
            } catch {
                release.info.status = .failed
                release.info.description = "Rollback \"\(options.name)\" failed: \(error)"
                try store.apply(ReleaseChange(name: options.name, namespace: options.namespace, writes: [release],
                                              releasingLock: token))
                throw error
            }
            release.info.status = .deployed
            let superseded = history.filter { $0.info.status == .deployed }.map {
                $0.with(status: .superseded, description: $0.info.description)
            }
            let after = history.filter { $0.info.status != .deployed } + superseded + [release]
            let pruned = Set(ReleaseContext.revisionsToPrune(after, max: options.maxHistory))
            try store.apply(ReleaseChange(name: options.name, namespace: options.namespace,
                                          writes: (superseded + [release]).filter { !pruned.contains($0.version) },
                                          deletions: pruned.sorted(), releasingLock: token))
            return release
        }
    }
}
