import Chart
import Engine
import Release

/// What `swiftchart template` was asked to do, however the command line was
/// read (`TemplateCommand` through ArgumentParser, or `TemplateCommandLine`).
struct TemplateRequest: Equatable {
    /// Release name (optional) and chart path.
    var arguments: [String] = []
    var namespace = "default"
    var valueOverrides = ValueOverrides()
    var kubeVersion: String?
    var apiVersions: [String] = []
    var showOnly: [String] = []
    var includeCRDs = false
    var skipCRDs = false
    var skipTests = false
    var noHooks = false
    var skipSchemaValidation = false
    var isUpgrade = false
    var strict = false
    var subchartNotes = false
    var nameTemplate: String?
    var generateName = false
    var postRendererPath: String?
    var postRendererArguments: [String] = []
    var outputDir: String?

    /// Renders and prints; errors are reported on stderr and fail with exit code 1.
    func run() throws(ExitStatus) {
        do {
            var output = try render()
            StandardOutput.emit(&output)
        } catch {
            ErrorReporter.report(error)
            throw ExitStatus(code: 1)
        }
    }

    private func render() throws -> String {
        let (name, chartPath) = try ReleaseNaming.nameAndChart(
            arguments, nameTemplate: nameTemplate, generateName: generateName, defaultName: "release-name")
        try ReleaseName.validate(name)
        let chart = try ChartLoader.load(path: chartPath)
        let values = try valueOverrides.merged()
        var capabilities = Capabilities(extraAPIVersions: apiVersions.flatMap { $0.split(separator: ",").map(String.init) })
        if let kubeVersion {
            do {
                capabilities.kubeVersion = try KubeVersion(parsing: kubeVersion)
            } catch {
                throw CLIError(message: "invalid kube version '\(kubeVersion)': \((error as? RenderError)?.message ?? "\(error)")")
            }
        }
        let options = RenderOptions(
            release: ReleaseOptions(name: name, namespace: namespace, revision: 1, isInstall: !isUpgrade, isUpgrade: isUpgrade),
            capabilities: capabilities, strict: strict, subchartNotes: subchartNotes,
            skipSchemaValidation: skipSchemaValidation)
        let postRenderer = try PostRenderer.fromFlags(path: postRendererPath, arguments: postRendererArguments)
        var outputOptions = TemplateOutputOptions(includeCRDs: includeCRDs, skipTests: skipTests, noHooks: noHooks, showOnly: showOnly)
        if let postRenderer { outputOptions.postRenderer = { try postRenderer.run($0) } }
        if let outputDir {
            let result = try Engine.render(chart: chart, values: values, options: options)
            return try OutputDirectory.write(result, to: outputDir, options: outputOptions)
        }
        return try Engine.template(chart: chart, values: values, options: options, output: outputOptions)
    }
}

/// A process exit status to end with (the fast command-line path has no ArgumentParser `ExitCode`).
struct ExitStatus: Error {
    let code: Int32
}
