import Values

/// The state of one release revision; raw values are Helm's (`pkg/release/common/status.go`).
public enum ReleaseStatus: String, Codable, Sendable, CaseIterable {
    case unknown
    case deployed
    case uninstalled
    case superseded
    case failed
    case uninstalling
    case pendingInstall = "pending-install"
    case pendingUpgrade = "pending-upgrade"
    case pendingRollback = "pending-rollback"

    /// True for the three states an operation leaves while it is under way.
    public var isPending: Bool {
        self == .pendingInstall || self == .pendingUpgrade || self == .pendingRollback
    }
}

/// Helm's `release.Info`: times, description, status and rendered notes of a revision.
public struct ReleaseInfo: Codable, Sendable {
    public var firstDeployed: GoTime?
    public var lastDeployed: GoTime?
    public var deleted: GoTime?
    public var description: String
    public var status: ReleaseStatus
    public var notes: String

    public init(firstDeployed: GoTime? = nil, lastDeployed: GoTime? = nil, deleted: GoTime? = nil,
                description: String = "", status: ReleaseStatus = .unknown, notes: String = "") {
        self.firstDeployed = firstDeployed
        self.lastDeployed = lastDeployed
        self.deleted = deleted
        self.description = description
        self.status = status
        self.notes = notes
    }

    enum CodingKeys: String, CodingKey {
        case firstDeployed = "first_deployed", lastDeployed = "last_deployed", deleted
        case description, status, notes
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func time(_ key: CodingKeys) throws -> GoTime? {
            if let text = try c.decodeIfPresent(String.self, forKey: key), text.isEmpty { return nil }
            return try c.decodeIfPresent(GoTime.self, forKey: key)
        }
        firstDeployed = try time(.firstDeployed)
        lastDeployed = try time(.lastDeployed)
        deleted = try time(.deleted)
        description = try c.decodeIfPresent(String.self, forKey: .description) ?? ""
        status = try c.decodeIfPresent(ReleaseStatus.self, forKey: .status) ?? .unknown
        notes = try c.decodeIfPresent(String.self, forKey: .notes) ?? ""
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(firstDeployed, forKey: .firstDeployed)
        try c.encodeIfPresent(lastDeployed, forKey: .lastDeployed)
        try c.encodeIfPresent(deleted, forKey: .deleted)
        if !description.isEmpty { try c.encode(description, forKey: .description) }
        try c.encode(status, forKey: .status)
        if !notes.isEmpty { try c.encode(notes, forKey: .notes) }
    }
}

/// Helm's `release.HookExecution`.
public struct HookExecution: Codable, Sendable {
    public var startedAt: GoTime?
    public var completedAt: GoTime?
    public var phase: String

    public init(startedAt: GoTime? = nil, completedAt: GoTime? = nil, phase: String = "") {
        self.startedAt = startedAt
        self.completedAt = completedAt
        self.phase = phase
    }

    enum CodingKeys: String, CodingKey { case startedAt = "started_at", completedAt = "completed_at", phase }
}

/// Helm's `release.Hook`: a manifest run at a lifecycle event instead of being applied with the release.
public struct ReleaseHook: Codable, Sendable {
    public var name: String
    public var kind: String
    public var path: String
    public var manifest: String
    public var events: [String]
    public var lastRun: HookExecution
    public var weight: Int
    public var deletePolicies: [String]
    public var outputLogPolicies: [String]

    public init(name: String, kind: String, path: String, manifest: String, events: [String],
                lastRun: HookExecution = HookExecution(), weight: Int = 0, deletePolicies: [String] = [],
                outputLogPolicies: [String] = []) {
        self.name = name
        self.kind = kind
        self.path = path
        self.manifest = manifest
        self.events = events
        self.lastRun = lastRun
        self.weight = weight
        self.deletePolicies = deletePolicies
        self.outputLogPolicies = outputLogPolicies
    }

    enum CodingKeys: String, CodingKey {
        case name, kind, path, manifest, events, lastRun = "last_run", weight
        case deletePolicies = "delete_policies", outputLogPolicies = "output_log_policies"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? ""
        kind = try c.decodeIfPresent(String.self, forKey: .kind) ?? ""
        path = try c.decodeIfPresent(String.self, forKey: .path) ?? ""
        manifest = try c.decodeIfPresent(String.self, forKey: .manifest) ?? ""
        events = try c.decodeIfPresent([String].self, forKey: .events) ?? []
        lastRun = try c.decodeIfPresent(HookExecution.self, forKey: .lastRun) ?? HookExecution()
        weight = try c.decodeIfPresent(Int.self, forKey: .weight) ?? 0
        deletePolicies = try c.decodeIfPresent([String].self, forKey: .deletePolicies) ?? []
        outputLogPolicies = try c.decodeIfPresent([String].self, forKey: .outputLogPolicies) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        if !name.isEmpty { try c.encode(name, forKey: .name) }
        if !kind.isEmpty { try c.encode(kind, forKey: .kind) }
        if !path.isEmpty { try c.encode(path, forKey: .path) }
        if !manifest.isEmpty { try c.encode(manifest, forKey: .manifest) }
        if !events.isEmpty { try c.encode(events, forKey: .events) }
        try c.encode(lastRun, forKey: .lastRun)
        if weight != 0 { try c.encode(weight, forKey: .weight) }
        if !deletePolicies.isEmpty { try c.encode(deletePolicies, forKey: .deletePolicies) }
        if !outputLogPolicies.isEmpty { try c.encode(outputLogPolicies, forKey: .outputLogPolicies) }
    }
}

/// One revision of a release, with the JSON shape of Helm's `pkg/release/v1.Release`
/// (field names are Helm's json tags) so a later storage format can be Helm's own.
public struct Release: Codable, Sendable {
    public var name: String
    public var info: ReleaseInfo
    /// The whole chart as released, so rollback and `get` need no chart on disk.
    public var chart: ChartSnapshot
    /// The user-supplied values (Helm's `config`).
    public var config: Value
    public var manifest: String
    public var hooks: [ReleaseHook]
    /// The revision number (Helm's json tag `version`).
    public var version: Int
    public var namespace: String
    public var applyMethod: String

    public init(name: String, info: ReleaseInfo, chart: ChartSnapshot, config: Value, manifest: String,
                hooks: [ReleaseHook], version: Int, namespace: String, applyMethod: String = "") {
        self.name = name
        self.info = info
        self.chart = chart
        self.config = config
        self.manifest = manifest
        self.hooks = hooks
        self.version = version
        self.namespace = namespace
        self.applyMethod = applyMethod
    }

    enum CodingKeys: String, CodingKey {
        case name, info, chart, config, manifest, hooks, version, namespace, applyMethod = "apply_method"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? ""
        info = try c.decodeIfPresent(ReleaseInfo.self, forKey: .info) ?? ReleaseInfo()
        chart = try c.decodeIfPresent(ChartSnapshot.self, forKey: .chart) ?? ChartSnapshot()
        config = try c.decodeIfPresent(JSONValue.self, forKey: .config)?.value ?? .null
        manifest = try c.decodeIfPresent(String.self, forKey: .manifest) ?? ""
        hooks = try c.decodeIfPresent([ReleaseHook].self, forKey: .hooks) ?? []
        version = try c.decodeIfPresent(Int.self, forKey: .version) ?? 0
        namespace = try c.decodeIfPresent(String.self, forKey: .namespace) ?? ""
        applyMethod = try c.decodeIfPresent(String.self, forKey: .applyMethod) ?? ""
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        if !name.isEmpty { try c.encode(name, forKey: .name) }
        try c.encode(info, forKey: .info)
        try c.encode(chart, forKey: .chart)
        if let m = config.nonEmptyMap { try c.encode(JSONValue(.map(m)), forKey: .config) }
        if !manifest.isEmpty { try c.encode(manifest, forKey: .manifest) }
        if !hooks.isEmpty { try c.encode(hooks, forKey: .hooks) }
        if version != 0 { try c.encode(version, forKey: .version) }
        if !namespace.isEmpty { try c.encode(namespace, forKey: .namespace) }
        if !applyMethod.isEmpty { try c.encode(applyMethod, forKey: .applyMethod) }
    }

    /// `NAME-VERSION` as Helm's history and list tables print the chart.
    public var chartLabel: String { "\(chart.metadata.name)-\(chart.metadata.version)" }
}
