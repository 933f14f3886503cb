import ArgumentParser
import Chart
import Foundation
import Repository

/// `swiftchart show chart|values|readme|crds|all CHART`.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show information of a chart.",
        discussion: "CHART is a chart folder, an archive, or repo/name of a configured repository (downloaded to a temporary folder).",
        subcommands: [ShowChart.self, ShowValues.self, ShowReadme.self, ShowCRDs.self, ShowAll.self],
        aliases: ["inspect"])
}

/// The shared argument of the `show` subcommands.
struct ShowTarget: ParsableArguments {
    @Argument(help: "Chart folder, archive, or repo/name.") var chart: String
    @Option(help: "Version constraint when CHART is repo/name.") var version: String = ""
    @Flag(help: "Use development versions too, when CHART is repo/name.") var devel = false

    func show(_ part: ChartShow.Part) throws {
        try ErrorReporter.run {
            let chart = try load()
            writeOut(ChartShow.render(chart, part))
        }
    }

    private func load() throws -> Chart {
        if FileManager.default.fileExists(atPath: self.chart) || self.chart.hasPrefix(".") || self.chart.hasPrefix("/") {
            return try ChartLoader.load(path: self.chart)
        }
        let work = NSTemporaryDirectory() + "swiftchart-show-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: work) }
        var options = ChartPuller.Options(chart: self.chart)
        options.version = version
        options.devel = devel
        options.destination = work
        let path = try ChartPuller(repositories: RepositoryContext.manager()).pull(options)
        return try ChartLoader.load(path: path)
    }
}

struct ShowChart: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "chart", abstract: "Show the chart's definition (Chart.yaml).")
    @OptionGroup var target: ShowTarget
    func run() throws { try target.show(.chart) }
}

struct ShowValues: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "values", abstract: "Show the chart's values.yaml.")
    @OptionGroup var target: ShowTarget
    func run() throws { try target.show(.values) }
}

struct ShowReadme: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "readme", abstract: "Show the chart's README.")
    @OptionGroup var target: ShowTarget
    func run() throws { try target.show(.readme) }
}

struct ShowCRDs: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "crds", abstract: "Show the chart's CRDs.")
    @OptionGroup var target: ShowTarget
    func run() throws { try target.show(.crds) }
}

struct ShowAll: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "all", abstract: "Show all information of the chart.")
    @OptionGroup var target: ShowTarget
    func run() throws { try target.show(.all) }
}
