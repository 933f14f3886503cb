/// A plain-text table as Helm prints them (gosuri/uitable): every cell padded on the right to its
/// column's width, cells joined by a tab, cells wider than `maxColumnWidth` cut to that width
/// with a trailing `...`.
public struct TextTable: Sendable {
    public var rows: [[String]] = []
    public var maxColumnWidth: Int

    public init(maxColumnWidth: Int = 0) { self.maxColumnWidth = maxColumnWidth }

    public mutating func addRow(_ cells: String...) { rows.append(cells) }
    public mutating func addRow(_ cells: [String]) { rows.append(cells) }

    /// The table without a final newline (Helm's `EncodeTable` adds one).
    public var text: String {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        let cut = rows.map { $0.map(truncate) }
        for row in cut {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        return cut.map { row in
            row.enumerated().map { i, cell in cell + String(repeating: " ", count: widths[i] - cell.count) }
                .joined(separator: "\t")
        }.joined(separator: "\n")
    }

    private func truncate(_ cell: String) -> String {
        guard maxColumnWidth > 0, cell.count > maxColumnWidth else { return cell }
        return String(cell.prefix(max(0, maxColumnWidth - 3))) + "..."
    }
}
