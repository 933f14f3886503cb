import ArgumentParser

/// `swiftchart`: a Helm-compatible chart tool.
struct SwiftChart: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "swiftchart",
        abstract: "Render and manage Kubernetes charts, byte-compatible with Helm v4.",
        subcommands: [TemplateCommand.self, VersionCommand.self]
    )
}

SwiftChart.main()
