import ArgumentParser
import Release

struct RollbackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollback", abstract: "roll back a release to a previous revision")

    @OptionGroup var storage: ReleaseStorageOptions
    @OptionGroup var waiting: WaitOptions
    @Argument(help: "release name") var name: String
    @Argument(help: "revision to roll back to (default: the previous one)") var revision: Int = 0
    @Flag(name: .customLong("dry-run"), help: "simulate a rollback") var dryRun = false
    @Flag(name: .customLong("no-hooks"), help: "prevent hooks from running during rollback") var noHooks = false
    @Option(name: .customLong("history-max"), help: "limit the maximum number of revisions saved per release. Use 0 for no limit")
    var historyMax: Int = 10
    @Option(name: .customLong("output-dir"), help: "write the rolled-back revision's manifests to this folder, one file per resource")
    var outputDir: String?

    func run() throws {
        try reportingFailures {
            let delivery: any Delivery = outputDir.map { FolderDelivery(directory: $0) } ?? RecordOnlyDelivery()
            let context = try storage.context(delivery: delivery, wait: waiting.settings)
            var options = RollbackOptions(name: name, namespace: storage.namespace, revision: revision)
            options.dryRun = dryRun
            options.maxHistory = historyMax
            options.disableHooks = noHooks
            _ = try context.rollback(options)
            emit("Rollback was a success! Happy Helming!\n")
        }
    }
}
