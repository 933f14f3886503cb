import Values

/// Helm's `CoalesceTables(dst, src)` for the values a release keeps: `dst` wins, nested
/// maps merge, and a null in `dst` deletes the key. Used for the upgrade reuse modes.
func coalesceTables(_ dst: Value, _ src: Value) -> Value {
    guard case .map(var result) = dst else {
        if case .null = dst { return src }
        return dst
    }
    guard case .map(let source) = src else { return dst }
    for (key, srcValue) in source {
        if let dstValue = result[key] {
            if case .null = dstValue {
                result[key] = nil
            } else if case .map = dstValue, case .map = srcValue {
                result[key] = coalesceTables(dstValue, srcValue)
            }
        } else {
            result[key] = srcValue
        }
    }
    return .map(result)
}
