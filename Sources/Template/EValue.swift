import Values

/// A value during execution, with the part of Go's `reflect.Value` state the
/// language observes: whether it is statically an `interface{}` (map elements,
/// function results: errors then say `interface {}`), or no value at all.
struct EValue {
    enum State: UInt8 { case concrete, iface, invalid, missing }
    var value: Value
    var state: State

    static let invalid = EValue(value: .null, state: .invalid)
    static let missing = EValue(value: .null, state: .missing)
    static let nilInterface = EValue(value: .null, state: .iface)

    static func concrete(_ v: Value) -> EValue {
        if case .null = v { return nilInterface }
        return EValue(value: v, state: .concrete)
    }

    static func iface(_ v: Value) -> EValue { EValue(value: v, state: .iface) }

    var isMissing: Bool { state == .missing }
    var isValid: Bool { state != .invalid }
    var isNilInterface: Bool {
        if state == .iface, case .null = value { return true }
        return false
    }

    /// Go's `indirectInterface` / the interface dig of `evalPipeline`.
    var dug: EValue {
        guard state == .iface else { return self }
        if case .null = value { return .invalid }
        return EValue(value: value, state: .concrete)
    }

    /// The static Go type name as `reflect.Value.Type()` reports it.
    var typeName: String { state == .iface ? "interface {}" : value.goTypeName }

    /// The value handed to functions (`nil` for no value).
    var argument: Value { value }

    /// Go's template truth (`isTrue(indirectInterface(v))`).
    var truth: Bool {
        let d = dug
        if !d.isValid { return false }
        return d.value.isTruthy
    }
}
