/// `.helmignore` rules, as Helm's `pkg/ignore` evaluates them: one pattern
/// per line, `#` comments, `!` negation, trailing `/` for directories, a
/// leading `/` anchors at the chart root, patterns without `/` match the base
/// name only, `**` is rejected. Rules are checked in order and the first
/// decisive one wins. A negated rule ignores every path it does *not* match
/// (Helm's behaviour). The default rule `templates/.?*` is appended.
public struct HelmIgnore: Sendable {
    struct Pattern: Sendable {
        var raw: String
        var glob: String
        var globScalars: [Unicode.Scalar]
        var negate: Bool
        var mustBeDirectory: Bool
        /// Matches the base name only (pattern has no `/`).
        var baseNameOnly: Bool
    }

    private(set) var patterns: [Pattern] = []

    /// The file name Helm reads rules from.
    public static let fileName = ".helmignore"

    /// Empty rules plus Helm's defaults.
    public init() {
        addDefaults()
    }

    /// Parses the text of a `.helmignore` file and appends Helm's defaults.
    public init(parsing text: String, file: String = HelmIgnore.fileName) throws {
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? String(rawLine.dropLast()) : String(rawLine)
            do {
                try parseRule(line)
            } catch let error as ChartError {
                throw ChartError(error.message, file: file, line: lineNumber, column: 1, sourceLine: line)
            }
        }
        addDefaults()
    }

    private mutating func addDefaults() {
        try? parseRule("templates/.?*")
    }

    private mutating func parseRule(_ line: String) throws {
        var rule = line.trimmingGoSpace()
        if rule.isEmpty || rule.hasPrefix("#") { return }
        if rule.contains("**") { throw ChartError("double-star (**) syntax is not supported") }
        do {
            try GoPathMatch.validate(rule)
        } catch {
            throw ChartError("syntax error in pattern")
        }
        let raw = rule
        var negate = false
        if rule.hasPrefix("!") {
            negate = true
            rule.removeFirst()
        }
        var mustBeDirectory = false
        if rule.hasSuffix("/") {
            mustBeDirectory = true
            rule.removeLast()
        }
        var baseNameOnly = false
        if rule.hasPrefix("/") {
            rule.removeFirst()
        } else if !rule.contains("/") {
            baseNameOnly = true
        }
        patterns.append(Pattern(raw: raw, glob: rule, globScalars: Array(rule.unicodeScalars), negate: negate, mustBeDirectory: mustBeDirectory, baseNameOnly: baseNameOnly))
    }

    /// Whether the chart-relative path (`/`-separated) should be skipped.
    public func ignores(_ path: String, isDirectory: Bool) -> Bool {
        if path.isEmpty || path == "." || path == "./" { return false }
        let pathScalars = Array(path.unicodeScalars)
        var baseScalars: [Unicode.Scalar]? = nil
        for p in patterns {
            let subject: [Unicode.Scalar]
            if p.baseNameOnly {
                if baseScalars == nil { baseScalars = Array(goPathBase(path).unicodeScalars) }
                subject = baseScalars ?? []
            } else {
                subject = pathScalars
            }
            let matched = (try? GoPathMatch.match(scalars: p.globScalars, subject)) ?? false
            if p.negate {
                if p.mustBeDirectory && !isDirectory { return true }
                if !matched { return true }
                continue
            }
            if p.mustBeDirectory && !isDirectory { continue }
            if matched { return true }
        }
        return false
    }
}

extension String {
    /// Go's `strings.TrimSpace` for ASCII whitespace.
    func trimmingGoSpace() -> String {
        let ws: Set<Unicode.Scalar> = [" ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}"]
        var scalars = Substring(self).unicodeScalars[...]
        while let f = scalars.first, ws.contains(f) { scalars = scalars.dropFirst() }
        while let l = scalars.last, ws.contains(l) { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
