import Values

/// YAML output of release data (`get values`, `-o yaml`), as Helm's `output.EncodeYAML` writes it.
public enum ReleaseYAML {
    public static func emit(_ value: Value) throws -> String {
        throw ReleaseError.invalidStorage("YAML output of release data needs the values YAML emitter, which this build lacks; use -o json")
    }
}

extension Release {
    /// The values the revision was rendered with: the user values over the chart defaults.
    public var computedValues: Value { coalesceTables(config, chart.values) }
}
