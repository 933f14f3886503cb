extension Value: Equatable {
    /// Deep structural equality. Numbers compare by Go type and value (an
    /// `.int(1)` is not a `.float(1)`, as in Go's `reflect.DeepEqual`); objects
    /// compare by their JSON value.
    public static func == (lhs: Value, rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.int(a), .int(b)): return a == b
        case let (.int64(a), .int64(b)): return a == b
        case let (.float(a), .float(b)): return a == b || (a.isNaN && b.isNaN)
        case let (.string(a), .string(b)): return a == b
        case let (.bytes(a), .bytes(b)): return a == b
        case let (.list(a, _), .list(b, _)): return a == b
        case let (.map(a), .map(b)): return a.sharesEntries(with: b) || a.dictionary == b.dictionary
        case let (.object(a), .object(b)):
            return a.goTypeName == b.goTypeName && a.jsonValue() == b.jsonValue()
        default: return false
        }
    }
}

extension Value {
    /// The JSON kind Go's `encoding/json` names in "cannot unmarshal <kind>
    /// into Go value of type …" errors: object, array, string, number, bool, null.
    public var jsonKindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "bool"
        case .int, .int64, .float: return "number"
        case .string, .bytes: return "string"
        case .list: return "array"
        case .map: return "object"
        case .object(let o): return o.jsonValue().jsonKindName
        }
    }
}
