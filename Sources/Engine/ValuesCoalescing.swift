import Chart
import Values

/// Helm's `CoalesceValues`: user-supplied values take precedence over each
/// chart's `values.yaml`; a `null` from the user deletes the key; tables merge
/// recursively; each subchart's section is coalesced with the subchart's own
/// defaults, and `global` flows from parent to child.
enum ValuesCoalescing {
    static func coalesce(chart: Chart, userValues: [String: Value]) -> [String: Value] {
        coalesce(chart: chart, dest: userValues, merge: false)
    }

    /// Helm's `MergeValues`: like `coalesce` but `null`s are kept.
    static func merge(chart: Chart, userValues: [String: Value]) -> [String: Value] {
        coalesce(chart: chart, dest: userValues, merge: true)
    }

    private static func coalesce(chart: Chart, dest: [String: Value], merge: Bool) -> [String: Value] {
        var v = dest
        coalesceValues(chart: chart, into: &v, merge: merge)
        return coalesceDependencies(chart: chart, dest: v, merge: merge)
    }

    private static func coalesceValues(chart: Chart, into v: inout [String: Value], merge: Bool) {
        guard case .map(let defaults) = chart.values else { return }
        for (key, value) in defaults {
            if let current = v[key] {
                if case .null = current, !merge {
                    v.removeValue(forKey: key)
                } else if case .map(let dst) = current {
                    if case .map(let src) = value {
                        let childMerge = chart.dependencies.contains { $0.name == key } ? true : merge
                        v[key] = .map(coalesceTables(dst: dst, src: src, merge: childMerge))
                    }
                }
            } else {
                v[key] = value
            }
        }
    }

    private static func coalesceDependencies(chart: Chart, dest: [String: Value], merge: Bool) -> [String: Value] {
        var dest = dest
        for sub in chart.dependencies {
            var section: [String: Value]
            switch dest[sub.name] {
            case nil: section = [:]
            case .map(let m)?: section = m
            default: continue
            }
            coalesceGlobals(into: &section, from: dest)
            dest[sub.name] = .map(coalesce(chart: sub, dest: section, merge: merge))
        }
        return dest
    }

    /// Helm's `coalesceGlobals`: the parent's `global` table merged into the child's.
    private static func coalesceGlobals(into dest: inout [String: Value], from src: [String: Value]) {
        var dg: [String: Value]
        switch dest["global"] {
        case nil: dg = [:]
        case .map(let m)?: dg = m
        default: return
        }
        let sg: [String: Value]
        switch src["global"] {
        case nil: sg = [:]
        case .map(let m)?: sg = m
        default: return
        }
        for (key, val) in sg {
            if case .map(let vv) = val {
                if let destv = dg[key] {
                    if case .map(let destMap) = destv {
                        dg[key] = .map(coalesceTables(dst: vv, src: destMap, merge: true))
                    }
                } else {
                    dg[key] = val
                }
            } else if case .map? = dg[key] {
                continue
            } else {
                dg[key] = val
            }
        }
        dest["global"] = .map(dg)
    }

    /// Helm's `coalesceTablesFullKey`: `dst` wins over `src`; without `merge`, a
    /// `null` in `dst` removes the key.
    static func coalesceTables(dst dstIn: [String: Value], src srcIn: [String: Value], merge: Bool) -> [String: Value] {
        var dst = dstIn
        var src = srcIn
        for (key, val) in dst where val.isNull { src[key] = .null }
        for (key, val) in src {
            if let dv = dst[key] {
                if !merge && dv.isNull {
                    dst.removeValue(forKey: key)
                } else if case .map(let srcTable) = val {
                    if case .map(let dstTable) = dv {
                        dst[key] = .map(coalesceTables(dst: dstTable, src: srcTable, merge: merge))
                    }
                }
            } else {
                dst[key] = val
            }
        }
        return dst
    }
}
