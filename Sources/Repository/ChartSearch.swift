import Foundation
import Semver

/// `search repo` over the cached indexes of the configured repositories (Helm's `cmd/search`
/// package). Matching is Helm's literal search: the keyword, lower-cased, must occur in
/// `repo/chart`, the chart name, its description or its keywords; results are ordered by where
/// the match was found (name before description before keywords), then by name, newest first.
public struct ChartSearch: Sendable {
    /// One row of the results.
    public struct Result: Sendable, Equatable {
        public var name: String
        public var score: Int
        public var version: String
        public var appVersion: String
        public var description: String
    }

    private struct Line: Sendable {
        var name: String
        var text: String
        var entry: IndexEntry
    }

    private var lines: [Line] = []
    private static let separator = "\u{0B}"

    public init() {}

    /// Adds a repository's charts: only the newest version of each unless `allVersions`.
    public mutating func add(repository: String, index: ChartIndex, allVersions: Bool) {
        for chart in index.entries.keys.sorted() {
            guard let versions = index.entries[chart], !versions.isEmpty else { continue }
            for entry in allVersions ? versions : [versions[0]] {
                let name = repository + "/" + chart
                let text = ([entry.name, name, entry.description, entry.keywords.joined(separator: " ")])
                    .joined(separator: Self.separator).lowercased()
                lines.append(Line(name: name, text: text, entry: entry))
            }
        }
    }

    /// Results for `keyword` (all charts when nil), filtered by `constraint` as Helm's
    /// `applyConstraint` does: without `allVersions`, only the first match per chart is kept.
    public func search(_ keyword: String?, regexp: Bool = false, constraint: VersionConstraint, allVersions: Bool) throws -> [Result] {
        var found: [Result] = []
        let matcher: NSRegularExpression? = try regexp ? compile(keyword ?? "") : nil
        for line in lines {
            var score = 0
            if let keyword, !keyword.isEmpty {
                let position: Int?
                if let matcher {
                    let range = NSRange(line.text.startIndex..., in: line.text)
                    position = matcher.firstMatch(in: line.text, range: range).flatMap { Range($0.range, in: line.text) }
                        .map { line.text.utf8.distance(from: line.text.startIndex, to: $0.lowerBound) }
                } else {
                    position = line.text.range(of: keyword.lowercased())
                        .map { line.text.utf8.distance(from: line.text.startIndex, to: $0.lowerBound) }
                }
                guard let position else { continue }
                score = Array(line.text.utf8.prefix(position)).filter { $0 == 0x0B }.count
            }
            found.append(Result(name: line.name, score: score, version: line.entry.version,
                                appVersion: line.entry.appVersion, description: line.entry.description))
        }
        found = Self.sorted(found)
        var seen = Set<String>()
        var out: [Result] = []
        for result in found {
            if !allVersions && seen.contains(result.name) { continue }
            guard let version = try? SemanticVersion(parsing: result.version), constraint.isSatisfied(by: version) else { continue }
            out.append(result)
            seen.insert(result.name)
        }
        return out
    }

    private func compile(_ pattern: String) throws -> NSRegularExpression {
        do { return try NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) } catch {
            throw RepositoryError("invalid regular expression \(goQuote(pattern))")
        }
    }

    /// Helm's `SortScore`: by score, then name; versions of one chart newest first.
    static func sorted(_ results: [Result]) -> [Result] {
        results.enumerated().sorted { a, b in
            let x = a.element, y = b.element
            if x.score != y.score { return x.score < y.score }
            if x.name == y.name {
                guard let v1 = try? SemanticVersion(parsing: x.version), let v2 = try? SemanticVersion(parsing: y.version), v1 != v2 else {
                    return a.offset < b.offset
                }
                return v1 > v2
            }
            return Array(x.name.utf8).lexicographicallyPrecedes(Array(y.name.utf8))
        }.map(\.element)
    }
}
