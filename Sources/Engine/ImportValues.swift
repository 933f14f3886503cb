import Chart
import Values

/// Helm's `processDependencyImportValues` (merge mode, as install and
/// template use it): each dependency's `import-values` copies tables from
/// the child's values into the parent's; the parent's own values win.
/// Entries are normalised to `child`/`parent` maps, as `.Chart` shows them.
enum ImportValues {
    static func process(_ c: inout Chart) throws {
        for i in c.dependencies.indices {
            try process(&c.dependencies[i])
        }
        guard var requirements = c.metadata.dependencies else { return }
        let cvals = try ValuesCoalescing.merge(chart: c, userValues: [:])
        var imported: [String: Value] = [:]
        for r in requirements.indices {
            var normalized: [ImportValue] = []
            for iv in requirements[r].importValues ?? [] {
                let child: String, parent: String
                switch iv {
                case .mapping(let ch, let pa):
                    child = ch
                    parent = pa
                case .exported(let name):
                    child = "exports." + name
                    parent = "."
                }
                normalized.append(.mapping(child: child, parent: parent))
                guard let table = table(cvals, requirements[r].name + "." + child) else { continue }
                imported = ValuesCoalescing.mergeTables(dst: imported, src: pathToMap(parent, table))
            }
            if requirements[r].importValues != nil { requirements[r].importValues = normalized }
        }
        c.metadata.dependencies = requirements
        c.values = .map(ValuesCoalescing.mergeTables(dst: cvals, src: imported))
    }

    /// Helm's `Values.Table`: the map at a dotted path, nil when missing or not a map.
    static func table(_ values: [String: Value], _ path: String) -> [String: Value]? {
        var current = values
        for part in path.split(separator: ".", omittingEmptySubsequences: false) {
            guard case .map(let next)? = current[String(part)] else { return nil }
            current = next.dictionary
        }
        return current
    }

    static func pathToMap(_ path: String, _ data: [String: Value]) -> [String: Value] {
        if path == "." { return data }
        var current: [String: Value] = data
        for part in path.split(separator: ".", omittingEmptySubsequences: false).reversed() {
            current = [String(part): .map(current)]
        }
        return current
    }
}
