import Foundation
import Values

/// A file of a released chart (Helm's `common.File`): its chart-relative name and bytes,
/// encoded as base64 in JSON as Go encodes `[]byte`.
public struct ChartFile: Codable, Sendable, Equatable {
    public var name: String
    public var data: [UInt8]

    public init(name: String, data: [UInt8]) {
        self.name = name
        self.data = data
    }

    enum CodingKeys: String, CodingKey { case name, data }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        let text = try c.decodeIfPresent(String.self, forKey: .data) ?? ""
        guard let bytes = Data(base64Encoded: text) else {
            throw DecodingError.dataCorruptedError(forKey: .data, in: c, debugDescription: "file \(name): invalid base64")
        }
        data = [UInt8](bytes)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(Data(data).base64EncodedString(), forKey: .data)
    }
}

/// A chart maintainer as `Chart.yaml` declares it.
public struct ChartMaintainer: Codable, Sendable, Equatable {
    public var name: String?
    public var email: String?
    public var url: String?

    public init(name: String? = nil, email: String? = nil, url: String? = nil) {
        self.name = name
        self.email = email
        self.url = url
    }
}

/// A dependency entry of `Chart.yaml` as the release record keeps it.
public struct ChartDependencyReference: Codable, Sendable, Equatable {
    public var name: String
    public var version: String?
    public var repository: String?
    public var condition: String?
    public var alias: String?

    public init(name: String, version: String? = nil, repository: String? = nil, condition: String? = nil,
                alias: String? = nil) {
        self.name = name
        self.version = version
        self.repository = repository
        self.condition = condition
        self.alias = alias
    }
}

/// `Chart.yaml` as Helm's `chart.Metadata` encodes it (json tags, empty fields omitted).
public struct ChartMetadata: Codable, Sendable, Equatable {
    public var name: String = ""
    public var home: String?
    public var sources: [String]?
    public var version: String = ""
    public var description: String?
    public var keywords: [String]?
    public var maintainers: [ChartMaintainer]?
    public var icon: String?
    public var apiVersion: String?
    public var condition: String?
    public var tags: String?
    public var appVersion: String?
    public var deprecated: Bool?
    public var annotations: [String: String]?
    public var kubeVersion: String?
    public var dependencies: [ChartDependencyReference]?
    public var type: String?

    public init(name: String = "", version: String = "", appVersion: String? = nil, apiVersion: String? = "v2") {
        self.name = name
        self.version = version
        self.appVersion = appVersion
        self.apiVersion = apiVersion
    }

    enum CodingKeys: String, CodingKey {
        case name, home, sources, version, description, keywords, maintainers, icon, apiVersion, condition, tags
        case appVersion, deprecated, annotations, kubeVersion, dependencies, type
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? ""
        home = try c.decodeIfPresent(String.self, forKey: .home)
        sources = try c.decodeIfPresent([String].self, forKey: .sources)
        version = try c.decodeIfPresent(String.self, forKey: .version) ?? ""
        description = try c.decodeIfPresent(String.self, forKey: .description)
        keywords = try c.decodeIfPresent([String].self, forKey: .keywords)
        maintainers = try c.decodeIfPresent([ChartMaintainer].self, forKey: .maintainers)
        icon = try c.decodeIfPresent(String.self, forKey: .icon)
        apiVersion = try c.decodeIfPresent(String.self, forKey: .apiVersion)
        condition = try c.decodeIfPresent(String.self, forKey: .condition)
        tags = try c.decodeIfPresent(String.self, forKey: .tags)
        appVersion = try c.decodeIfPresent(String.self, forKey: .appVersion)
        deprecated = try c.decodeIfPresent(Bool.self, forKey: .deprecated)
        annotations = try c.decodeIfPresent([String: String].self, forKey: .annotations)
        kubeVersion = try c.decodeIfPresent(String.self, forKey: .kubeVersion)
        dependencies = try c.decodeIfPresent([ChartDependencyReference].self, forKey: .dependencies)
        type = try c.decodeIfPresent(String.self, forKey: .type)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        func put(_ value: String?, _ key: CodingKeys) throws {
            if let value, !value.isEmpty { try c.encode(value, forKey: key) }
        }
        func put(_ value: [String]?, _ key: CodingKeys) throws {
            if let value, !value.isEmpty { try c.encode(value, forKey: key) }
        }
        try put(name, .name)
        try put(home, .home)
        try put(sources, .sources)
        try put(version, .version)
        try put(description, .description)
        try put(keywords, .keywords)
        if let maintainers, !maintainers.isEmpty { try c.encode(maintainers, forKey: .maintainers) }
        try put(icon, .icon)
        try put(apiVersion, .apiVersion)
        try put(condition, .condition)
        try put(tags, .tags)
        try put(appVersion, .appVersion)
        if deprecated == true { try c.encode(true, forKey: .deprecated) }
        if let annotations, !annotations.isEmpty { try c.encode(annotations, forKey: .annotations) }
        try put(kubeVersion, .kubeVersion)
        if let dependencies, !dependencies.isEmpty { try c.encode(dependencies, forKey: .dependencies) }
        try put(type, .type)
    }
}

/// The released chart as Helm's `chart.Chart` encodes it: metadata, templates, default
/// values, schema and other files. Kept whole in every revision so that rollback,
/// `get values --all` and `--reuse-values` work without the chart on disk.
public struct ChartSnapshot: Codable, Sendable {
    public var metadata: ChartMetadata
    public var lock: Value
    public var templates: [ChartFile]
    public var values: Value
    public var schema: [UInt8]?
    public var files: [ChartFile]

    public init(metadata: ChartMetadata = ChartMetadata(), lock: Value = .null, templates: [ChartFile] = [],
                values: Value = .null, schema: [UInt8]? = nil, files: [ChartFile] = []) {
        self.metadata = metadata
        self.lock = lock
        self.templates = templates
        self.values = values
        self.schema = schema
        self.files = files
    }

    enum CodingKeys: String, CodingKey { case metadata, lock, templates, values, schema, files }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        metadata = try c.decodeIfPresent(ChartMetadata.self, forKey: .metadata) ?? ChartMetadata()
        lock = try c.decodeIfPresent(JSONValue.self, forKey: .lock)?.value ?? .null
        templates = try c.decodeIfPresent([ChartFile].self, forKey: .templates) ?? []
        values = try c.decodeIfPresent(JSONValue.self, forKey: .values)?.value ?? .null
        if let text = try c.decodeIfPresent(String.self, forKey: .schema) {
            guard let bytes = Data(base64Encoded: text) else {
                throw DecodingError.dataCorruptedError(forKey: .schema, in: c, debugDescription: "invalid base64 schema")
            }
            schema = [UInt8](bytes)
        } else {
            schema = nil
        }
        files = try c.decodeIfPresent([ChartFile].self, forKey: .files) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(metadata, forKey: .metadata)
        try c.encode(JSONValue(lock), forKey: .lock)
        if templates.isEmpty { try c.encodeNil(forKey: .templates) } else { try c.encode(templates, forKey: .templates) }
        try c.encode(JSONValue(values), forKey: .values)
        if let schema { try c.encode(Data(schema).base64EncodedString(), forKey: .schema) } else {
            try c.encodeNil(forKey: .schema)
        }
        if files.isEmpty { try c.encodeNil(forKey: .files) } else { try c.encode(files, forKey: .files) }
    }
}
