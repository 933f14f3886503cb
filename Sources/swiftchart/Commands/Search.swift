import ArgumentParser
import Foundation
import Repository
import Semver

/// `swiftchart search …`.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Search for a keyword in charts.", subcommands: [SearchRepoCommand.self])
}

/// `swiftchart search repo [KEYWORD]`: searches the cached indexes of the configured repositories.
struct SearchRepoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repo", abstract: "Search repositories for a keyword in charts.",
        discussion: """
        Matching is Helm's literal search: KEYWORD (case-insensitive) must occur in the chart's
        repo/name, its name, description or keywords; name matches are listed before description
        matches, then keyword matches. With no KEYWORD every chart is listed. Only the newest
        stable version of each chart is shown unless --versions, --version or --devel says otherwise.
        Run 'swiftchart repo update' to refresh the indexes first.
        """)

    @Argument(help: "Keyword to search for (optional; words are joined with spaces).") var keywords: [String] = []
    @Flag(name: [.short, .customLong("versions")], help: "Show every version of the matching charts.") var versions = false
    @Option(help: "Version constraint (Masterminds/semver syntax, e.g. ^1.2, ~1.2.3, >=1.0 <2.0).") var version: String = ""
    @Flag(help: "Include development versions (pre-releases); same as --version '>0.0.0-0'.") var devel = false
    @Flag(name: [.short, .customLong("regexp")], help: "Treat KEYWORD as a regular expression.") var regexp = false
    @Option(name: .customLong("max-col-width"), help: "Maximum column width of the table.") var maxColumnWidth: Int = 50
    @Option(name: [.short, .long], help: "Output format: table, json or yaml.") var output: OutputFormat = .table

    func run() throws {
        try ErrorReporter.run {
            let manager = RepositoryContext.manager()
            let file = try RepositoryFile.load(path: manager.paths.repositoryConfig)
            if file.repositories.isEmpty { throw RepositoryError("no repositories configured") }
            let constraintText = !version.isEmpty ? version : (devel ? ">0.0.0-0" : ">0.0.0")
            let constraint: VersionConstraint
            do { constraint = try VersionConstraint(parsing: constraintText) } catch {
                throw RepositoryError("an invalid version/constraint format: \(error)")
            }
            var search = ChartSearch()
            for entry in file.repositories {
                do {
                    let index = try manager.cachedIndex(entry.name)
                    search.add(repository: entry.name, index: index, allVersions: true)
                } catch {
                    writeErr("WARNING: Repo \"\(entry.name)\" is corrupt or missing. Try 'swiftchart repo update'.\n")
                }
            }
            let keyword = keywords.isEmpty ? nil : keywords.joined(separator: " ")
            let shown = try search.search(keyword, regexp: regexp, constraint: constraint, allVersions: versions)
            switch output {
            case .table:
                if shown.isEmpty { writeOut("No results found\n"); return }
                var table = TextTable(maxColumnWidth: maxColumnWidth)
                table.addRow("NAME", "CHART VERSION", "APP VERSION", "DESCRIPTION")
                for r in shown { table.addRow(r.name, r.version, r.appVersion, r.description) }
                writeOut(table.text + "\n")
            case .json, .yaml:
                let rows = shown.map { [("name", $0.name), ("version", $0.version), ("app_version", $0.appVersion), ("description", $0.description)] }
                writeOut(output == .json ? RowOutput.json(rows) : RowOutput.yaml(rows))
            }
        }
    }
}
