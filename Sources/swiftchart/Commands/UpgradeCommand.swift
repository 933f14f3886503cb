import ArgumentParser
import Foundation
import Release

struct UpgradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "upgrade", abstract: "upgrade a release")

    @OptionGroup var storage: ReleaseStorageOptions
    @OptionGroup var waiting: WaitOptions
    @OptionGroup var adoption: AdoptionOptions
    @OptionGroup var hooks: HookFlags
    @Argument(help: "release name") var name: String
    @Argument(help: "chart path") var chartPath: String
    @Flag(name: [.short, .long], help: "if a release by this name doesn't already exist, run an install")
    var install = false
    @Flag(name: .customLong("reuse-values"), help: "reuse the last release's values and merge in any overrides from the command line")
    var reuseValues = false
    @Flag(name: .customLong("reset-values"), help: "reset the values to the ones built into the chart")
    var resetValues = false
    @Flag(name: .customLong("reset-then-reuse-values"), help: "reset the values to the chart's, apply the last release's values and merge in any overrides")
    var resetThenReuseValues = false
    @OptionGroup var valueOptions: ValueOptions
    @OptionGroup var write: ReleaseWriteOptions

    func run() throws {
        let context = try reportingFailures { try storage.context(delivery: write.delivery, wait: hooks.waiting(waiting, storage: storage).settings, adoption: adoption) }
        let renderer = try reportingFailures("UPGRADE FAILED") { try write.renderer(chartPath: chartPath) }
        let values = try reportingFailures("UPGRADE FAILED") { try valueOptions.merged() }
        let rollbackOnFailure = hooks.rollsBackOnFailure
        if install {
            let history = try reportingFailures { try context.store.revisions(name: name, namespace: storage.namespace) }
            if history.isEmpty || history.last?.info.status == .uninstalled {
                if write.output == .table { emit("Release \"\(name)\" does not exist. Installing it now.\n") }
                try reportingFailures("INSTALLATION FAILED") {
                    if adoption.createNamespace && !write.dryRun { try storage.createNamespace() }
                    var options = InstallOptions(name: name, namespace: storage.namespace, values: values)
                    options.dryRun = write.dryRun
                    options.replace = !history.isEmpty
                    options.description = write.description
                    options.maxHistory = write.historyMax
                    options.disableHooks = hooks.noHooks
                    options.rollbackOnFailure = rollbackOnFailure
                    try write.print(try context.install(options, renderer: renderer))
                }
                return
            }
        }
        try reportingFailures("UPGRADE FAILED") {
            var options = UpgradeOptions(name: name, namespace: storage.namespace, values: values)
            options.valuesReuse = resetValues ? .reset : reuseValues ? .reuse : resetThenReuseValues ? .resetThenReuse : .automatic
            options.dryRun = write.dryRun
            options.description = write.description
            options.maxHistory = write.historyMax
            options.disableHooks = hooks.noHooks
            options.rollbackOnFailure = rollbackOnFailure
            let release = try context.upgrade(options, renderer: renderer)
            if write.output == .table { emit("Release \"\(name)\" has been upgraded. Happy Helming!\n") }
            try write.print(release)
        }
    }
}
