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
        /// The template file's bytes (shared with the chart, not copied).
        var bytes: [UInt8]
        var text: String { String(decoding: bytes, as: UTF8.self) }
        var data: ValueMap
        var basePath: String
    }

    /// Renders the chart's templates; `values` is handed to templates as is
    /// (callers pass a copy they do not mind being changed).
    func render(chart: Chart, values: Value) throws -> [String: String] {
        // One large-stack thread for all parses and executions (each would start its own otherwise).
        try LargeStack.run { try renderOnLargeStack(chart: chart, values: values) }
    }

    private func renderOnLargeStack(chart: Chart, values: Value) throws -> [String: String] {
        var templates: [String: Renderable] = [:]
        let top = ValueMap([
            "Values": Self.helmValues(values),
            "Release": options.release.value,
            "Capabilities": .object(CapabilitiesObject(capabilities: options.capabilities)),
        ])
        _ = collect(chart, parentData: top, isRoot: true, fullPath: chart.name, into: &templates)

        let order = Self.parseOrdered(Array(templates.keys))
        var set = TemplateSet(functions: Functions.standard(options: options.functionOptions),
                              options: TemplateOptions(missingKey: options.strict ? .error : .zero))
        do {
            try set.parse(files: order.compactMap { name in templates[name].map { (name, $0.bytes) } })
        } catch let e as TemplateError {
            throw HelmErrorCleanup.parseError(e, file: e.file, source: templates[e.file]?.text ?? "")
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
            templates[fullPath + "/" + t.path] = Renderable(bytes: t.bytes, data: next, basePath: fullPath + "/templates")
        }
        return next
    }

    /// `names` sorted by `parseOrder`, each name's depth counted once.
    static func parseOrdered(_ names: [String]) -> [String] {
        names.map { name in (name, name.utf8.reduce(0) { $0 + ($1 == 0x2F ? 1 : 0) }) }
            .sorted { a, b in a.1 != b.1 ? a.1 > b.1 : goLess(b.0, a.0) }
            .map(\.0)
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
    /// `strings.ReplaceAll` on UTF-8 bytes; returns `self` untouched (no copy) when `target` does not occur.
    func replacingAll(_ target: String, with replacement: String) -> String {
        let t = Array(target.utf8)
        guard let first = t.first else { return self }
        var copy = self
        return copy.withUTF8 { bytes -> String in
            let n = bytes.count
            guard n >= t.count else { return self }
            var out: [UInt8] = []
            var copied = 0
            var i = 0
            let lastStart = n - t.count
            while i <= lastStart {
                guard let hit = ByteSearch.firstIndex(of: first, in: bytes, from: i), hit <= lastStart else { break }
                i = hit
                var j = 1
                while j < t.count && bytes[i + j] == t[j] { j += 1 }
                guard j == t.count else { i += 1; continue }
                if out.isEmpty { out.reserveCapacity(n) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<i]))
                out.append(contentsOf: replacement.utf8)
                i += t.count
                copied = i
            }
            if copied == 0 { return self }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<n]))
            return String(decoding: out, as: UTF8.self)
        }
    }
}
