/// Helm's plain deep merges (no `null` deletion, no globals).
public enum Merge {
    /// `loader.MergeMaps` / `values.mergeMaps`: keys of `b` win; where both
    /// sides hold maps they are merged recursively; lists and scalars are replaced.
    /// This is how several `-f` files and several documents of one file combine.
    public static func mergeMaps(_ a: [String: Value], _ b: [String: Value]) -> [String: Value] {
        var out = a
        for (k, v) in b {
            if case .map(let bm) = v, case .map(let am)? = out[k] {
                out[k] = .map(mergeMaps(am.dictionary, bm.dictionary))
            } else {
                out[k] = v
            }
        }
        return out
    }
}

extension Value {
    /// This map deep-merged with `overrides` (see `Merge.mergeMaps`); a non-map
    /// side is simply replaced by `overrides`.
    public func merged(overrides: Value) -> Value {
        if case .map(let a) = self, case .map(let b) = overrides { return .map(Merge.mergeMaps(a.dictionary, b.dictionary)) }
        return overrides
    }
}
