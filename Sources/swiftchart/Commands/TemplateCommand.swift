import ArgumentParser

/// `swiftchart template [NAME] CHART`: render a chart locally, as `helm template`.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "template", abstract: "Render chart templates locally and print them.")

    @Argument(help: "Release name (optional) and chart path.")
    var arguments: [String] = []

    @Option(name: [.customShort("n"), .customLong("namespace")], help: "Namespace of the release.")
    var namespace = "default"

    @OptionGroup var valueOptions: ValueOptions

    @Option(name: .customLong("kube-version"), help: "Kubernetes version for .Capabilities.KubeVersion.")
    var kubeVersion: String?

    @Option(name: [.customShort("a"), .customLong("api-versions")], help: "Extra API versions for .Capabilities.APIVersions (repeatable, comma-separated).")
    var apiVersions: [String] = []

    @Option(name: [.customShort("s"), .customLong("show-only")], help: "Only show manifests rendered from these templates (repeatable).")
    var showOnly: [String] = []

    @Flag(name: .customLong("include-crds"), help: "Include CRDs in the output.")
    var includeCRDs = false

    @Flag(name: .customLong("skip-crds"), help: "Do not install CRDs (no effect on template output).")
    var skipCRDs = false

    @Flag(name: .customLong("skip-tests"), help: "Do not print test hooks.")
    var skipTests = false

    @Flag(name: .customLong("no-hooks"), help: "Do not print hooks.")
    var noHooks = false

    @Flag(name: .customLong("skip-schema-validation"), help: "Do not validate values against values.schema.json.")
    var skipSchemaValidation = false

    @Flag(name: .customLong("is-upgrade"), help: "Set .Release.IsUpgrade instead of .Release.IsInstall.")
    var isUpgrade = false

    @Flag(name: .customLong("strict"), help: "Fail on missing values instead of printing nothing.")
    var strict = false

    @Flag(name: .customLong("render-subchart-notes"), help: "Render subchart notes along with the parent.")
    var subchartNotes = false

    @Option(name: .customLong("name-template"), help: "Template used to name the release.")
    var nameTemplate: String?

    @Flag(name: [.customShort("g"), .customLong("generate-name")], help: "Generate the release name.")
    var generateName = false

    @OptionGroup var postRendering: PostRendererOptions

    @Option(name: .customLong("output-dir"), help: "Write each template's output to a file in this folder instead of stdout.")
    var outputDir: String?

    /// The flags as plain data.
    var request: TemplateRequest {
        TemplateRequest(
            arguments: arguments, namespace: namespace, valueOverrides: valueOptions.overrides, kubeVersion: kubeVersion,
            apiVersions: apiVersions, showOnly: showOnly, includeCRDs: includeCRDs, skipCRDs: skipCRDs, skipTests: skipTests,
            noHooks: noHooks, skipSchemaValidation: skipSchemaValidation, isUpgrade: isUpgrade, strict: strict,
            subchartNotes: subchartNotes, nameTemplate: nameTemplate, generateName: generateName,
            postRendererPath: postRendering.path, postRendererArguments: postRendering.arguments, outputDir: outputDir)
    }

    func run() throws {
        do {
            try request.run()
        } catch {
            throw ExitCode(error.code)
        }
    }
}
