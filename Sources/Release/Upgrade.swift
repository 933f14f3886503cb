import Values

/// How an upgrade treats the previous revision's values (Helm's flags of the same names).
public enum ValuesReuse: Sendable {
    /// Helm's default: the previous user values are kept only when none are given.
    case automatic
    case reuse
    case reset
    case resetThenReuse
}

/// Options of `upgrade`.
public struct UpgradeOptions: Sendable {
    public var name: String
    public var namespace: String
    public var values: Value
    public var valuesReuse: ValuesReuse = .automatic
    public var dryRun: Bool = false
    public var description: String? = nil
    public var maxHistory: Int = 10
    /// `--no-hooks`: run no pre-/post-upgrade hooks.
    public var disableHooks: Bool = false
    /// `--rollback-on-failure`: roll back to the last successful revision when the upgrade fails
    /// after rendering.
    public var rollbackOnFailure: Bool = false

    public init(name: String, namespace: String, values: Value) {
        self.name = name
        self.namespace = namespace
        self.values = values
    }
}

extension ReleaseContext {
    /// Upgrades a release (Helm's `action.Upgrade`). The new revision is stored
    /// `pending-upgrade`, then rendered and delivered between its pre- and post-upgrade
    /// hooks; on success it becomes `deployed`
    /// and the previous deployed revision `superseded`; on a render or delivery error it
    /// is recorded `failed` ("Upgrade \"x\" failed: …") and the deployed revision stays
    /// (with `rollbackOnFailure`, a failure after rendering rolls back to it).
    public func upgrade(_ options: UpgradeOptions, renderer: any ReleaseRenderer) throws -> Release {
        try ReleaseName.validate(options.name)
        if options.dryRun {
            let history = try store.revisions(name: options.name, namespace: options.namespace)
            let (current, last) = try upgradeBase(options.name, history)
            var draft = try draftUpgrade(options, renderer: renderer, current: current, revision: last.version + 1)
            let rendered = try renderer.render(draft.request)
            draft.release.manifest = rendered.manifest
            draft.release.hooks = rendered.hooks
            draft.release.info.notes = rendered.notes
            return draft.release.with(status: .pendingUpgrade, description: "Dry run complete")
        }
        let outcome = try withOperationLock(name: options.name, namespace: options.namespace,
                                            operation: "upgrade") { token -> (ActionOutcome, rendered: Bool) in
            let history = try store.revisions(name: options.name, namespace: options.namespace)
            let (current, last) = try upgradeBase(options.name, history)
            var draft = try draftUpgrade(options, renderer: renderer, current: current, revision: last.version + 1)
            try store.apply(ReleaseChange(name: options.name, namespace: options.namespace, writes: [draft.release]))
            pendingRevisionStored()
            var release = draft.release
            var rendered = false
            do {
                let output = try renderer.render(draft.request)
                release.manifest = output.manifest
                release.hooks = output.hooks
                release.info.notes = output.notes
                rendered = true
                try runHooks(.preUpgrade, on: &release, unless: options.disableHooks, failure: "pre-upgrade hooks failed: ")
                try delivery.deliver(release, replacing: current)
                try runHooks(.postUpgrade, on: &release, unless: options.disableHooks, failure: "post-upgrade hooks failed: ")
            } catch {
                release.info.status = .failed
                release.info.description = "Upgrade \"\(options.name)\" failed: \(error)"
                release.info.lastDeployed = clock()
                try store.apply(ReleaseChange(name: options.name, namespace: options.namespace, writes: [release],
                                              releasingLock: token))
                return (.failed(release, error), rendered)
            }
            release.info.status = .deployed
            release.info.description = options.description ?? "Upgrade complete"
            release.info.lastDeployed = clock()
            let superseded = history.filter { $0.info.status == .deployed }.map {
                $0.with(status: .superseded, description: $0.info.description)
            }
            let after = history.filter { $0.info.status != .deployed } + superseded + [release]
            let pruned = Set(ReleaseContext.revisionsToPrune(after, max: options.maxHistory))
            try store.apply(ReleaseChange(name: options.name, namespace: options.namespace,
                                          writes: (superseded + [release]).filter { !pruned.contains($0.version) },
                                          deletions: pruned.sorted(), releasingLock: token))
            draft.release = release
            return (.deployed(release), rendered)
        }
        switch outcome.0 {
        case .deployed(let release):
            return release
        case .failed(_, let error):
            guard options.rollbackOnFailure, outcome.rendered else { throw error }
            try rollbackAfterFailure(options, error: error)
        }
    }

    /// The revision to upgrade from and the latest revision, or Helm's errors.
    private func upgradeBase(_ name: String, _ history: [Release]) throws -> (current: Release, last: Release) {
        guard let last = history.last, last.info.status != .uninstalled else {
            throw ReleaseError.noDeployedReleases(name: name)
        }
        if last.info.status.isPending {
            throw ReleaseError.operationInProgress(name: name, holder: "revision \(last.version) is \(last.info.status.rawValue)")
        }
        let current = history.last { $0.info.status == .deployed } ?? last
        return (current, last)
    }

    private struct UpgradeDraft {
        var release: Release
        var request: RenderRequest
    }

    private func draftUpgrade(_ options: UpgradeOptions, renderer: any ReleaseRenderer, current: Release,
                              revision: Int) throws -> UpgradeDraft {
        var values = options.values
        var chartValues: Value? = nil
        switch options.valuesReuse {
        case .reset:
            break
        case .reuse:
            chartValues = coalesceTables(current.config, current.chart.values)
            values = coalesceTables(values, current.config)
        case .resetThenReuse:
            values = coalesceTables(values, current.config)
        case .automatic:
            if values.nonEmptyMap == nil, current.config.nonEmptyMap != nil { values = current.config }
        }
        var chart = renderer.chart
        if let chartValues { chart.values = chartValues }
        let now = clock()
        let release = Release(name: options.name,
                              info: ReleaseInfo(firstDeployed: current.info.firstDeployed, lastDeployed: now,
                                                description: "Preparing upgrade", status: .pendingUpgrade),
                              chart: chart, config: values, manifest: "", hooks: [], version: revision,
                              namespace: options.namespace, applyMethod: "csa")
        let request = RenderRequest(releaseName: options.name, namespace: options.namespace, revision: revision,
                                    isInstall: false, isUpgrade: true, userValues: values,
                                    chartValuesOverride: chartValues)
        return UpgradeDraft(release: release, request: request)
    }
}
