/// How jsonschema sees a Helm values tree: JSON types, numbers compared by
/// value (`1` equals `1.0`), Go objects by their JSON form.
enum SchemaInstance {
    static func normalized(_ v: Value) -> Value {
        if case .object(let o) = v { return normalized(o.jsonValue()) }
        return v
    }

    static func typeOf(_ v: Value) -> SchemaTypes? {
        switch v {
        case .null: return .null
        case .bool: return .boolean
        case .int, .int64, .float: return .number
        case .string: return .string
        case .list: return .array
        case .map: return .object
        case .bytes, .object: return nil
        }
    }

    static func typeName(_ t: SchemaTypes) -> String { t.names.first ?? "" }

    static func number(_ v: Value) -> (SchemaDecimal, Double)? {
        switch v {
        case .int(let i): return (SchemaDecimal(Int64(i)), Double(i))
        case .int64(let i): return (SchemaDecimal(i), Double(i))
        case .float(let d): return (SchemaDecimal(d), d)
        default: return nil
        }
    }

    static func isInteger(_ v: Value) -> Bool {
        number(v)?.0.isInteger ?? false
    }

    /// Deep equality between an instance value and a schema value (enum, const).
    static func equals(_ v: Value, _ s: SchemaJSON) -> Bool {
        switch (normalized(v), s) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.list(a, _), .array(b)):
            return a.count == b.count && zip(a, b).allSatisfy { equals($0, $1) }
        case let (.map(a), .object(b)):
            return a.count == b.count && a.allSatisfy { k, x in b[k].map { equals(x, $0) } ?? false }
        case let (x, .number(d, _)):
            guard let n = number(x) else { return false }
            return SchemaDecimal.compare(n.0, d) == 0
        default: return false
        }
    }

    /// Deep equality between two instance values (uniqueItems).
    static func equals(_ a: Value, _ b: Value) -> Bool {
        switch (normalized(a), normalized(b)) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.list(x, _), .list(y, _)):
            return x.count == y.count && zip(x, y).allSatisfy { equals($0, $1) }
        case let (.map(x), .map(y)):
            return x.count == y.count && x.allSatisfy { k, xv in y[k].map { equals(xv, $0) } ?? false }
        case let (x, y):
            guard let m = number(x), let n = number(y) else { return false }
            return SchemaDecimal.compare(m.0, n.0) == 0
        }
    }
}
