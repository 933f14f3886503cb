import Values

/// YAML output of release data as Helm's `output.EncodeYAML` writes it
/// (`sigs.k8s.io/yaml`: through JSON, so map keys come out sorted).
public enum ReleaseYAML {
    public static func emit(_ value: Value) throws -> String {
        try YAML.emitThrowing(value)
    }

    /// The YAML form of a Go-shaped JSON document produced by `ReleasePrinter`.
    public static func fromJSON(_ json: String) throws -> String {
        try YAML.emitThrowing(try JSON.decode(Array(json.utf8)))
    }
}

extension Release {
    /// The values the revision was rendered with: the user values over the chart defaults.
    public var computedValues: Value { coalesceTables(config, chart.values) }
}
