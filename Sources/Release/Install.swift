import Values

/// Options of `install` (and of `upgrade --install` when the release does not exist).
public struct InstallOptions: Sendable {
    public var name: String
    public var namespace: String
    public var values: Value
    public var dryRun: Bool = false
    /// Reuse the name of an uninstalled or failed release (`--replace`).
    public var replace: Bool = false
    public var description: String? = nil
    public var maxHistory: Int = 10
    /// `--no-hooks`: run no pre-/post-install hooks.
    public var disableHooks: Bool = false
    /// `--rollback-on-failure`: uninstall the release when the install fails after it was stored.
    public var rollbackOnFailure: Bool = false

    public init(name: String, namespace: String, values: Value) {
        self.name = name
        self.namespace = namespace
        self.values = values
    }
}

extension ReleaseContext {
    /// Installs a chart as a new release (Helm's `action.Install`): render first (a
    /// render error stores nothing), record `pending-install`, run the pre-install hooks,
    /// deliver, run the post-install hooks, record `deployed`. A failure after that point
    /// records `failed`, and with `rollbackOnFailure` uninstalls the release.
    public func install(_ options: InstallOptions, renderer: any ReleaseRenderer) throws -> Release {
        try ReleaseName.validate(options.name)
        if options.dryRun {
            return try draftInstall(options, renderer: renderer, revision: 1, firstDeployed: clock())
                .with(status: .pendingInstall, description: "Dry run complete")
        }
        let outcome = try withOperationLock(name: options.name, namespace: options.namespace,
                                            operation: "install") { token -> ActionOutcome in
            let history = try store.revisions(name: options.name, namespace: options.namespace)
            if let last = history.last {
                let reusable = last.info.status == .uninstalled || last.info.status == .failed
                guard options.replace && reusable else { throw ReleaseError.alreadyExists(name: options.name) }
            }
            let revision = (history.last?.version ?? 0) + 1
            var release = try draftInstall(options, renderer: renderer, revision: revision, firstDeployed: clock())
            try store.apply(ReleaseChange(name: release.name, namespace: release.namespace, writes: [release]))
            pendingRevisionStored()
            do {
                try runHooks(.preInstall, on: &release, unless: options.disableHooks, failure: "failed pre-install: ")
                try delivery.deliver(release, replacing: nil)
                try runHooks(.postInstall, on: &release, unless: options.disableHooks, failure: "failed post-install: ")
            } catch {
                release.info.status = .failed
                release.info.description = "Release \"\(release.name)\" failed: \(error)"
                try store.apply(ReleaseChange(name: release.name, namespace: release.namespace, writes: [release],
                                              releasingLock: token))
                return .failed(release, error)
            }
            release.info.status = .deployed
            release.info.description = options.description ?? "Install complete"
            let prunable = ReleaseContext.revisionsToPrune(history + [release], max: options.maxHistory)
            try store.apply(ReleaseChange(name: release.name, namespace: release.namespace, writes: [release],
                                          deletions: prunable, releasingLock: token))
            return .deployed(release)
        }
        switch outcome {
        case .deployed(let release):
            return release
        case .failed(_, let error):
            guard options.rollbackOnFailure else { throw error }
            try uninstallAfterFailure(options, error: error)
        }
    }

    private func draftInstall(_ options: InstallOptions, renderer: any ReleaseRenderer, revision: Int,
                              firstDeployed: GoTime) throws -> Release {
        let request = RenderRequest(releaseName: options.name, namespace: options.namespace, revision: revision,
                                    isInstall: true, isUpgrade: false, userValues: options.values)
        let rendered = try renderer.render(request)
        return Release(name: options.name,
                       info: ReleaseInfo(firstDeployed: firstDeployed, lastDeployed: firstDeployed,
                                         description: "Initial install underway", status: .pendingInstall,
                                         notes: rendered.notes),
                       chart: renderer.chart, config: options.values, manifest: rendered.manifest,
                       hooks: rendered.hooks, version: revision, namespace: options.namespace,
                       applyMethod: "csa")
    }
}

extension Release {
    func with(status: ReleaseStatus, description: String) -> Release {
        var copy = self
        copy.info.status = status
        copy.info.description = description
        return copy
    }
}
