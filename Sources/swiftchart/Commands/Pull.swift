import ArgumentParser
import Foundation
import Repository

/// `swiftchart pull CHART`.
struct PullCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull", abstract: "Download a chart from a repository and (optionally) unpack it in a local directory.",
        discussion: """
        CHART is repo/name (a repository added with 'swiftchart repo add'), a chart name with
        --repo URL, a chart archive URL (http://, https://, file://) or a local archive path.
        When the repository index has a digest for the archive, the download must match it.
        Nothing is written unless the archive is a valid chart.
        """)

    @Argument(help: "Chart reference.") var chart: String
    @Option(help: "Chart repository URL where to locate the requested chart.") var repo: String?
    @Option(help: "Version constraint for the chart (default: the newest stable version).") var version: String = ""
    @Flag(help: "Use development versions, too (equivalent to --version '>0.0.0-0').") var devel = false
    @Flag(help: "Unpack the chart after downloading it.") var untar = false
    @Option(help: "Directory into which the chart is expanded with --untar (relative to -d).") var untardir: String = "."
    @Option(name: [.customShort("d"), .customLong("destination")], help: "Location to write the chart.") var destination: String = "."

    func run() throws {
        try ErrorReporter.run {
            var options = ChartPuller.Options(chart: chart)
            options.repositoryURL = repo
            options.version = version
            options.devel = devel
            options.untar = untar
            options.untarDirectory = untardir
            options.destination = destination
            try ChartPuller(repositories: RepositoryContext.manager()).pull(options)
        }
    }
}
