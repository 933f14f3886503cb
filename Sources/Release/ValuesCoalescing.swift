import Values

/// Helm's `CoalesceTables(dst, src)` on release values: `dst` wins, nested maps merge,
/// a null in `dst` deletes the key. Non-map operands: `dst` unless it is null.
func coalesceTables(_ dst: Value, _ src: Value) -> Value {
    guard case .map(let d) = dst else {
        if case .null = dst { return src }
        return dst
    }
    guard case .map(let s) = src else { return dst }
    return .map(Coalesce.tables(d.dictionary, s.dictionary).values)
}
