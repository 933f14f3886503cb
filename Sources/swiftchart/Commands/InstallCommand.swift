import ArgumentParser
import Chart
import Foundation
import Release

/// Flags `install` and `upgrade` share besides the value overrides.
struct ReleaseWriteOptions: ParsableArguments {
    @Flag(name: .customLong("dry-run"), help: "simulate: print the release and its manifests, store nothing")
    var dryRun = false
    @Option(help: "add a custom description") var description: String?
    @Option(name: .customLong("history-max"), help: "limit the maximum number of revisions saved per release. Use 0 for no limit")
    var historyMax: Int = 10
    @Flag(name: .customLong("hide-notes"), help: "if set, do not show notes in the output")
    var hideNotes = false
    @Option(name: .customLong("output-dir"), help: "write the revision's manifests to this folder, one file per resource, removing files of resources it no longer has")
    var outputDir: String?
    @Flag(name: .customLong("skip-schema-validation"), help: "if set, disables JSON schema validation")
    var skipSchemaValidation = false
    @Flag(name: .customLong("render-subchart-notes"), help: "if set, render subchart notes along with the parent")
    var subchartNotes = false
    @Option(name: [.short, .customLong("output")], help: "prints the output in the specified format (table, json, yaml)")
    var output: OutputFormat = .table

    @OptionGroup var postRendering: PostRendererOptions

    var delivery: any Delivery { outputDir.map { FolderDelivery(directory: $0) } ?? RecordOnlyDelivery() }

    func renderer(chartPath: String) throws -> any ReleaseRenderer {
        let renderer = ChartRenderer(chart: try ChartLoader.load(path: chartPath), subchartNotes: subchartNotes,
                                     skipSchemaValidation: skipSchemaValidation)
        guard let postRenderer = try postRendering.postRenderer() else { return renderer }
        return PostRenderedRenderer(base: renderer, postRenderer: postRenderer)
    }

    /// Prints the release as `install`/`upgrade` do (Helm's status printer).
    func print(_ release: Release) throws {
        switch output {
        case .table: emit(ReleasePrinter.statusTable(release, hideNotes: hideNotes))
        case .json: emit(ReleasePrinter.statusJSON(release))
        case .yaml: emit(try ReleaseYAML.fromJSON(ReleasePrinter.statusJSON(release)))
        }
    }
}

struct InstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "install", abstract: "install a chart")

    @OptionGroup var storage: ReleaseStorageOptions
    @OptionGroup var waiting: WaitOptions
    @OptionGroup var adoption: AdoptionOptions
    @OptionGroup var hooks: HookFlags
    @Argument(help: "[NAME] CHART (NAME defaults to the chart's name)") var arguments: [String] = []
    @Flag(name: [.short, .customLong("generate-name")], help: "generate the name (and omit the NAME parameter)")
    var generateName = false
    @Flag(help: "reuse the given name, only if that name is a deleted release which remains in the history")
    var replace = false
    @OptionGroup var valueOptions: ValueOptions
    @OptionGroup var write: ReleaseWriteOptions

    /// Helm's `--generate-name`: the chart path's base name up to its first dot, a dash, the Unix time.
    static func generatedName(chartPath: String) -> String {
        var base = (chartPath as NSString).lastPathComponent
        if base == "." || base.isEmpty { base = "chart" }
        if let dot = base.firstIndex(of: ".") { base = String(base[..<dot]) }
        return "\(base)-\(Int(Date().timeIntervalSince1970))"
    }

    func validate() throws {
        if arguments.isEmpty || arguments.count > 2 || (generateName && arguments.count != 1) {
            throw ValidationError("\"swiftchart install\" requires [NAME] CHART (or --generate-name CHART)")
        }
    }

    func run() throws {
        try reportingFailures("INSTALLATION FAILED") {
            let chartPath = arguments[arguments.count - 1]
            let renderer = try write.renderer(chartPath: chartPath)
            let name: String
            if arguments.count == 2 {
                name = arguments[0]
            } else if generateName {
                name = InstallCommand.generatedName(chartPath: chartPath)
            } else {
                name = renderer.chart.metadata.name
            }
            let context = try storage.context(delivery: write.delivery, wait: hooks.waiting(waiting, storage: storage).settings, adoption: adoption)
            if adoption.createNamespace && !write.dryRun { try storage.createNamespace() }
            var options = InstallOptions(name: name, namespace: storage.namespace, values: try valueOptions.merged())
            options.disableHooks = hooks.noHooks
            options.rollbackOnFailure = hooks.rollsBackOnFailure
            options.dryRun = write.dryRun
            options.replace = replace
            options.description = write.description
            options.maxHistory = write.historyMax
            try write.print(try context.install(options, renderer: renderer))
        }
    }
}
