import Values

/// The contents of `Chart.yaml`: Helm's `chart.Metadata`, field for field.
/// Optional collections stay `nil` when absent so that re-encoding keeps
/// `omitempty` behaviour.
public struct ChartMetadata: Sendable, Codable, Equatable {
    public var name: String = ""
    public var home: String = ""
    public var sources: [String]? = nil
    public var version: String = ""
    public var description: String = ""
    public var keywords: [String]? = nil
    public var maintainers: [ChartMaintainer]? = nil
    public var icon: String = ""
    /// `v1` (Helm 2 charts, dependencies in requirements.yaml) or `v2`.
    public var apiVersion: String = ""
    public var condition: String = ""
    public var tags: String = ""
    public var appVersion: String = ""
    public var deprecated: Bool = false
    public var annotations: [String: String]? = nil
    /// A SemVer constraint on the Kubernetes version.
    public var kubeVersion: String = ""
    public var dependencies: [ChartDependency]? = nil
    /// `application` (or empty) or `library`.
    public var type: String = ""

    public init() {}

    public var isLibrary: Bool { type.lowercased() == "library" }
}

/// A chart maintainer (`chart.Maintainer`).
public struct ChartMaintainer: Sendable, Codable, Equatable {
    public var name: String = ""
    public var email: String = ""
    public var url: String = ""
    public init(name: String = "", email: String = "", url: String = "") {
        self.name = name
        self.email = email
        self.url = url
    }
}

/// A dependency declared in `Chart.yaml` (`chart.Dependency`).
public struct ChartDependency: Sendable, Codable, Equatable {
    public var name: String = ""
    public var version: String = ""
    public var repository: String = ""
    /// Comma-separated values paths resolving to booleans that enable the subchart.
    public var condition: String = ""
    public var tags: [String]? = nil
    /// Whether the dependency is rendered; computed from condition and tags.
    public var enabled: Bool = false
    /// Each item is a string (a key under the child's `exports`) or a map with `child` and `parent`.
    public var importValues: [ImportValue]? = nil
    public var alias: String = ""
    public init() {}

    enum CodingKeys: String, CodingKey {
        case name, version, repository, condition, tags, enabled, alias
        case importValues = "import-values"
    }
}

/// One `import-values` entry of a dependency.
public enum ImportValue: Sendable, Codable, Equatable {
    /// `- data`: imports `exports.data` of the child into the parent's root.
    case exported(String)
    /// `- child: a.b` / `parent: c`.
    case mapping(child: String, parent: String)

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let s = try? container.decode(String.self) {
            self = .exported(s)
        } else {
            let m = try container.decode([String: String].self)
            self = .mapping(child: m["child"] ?? "", parent: m["parent"] ?? "")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .exported(let s): try container.encode(s)
        case .mapping(let child, let parent): try container.encode(["child": child, "parent": parent])
        }
    }
}
