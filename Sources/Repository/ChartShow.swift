import Chart

/// `show chart|values|readme|crds|all` output, as Helm's `action.Show.Run` prints it.
public enum ChartShow {
    public enum Part: Sendable {
        case chart, values, readme, crds, all
    }

    public static func render(_ chart: Chart, _ part: Part) -> String {
        var out = ""
        if part == .chart || part == .all { out += chart.metadata.helmYAML + "\n" }
        if part == .values || part == .all, let values = chart.valuesFile {
            if part == .all { out += "---\n" }
            out += values.text + "\n"
        }
        if part == .readme || part == .all, let readme = readme(of: chart) {
            if part == .all { out += "---\n" }
            out += readme.text + "\n"
        }
        if part == .crds || part == .all {
            for crd in crds(of: chart) {
                if !crd.text.hasPrefix("---") { out += "---\n" }
                out += crd.text + "\n"
            }
        }
        return out
    }

    /// Helm's `findReadme`: `readme.md`, `readme.txt` or `readme`, any case, at the chart root.
    static func readme(of chart: Chart) -> ChartFileEntry? {
        for name in ["readme.md", "readme.txt", "readme"] {
            if let file = chart.files.first(where: { $0.path.lowercased() == name }) { return file }
        }
        return nil
    }

    /// `CRDObjects()`: the chart's `crds/` files, then its subcharts'.
    static func crds(of chart: Chart) -> [ChartFileEntry] {
        chart.crdFiles + chart.dependencies.flatMap(crds)
    }
}
