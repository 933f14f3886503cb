import Values

/// A loaded chart: Helm's `chart.Chart`. Files are split the way Helm's
/// loader splits them: `Chart.yaml` → `metadata`, `values.yaml` → `values`,
/// `values.schema.json` → `schema`, `templates/` → `templates`, `charts/` →
/// `dependencies` (subcharts), `Chart.lock`/`requirements.lock` → `lock`;
/// every other file (including `crds/`) lands in `files`, which is what
/// templates see as `.Files`.
public struct Chart: Sendable {
    public var metadata: ChartMetadata
    /// The lock file's dependencies, when `Chart.lock` (or `requirements.lock`) is present.
    public var lock: [ChartDependency]?
    public var templates: [ChartFileEntry]
    /// The raw `values.yaml` (nil when the chart has none).
    public var valuesFile: ChartFileEntry?
    /// `values.yaml` parsed (all YAML documents merged), an empty map when absent.
    public var values: Value
    /// The raw `values.schema.json`, when present.
    public var schema: [UInt8]?
    /// Every other file of the chart, in load order (`.Files`).
    public var files: [ChartFileEntry]
    /// Every file as it was loaded, in load order (for packaging).
    public var raw: [ChartFileEntry]
    /// Subcharts found under `charts/` (directories and archives), sorted by name.
    public var dependencies: [Chart]

    public init(
        metadata: ChartMetadata, lock: [ChartDependency]? = nil, templates: [ChartFileEntry] = [],
        valuesFile: ChartFileEntry? = nil, values: Value = .map([:]), schema: [UInt8]? = nil,
        files: [ChartFileEntry] = [], raw: [ChartFileEntry] = [], dependencies: [Chart] = []
    ) {
        self.metadata = metadata
        self.lock = lock
        self.templates = templates
        self.valuesFile = valuesFile
        self.values = values
        self.schema = schema
        self.files = files
        self.raw = raw
        self.dependencies = dependencies
    }

    public var name: String { metadata.name }

    /// The `crds/` files of this chart (Helm's `CRDObjects` source), in load order.
    public var crdFiles: [ChartFileEntry] {
        files.filter { $0.path.hasPrefix("crds/") && ($0.path.hasSuffix(".yaml") || $0.path.hasSuffix(".yml") || $0.path.hasSuffix(".json")) }
    }
}

extension Chart: Codable {
    enum CodingKeys: String, CodingKey {
        case metadata, lock, templates, valuesFile, schema, files, raw, dependencies
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        metadata = try c.decode(ChartMetadata.self, forKey: .metadata)
        lock = try c.decodeIfPresent([ChartDependency].self, forKey: .lock)
        templates = try c.decode([ChartFileEntry].self, forKey: .templates)
        valuesFile = try c.decodeIfPresent(ChartFileEntry.self, forKey: .valuesFile)
        schema = try c.decodeIfPresent([UInt8].self, forKey: .schema)
        files = try c.decode([ChartFileEntry].self, forKey: .files)
        raw = try c.decodeIfPresent([ChartFileEntry].self, forKey: .raw) ?? []
        dependencies = try c.decode([Chart].self, forKey: .dependencies)
        values = try valuesFile.map { try ChartLoader.parseValues($0) } ?? .map([:])
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(metadata, forKey: .metadata)
        try c.encodeIfPresent(lock, forKey: .lock)
        try c.encode(templates, forKey: .templates)
        try c.encodeIfPresent(valuesFile, forKey: .valuesFile)
        try c.encodeIfPresent(schema, forKey: .schema)
        try c.encode(files, forKey: .files)
        try c.encode(raw, forKey: .raw)
        try c.encode(dependencies, forKey: .dependencies)
    }
}
