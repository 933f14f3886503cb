import Values

/// Builds a `Chart` from its files, as Helm's `loader.LoadFiles` does, and
/// from a directory (`LoadDir`: `.helmignore` applied, UTF-8 BOM stripped).
public enum ChartLoader {
    /// Loads a chart from in-memory files (paths relative to the chart root).
    /// `origin` prefixes file names in error locations (e.g. the chart folder).
    public static func load(files: [ChartFileEntry], origin: String? = nil) throws -> Chart {
        func located(_ path: String) -> String {
            guard let origin, !origin.isEmpty else { return path }
            return origin.hasSuffix("/") ? origin + path : origin + "/" + path
        }

        var metadata: ChartMetadata? = nil
        for f in files where f.path == "Chart.yaml" {
            let doc = try parseYAML(f, as: "Chart.yaml", location: located(f.path))
            do {
                var md = ChartMetadata()
                try md.merge(decoding: doc)
                if md.apiVersion.isEmpty { md.apiVersion = "v1" }
                metadata = md
            } catch let e as MetadataDecoder.Mismatch {
                throw ChartError("cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: " + e.message, file: located(f.path))
            }
        }

        var lock: [ChartDependency]? = nil
        var templates: [ChartFileEntry] = []
        var valuesFile: ChartFileEntry? = nil
        var values: Value = .map([:])
        var schema: [UInt8]? = nil
        var other: [ChartFileEntry] = []
        var subchartFiles: [String: [ChartFileEntry]] = [:]

        for f in files {
            switch f.path {
            case "Chart.yaml":
                continue
            case "Chart.lock", "requirements.lock":
                let doc = try parseYAML(f, as: f.path, location: located(f.path))
                lock = try decodeLock(doc, file: f.path)
                if f.path == "requirements.lock" {
                    if metadata == nil { metadata = ChartMetadata() }
                    if metadata?.apiVersion == "v1" { other.append(f) }
                }
            case "values.yaml":
                valuesFile = f
                values = try parseValues(f, location: located(f.path))
            case "values.schema.json":
                schema = f.bytes
            case "requirements.yaml":
                if metadata == nil { metadata = ChartMetadata() }
                let doc = try parseYAML(f, as: f.path, location: located(f.path))
                do {
                    try metadata?.merge(decoding: doc)
                } catch let e as MetadataDecoder.Mismatch {
                    throw ChartError("cannot load requirements.yaml: error unmarshaling JSON: while decoding JSON: " + e.message, file: located(f.path))
                }
                if metadata?.apiVersion == "v1" { other.append(f) }
            default:
                if f.path.hasPrefix("templates/") {
                    templates.append(f)
                } else if f.path.hasPrefix("charts/") {
                    if f.path.hasSuffix(".prov") {
                        other.append(f)
                        continue
                    }
                    let rest = f.path.dropFirst("charts/".count)
                    let name = rest.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
                    subchartFiles[name, default: []].append(ChartFileEntry(path: String(rest), bytes: f.bytes))
                } else {
                    other.append(f)
                }
            }
        }

        guard var md = metadata else {
            throw ChartError("Chart.yaml file is missing", file: origin)
        }
        do {
            try md.validate()
        } catch var e as ChartError {
            if e.file == nil { e.file = located("Chart.yaml") }
            throw e
        }

        var dependencies: [Chart] = []
        for name in subchartFiles.keys.sorted() {
            guard let entries = subchartFiles[name] else { continue }
            if name.hasPrefix("_") || name.hasPrefix(".") { continue }
            do {
                if name.hasSuffix(".tgz") {
                    let file = entries[0]
                    if file.path != name {
                        throw ChartError("error unpacking subchart tar in \(md.name): expected \(name), got \(file.path)")
                    }
                    dependencies.append(try loadArchive(file.bytes, origin: located("charts/" + name)))
                } else {
                    var inner: [ChartFileEntry] = []
                    for e in entries {
                        let parts = e.path.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
                        guard parts.count == 2 else { continue }
                        inner.append(ChartFileEntry(path: String(parts[1]), bytes: e.bytes))
                    }
                    dependencies.append(try load(files: inner, origin: located("charts/" + name)))
                }
            } catch var e as ChartError {
                e.message = "error unpacking subchart \(name) in \(md.name): " + e.message
                throw e
            }
        }

        return Chart(
            metadata: md, lock: lock, templates: templates, valuesFile: valuesFile, values: values,
            schema: schema, files: other, raw: files, dependencies: dependencies)
    }

    /// Parses a values file the way Helm reads a chart's `values.yaml`: every
    /// YAML document must be a map (or empty); documents are merged in order.
    public static func parseValues(_ file: ChartFileEntry, location: String? = nil) throws -> Value {
        do {
            return .map(try YAML.loadValues(file.bytes, file: location ?? file.path))
        } catch {
            throw wrap(error, prefix: "cannot load \(file.path): ", file: location ?? file.path, bytes: file.bytes)
        }
    }

    static func parseYAML(_ file: ChartFileEntry, as name: String, location: String) throws -> Value {
        do {
            return try YAML.load(file.bytes, file: location)
        } catch {
            throw wrap(error, prefix: "cannot load \(name): ", file: location, bytes: file.bytes)
        }
    }

    static func decodeLock(_ doc: Value, file: String) throws -> [ChartDependency]? {
        guard case .map(let m) = doc, let deps = m["dependencies"] else { return nil }
        do {
            return try ChartDependency.decodeList(deps, fieldPrefix: ".")
        } catch let e as MetadataDecoder.Mismatch {
            throw ChartError("cannot load \(file): error unmarshaling JSON: while decoding JSON: " + e.message)
        }
    }

    /// Wraps a YAML error from the Values module in a `ChartError` with Helm's prefix, keeping its location.
    static func wrap(_ error: Error, prefix: String, file: String, bytes: [UInt8]) -> ChartError {
        guard let v = error as? ValuesError else { return ChartError(prefix + "\(error)", file: file) }
        var located = ChartError(prefix + v.message, file: v.file.isEmpty ? file : v.file,
                                 line: v.line > 0 ? v.line : nil, column: v.column > 0 ? v.column : nil, sourceLine: v.sourceLine)
        if located.line == nil, let line = SourceLocation.lineMentioned(in: v.message) {
            located.line = line
        }
        if located.sourceLine == nil, let line = located.line {
            located.sourceLine = SourceLocation.line(line, of: bytes)
        }
        return located
    }
}
