import ArgumentParser
import Repository

/// `swiftchart repo update [NAME...]`.
struct RepoUpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update", abstract: "Update information of available charts locally from chart repositories.",
        discussion: "Refreshes the cached index of every configured repository, or of the ones named. Fails when any could not be updated.",
        aliases: ["up"])

    @Argument(help: "Repositories to update (all when none is named).") var names: [String] = []

    func run() throws {
        try ErrorReporter.run {
            let manager = RepositoryContext.manager()
            let entries = try manager.entries(named: names)
            writeOut("Hang tight while we grab the latest from your chart repositories...\n")
            var failed: [String] = []
            for result in manager.update(entries) {
                if let error = result.error {
                    writeOut("...Unable to get an update from the \"\(result.entry.name)\" chart repository (\(result.entry.url)):\n\t\(error)\n")
                    failed.append(result.entry.url)
                } else {
                    writeOut("...Successfully got an update from the \"\(result.entry.name)\" chart repository\n")
                }
            }
            if !failed.isEmpty {
                throw RepositoryError("failed to update the following repositories: [\(failed.joined(separator: " "))]")
            }
            writeOut(RepositoryManager.updateComplete + "\n")
        }
    }
}
