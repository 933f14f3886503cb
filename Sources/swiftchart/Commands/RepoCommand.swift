import ArgumentParser
import Foundation
import Repository

/// `swiftchart repo …`: chart repositories.
struct RepoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repo",
        abstract: "Add, list, remove, update, and index chart repositories.",
        subcommands: [RepoIndexCommand.self])
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
        try CommandFailure.reporting {
            let absolute = URL(fileURLWithPath: dir).standardizedFileURL.path
            try IndexDirectory.run(dir: absolute, url: url, merge: merge)
        }
    }
}
