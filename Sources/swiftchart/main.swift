import ArgumentParser
import Foundation

/// `swiftchart`: a Helm-compatible chart tool.
struct SwiftChart: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "swiftchart",
        abstract: "Render and manage Kubernetes charts, byte-compatible with Helm v4.",
        subcommands: [TemplateCommand.self, VersionCommand.self,
                      PackageCommand.self, RepoCommand.self,
                      InstallCommand.self, UpgradeCommand.self, RollbackCommand.self, UninstallCommand.self,
                      HistoryCommand.self, ListCommand.self, StatusCommand.self, GetCommand.self, TestCommand.self,
                      SearchCommand.self, PullCommand.self, DependencyCommand.self, CreateCommand.self, LintCommand.self, ShowCommand.self,
                      DiffCommand.self]
    )
}

// `swiftchart template` is the command users wait on: its usual command lines
// skip ArgumentParser (see `TemplateCommandLine`); every other line, and
// help and errors, go through it.
let words = CommandLine.arguments.dropFirst()
if words.first == "template", let request = TemplateCommandLine.request(words.dropFirst()) {
    do {
        try request.run()
    } catch {
        exit(error.code)
    }
} else {
    SwiftChart.main()
}
