import Values

/// Helm's `toYamlPretty`: go-yaml v3 with `SetIndent(2)`, whose layout
/// differs from `toYaml` (go-yaml v2) by indenting block sequences under
/// their key. Scalars are written as `toYaml` writes them.
enum PrettyYAML {
    static func emit(_ value: Value) -> String {
        var lines: [String] = []
        let v = plain(value)
        switch v {
        case .map(let m) where !m.isEmpty: mapLines(m.dictionary, 0, &lines)
        case .list(let l, _) where !l.isEmpty: listLines(l, 0, &lines)
        default: return HelmFunctions.trimmingNewline(YAML.emit(v))
        }
        return lines.joined(separator: "\n")
    }

    private static func plain(_ v: Value) -> Value {
        if case .object(let o) = v { return plain(o.jsonValue()) }
        return v
    }

    /// A scalar's text: its first line and the continuation lines re-indented to `indent`.
    private static func scalar(_ v: Value, _ indent: Int) -> String {
        let text = HelmFunctions.trimmingNewline(YAML.emit(v))
        let parts = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard parts.count > 1 else { return text }
        let pad = String(repeating: " ", count: indent)
        return ([String(parts[0])] + parts.dropFirst().map { $0.isEmpty ? "" : pad + String($0.dropFirst(2)) }).joined(separator: "\n")
    }

    private static func isEmptyContainer(_ v: Value) -> String? {
        switch v {
        case .map(let m) where m.isEmpty: return "{}"
        case .list(let l, _) where l.isEmpty: return "[]"
        default: return nil
        }
    }

    private static func mapLines(_ m: [String: Value], _ indent: Int, _ lines: inout [String]) {
        let pad = String(repeating: " ", count: indent)
        for key in m.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
            let v = plain(m[key] ?? .null)
            let k = scalar(.string(key), indent + 2)
            if let empty = isEmptyContainer(v) { lines.append("\(pad)\(k): \(empty)"); continue }
            switch v {
            case .map(let inner):
                lines.append("\(pad)\(k):")
                mapLines(inner.dictionary, indent + 2, &lines)
            case .list(let inner, _):
                lines.append("\(pad)\(k):")
                listLines(inner, indent + 2, &lines)
            default:
                lines.append("\(pad)\(k): \(scalar(v, indent + 2))")
            }
        }
    }

    private static func listLines(_ l: [Value], _ indent: Int, _ lines: inout [String]) {
        let pad = String(repeating: " ", count: indent)
        for item in l {
            let v = plain(item)
            if let empty = isEmptyContainer(v) { lines.append("\(pad)- \(empty)"); continue }
            var nested: [String] = []
            switch v {
            case .map(let inner): mapLines(inner.dictionary, indent + 2, &nested)
            case .list(let inner, _): listLines(inner, indent + 2, &nested)
            default:
                lines.append("\(pad)- \(scalar(v, indent + 2))")
                continue
            }
            if let first = nested.first {
                nested[0] = pad + "- " + first.dropFirst(indent + 2)
            }
            lines.append(contentsOf: nested)
        }
    }
}
