import ArgumentParser
import Foundation
import Repository

/// `swiftchart create NAME`.
struct CreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Create a new chart with the given name.",
        discussion: """
        Copies a starter chart, replacing <CHARTNAME> with NAME in every file. The 'default'
        starter gives exactly what 'helm create' writes; 'cronjob-batch' scaffolds a CronJob.
        Starters are the folders of Templates/ (found next to the executable, above it, in
        ../share/swiftchart/Templates, or where $SWIFTCHART_STARTERS points). --starter also
        accepts an absolute path to a chart folder.
        """)

    @Argument(help: "Chart name (may include a parent folder: path/to/name).") var name: String
    @Option(name: [.short, .long], help: "Name or absolute path of the starter chart.") var starter: String = "default"

    func run() throws {
        try ErrorReporter.run {
            writeOut("Creating \(name)\n")
            let url = URL(fileURLWithPath: name)
            let parent = name.contains("/") ? url.deletingLastPathComponent().path : FileManager.default.currentDirectoryPath
            try ChartStarter.create(name: url.lastPathComponent, in: parent, starter: starter,
                                    startersDirectory: ChartStarter.startersDirectory(), warn: { writeErr($0 + "\n") })
        }
    }
}
