/// One rendered Kubernetes object that is not a hook, with its source file.
public struct Manifest: Sendable, Equatable {
    /// Template path, e.g. `mychart/templates/deployment.yaml`.
    public var path: String
    /// The document text as Helm prints it after the `# Source:` line.
    public var content: String
    public var apiVersion: String
    public var kind: String
    public var name: String
}

/// A rendered object annotated with `helm.sh/hook` (Helm's `release.Hook`).
public struct Hook: Sendable, Equatable {
    public var name: String
    public var kind: String
    public var path: String
    public var manifest: String
    /// Lower-cased event names (`pre-install`, `test`…); `test-success` reads as `test`.
    public var events: [String]
    /// `helm.sh/hook-weight` (0 when absent or not an integer).
    public var weight: Int
    public var deletePolicies: [String]
    public var outputLogPolicies: [String]

    public var isTest: Bool { events.contains("test") }

    static let knownEvents: [String: String] = [
        "pre-install": "pre-install", "post-install": "post-install",
        "pre-delete": "pre-delete", "post-delete": "post-delete",
        "pre-upgrade": "pre-upgrade", "post-upgrade": "post-upgrade",
        "pre-rollback": "pre-rollback", "post-rollback": "post-rollback",
        "test": "test", "test-success": "test",
    ]
}

/// A file of a chart's `crds/` folder, printed verbatim by `--include-crds`.
public struct CRDFile: Sendable, Equatable {
    /// `chart/crds/file.yaml` (with `charts/<sub>/` segments for subcharts).
    public var path: String
    public var content: String
}
