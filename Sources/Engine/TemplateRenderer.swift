import Chart
import Functions
import Template
import Values

/// Helm's `engine.Render`: every template of the chart tree is parsed into
/// one template set (deepest paths first, then reverse lexical order, so
/// that shallower files' `define`s win), then every non-partial template is
/// executed with its chart's scoped data; `<no value>` is removed from the output.
///
/// As in Helm, the data is one Go map per chart, shared by all templates of
/// that chart (and reachable from the parent as `.Subcharts.<name>`), and a
/// subchart's `.Values` is the parent's `.Values.<name>` map itself: a
/// template's in-place change (`set . "k" v`, `set .Values …`) is seen by the
/// templates executed after it.
struct TemplateRenderer {
    let options: RenderOptions

    struct Renderable {
        var text: String
        var data: ValueMap
        var basePath: String
    }

    /// Renders the chart's templates; `values` is handed to templates as is
    /// (callers pass a copy they do not mind being changed).
    func render(chart: Chart, values: Value) throws -> [String: String] {
        var templates: [String: Renderable] = [:]
        let top = ValueMap([
            "Values": Self.helmValues(values),
            "Release": options.release.value,
            "Capabilities": .object(CapabilitiesObject(capabilities: options.capabilities)),
        ])
        _ = collect(chart, parentData: top, isRoot: true, fullPath: chart.name, into: &templates)

        let order = templates.keys.sorted(by: Self.parseOrder)
        var set = TemplateSet(functions: Functions.standard(options: options.functionOptions),
                              options: TemplateOptions(missingKey: options.strict ? .error : .zero))
        for name in order {
            guard let t = templates[name] else { continue }
            do {
                try set.parse(name: name, text: t.text)
            } catch let e as TemplateError {
                throw HelmErrorCleanup.parseError(e, file: name, source: t.text)
            }
        }
        var rendered: [String: String] = [:]
        for name in order where !baseName(name).hasPrefix("_") {
            guard let t = templates[name] else { continue }
            t.data.set("Template", .map(ValueMap(["Name": .string(name), "BasePath": .string(t.basePath)],
                                                 goTypeName: Self.helmValuesType)))
            let output: String
            do {
                output = try set.execute(name: name, data: .map(t.data))
            } catch let e as TemplateError {
                throw HelmErrorCleanup.executionError(e, file: name, sources: templates.mapValues(\.text))
            }
            rendered[name] = output.replacingAll("<no value>", with: "")
        }
        return rendered
    }

    /// Builds each chart's template data (Helm's `recAllTpls`) and records its templates.
    private func collect(_ chart: Chart, parentData: ValueMap, isRoot: Bool, fullPath: String,
                         into templates: inout [String: Renderable]) -> ValueMap {
        let subcharts = ValueMap()
        let next = ValueMap([
            "Chart": ChartObject.value(for: chart.metadata, isRoot: isRoot),
            "Files": .object(FilesObject(files: Dictionary(chart.files.map { ($0.path, $0.bytes) }, uniquingKeysWith: { _, b in b }))),
            "Release": parentData["Release"] ?? .null,
            "Capabilities": parentData["Capabilities"] ?? .null,
            "Values": .map(ValueMap([:], goTypeName: Self.helmValuesType)),
            "Subcharts": .map(subcharts),
        ], goTypeName: Self.helmValuesType)
        if isRoot {
            next.set("Values", parentData["Values"] ?? .map([:]))
        } else if case .map(let parentValues)? = parentData["Values"], case .map(let mine)? = parentValues[chart.name] {
            next.set("Values", Self.helmValues(.map(mine)))
        }
        for sub in chart.dependencies {
            let data = collect(sub, parentData: next, isRoot: false, fullPath: fullPath + "/charts/" + sub.name, into: &templates)
            subcharts.set(sub.name, .map(ValueMap(sharing: data, goTypeName: nil)))
        }
        for t in chart.templates {
            if chart.metadata.isLibrary && !baseName(t.path).hasPrefix("_") { continue }
            templates[fullPath + "/" + t.path] = Renderable(text: t.text, data: next, basePath: fullPath + "/templates")
        }
        return next
    }

    /// Go type of the template data, `.Values` and `.Template` in Helm v4.
    static let helmValuesType = "common.Values"

    /// `common.Values(m)`: the same map, typed as Helm's values.
    static func helmValues(_ v: Value) -> Value {
        guard case .map(let m) = v else { return v }
        return .map(ValueMap(sharing: m, goTypeName: helmValuesType))
    }

    /// `sort.Reverse(byPathLen)`: more `/` first; equal depth in reverse byte order.
    static func parseOrder(_ a: String, _ b: String) -> Bool {
        let ca = a.utf8.reduce(0) { $0 + ($1 == 0x2F ? 1 : 0) }
        let cb = b.utf8.reduce(0) { $0 + ($1 == 0x2F ? 1 : 0) }
        if ca != cb { return ca > cb }
        return goLess(b, a)
    }
}

extension String {
    /// `strings.ReplaceAll` on UTF-8 bytes.
    func replacingAll(_ target: String, with replacement: String) -> String {
        let t = Array(target.utf8)
        var bytes = Array(self.utf8)
        guard !t.isEmpty, bytes.count >= t.count else { return self }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        var changed = false
        while i < bytes.count {
            if bytes[i] == t[0], i + t.count <= bytes.count, bytes[i..<(i + t.count)].elementsEqual(t) {
                out.append(contentsOf: replacement.utf8)
                i += t.count
                changed = true
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        if !changed { return self }
        bytes = out
        return String(decoding: bytes, as: UTF8.self)
    }
}
