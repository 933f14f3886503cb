import Template
import Values

/// The `reflect`-based predicates Sprig uses: `empty`, `reflect.DeepEqual`,
/// and the kind names its error messages print.
enum GoReflect {
    /// Sprig's `empty`: nil, false, 0, and empty strings/lists/maps; structs never.
    static func isEmpty(_ v: Value) -> Bool {
        switch v {
        case .null: return true
        case .bool(let b): return !b
        case .int(let i): return i == 0
        case .int64(let i): return i == 0
        case .float(let f): return f == 0
        case .string(let s): return s.isEmpty
        case .bytes(let b): return b.isEmpty
        case .list(let l, _): return l.isEmpty
        case .map(let m): return m.isEmpty
        case .object: return false
        }
    }

    /// `reflect.DeepEqual`: same Go type and deeply equal contents.
    static func deepEqual(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.int64(let x), .int64(let y)): return x == y
        case (.float(let x), .float(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.bytes(let x), .bytes(let y)): return x == y
        case (.list(let x, let xType), .list(let y, let yType)):
            return xType == yType && x.count == y.count && zip(x, y).allSatisfy { deepEqual($0, $1) }
        case (.map(let x), .map(let y)):
            guard x.count == y.count else { return false }
            for (k, v) in x {
                guard let w = y[k], deepEqual(v, w) else { return false }
            }
            return true
        case (.object(let x), .object(let y)):
            return x.goTypeName == y.goTypeName && x.formatted() == y.formatted()
                && deepEqual(x.jsonValue(), y.jsonValue())
        default: return false
        }
    }

    /// Kind name as `reflect.Kind.String()` prints it in Sprig's messages.
    static func kindName(_ v: Value) -> String { v.goKind }

    static let nilDereference = FunctionError("runtime error: invalid memory address or nil pointer dereference")

    /// The elements of a Go slice or array argument, or nil when `v` is not one.
    static func sliceElements(_ v: Value) -> [Value]? {
        switch v {
        case .list(let l, _): return l
        case .bytes(let b): return b.map { .int(Int($0)) }
        case .object(let o) where o.goKind == "slice" || o.goKind == "array":
            return o.jsonValue().listValue
        default: return nil
        }
    }
}
