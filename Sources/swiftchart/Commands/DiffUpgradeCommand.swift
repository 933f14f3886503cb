import ArgumentParser
import Chart
import Release

/// `diff upgrade NAME CHART`: the chart rendered as `upgrade` would, compared with the
/// deployed revision, or with the live objects in cluster mode.
struct DiffUpgradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upgrade", abstract: "show what upgrading a release to a chart would change")

    @OptionGroup var storage: ReleaseStorageOptions
    @Argument(help: "release name") var name: String
    @Argument(help: "chart path") var chartPath: String
    @Flag(name: .customLong("reuse-values"), help: "reuse the last release's values and merge in any overrides from the command line")
    var reuseValues = false
    @Flag(name: .customLong("reset-values"), help: "reset the values to the ones built into the chart")
    var resetValues = false
    @Flag(name: .customLong("reset-then-reuse-values"), help: "reset the values to the chart's, apply the last release's values and merge in any overrides")
    var resetThenReuseValues = false
    @Flag(name: .customLong("allow-unreleased"), help: "show a release that does not exist yet as an install")
    var allowUnreleased = false
    @Flag(name: .customLong("skip-schema-validation"), help: "if set, disables JSON schema validation")
    var skipSchemaValidation = false
    @OptionGroup var postRendering: PostRendererOptions
    @OptionGroup var valueOptions: ValueOptions
    @OptionGroup var output: DiffOutputOptions

    func run() throws {
        let differences = try reportingFailures {
            let context = try storage.context()
            var renderer: any ReleaseRenderer = ChartRenderer(chart: try ChartLoader.load(path: chartPath),
                                                              skipSchemaValidation: skipSchemaValidation)
            if let postRenderer = try postRendering.postRenderer() {
                renderer = PostRenderedRenderer(base: renderer, postRenderer: postRenderer)
            }
            var options = UpgradeOptions(name: name, namespace: storage.namespace, values: try valueOptions.merged())
            options.valuesReuse = resetValues ? .reset : reuseValues ? .reuse : resetThenReuseValues ? .resetThenReuse : .automatic
            let live = try storage.clusterClient().map(ResourceDiff.liveReader)
            return try context.diffUpgrade(options, renderer: renderer, options: output.diffOptions, live: live,
                                           allowUnreleased: allowUnreleased)
        }
        try output.report(differences)
    }
}
