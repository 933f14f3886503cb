/// The column layout of `github.com/gosuri/uitable` as Helm's tables use it: every
/// cell right-padded to its column's width (by display width), cells joined by a tab,
/// rows by a newline, and one trailing newline (Helm's `output.EncodeTable`).
public struct UITable: Sendable {
    public private(set) var rows: [[String]] = []

    public init() {}

    public mutating func addRow(_ cells: String...) { rows.append(cells) }
    public mutating func addRow(_ cells: [String]) { rows.append(cells) }

    public var rendered: String {
        guard !rows.isEmpty else { return "\n" }
        var widths: [Int] = []
        for row in rows {
            for (i, cell) in row.enumerated() {
                if i >= widths.count { widths.append(0) }
                widths[i] = max(widths[i], cell.count)
            }
        }
        var lines: [String] = []
        lines.reserveCapacity(rows.count)
        for row in rows {
            var cells: [String] = []
            for (i, cell) in row.enumerated() {
                let pad = widths[i] - cell.count
                cells.append(pad > 0 ? cell + String(repeating: " ", count: pad) : cell)
            }
            lines.append(cells.joined(separator: "\t"))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
