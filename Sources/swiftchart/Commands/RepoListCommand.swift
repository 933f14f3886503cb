import ArgumentParser
import Repository

/// `swiftchart repo list`.
struct RepoListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List chart repositories.", aliases: ["ls"])

    @Option(name: [.short, .long], help: "Output format: table, json or yaml.") var output: OutputFormat = .table

    func run() throws {
        try ErrorReporter.run {
            let file = try RepositoryFile.load(path: RepositoryPaths().repositoryConfig)
            if file.repositories.isEmpty && output == .table { throw RepositoryError("no repositories to show") }
            let rows = file.repositories.map { [("name", $0.name), ("url", $0.url)] }
            switch output {
            case .table:
                var table = TextTable()
                table.addRow("NAME", "URL")
                for entry in file.repositories { table.addRow(entry.name, entry.url) }
                writeOut(table.text + "\n")
            case .json: writeOut(RowOutput.json(rows))
            case .yaml: writeOut(RowOutput.yaml(rows))
            }
        }
    }
}
