import ArgumentParser
import Repository

/// `swiftchart repo remove NAME...`.
struct RepoRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove one or more chart repositories.", aliases: ["rm"])

    @Argument(help: "Names of the repositories to remove.") var names: [String]

    func validate() throws {
        if names.isEmpty { throw ValidationError("need at least one argument, name of chart repository") }
    }

    func run() throws {
        try ErrorReporter.run {
            try RepositoryContext.manager().remove(names)
            for name in names { writeOut("\"\(name)\" has been removed from your repositories\n") }
        }
    }
}
