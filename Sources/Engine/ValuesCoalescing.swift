import Chart
import Values

/// Bridges a loaded `Chart` tree to the Values module's coalescing
/// (Helm's `CoalesceValues` / `MergeValues` / `CoalesceTables` / `MergeTables`).
enum ValuesCoalescing {
    static func coalesceChart(_ chart: Chart) -> CoalesceChart {
        CoalesceChart(name: chart.name, values: chart.values.mapValue ?? [:],
                      dependencies: chart.dependencies.map(coalesceChart))
    }

    /// The values templates see: user values over every chart's defaults.
    static func coalesce(chart: Chart, userValues: [String: Value]) throws -> [String: Value] {
        try Coalesce.values(chart: coalesceChart(chart), userValues: userValues).values
    }

    /// Like `coalesce`, keeping `null`s (before import-values).
    static func merge(chart: Chart, userValues: [String: Value]) throws -> [String: Value] {
        try Coalesce.mergeValues(chart: coalesceChart(chart), userValues: userValues).values
    }

    /// `dst` wins over `src`, `null`s kept (`MergeTables`).
    static func mergeTables(dst: [String: Value], src: [String: Value]) -> [String: Value] {
        Coalesce.mergeTables(dst, src).values
    }
}
