/// Prints resource differences as helm-diff does: per resource a header
/// `<namespace>, <name>, <Kind> (<apiVersion>) has changed:` (or `has been added:`,
/// `has been removed:`) then a unified diff of the YAML, and a summary line at the end.
/// With colour: headers yellow (changed), green (added), red (removed); hunk ranges
/// cyan; removed lines red, added lines green.
public struct DiffPrinter: Sendable {
    public var context: Int
    public var color: Bool

    public init(context: Int = 3, color: Bool = false) {
        self.context = context
        self.color = color
    }

    private enum Style: String {
        case red = "\u{1B}[31m", green = "\u{1B}[32m", yellow = "\u{1B}[33m", cyan = "\u{1B}[36m"
    }

    private func styled(_ text: String, _ style: Style) -> String {
        color ? style.rawValue + text + "\u{1B}[0m" : text
    }

    public func render(_ differences: [ResourceDifference]) -> String {
        var output = ""
        for difference in differences {
            let (message, style): (String, Style) = switch difference.change {
            case .changed: ("has changed:", .yellow)
            case .added: ("has been added:", .green)
            case .removed: ("has been removed:", .red)
            }
            output += styled(difference.key + " " + message, style) + "\n"
            for hunk in LineDiff.hunks(old: difference.currentText, new: difference.desiredText, context: context) {
                output += styled(hunk.header, .cyan) + "\n"
                for line in hunk.lines {
                    switch line.operation {
                    case .equal: output += " " + line.text + "\n"
                    case .delete: output += styled("-" + line.text, .red) + "\n"
                    case .insert: output += styled("+" + line.text, .green) + "\n"
                    }
                    if line.missingNewline { output += "\\ No newline at end of file\n" }
                }
            }
        }
        output += Self.summary(differences) + "\n"
        return output
    }

    /// `2 changed, 1 added, 1 removed`, or `No changes.`.
    public static func summary(_ differences: [ResourceDifference]) -> String {
        if differences.isEmpty { return "No changes." }
        let changed = differences.count { $0.change == .changed }
        let added = differences.count { $0.change == .added }
        let removed = differences.count { $0.change == .removed }
        return "\(changed) changed, \(added) added, \(removed) removed"
    }
}
