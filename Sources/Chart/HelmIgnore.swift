import Values

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
        var globBytes: [UInt8]
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
        var rule = GoSpace.trim(line)
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
        patterns.append(Pattern(raw: raw, glob: rule, globBytes: Array(rule.utf8), negate: negate, mustBeDirectory: mustBeDirectory, baseNameOnly: baseNameOnly))
    }

    /// Whether the chart-relative path (`/`-separated) should be skipped.
    public func ignores(_ path: String, isDirectory: Bool) -> Bool {
        ignores(path: Array(path.utf8), isDirectory: isDirectory)
    }

    /// `ignores` on the path's UTF-8 bytes.
    func ignores(path: [UInt8], isDirectory: Bool) -> Bool {
        if path.isEmpty || path == [0x2E] || path == [0x2E, 0x2F] { return false }
        let whole = path[...]
        let base = Self.baseName(path)
        for p in patterns {
            let subject = p.baseNameOnly ? base : whole
            let matched = (try? GoPathMatch.match(bytes: p.globBytes[...], subject)) ?? false
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

    /// Go's `filepath.Base` of a non-empty slash path, as bytes.
    static func baseName(_ path: [UInt8]) -> ArraySlice<UInt8> {
        var end = path.count
        while end > 1 && path[end - 1] == 0x2F { end -= 1 }
        if end == 1 && path[0] == 0x2F { return path[0..<1] }
        var start = end
        while start > 0 && path[start - 1] != 0x2F { start -= 1 }
        return path[start..<end]
    }
}
