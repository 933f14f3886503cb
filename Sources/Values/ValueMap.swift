/// Go's `map[string]interface{}`: a reference type, as in Go.
///
/// Charts rely on maps being shared: `{{ $_ := set $ctx "k" 1 }}`, `merge`,
/// `mergeOverwrite` and `unset` change the map every other holder sees
/// (`.Values`, a variable, an `include` argument). Reading is dictionary-like;
/// the only mutations are the explicit in-place ones below, so code that wants
/// a modified copy must say so (`var d = m.dictionary; d[k] = v; .map(d)`).
///
/// Go also distinguishes named map types with the same underlying type: Helm
/// hands templates `common.Values` (the data and `.Values`), which `%T`/`typeOf`
/// print and which Sprig's `dig` rejects (it asserts `map[string]interface{}`).
/// `goTypeName` records such a name; `ValueMap(sharing:goTypeName:)` is Go's
/// conversion `common.Values(m)`: the same entries under another type.
public final class ValueMap: @unchecked Sendable {
    /// The entries, shared by every `ValueMap` converted from the same map.
    final class Storage: @unchecked Sendable {
        var dictionary: [String: Value]
        init(_ dictionary: [String: Value]) { self.dictionary = dictionary }
    }

    private let storage: Storage
    /// Go's named map type (`common.Values`), nil for `map[string]interface {}`.
    public let goTypeName: String?

    /// The entries. Rendering is single-threaded; a map is only mutated by the
    /// template run that owns it.
    public var dictionary: [String: Value] { storage.dictionary }

    public init(_ dictionary: [String: Value] = [:], goTypeName: String? = nil) {
        storage = Storage(dictionary)
        self.goTypeName = goTypeName
    }

    /// Go's conversion to another map type: the same entries (changes through
    /// either are seen by both), typed `goTypeName`.
    public init(sharing other: ValueMap, goTypeName: String?) {
        storage = other.storage
        self.goTypeName = goTypeName
    }

    /// Whether both name the same Go map (possibly under different types).
    public func sharesEntries(with other: ValueMap) -> Bool { storage === other.storage }

    public subscript(key: String) -> Value? { storage.dictionary[key] }
    public var count: Int { storage.dictionary.count }
    public var isEmpty: Bool { storage.dictionary.isEmpty }
    public var keys: Dictionary<String, Value>.Keys { storage.dictionary.keys }
    public var values: Dictionary<String, Value>.Values { storage.dictionary.values }
    /// Keys in Go's sorted order (byte-wise, as Go compares strings).
    public var sortedKeys: [String] { storage.dictionary.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } }

    /// Go `m[key] = value`: visible to every holder of this map.
    public func set(_ key: String, _ value: Value) { storage.dictionary[key] = value }
    /// Go `delete(m, key)`.
    public func remove(_ key: String) { storage.dictionary.removeValue(forKey: key) }
    /// Replaces every entry in place (used by in-place merges).
    public func replaceAll(with dictionary: [String: Value]) { storage.dictionary = dictionary }

    /// A map with its own copy of every nested map and list (Sprig `deepCopy`;
    /// the copy keeps the Go type, as `copystructure` does).
    public func deepCopy() -> ValueMap { ValueMap(storage.dictionary.mapValues { $0.deepCopy() }, goTypeName: goTypeName) }
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
        case .list(let l, let type): return .list(l.map { $0.deepCopy() }, elementType: type)
        default: return self
        }
    }
}
