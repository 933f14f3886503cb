import ArgumentParser

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

SwiftChart.main()
