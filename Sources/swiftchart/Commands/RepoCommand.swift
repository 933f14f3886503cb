import ArgumentParser
import Foundation
import Repository

/// `swiftchart repo …`: chart repositories.
struct RepoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repo",
        abstract: "Add, list, remove, update, and index chart repositories.",
        discussion: """
        Repositories are recorded in repositories.yaml (Helm's format) and their indexes cached as
        <name>-index.yaml and <name>-charts.txt. Locations: $SWIFTCHART_REPOSITORY_CONFIG and
        $SWIFTCHART_REPOSITORY_CACHE, else $SWIFTCHART_CONFIG_HOME/repositories.yaml and
        $SWIFTCHART_CACHE_HOME/repository, else the XDG folders ($XDG_CONFIG_HOME or ~/.config,
        $XDG_CACHE_HOME or ~/.cache) under swiftchart/. URLs may be http://, https:// or file://.
        """,
        subcommands: [RepoAddCommand.self, RepoListCommand.self, RepoRemoveCommand.self, RepoUpdateCommand.self, RepoIndexCommand.self])
}

/// `swiftchart repo index DIR [--url URL] [--merge FILE]`.
struct RepoIndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Generate an index file given a directory containing packaged charts.")

    @Argument(help: "Directory containing packaged charts.") var dir: String
    @Option(help: "URL of the chart repository.") var url: String = ""
    @Option(help: "Merge the generated index into the given index.") var merge: String?

    func run() throws {
        try ErrorReporter.run {
            let absolute = URL(fileURLWithPath: dir).standardizedFileURL.path
            try IndexDirectory.run(dir: absolute, url: url, merge: merge)
        }
    }
}
