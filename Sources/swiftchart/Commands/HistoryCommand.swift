import ArgumentParser
import Release

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "fetch release history",
                                                    aliases: ["hist"])

    @OptionGroup var storage: ReleaseStorageOptions
    @Argument(help: "release name") var name: String
    @Option(help: "maximum number of revision to include in history") var max: Int = 256
    @Option(name: [.short, .customLong("output")], help: "prints the output in the specified format (table, json, yaml)")
    var output: OutputFormat = .table

    func run() throws {
        try reportingFailures {
            let context = try storage.context()
            let revisions = try context.history(name: name, namespace: storage.namespace, max: max)
            switch output {
            case .table: emit(ReleasePrinter.historyTable(revisions))
            case .json: emit(ReleasePrinter.historyJSON(revisions))
            case .yaml: emit(try ReleaseYAML.fromJSON(ReleasePrinter.historyJSON(revisions)))
            }
        }
    }
}
