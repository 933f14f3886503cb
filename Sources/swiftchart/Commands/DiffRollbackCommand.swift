import ArgumentParser
import Release

/// `diff rollback NAME [REVISION]`: the deployed revision compared with the one a rollback
/// would restore, both from the release history.
struct DiffRollbackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollback", abstract: "show what rolling back a release would change")

    @OptionGroup var storage: ReleaseStorageOptions
    @Argument(help: "release name") var name: String
    @Argument(help: "revision to roll back to (default: the previous one)") var revision: Int = 0
    @OptionGroup var output: DiffOutputOptions

    func run() throws {
        let differences = try reportingFailures {
            try storage.context().diffRollback(name: name, namespace: storage.namespace, revision: revision,
                                               options: output.diffOptions)
        }
        try output.report(differences)
    }
}
