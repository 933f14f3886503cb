/// The dynamic value that flows through swiftchart: values files, Chart.yaml,
/// template data, function arguments and results.
///
/// The cases mirror the Go types Helm's templates actually see, because Go's
/// type is observable in templates (`typeOf`, `printf "%T"`, `%d` on a float64,
/// `kindIs`) and changes behaviour (`1000000` from YAML prints `1e+06`):
/// - numbers read from YAML or JSON are `float64` (`.float`), as Helm decodes
///   values through `encoding/json`;
/// - integers typed in a template (`{{ 3 }}`), `len`, `atoi`, `int` are Go `int`
///   (`.int`); `--set` integers and most Sprig math results are `int64` (`.int64`);
/// - `.null` is Go's nil interface (a missing map key reads as `.null` as well,
///   which the executor prints as `<no value>`).
/// Maps are unordered as in Go: every consumer that prints a map sorts its keys.
public enum Value: Sendable {
    case null
    case bool(Bool)
    /// Go `int`.
    case int(Int)
    /// Go `int64`.
    case int64(Int64)
    /// Go `float64`.
    case float(Double)
    case string(String)
    /// Go `[]byte` (e.g. `.Files.GetBytes`).
    case bytes([UInt8])
    /// A Go slice: `[]interface{}` (values, `list`, most Sprig results) unless a
    /// function returns a typed slice (`splitList`, `keys`, `toStrings` give
    /// `[]string`; `until` gives `[]int`), which only `typeOf`, `%T`, `%#v` and
    /// `deepEqual` can tell apart.
    case list([Value], elementType: GoElementType = .interface)
    /// Go `map[string]interface{}`: shared by reference, as in Go (see `ValueMap`).
    case map(ValueMap)
    /// Any other Go value with fields and methods: `.Chart`, `.Capabilities`,
    /// `.Files`, `time.Time`, a parsed semver, a generated certificate…
    case object(any GoObject)
}

/// The element type of a Go slice, as `typeOf` names it.
public enum GoElementType: UInt8, Sendable {
    case interface
    case string
    case int

    /// Go's name of a slice of this element type.
    public var sliceTypeName: String {
        switch self {
        case .interface: return "[]interface {}"
        case .string: return "[]string"
        case .int: return "[]int"
        }
    }
}

/// A Go value that is not plain data: templates can read its fields and call its
/// methods, and it knows how Go would print and JSON-encode it.
public protocol GoObject: Sendable {
    /// Go's `%T` / Sprig `typeOf` name, e.g. `*chart.Metadata`, `time.Time`.
    var goTypeName: String { get }
    /// Go's `reflect.Kind` name as Sprig `kindOf` reports it: `struct`, `ptr`, `map`…
    var goKind: String { get }
    /// A field or method by name, or nil when the type has no such member
    /// (the executor then reports Go's "can't evaluate field" error).
    func member(_ name: String) -> GoMember?
    /// How `fmt` prints the value with `%v` (and `print`, `{{ . }}`).
    func formatted() -> String
    /// The value as `encoding/json` would see it (for `toJson`, `toYaml`, `deepCopy`).
    func jsonValue() -> Value
    /// Go's truth value for `if`/`with`/`and`/`or` (structs are always true, nil pointers false).
    var isTruthy: Bool { get }
    /// A struct's JSON field names in declaration order (`encoding/json` writes
    /// struct fields in that order, map keys sorted); nil for maps and non-structs.
    var jsonFieldOrder: [String]? { get }
}

extension GoObject {
    public var goKind: String { "struct" }
    public var isTruthy: Bool { true }
    public var jsonFieldOrder: [String]? { nil }
}

/// A member of a `GoObject`: a plain field, or a method taking arguments.
public enum GoMember: Sendable {
    case field(Value)
    /// `arity` is the number of parameters (nil: variadic); the body receives
    /// the evaluated arguments and may throw an error that the executor reports
    /// as `error calling <name>: <message>`.
    case method(arity: Int?, @Sendable ([Value]) throws -> Value)
}

extension Value {
    /// Go's truthiness as `if`, `with`, `and`, `or`, `not` apply it: false, 0,
    /// nil, and empty strings, lists and maps are false.
    public var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .int64(let i): return i != 0
        case .float(let f): return f != 0
        case .string(let s): return !s.isEmpty
        case .bytes(let b): return !b.isEmpty
        case .list(let l, _): return !l.isEmpty
        case .map(let m): return !m.isEmpty
        case .object(let o): return o.isTruthy
        }
    }

    /// Go's `%T` type name.
    public var goTypeName: String {
        switch self {
        case .null: return "<nil>"
        case .bool: return "bool"
        case .int: return "int"
        case .int64: return "int64"
        case .float: return "float64"
        case .string: return "string"
        case .bytes: return "[]uint8"
        case .list(_, let type): return type.sliceTypeName
        case .map(let m): return m.goTypeName ?? "map[string]interface {}"
        case .object(let o): return o.goTypeName
        }
    }

    /// Go's `reflect.Kind` name (Sprig `kindOf`).
    public var goKind: String {
        switch self {
        case .null: return "invalid"
        case .bool: return "bool"
        case .int: return "int"
        case .int64: return "int64"
        case .float: return "float64"
        case .string: return "string"
        case .bytes, .list: return "slice"
        case .map: return "map"
        case .object(let o): return o.goKind
        }
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The entries of a map value (a snapshot; the map itself stays shared).
    public var mapValue: [String: Value]? {
        if case .map(let m) = self { return m.dictionary }
        return nil
    }

    public var listValue: [Value]? {
        if case .list(let l, _) = self { return l }
        return nil
    }

    /// Reads a key of a map value; nil when this is not a map or the key is absent.
    public subscript(key: String) -> Value? {
        if case .map(let m) = self { return m[key] }
        return nil
    }
}
