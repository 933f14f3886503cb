import Values

/// Reads `Chart.yaml` (and requirements/lock files) the way Helm does with
/// `sigs.k8s.io/yaml`: YAML becomes JSON, then `encoding/json` fills the Go
/// struct. Unknown keys are ignored, scalars are converted to strings for
/// string fields, and a type mismatch fails with Go's message.
struct MetadataDecoder {
    /// Prefix of field paths in Go's messages (`.`, `.dependencies.0.`).
    let fieldPrefix: String

    struct Mismatch: Error {
        let message: String
    }

    func string(_ value: Value?, field: String) throws -> String {
        guard let value else { return "" }
        switch value {
        case .null: return ""
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .int64(let i): return String(i)
        case .float(let f): return Self.yamlNumberAsString(f)
        default: throw mismatch(value, field: field, goType: "string")
        }
    }

    func bool(_ value: Value?, field: String) throws -> Bool {
        guard let value else { return false }
        switch value {
        case .null: return false
        case .bool(let b): return b
        default: throw mismatch(value, field: field, goType: "bool")
        }
    }

    func strings(_ value: Value?, field: String) throws -> [String]? {
        guard let value else { return nil }
        switch value {
        case .null: return nil
        case .list(let items, _): return try items.map { try string($0, field: field) }
        default: throw mismatch(value, field: field, goType: "[]string")
        }
    }

    func stringMap(_ value: Value?, field: String) throws -> [String: String]? {
        guard let value else { return nil }
        switch value {
        case .null: return nil
        case .map(let m):
            var out: [String: String] = [:]
            for (k, v) in m { out[k] = try string(v, field: field + "." + k) }
            return out
        default: throw mismatch(value, field: field, goType: "map[string]string")
        }
    }

    func mismatch(_ value: Value, field: String, goType: String) -> Mismatch {
        Mismatch(message: "json: cannot unmarshal \(Self.jsonKind(value)) into Go struct field \(fieldPrefix)\(field) of type \(goType)")
    }

    static func jsonKind(_ value: Value) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "bool"
        case .int, .int64, .float: return "number"
        case .string, .bytes: return "string"
        case .list: return "array"
        case .map, .object: return "object"
        }
    }

    /// `sigs.k8s.io/yaml` turns a YAML number into a string field with
    /// `strconv.FormatInt` for integers and `FormatFloat(f, 'g', -1, 32)` for
    /// floats (so `appVersion: 1.10` reads as `"1.1"`).
    static func yamlNumberAsString(_ f: Double) -> String {
        if f.rounded() == f, abs(f) < 9.007_199_254_740_992e15 {
            return String(Int64(f))
        }
        return GoFloat.format(f, fmt: UInt8(ascii: "g"), precision: -1, bitSize: 32)
    }
}

extension ChartMetadata {
    /// Fills metadata from a parsed `Chart.yaml` document (a map; `null` for an empty file).
    init(decoding value: Value) throws {
        self.init()
        try merge(decoding: value)
    }

    /// Overlays the keys present in `value` (how Helm reads `requirements.yaml` into the same struct).
    mutating func merge(decoding value: Value) throws {
        let d = MetadataDecoder(fieldPrefix: ".")
        guard case .map(let m) = value else {
            if case .null = value { return }
            throw MetadataDecoder.Mismatch(message: "json: cannot unmarshal \(MetadataDecoder.jsonKind(value)) into Go value of type v2.Metadata")
        }
        if m["name"] != nil { name = try d.string(m["name"], field: "name") }
        if m["home"] != nil { home = try d.string(m["home"], field: "home") }
        if m["sources"] != nil { sources = try d.strings(m["sources"], field: "sources") }
        if m["version"] != nil { version = try d.string(m["version"], field: "version") }
        if m["description"] != nil { description = try d.string(m["description"], field: "description") }
        if m["keywords"] != nil { keywords = try d.strings(m["keywords"], field: "keywords") }
        if let raw = m["maintainers"] {
            switch raw {
            case .null: maintainers = nil
            case .list(let items, _): maintainers = try items.enumerated().map { try ChartMaintainer(decoding: $0.element, index: $0.offset) }
            default: throw d.mismatch(raw, field: "maintainers", goType: "[]*v2.Maintainer")
            }
        }
        if m["icon"] != nil { icon = try d.string(m["icon"], field: "icon") }
        if m["apiVersion"] != nil { apiVersion = try d.string(m["apiVersion"], field: "apiVersion") }
        if m["condition"] != nil { condition = try d.string(m["condition"], field: "condition") }
        if m["tags"] != nil { tags = try d.string(m["tags"], field: "tags") }
        if m["appVersion"] != nil { appVersion = try d.string(m["appVersion"], field: "appVersion") }
        if m["deprecated"] != nil { deprecated = try d.bool(m["deprecated"], field: "deprecated") }
        if m["annotations"] != nil { annotations = try d.stringMap(m["annotations"], field: "annotations") }
        if m["kubeVersion"] != nil { kubeVersion = try d.string(m["kubeVersion"], field: "kubeVersion") }
        if let raw = m["dependencies"] {
            dependencies = try ChartDependency.decodeList(raw, fieldPrefix: ".")
        }
        if m["type"] != nil { type = try d.string(m["type"], field: "type") }
    }
}

extension ChartMaintainer {
    init(decoding value: Value, index: Int) throws {
        self.init()
        let d = MetadataDecoder(fieldPrefix: ".maintainers.\(index).")
        guard case .map(let m) = value else {
            if case .null = value { throw ChartError.validation("maintainers must not contain empty or null nodes") }
            throw d.mismatch(value, field: "maintainers", goType: "v2.Maintainer")
        }
        name = try d.string(m["name"], field: "name")
        email = try d.string(m["email"], field: "email")
        url = try d.string(m["url"], field: "url")
    }
}

extension ChartDependency {
    static func decodeList(_ raw: Value, fieldPrefix: String) throws -> [ChartDependency]? {
        switch raw {
        case .null: return nil
        case .list(let items, _): return try items.enumerated().map { try ChartDependency(decoding: $0.element, index: $0.offset) }
        default:
            throw MetadataDecoder(fieldPrefix: fieldPrefix).mismatch(raw, field: "dependencies", goType: "[]*v2.Dependency")
        }
    }

    init(decoding value: Value, index: Int) throws {
        self.init()
        let d = MetadataDecoder(fieldPrefix: ".dependencies.\(index).")
        guard case .map(let m) = value else {
            if case .null = value { throw ChartError.validation("dependencies must not contain empty or null nodes") }
            throw d.mismatch(value, field: "dependencies", goType: "v2.Dependency")
        }
        name = try d.string(m["name"], field: "name")
        version = try d.string(m["version"], field: "version")
        repository = try d.string(m["repository"], field: "repository")
        condition = try d.string(m["condition"], field: "condition")
        tags = try d.strings(m["tags"], field: "tags")
        enabled = try d.bool(m["enabled"], field: "enabled")
        alias = try d.string(m["alias"], field: "alias")
        if let raw = m["import-values"] {
            switch raw {
            case .null: importValues = nil
            case .list(let items, _):
                importValues = try items.map { item in
                    switch item {
                    case .map(let pair):
                        return .mapping(child: try d.string(pair["child"], field: "import-values"),
                                        parent: try d.string(pair["parent"], field: "import-values"))
                    default:
                        return .exported(try d.string(item, field: "import-values"))
                    }
                }
            default: throw d.mismatch(raw, field: "import-values", goType: "[]interface {}")
            }
        }
    }
}
