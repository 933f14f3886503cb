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
        case let (.list(a), .list(b)): return a == b
        case let (.map(a), .map(b)): return a == b
        case let (.object(a), .object(b)):
            return a.goTypeName == b.goTypeName && a.jsonValue() == b.jsonValue()
        default: return false
        }
    }
}
