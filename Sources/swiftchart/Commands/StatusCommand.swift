import ArgumentParser
import Release

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "display the status of the named release")

    @OptionGroup var storage: ReleaseStorageOptions
    @Argument(help: "release name") var name: String
    @Option(help: "if set, display the status of the named release with revision") var revision: Int = 0
    @Option(name: [.short, .customLong("output")], help: "prints the output in the specified format (table, json, yaml)")
    var output: OutputFormat = .table

    func run() throws {
        try reportingFailures {
            let context = try storage.context()
            let release = try context.revision(name: name, namespace: storage.namespace, revision: revision)
            switch output {
            case .table: emit(ReleasePrinter.statusTable(release))
            case .json: emit(ReleasePrinter.statusJSON(release))
            case .yaml: emit(try ReleaseYAML.fromJSON(ReleasePrinter.statusJSON(release)))
            }
        }
    }
}
