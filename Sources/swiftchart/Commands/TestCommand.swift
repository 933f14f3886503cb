import ArgumentParser
import Foundation
import Kube
import Release

/// `swiftchart test NAME`: runs the release's `test` hooks in the cluster, then prints the
/// status with each test's last run, as `helm test` does; exit status 1 when a test failed.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "test", abstract: "run tests for a release")

    @OptionGroup var storage: ReleaseStorageOptions
    @Argument(help: "release name") var name: String
    @OptionGroup var timeout: HookTimeoutOption
    @Option(name: .customLong("filter"),
            help: "specify tests by attribute (currently \"name\") using attribute=value syntax or '!attribute=value' to exclude a test (can specify multiple or separate values with commas: name=test1,name=test2)")
    var filter: [String] = []

    /// Helm's `--filter`: a string slice (commas split values); `name=X` includes, `!name=X` (or `! name=X`) excludes.
    static func filters(_ arguments: [String]) -> (include: [String], exclude: [String]) {
        var include: [String] = [], exclude: [String] = []
        for entry in arguments.flatMap({ $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }) {
            if entry.hasPrefix("name=") {
                include.append(String(entry.dropFirst("name=".count)))
            } else if entry.hasPrefix("!name=") {
                exclude.append(String(entry.dropFirst("!name=".count)))
            } else if entry.hasPrefix("! name=") {
                exclude.append(String(entry.dropFirst("! name=".count)))
            }
        }
        return (include, exclude)
    }

    func run() throws {
        let outcome = try reportingFailures { () -> TestRun in
            let context = timeout.applied(to: try storage.context())
            guard context.delivery is KubeDelivery else {
                throw ReleaseError.invalidStorage("test needs a cluster: pass --kubeconfig or --kube-context, or use --storage secrets")
            }
            var options = TestOptions(name: name, namespace: storage.namespace)
            (options.includeNames, options.excludeNames) = Self.filters(filter)
            return try context.test(options)
        }
        emit(ReleasePrinter.statusTable(outcome.release, hideNotes: true))
        if let failure = outcome.failure { throw ReleaseCommandFailure(nil, failure) }
    }
}
