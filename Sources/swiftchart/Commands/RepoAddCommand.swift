import ArgumentParser
import Repository

/// `swiftchart repo add NAME URL`.
struct RepoAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a chart repository.",
        discussion: "Downloads the repository's index.yaml first: a URL that does not serve a valid index is not added.")

    @Argument(help: "Name of the repository.") var name: String
    @Argument(help: "URL of the repository (http://, https:// or file://).") var url: String
    @Flag(name: .customLong("force-update"), help: "Replace (overwrite) the repo if it already exists.") var forceUpdate = false
    @Option(help: "Chart repository username.") var username: String = ""
    @Option(help: "Chart repository password.") var password: String = ""
    @Flag(name: .customLong("insecure-skip-tls-verify"), help: "Skip TLS certificate checks for the repository.") var insecure = false
    @Flag(name: .customLong("pass-credentials"), help: "Pass credentials to all domains.") var passCredentials = false

    func run() throws {
        try ErrorReporter.run {
            var entry = RepositoryEntry(name: name, url: url)
            entry.username = username
            entry.password = password
            entry.insecureSkipTLSVerify = insecure
            entry.passCredentialsAll = passCredentials
            switch try RepositoryContext.manager().add(entry, forceUpdate: forceUpdate) {
            case .added: writeOut("\"\(name)\" has been added to your repositories\n")
            case .unchanged: writeOut("\"\(name)\" already exists with the same configuration, skipping\n")
            }
        }
    }
}
