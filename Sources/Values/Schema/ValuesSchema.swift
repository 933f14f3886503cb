/// One problem found validating a chart's values against its values.schema.json.
///
/// A violation is a line of Helm's report (`- at '/image/tag': got number, want
/// string`); `causes` are the indented lines under it (what `allOf`, `anyOf`,
/// `$ref`… failed on). When the schema document itself is unusable (malformed
/// JSON, a `$ref` that cannot be resolved), there is a single violation with
/// `isSchemaError` set whose `message` is Helm's text for it and whose
/// `line`/`column`/`sourceLine` point into the document when known.
public struct SchemaViolation: Sendable, Equatable {
    public var chartName: String
    /// JSON pointer of the offending value (`""` is the values root).
    public var instancePath: String
    /// Helm's wording, e.g. `missing property 'image'`.
    public var message: String
    public var causes: [SchemaViolation]
    public var isSchemaError: Bool
    public var line: Int
    public var column: Int
    public var sourceLine: String?

    public init(chartName: String, instancePath: String, message: String, causes: [SchemaViolation] = [],
                isSchemaError: Bool = false, line: Int = 0, column: Int = 0, sourceLine: String? = nil) {
        self.chartName = chartName
        self.instancePath = instancePath
        self.message = message
        self.causes = causes
        self.isSchemaError = isSchemaError
        self.line = line
        self.column = column
        self.sourceLine = sourceLine
    }
}

/// A chart as schema validation needs it: its name, its values.schema.json (if
/// any) and its enabled dependencies.
public struct SchemaChartNode: Sendable {
    public var name: String
    public var schemaJSON: [UInt8]?
    public var dependencies: [SchemaChartNode]

    public init(name: String, schemaJSON: [UInt8]?, dependencies: [SchemaChartNode] = []) {
        self.name = name
        self.schemaJSON = schemaJSON
        self.dependencies = dependencies
    }
}

/// values.schema.json validation exactly as Helm v4 does it (santhosh-tekuri/
/// jsonschema v6, document at `file:///values.schema.json`, draft 2020-12 unless
/// `$schema` says otherwise, `format` asserted for drafts 4/6/7 only).
///
/// Order: Helm's order of sibling errors follows Go map iteration and varies
/// between runs; swiftchart visits object properties (and `dependencies`,
/// `patternProperties`, additional property names) in sorted order, keeping the
/// library's keyword order otherwise (type, const, enum, format, `$ref`, object/
/// array/string/number keywords, then not, allOf, anyOf, oneOf, if/then/else).
public enum ValuesSchema {
    /// Validates `values` against one chart's schema document.
    public static func validate(values: Value, schemaJSON: [UInt8], chartName: String) -> [SchemaViolation] {
        let set: CompiledSchemaSet
        do {
            let doc: SchemaJSON
            do { doc = try SchemaJSON.parse(schemaJSON) } catch {
                return [SchemaViolation(chartName: chartName, instancePath: "", message: error.message, isSchemaError: true,
                                        line: error.line, column: error.column, sourceLine: error.sourceLine)]
            }
            if let problem = SchemaShapeCheck.check(doc) {
                return [SchemaViolation(chartName: chartName, instancePath: "", message: problem, isSchemaError: true)]
            }
            set = try SchemaCompiler.compile(doc)
        } catch {
            return [SchemaViolation(chartName: chartName, instancePath: "", message: error.message, isSchemaError: true)]
        }
        return SchemaValidator(set: set).validateRoot(values).flatMap { violations($0, chartName) }
    }

    private static func violations(_ node: SchemaErrorNode, _ chart: String) -> [SchemaViolation] {
        if node.kind == .reference && node.causes.count == 1 { return violations(node.causes[0], chart) }
        let message: String
        switch node.kind {
        case .group, .reference: message = "validation failed"
        case .message(let m): message = m
        }
        return [SchemaViolation(chartName: chart, instancePath: SchemaText.jsonPointer(node.location), message: message,
                                causes: node.causes.flatMap { violations($0, chart) })]
    }

    /// What Helm prints for one chart's violations (after the `name:` line):
    /// `- at '<path>': <message>` lines, causes indented two spaces per level,
    /// then a newline; a schema-document error is its message alone.
    public static func helmText(_ violations: [SchemaViolation]) -> String {
        if let e = violations.first(where: \.isSchemaError) { return e.message }
        var out = ""
        func write(_ v: SchemaViolation, _ depth: Int) {
            if !out.isEmpty { out += "\n" }
            out += String(repeating: "  ", count: depth) + "- at " + SchemaText.quote(v.instancePath) + ": " + v.message
            for c in v.causes { write(c, depth + 1) }
        }
        for v in violations { write(v, 0) }
        return out + "\n"
    }

    /// Helm's `ValidateAgainstSchema` over a chart and its dependencies: nil
    /// when everything is valid, else the full error message Helm reports
    /// (`values don't meet the specifications of the schema(s) in the following
    /// chart(s):\n…`). Subchart values are `values[<subchart name>]`.
    public static func validateChart(_ chart: SchemaChartNode, values: Value) -> String? {
        let text = chartText(chart, values: values)
        if text.isEmpty { return nil }
        return "values don't meet the specifications of the schema(s) in the following chart(s):\n" + text
    }

    private static func chartText(_ chart: SchemaChartNode, values: Value) -> String {
        var out = ""
        if let schema = chart.schemaJSON {
            let v = validate(values: values, schemaJSON: schema, chartName: chart.name)
            if !v.isEmpty { out += chart.name + ":\n" + helmText(v) }
        }
        for sub in chart.dependencies {
            guard let raw = values[sub.name], !raw.isNull else { continue }
            guard case .map = SchemaInstance.normalized(raw) else {
                out += "\(sub.name):\ninvalid type for values: expected object (map), got \(raw.goTypeName)\n"
                continue
            }
            out += chartText(sub, values: raw)
        }
        return out
    }
}
