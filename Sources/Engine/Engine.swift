import Chart
import Functions
import Values

/// How to render: the release, the cluster capabilities, strictness.
public struct RenderOptions: Sendable {
    public var release: ReleaseOptions
    public var capabilities: Capabilities
    /// `--strict`: a missing map key is an error instead of `<no value>`.
    public var strict: Bool
    /// Include `NOTES.txt` of subcharts in `notes` (Helm's `--render-subchart-notes`).
    public var subchartNotes: Bool
    /// Skip `values.schema.json` validation.
    public var skipSchemaValidation: Bool
    /// Clock, randomness and DNS for the function library.
    public var functionOptions: FunctionOptions

    public init(
        release: ReleaseOptions, capabilities: Capabilities = Capabilities(), strict: Bool = false,
        subchartNotes: Bool = false, skipSchemaValidation: Bool = false, functionOptions: FunctionOptions = FunctionOptions()
    ) {
        self.release = release
        self.capabilities = capabilities
        self.strict = strict
        self.subchartNotes = subchartNotes
        self.skipSchemaValidation = skipSchemaValidation
        self.functionOptions = functionOptions
    }
}

/// Everything one render produces.
public struct RenderResult: Sendable {
    /// Output of every non-partial template by path (`chart/templates/x.yaml`),
    /// `<no value>` removed, NOTES files excluded.
    public var files: [String: String]
    /// Non-hook objects, in Helm's install order.
    public var manifests: [Manifest]
    /// Hook objects, in Helm's install order.
    public var hooks: [Hook]
    /// The rendered `NOTES.txt` (of the root chart, plus subcharts when asked).
    public var notes: String
    /// `crds/` files of the chart and its enabled subcharts.
    public var crds: [CRDFile]
    /// The values the root chart's templates saw as `.Values`.
    public var values: Value
}

/// Renders charts as Helm v4 does (`helm template`, and the render step of
/// install/upgrade). Pure: reads only the chart it is handed.
public enum Engine {
    /// Renders `chart` with the user's values (already merged from `-f`/`--set`),
    /// coalesced over the charts' defaults, and sorts the result into
    /// manifests, hooks, notes and CRDs.
    public static func render(chart: Chart, values userValues: Value, options: RenderOptions) throws -> RenderResult {
        if chart.metadata.isLibrary {
            throw RenderError(message: "library charts are not installable")
        }
        try checkKubeVersion(chart, options.capabilities)

        try checkDependenciesPresent(chart)

        let user: [String: Value] = userValues.mapValue ?? [:]
        let prepared = try DependencyProcessing.process(chart: chart, userValues: user)
        let coalesced = try ValuesCoalescing.coalesce(chart: prepared, userValues: user)
        if !options.skipSchemaValidation {
            try validateSchemas(prepared, values: .map(coalesced))
        }

        // Templates may change their values in place (Go maps): they get their own copy.
        var rendered = try TemplateRenderer(options: options).render(chart: prepared, values: Value.map(coalesced).deepCopy())

        var notes = ""
        let rootNotes = prepared.name + "/templates/NOTES.txt"
        for path in rendered.keys.sorted(by: goLess) where path.hasSuffix("NOTES.txt") {
            if options.subchartNotes || path == rootNotes {
                if !notes.isEmpty { notes += "\n" }
                notes += rendered[path] ?? ""
            }
            rendered.removeValue(forKey: path)
        }
        let (hooks, manifests) = try ManifestSorter.sort(files: rendered)
        return RenderResult(
            files: rendered, manifests: manifests, hooks: hooks, notes: notes,
            crds: crdFiles(prepared, fullPath: prepared.name), values: .map(coalesced))
    }

    /// Helm's `CheckDependencies` as `helm template`/`install`/`upgrade` run it:
    /// every dependency in Chart.yaml must be in `charts/`, enabled or not.
    static func checkDependenciesPresent(_ chart: Chart) throws {
        let present = Set(chart.dependencies.map(\.name))
        let missing = (chart.metadata.dependencies ?? []).map(\.name).filter { !present.contains($0) }
        if !missing.isEmpty {
            throw RenderError(message: "an error occurred while checking for chart dependencies. You may need to run "
                + "'helm dependency build' to fetch missing dependencies: found in Chart.yaml, but missing in charts/ directory: "
                + missing.joined(separator: ", "))
        }
    }

    /// Helm's `ValidateAgainstSchema`: the chart's and every enabled subchart's
    /// values.schema.json against the coalesced values (a subchart sees its own part).
    static func validateSchemas(_ chart: Chart, values: Value) throws {
        func node(_ c: Chart) -> SchemaChartNode {
            SchemaChartNode(name: c.name, schemaJSON: c.schema, dependencies: c.dependencies.map(node))
        }
        if let message = ValuesSchema.validateChart(node(chart), values: values) {
            throw RenderError(message: message)
        }
    }

    static func checkKubeVersion(_ chart: Chart, _ capabilities: Capabilities) throws {
        let constraint = chart.metadata.kubeVersion
        guard !constraint.isEmpty else { return }
        if !KubeVersionConstraint.isCompatible(constraint: constraint, version: capabilities.kubeVersion.version) {
            throw RenderError(message: "chart requires kubeVersion: \(constraint) which is incompatible with Kubernetes \(capabilities.kubeVersion.version)")
        }
    }

    static func crdFiles(_ chart: Chart, fullPath: String) -> [CRDFile] {
        var out = chart.files.filter { f in
            guard f.path.hasPrefix("crds/") else { return false }
            let ext = f.path.split(separator: ".").last.map { String($0).lowercased() } ?? ""
            return f.path.contains(".") && ["yaml", "yml", "json"].contains(ext)
        }.map { CRDFile(path: fullPath + "/" + $0.path, content: $0.text) }
        for sub in chart.dependencies {
            out += crdFiles(sub, fullPath: fullPath + "/charts/" + sub.name)
        }
        return out
    }
}
