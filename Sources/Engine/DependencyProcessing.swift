import Chart
import Values

/// Helm's `ProcessDependencies`: applies aliases, drops subcharts disabled by
/// `tags` or `condition`, recursively, then imports values (`import-values`)
/// from children into parents.
enum DependencyProcessing {
    static func process(chart: Chart, userValues: [String: Value]) throws -> Chart {
        var c = chart
        try processEnabled(&c, values: userValues, path: "")
        try ImportValues.process(&c)
        return c
    }

    private static func processEnabled(_ c: inout Chart, values v: [String: Value], path: String) throws {
        guard var requirements = c.metadata.dependencies else { return }
        var dependencies: [Chart] = []
        for existing in c.dependencies {
            let declared = requirements.contains {
                existing.name == $0.name && KubeVersionConstraint.isCompatible(constraint: $0.version, version: existing.metadata.version)
            }
            if !declared { dependencies.append(existing) }
        }
        for i in requirements.indices {
            if let aliased = aliasDependency(c.dependencies, requirements[i]) {
                dependencies.append(aliased)
            }
            if !requirements[i].alias.isEmpty { requirements[i].name = requirements[i].alias }
        }
        c.dependencies = dependencies
        for i in requirements.indices { requirements[i].enabled = true }
        c.metadata.dependencies = requirements

        let cvals = try ValuesCoalescing.coalesce(chart: c, userValues: v)
        processTags(&requirements, cvals)
        processConditions(&requirements, cvals, path: path)

        let removed = Set(requirements.filter { !$0.enabled }.map(\.name))
        var kept = c.dependencies.filter { !removed.contains($0.name) }
        let keptRequirements = requirements.filter { !removed.contains($0.name) }
        for i in kept.indices {
            try processEnabled(&kept[i], values: cvals, path: path + kept[i].name + ".")
        }
        c.metadata.dependencies = keptRequirements
        c.dependencies = kept
    }

    private static func aliasDependency(_ charts: [Chart], _ dep: ChartDependency) -> Chart? {
        for chart in charts where chart.name == dep.name {
            guard KubeVersionConstraint.isCompatible(constraint: dep.version, version: chart.metadata.version) else { continue }
            var out = chart
            if !dep.alias.isEmpty { out.metadata.name = dep.alias }
            return out
        }
        return nil
    }

    private static func processConditions(_ reqs: inout [ChartDependency], _ cvals: [String: Value], path: String) {
        for i in reqs.indices {
            let conditions = reqs[i].condition.trimmingGoSpaceASCII().split(separator: ",", omittingEmptySubsequences: false)
            for cond in conditions where !cond.isEmpty {
                if case .bool(let b)? = pathValue(cvals, path + cond) {
                    reqs[i].enabled = b
                    break
                }
            }
        }
    }

    private static func processTags(_ reqs: inout [ChartDependency], _ cvals: [String: Value]) {
        guard case .map(let tags)? = cvals["tags"] else { return }
        for i in reqs.indices {
            var hasTrue = false, hasFalse = false
            for t in reqs[i].tags ?? [] {
                if case .bool(let b)? = tags[t] {
                    if b { hasTrue = true } else { hasFalse = true }
                }
            }
            if !hasTrue && hasFalse {
                reqs[i].enabled = false
            } else if hasTrue || (!hasTrue && !hasFalse) {
                reqs[i].enabled = true
            }
        }
    }

    /// Helm's `Values.PathValue`: the value at a dotted path, nil when absent.
    static func pathValue(_ values: [String: Value], _ path: String) -> Value? {
        let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        var table = values
        for part in parts.dropLast() {
            guard case .map(let next)? = table[part] else { return nil }
            table = next.dictionary
        }
        guard let last = parts.last else { return nil }
        return table[last]
    }
}

extension String {
    /// Trims ` `, `\t`, `\n`, `\r` at both ends, on UTF-8 bytes (no grapheme walking).
    /// `trimmingGoSpaceASCII` for a string without leading blanks, in place (no copy).
    mutating func trimGoSpaceASCIIInPlace() {
        var count = 0
        for b in utf8.reversed() {
            guard b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D else { break }
            count += 1
        }
        if count > 0 { unicodeScalars.removeLast(count) }
    }

    func trimmingGoSpaceASCII() -> String {
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        let u = utf8
        var start = u.startIndex
        var end = u.endIndex
        while start < end, isSpace(u[start]) { start = u.index(after: start) }
        while end > start {
            let before = u.index(before: end)
            guard isSpace(u[before]) else { break }
            end = before
        }
        if start == u.startIndex && end == u.endIndex { return self }
        return String(self[start..<end])
    }
}
