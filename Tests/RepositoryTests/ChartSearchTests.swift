import Chart
import Foundation
import Semver
import Testing
@testable import Repository

/// `search repo` matching and ordering (Helm's `cmd/search` literal search, `SortScore`,
/// `applyConstraint`).
@Suite struct ChartSearchTests {
    static let search: ChartSearch = {
        var index = ChartIndex(generated: GoTime(seconds: 0))
        func add(_ name: String, _ version: String, _ description: String, _ keywords: [String] = []) {
            var md = ChartMetadata()
            md.name = name
            md.version = version
            md.description = description
            md.keywords = keywords
            md.appVersion = "app-" + version
            index.add(md, filename: "\(name)-\(version).tgz", baseURL: "", digest: "")
        }
        add("nginx", "1.2.0", "A web server")
        add("nginx", "1.3.0-rc.1", "A web server")
        add("nginx", "1.1.0", "A web server")
        add("postgres", "12.0.0", "Relational database", ["sql", "nginx-friendly"])
        add("redis", "7.0.0", "Cache that sits next to nginx")
        index.sortEntries()
        var search = ChartSearch()
        search.add(repository: "lab", index: index, allVersions: true)
        return search
    }()

    /// (keyword, constraint, all versions, expected "name version" rows in order).
    static let cases: [(String?, String, Bool, [String])] = [
        (nil, ">0.0.0", false, ["lab/nginx 1.2.0", "lab/postgres 12.0.0", "lab/redis 7.0.0"]),
        ("nginx", ">0.0.0", false, ["lab/nginx 1.2.0", "lab/redis 7.0.0", "lab/postgres 12.0.0"]),
        ("NGINX", ">0.0.0", true, ["lab/nginx 1.2.0", "lab/nginx 1.1.0", "lab/redis 7.0.0", "lab/postgres 12.0.0"]),
        ("nginx", ">0.0.0-0", true, ["lab/nginx 1.3.0-rc.1", "lab/nginx 1.2.0", "lab/nginx 1.1.0", "lab/redis 7.0.0", "lab/postgres 12.0.0"]),
        ("nginx", "~1.1", false, ["lab/nginx 1.1.0"]),
        ("database", ">0.0.0", false, ["lab/postgres 12.0.0"]),
        ("sql", ">0.0.0", false, ["lab/postgres 12.0.0"]),
        ("lab/re", ">0.0.0", false, ["lab/redis 7.0.0"]),
        ("mysql", ">0.0.0", false, []),
    ]

    @Test(arguments: cases.indices)
    func searches(_ i: Int) throws {
        let (keyword, constraint, all, expected) = Self.cases[i]
        let results = try Self.search.search(keyword, constraint: try VersionConstraint(parsing: constraint), allVersions: all)
        #expect(results.map { "\($0.name) \($0.version)" } == expected, "\(keyword ?? "<all>") \(constraint)")
    }

    @Test func regularExpressions() throws {
        let results = try Self.search.search("^red", regexp: true, constraint: try VersionConstraint(parsing: ">0.0.0"), allVersions: false)
        #expect(results.map(\.name) == ["lab/redis"])
        #expect(throws: RepositoryError.self) { try Self.search.search("(", regexp: true, constraint: try VersionConstraint(parsing: "*"), allVersions: false) }
    }

    /// Helm's uitable layout: padded cells joined by tabs, long cells cut with "...".
    @Test func tableLayout() {
        var table = TextTable(maxColumnWidth: 11)
        table.addRow("NAME", "DESCRIPTION")
        table.addRow("lab/a", "short")
        table.addRow("lab/b", "a much longer description")
        #expect(table.text == "NAME \tDESCRIPTION\nlab/a\tshort      \nlab/b\ta much l...")
    }
}
