import Foundation
import Template

/// Helm's `cleanupParseError` / `cleanupExecError`: Go's
/// `template: NAME:LINE:COL: …` messages become `parse error at (NAME:LINE): MSG`
/// and `execution error at (NAME:LINE:COL): MSG` (the latter only for
/// `required`/`fail` messages, which Helm wraps in HELM_ERR markers).
enum HelmErrorCleanup {
    static func parseError(_ error: TemplateError, file: String, source: String) -> RenderError {
        let text = "\(error)"
        let tokens = text.components(separatedByString: ": ")
        let message: String
        if tokens.count == 1 {
            message = "parse error in (\(file)): \(text)"
        } else {
            message = "parse error at (\(tokens[1])): \(tokens[tokens.count - 1])"
        }
        var e = RenderError(message: message, file: error.file, line: error.line > 0 ? error.line : nil, column: nil,
                            sourceLine: sourceLine(source, error.line))
        e.duringRender = true
        return e
    }

    static func executionError(_ error: TemplateError, file: String, sources: [String: String]) -> RenderError {
        let text = "\(error)"
        let tokens = text.components(separatedByString: ": ", maxSplits: 2)
        var message = text
        if tokens.count != 3 {
            message = "execution error in (\(file)): \(text)"
        } else if let userMessage = requiredOrFailMessage(tokens[2]) {
            message = "execution error at (\(tokens[1])): " + userMessage
        }
        let source = sources[error.file].flatMap { sourceLine($0, error.line) }
        var e = RenderError(message: message, file: error.file, line: error.line > 0 ? error.line : nil,
                            column: error.column.map { $0 + 1 }, sourceLine: source)
        e.duringRender = true
        return e
    }

    /// The message of a `required` or `fail` call (Helm marks these and shows
    /// only the user's text), also when reached through `include`.
    static func requiredOrFailMessage(_ text: String) -> String? {
        var best: Range<String.Index>? = nil
        for marker in ["error calling required: ", "error calling fail: "] {
            if let r = text.range(of: marker, options: .backwards), best.map({ r.lowerBound > $0.lowerBound }) ?? true {
                best = r
            }
        }
        return best.map { String(text[$0.upperBound...]) }
    }

    /// Line `line` (1-based) of `text`.
    static func sourceLine(_ text: String, _ line: Int) -> String? {
        guard line > 0 else { return nil }
        let lines = text.split(separator: "\n", maxSplits: line, omittingEmptySubsequences: false)
        return lines.count >= line ? String(lines[line - 1]) : nil
    }
}

extension String {
    /// Go's `strings.SplitN(s, sep, n)` (`maxSplits` = n - 1; nil for no limit).
    func components(separatedByString sep: String, maxSplits: Int? = nil) -> [String] {
        var parts: [String] = []
        var rest = Substring(self)
        while let r = rest.range(of: sep), maxSplits.map({ parts.count < $0 }) ?? true {
            parts.append(String(rest[..<r.lowerBound]))
            rest = rest[r.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }
}
