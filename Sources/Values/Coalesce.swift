/// A chart as value coalescing sees it: its default values and its enabled
/// dependencies. `name` is the key under which the parent holds the chart's
/// values (the dependency alias when one is set, else the chart name).
public struct CoalesceChart: Sendable {
    public var name: String
    public var values: [String: Value]
    public var dependencies: [CoalesceChart]

    public init(name: String, values: [String: Value], dependencies: [CoalesceChart] = []) {
        self.name = name
        self.values = values
        self.dependencies = dependencies
    }
}

/// Helm v4's chart value coalescing (`pkg/chart/common/util/coalesce.go`):
/// user values over chart defaults, maps merged, everything else replaced;
/// a user `null` deletes the chart default; `null`s among chart defaults are
/// dropped; each subchart's defaults land under its key with `global` copied
/// down. Helm logs type conflicts and goes on; they are returned as `warnings`
/// (Helm's wording, e.g. `warning: skipped value for c.x: Not a table.`).
public enum Coalesce {
    public static let globalKey = "global"

    public struct Result: Sendable {
        public var values: [String: Value]
        public var warnings: [String]
    }

    /// `CoalesceValues(chart, userValues)`: the values the templates see.
    /// Throws `type mismatch on <sub>: …` when a subchart's key holds a non-map.
    public static func values(chart: CoalesceChart, userValues: [String: Value]) throws(ValuesError) -> Result {
        var c = Coalescer(merge: false)
        let v = try c.coalesce(chart, userValues, prefix: "")
        return Result(values: v, warnings: c.warnings)
    }

    /// `MergeValues(chart, userValues)`: as `values`, but `null`s are kept
    /// (Helm uses it before import-values processing).
    public static func mergeValues(chart: CoalesceChart, userValues: [String: Value]) throws(ValuesError) -> Result {
        var c = Coalescer(merge: true)
        let v = try c.coalesce(chart, userValues, prefix: "")
        return Result(values: v, warnings: c.warnings)
    }

    /// `CoalesceTables(dst, src)`: `dst` wins; a `null` in `dst` deletes a non-null `src` key.
    public static func tables(_ dst: [String: Value], _ src: [String: Value]) -> Result {
        var c = Coalescer(merge: false)
        let v = c.tables(dst, src, prefix: "")
        return Result(values: v, warnings: c.warnings)
    }

    /// `MergeTables(dst, src)`: `dst` wins, `null`s are kept.
    public static func mergeTables(_ dst: [String: Value], _ src: [String: Value]) -> Result {
        var c = Coalescer(merge: true)
        let v = c.tables(dst, src, prefix: "")
        return Result(values: v, warnings: c.warnings)
    }

    /// `coalesceGlobals`: the parent's `global` map merged into the subchart
    /// values' `global` (parent entries win for scalars, maps merge top-down).
    public static func globals(into dest: [String: Value], from parent: [String: Value], prefix: String = "") -> Result {
        var c = Coalescer(merge: false)
        let v = c.globals(dest, parent, prefix: prefix)
        return Result(values: v, warnings: c.warnings)
    }

    /// Removes `null` entries recursively (Helm's `cleanNilValues`).
    public static func removingNulls(_ m: [String: Value]) -> [String: Value] {
        var out: [String: Value] = [:]
        out.reserveCapacity(m.count)
        for (k, v) in m {
            switch v {
            case .null: continue
            case .map(let sub): out[k] = .map(removingNulls(sub.dictionary))
            default: out[k] = v
            }
        }
        return out
    }
}

struct Coalescer {
    let merge: Bool
    var warnings: [String] = []

    init(merge: Bool) { self.merge = merge }

    static func concat(_ a: String, _ b: String) -> String { a.isEmpty ? b : a + "." + b }

    mutating func coalesce(_ ch: CoalesceChart, _ dest: [String: Value], prefix: String) throws(ValuesError) -> [String: Value] {
        var v = coalesceValues(ch, dest, prefix: prefix)
        let subPrefix = Self.concat(prefix, ch.name)
        for sub in ch.dependencies {
            var dvmap: [String: Value]
            switch v[sub.name] {
            case nil: dvmap = [:]
            case .map(let m)?: dvmap = m.dictionary
            case let other?:
                throw ValuesError(message: "type mismatch on \(sub.name): \(GoPrint.badVerb("t", other))")
            }
            dvmap = globals(dvmap, v, prefix: subPrefix)
            v[sub.name] = .map(try coalesce(sub, dvmap, prefix: subPrefix))
        }
        return v
    }

    mutating func globals(_ dest: [String: Value], _ src: [String: Value], prefix: String) -> [String: Value] {
        var dg: [String: Value]
        switch dest[Coalesce.globalKey] {
        case nil: dg = [:]
        case .map(let m)?: dg = m.dictionary
        default:
            warnings.append("warning: skipping globals because destination \(Coalesce.globalKey) is not a table.")
            return dest
        }
        let sg: [String: Value]
        switch src[Coalesce.globalKey] {
        case nil: sg = [:]
        case .map(let m)?: sg = m.dictionary
        default:
            warnings.append("warning: skipping globals because source \(Coalesce.globalKey) is not a table.")
            return dest
        }
        for key in sortedKeys(sg) {
            guard let val = sg[key] else { continue }
            if case .map(let vv) = val {
                switch dg[key] {
                case nil:
                    dg[key] = val
                case .map(let destvmap)?:
                    var inner = Coalescer(merge: true)
                    let merged = inner.tables(vv.dictionary, destvmap.dictionary, prefix: Self.concat(prefix, key))
                    warnings += inner.warnings
                    dg[key] = .map(merged)
                default:
                    warnings.append("Conflict: cannot merge map onto non-map for \(GoPrint.quote(key)). Skipping.")
                }
            } else if case .map? = dg[key] {
                warnings.append("key \(key) is table. Skipping")
            } else {
                dg[key] = val
            }
        }
        var out = dest
        out[Coalesce.globalKey] = .map(dg)
        return out
    }

    mutating func coalesceValues(_ c: CoalesceChart, _ input: [String: Value], prefix: String) -> [String: Value] {
        var v = input
        let subPrefix = Self.concat(prefix, c.name)
        for key in sortedKeys(c.values) {
            guard let val = c.values[key] else { continue }
            if let value = v[key] {
                if case .null = value, !merge {
                    v[key] = nil
                } else if case .map(let dest) = value {
                    guard case .map(let srcMap) = val else {
                        if !val.isNull { warnings.append("warning: skipped value for \(subPrefix).\(key): Not a table.") }
                        continue
                    }
                    let childMerge = merge || c.dependencies.contains { $0.name == key }
                    var src = srcMap.dictionary
                    if !childMerge { src = Coalesce.removingNulls(src) }
                    var inner = Coalescer(merge: childMerge)
                    v[key] = .map(inner.tables(dest.dictionary, src, prefix: Self.concat(subPrefix, key)))
                    warnings += inner.warnings
                }
            } else {
                if !merge {
                    if val.isNull { continue }
                    if case .map(let sub) = val { v[key] = .map(Coalesce.removingNulls(sub.dictionary)); continue }
                }
                v[key] = val
            }
        }
        return v
    }

    mutating func tables(_ dstIn: [String: Value], _ srcIn: [String: Value], prefix: String) -> [String: Value] {
        var dst = dstIn
        var src = srcIn
        var srcOriginalNonNil: Set<String> = []
        for (k, v) in src where !v.isNull { srcOriginalNonNil.insert(k) }
        for (k, v) in dst where v.isNull { src[k] = .null }
        for key in sortedKeys(src) {
            guard let val = src[key] else { continue }
            let fullKey = Self.concat(prefix, key)
            let dv = dst[key]
            if let dv, !merge, dv.isNull, srcOriginalNonNil.contains(key) {
                dst[key] = nil
            } else if dv == nil {
                dst[key] = val
            } else if case .map(let sv) = val {
                if case .map(let dm)? = dv {
                    dst[key] = .map(tables(dm.dictionary, sv.dictionary, prefix: fullKey))
                } else {
                    warnings.append("warning: cannot overwrite table with non table for \(fullKey) (\(GoPrint.value(val)))")
                }
            } else if case .map? = dv, !val.isNull {
                warnings.append("warning: destination for \(fullKey) is a table. Ignoring non-table value (\(GoPrint.value(val)))")
            }
        }
        return dst
    }
}

/// Minimal Go `fmt` rendering for the messages this module produces
/// (the full `fmt` lives in the Template module).
enum GoPrint {
    static func value(_ v: Value) -> String {
        switch v {
        case .null: return "<nil>"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .int64(let i): return String(i)
        case .float(let d): return GoFloat.format(d, fmt: UInt8(ascii: "g"), precision: -1)
        case .string(let s): return s
        case .bytes(let b): return "[" + b.map { String($0) }.joined(separator: " ") + "]"
        case .list(let l, _): return "[" + l.map(value).joined(separator: " ") + "]"
        case .map(let m): return "map[" + sortedKeys(m.dictionary).map { $0 + ":" + value(m[$0] ?? .null) }.joined(separator: " ") + "]"
        case .object(let o): return o.formatted()
        }
    }

    /// `%!t(type=value)` for a non-bool under `%t`.
    static func badVerb(_ verb: String, _ v: Value) -> String {
        if case .bool(let b) = v { return b ? "true" : "false" }
        if case .null = v { return "%!\(verb)(<nil>)" }
        return "%!\(verb)(\(v.goTypeName)=\(value(v)))"
    }

    static func quote(_ s: String) -> String { GoStrconv.quote(s) }
}
