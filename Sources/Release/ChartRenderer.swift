import Chart
import Engine
import Values

/// The production renderer: a loaded chart rendered by the chart engine.
public struct ChartRenderer: ReleaseRenderer {
    public let loaded: Chart
    public let chart: ChartSnapshot
    public var capabilities: Capabilities
    public var subchartNotes: Bool
    public var skipSchemaValidation: Bool

    public init(chart: Chart, capabilities: Capabilities = Capabilities(), subchartNotes: Bool = false,
                skipSchemaValidation: Bool = false) {
        loaded = chart
        self.chart = ChartSnapshot(chart)
        self.capabilities = capabilities
        self.subchartNotes = subchartNotes
        self.skipSchemaValidation = skipSchemaValidation
    }

    public func render(_ request: RenderRequest) throws -> RenderedRelease {
        var chart = loaded
        if let override = request.chartValuesOverride { chart.values = override }
        let options = RenderOptions(
            release: ReleaseOptions(name: request.releaseName, namespace: request.namespace, revision: request.revision,
                                    isInstall: request.isInstall, isUpgrade: request.isUpgrade),
            capabilities: capabilities, subchartNotes: subchartNotes, skipSchemaValidation: skipSchemaValidation)
        let result = try Engine.render(chart: chart, values: request.userValues, options: options)
        let hooks = result.hooks.map { hook in
            ReleaseHook(name: hook.name, kind: hook.kind, path: hook.path, manifest: hook.manifest, events: hook.events,
                        weight: hook.weight, deletePolicies: hook.deletePolicies, outputLogPolicies: hook.outputLogPolicies)
        }
        return RenderedRelease(manifest: result.manifestText(includeCRDs: false), hooks: hooks, notes: result.notes)
    }
}

extension ChartSnapshot {
    /// The record form of a loaded chart (Helm stores the top-level chart only).
    public init(_ chart: Chart) {
        let m = chart.metadata
        func nonEmpty(_ s: String) -> String? { s.isEmpty ? nil : s }
        var metadata = ChartMetadata(name: m.name, version: m.version, appVersion: nonEmpty(m.appVersion),
                                     apiVersion: nonEmpty(m.apiVersion))
        metadata.home = nonEmpty(m.home)
        metadata.sources = m.sources
        metadata.description = nonEmpty(m.description)
        metadata.keywords = m.keywords
        metadata.maintainers = m.maintainers?.map {
            ChartMaintainer(name: nonEmpty($0.name), email: nonEmpty($0.email), url: nonEmpty($0.url))
        }
        metadata.icon = nonEmpty(m.icon)
        metadata.condition = nonEmpty(m.condition)
        metadata.tags = nonEmpty(m.tags)
        metadata.deprecated = m.deprecated ? true : nil
        metadata.annotations = m.annotations
        metadata.kubeVersion = nonEmpty(m.kubeVersion)
        metadata.dependencies = m.dependencies?.map {
            ChartDependencyReference(name: $0.name, version: nonEmpty($0.version), repository: nonEmpty($0.repository),
                                     condition: nonEmpty($0.condition), alias: nonEmpty($0.alias))
        }
        metadata.type = nonEmpty(m.type)
        let lock: Value = chart.lock.map { deps in
            .map(["dependencies": .list(deps.map { .map(["name": .string($0.name), "version": .string($0.version),
                                                         "repository": .string($0.repository)]) })])
        } ?? .null
        self.init(metadata: metadata, lock: lock,
                  templates: chart.templates.map { ChartFile(name: $0.path, data: $0.bytes) },
                  values: chart.values, schema: chart.schema,
                  files: chart.files.map { ChartFile(name: $0.path, data: $0.bytes) })
    }
}
