import Chart
import Values

extension Engine {
    /// `helm template` after loading: renders `chart` with the user's merged
    /// values and returns what Helm prints. Shared by the CLI and the
    /// benchmark so both measure the same work.
    public static func template(chart: Chart, values: Value, options: RenderOptions,
                                output: TemplateOutputOptions) throws -> String {
        try render(chart: chart, values: values, options: options).templateOutput(output)
    }
}
