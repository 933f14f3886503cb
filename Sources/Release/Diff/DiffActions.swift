/// What `diff upgrade` and `diff rollback` compare besides the revisions themselves.
public struct DiffOptions: Sendable {
    /// Compare the revisions' hooks too.
    public var includeHooks: Bool = false
    /// Print Secret values instead of masks.
    public var showSecrets: Bool = false

    public init(includeHooks: Bool = false, showSecrets: Bool = false) {
        self.includeHooks = includeHooks
        self.showSecrets = showSecrets
    }
}

extension ReleaseContext {
    /// What an upgrade would change: the chart rendered exactly as `upgrade` renders it
    /// (same values handling, a dry run that stores nothing) against the deployed revision,
    /// or against the cluster's live objects when `live` is given. With `allowUnreleased`
    /// a release that does not exist yet diffs as an install (everything added).
    public func diffUpgrade(_ upgrade: UpgradeOptions, renderer: any ReleaseRenderer, options: DiffOptions,
                            live: LiveObjectReader? = nil, allowUnreleased: Bool = false) throws -> [ResourceDifference] {
        var upgrade = upgrade
        upgrade.dryRun = true
        let history = try store.revisions(name: upgrade.name, namespace: upgrade.namespace)
        let current: Release?
        let proposed: Release
        if allowUnreleased, history.last == nil || history.last?.info.status == .uninstalled {
            current = nil
            var install = InstallOptions(name: upgrade.name, namespace: upgrade.namespace, values: upgrade.values)
            install.dryRun = true
            proposed = try self.install(install, renderer: renderer)
        } else {
            proposed = try self.upgrade(upgrade, renderer: renderer)
            current = history.last { $0.info.status == .deployed } ?? history.last
        }
        return try ResourceDiff.compare(
            current: try current.map { try ResourceDiff.resources(of: $0, includeHooks: options.includeHooks) } ?? [],
            desired: try ResourceDiff.resources(of: proposed, includeHooks: options.includeHooks),
            live: live, showSecrets: options.showSecrets)
    }

    /// What a rollback to `revision` (0: the one before the latest, as `rollback` picks it)
    /// would change relative to the deployed revision, both read from the release history.
    public func diffRollback(name: String, namespace: String, revision: Int, options: DiffOptions) throws -> [ResourceDifference] {
        let history = try store.revisions(name: name, namespace: namespace)
        guard let last = history.last else { throw ReleaseError.releaseNotFound(name: name, namespace: namespace) }
        let wanted = revision == 0 ? last.version - 1 : revision
        guard let target = history.first(where: { $0.version == wanted }) else {
            throw ReleaseError.revisionNotFound(name: name, revision: wanted, available: history.map(\.version))
        }
        let current = history.last { $0.info.status == .deployed } ?? last
        return try ResourceDiff.compare(
            current: try ResourceDiff.resources(of: current, includeHooks: options.includeHooks),
            desired: try ResourceDiff.resources(of: target, includeHooks: options.includeHooks),
            showSecrets: options.showSecrets)
    }
}
