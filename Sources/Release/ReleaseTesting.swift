/// Options of `test` (Helm's `action.ReleaseTesting`).
public struct TestOptions: Sendable {
    public var name: String
    public var namespace: String
    /// `--filter name=…`: only hooks with these names run.
    public var includeNames: [String] = []
    /// `--filter '!name=…'`: hooks with these names do not run.
    public var excludeNames: [String] = []

    public init(name: String, namespace: String) {
        self.name = name
        self.namespace = namespace
    }
}

/// The release after its tests ran, with the failure of the first test that failed.
public struct TestRun: Sendable {
    public var release: Release
    public var failure: (any Error)?
}

extension ReleaseContext {
    /// Runs the `test` hooks of the latest revision and stores their `last_run` on it. As in
    /// Helm, hooks a filter leaves out move to the front of the stored hook list.
    public func test(_ options: TestOptions) throws -> TestRun {
        try ReleaseName.validate(options.name)
        return try withOperationLock(name: options.name, namespace: options.namespace, operation: "test") { token in
            var release = try lastRevision(name: options.name, namespace: options.namespace)
            var skipped: [ReleaseHook] = []
            if !options.excludeNames.isEmpty {
                skipped += release.hooks.filter { options.excludeNames.contains($0.name) }
                release.hooks = release.hooks.filter { !options.excludeNames.contains($0.name) }
            }
            if !options.includeNames.isEmpty {
                skipped += release.hooks.filter { !options.includeNames.contains($0.name) }
                release.hooks = release.hooks.filter { options.includeNames.contains($0.name) }
            }
            var failure: (any Error)?
            do {
                try delivery.runHooks(.test, on: &release, clock: clock) { running in
                    var whole = running
                    whole.hooks = skipped + running.hooks
                    try recordRevision(whole)
                }
            } catch {
                failure = error
            }
            release.hooks = skipped + release.hooks
            try store.apply(ReleaseChange(name: release.name, namespace: release.namespace, writes: [release],
                                          releasingLock: token))
            return TestRun(release: release, failure: failure)
        }
    }
}
