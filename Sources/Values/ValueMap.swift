/// Go's `map[string]interface{}`: a reference type, as in Go.
///
/// Charts rely on maps being shared: `{{ $_ := set $ctx "k" 1 }}`, `merge`,
/// `mergeOverwrite` and `unset` change the map every other holder sees
/// (`.Values`, a variable, an `include` argument). Reading is dictionary-like;
/// the only mutations are the explicit in-place ones below, so code that wants
/// a modified copy must say so (`var d = m.dictionary; d[k] = v; .map(d)`).
public final class ValueMap: @unchecked Sendable {
    /// The entries. Rendering is single-threaded; a map is only mutated by the
    /// template run that owns it.
    public private(set) var dictionary: [String: Value]

    public init(_ dictionary: [String: Value] = [:]) {
        self.dictionary = dictionary
    }

    public subscript(key: String) -> Value? { dictionary[key] }
    public var count: Int { dictionary.count }
    public var isEmpty: Bool { dictionary.isEmpty }
    public var keys: Dictionary<String, Value>.Keys { dictionary.keys }
    public var values: Dictionary<String, Value>.Values { dictionary.values }
    /// Keys in Go's sorted order (byte-wise, as Go compares strings).
    public var sortedKeys: [String] { dictionary.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } }

    /// Go `m[key] = value`: visible to every holder of this map.
    public func set(_ key: String, _ value: Value) { dictionary[key] = value }
    /// Go `delete(m, key)`.
    public func remove(_ key: String) { dictionary.removeValue(forKey: key) }
    /// Replaces every entry in place (used by in-place merges).
    public func replaceAll(with dictionary: [String: Value]) { self.dictionary = dictionary }

    /// A map with its own copy of every nested map and list (Sprig `deepCopy`).
    public func deepCopy() -> ValueMap { ValueMap(dictionary.mapValues { $0.deepCopy() }) }
}

extension ValueMap: Sequence {
    public func makeIterator() -> Dictionary<String, Value>.Iterator { dictionary.makeIterator() }
}

extension Value {
    /// A map value from a dictionary (a new Go map).
    public static func map(_ dictionary: [String: Value]) -> Value { .map(ValueMap(dictionary)) }

    /// A copy sharing no maps with the original: what the Engine hands to
    /// templates so that their in-place changes never reach the loaded chart.
    public func deepCopy() -> Value {
        switch self {
        case .map(let m): return .map(m.deepCopy())
        case .list(let l): return .list(l.map { $0.deepCopy() })
        default: return self
        }
    }
}
