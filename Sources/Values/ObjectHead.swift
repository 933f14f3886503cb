/// What Helm reads of a rendered Kubernetes manifest to sort it and tell
/// hooks apart (`releaseutil.SimpleHead`): `apiVersion`, `kind`,
/// `metadata.name` and the scalar entries of `metadata.annotations`, as text.
public struct ObjectHead: Equatable, Sendable {
    public var apiVersion = ""
    public var kind = ""
    public var name = ""
    public var annotations: [String: String] = [:]

    public init() {}

    /// The head of a document loaded by `YAML.load` whose root is a map,
    /// given that map's `apiVersion`, `kind` and `metadata` entries.
    public init(apiVersion: Value?, kind: Value?, metadata: Value?) {
        self.apiVersion = Self.scalarString(apiVersion) ?? ""
        self.kind = Self.scalarString(kind) ?? ""
        if case .map(let meta)? = metadata {
            name = Self.scalarString(meta["name"]) ?? ""
            if case .map(let ann)? = meta["annotations"] {
                for (k, v) in ann { if let s = Self.scalarString(v) { annotations[k] = s } }
            }
        }
    }

    /// A scalar as the head reads it; nil for null, collections and objects.
    public static func scalarString(_ v: Value?) -> String? {
        switch v {
        case .string(let s)?: return s
        case .bool(let b)?: return b ? "true" : "false"
        case .float(let f)?: return f.rounded() == f && abs(f) < 1e15 ? String(Int64(f)) : String(f)
        case .int(let i)?: return String(i)
        case .int64(let i)?: return String(i)
        default: return nil
        }
    }
}
