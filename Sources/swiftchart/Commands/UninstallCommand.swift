import ArgumentParser
import Release

struct UninstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uninstall", abstract: "uninstall a release", aliases: ["del", "delete", "un"])

    @OptionGroup var storage: ReleaseStorageOptions
    @OptionGroup var waiting: DeletionWaitOptions
    @Argument(help: "release names") var names: [String]
    @Flag(name: .customLong("keep-history"), help: "remove all associated resources and mark the release as deleted, but retain the release history")
    var keepHistory = false
    @Flag(name: .customLong("dry-run"), help: "simulate a uninstall") var dryRun = false
    @Flag(name: .customLong("no-hooks"), help: "prevent hooks from running during uninstallation") var noHooks = false
    @Option(help: "add a custom description") var description: String?
    @Option(name: .customLong("output-dir"), help: "remove the release's manifest files from this folder")
    var outputDir: String?

    func validate() throws {
        if names.isEmpty { throw ValidationError("\"swiftchart uninstall\" requires at least 1 argument") }
    }

    func run() throws {
        try reportingFailures {
            let delivery: any Delivery = outputDir.map { FolderDelivery(directory: $0) } ?? RecordOnlyDelivery()
            let context = try storage.context(delivery: delivery, wait: waiting.settings)
            for name in names {
                var options = UninstallOptions(name: name, namespace: storage.namespace, keepHistory: keepHistory)
                options.dryRun = dryRun
                options.description = description
                options.disableHooks = noHooks
                try context.uninstall(options)
                emit("release \"\(name)\" uninstalled\n")
            }
        }
    }
}
