import Values

/// What a renderer is asked to produce for one revision.
public struct RenderRequest: Sendable {
    public var releaseName: String
    public var namespace: String
    public var revision: Int
    public var isInstall: Bool
    public var isUpgrade: Bool
    /// The user-supplied values (`-f`, `--set`…), already combined per the upgrade's reuse mode.
    public var userValues: Value
    /// When set, replaces the chart's own default values (Helm's `--reuse-values` renders
    /// with the previous release's computed values as the chart defaults).
    public var chartValuesOverride: Value?

    public init(releaseName: String, namespace: String, revision: Int, isInstall: Bool, isUpgrade: Bool,
                userValues: Value, chartValuesOverride: Value? = nil) {
        self.releaseName = releaseName
        self.namespace = namespace
        self.revision = revision
        self.isInstall = isInstall
        self.isUpgrade = isUpgrade
        self.userValues = userValues
        self.chartValuesOverride = chartValuesOverride
    }
}

/// The rendered revision: Helm's release manifest (non-hook documents with `# Source:`
/// headers, in install order), the hooks, and the rendered NOTES.txt.
public struct RenderedRelease: Sendable {
    public var manifest: String
    public var hooks: [ReleaseHook]
    public var notes: String

    public init(manifest: String, hooks: [ReleaseHook] = [], notes: String = "") {
        self.manifest = manifest
        self.hooks = hooks
        self.notes = notes
    }
}

/// Turns a chart and values into a revision's manifests. The CLI wires the chart
/// engine behind it; tests use small renderers of their own.
public protocol ReleaseRenderer: Sendable {
    /// The chart being released, stored whole in the record.
    var chart: ChartSnapshot { get }
    /// Renders a revision; a thrown error's description becomes the failure message.
    func render(_ request: RenderRequest) throws -> RenderedRelease
}
