import Chart
import Engine
import Functions
import Foundation
import Values

/// Helm's `rules.Templates`: the chart renders, each template has an allowed extension, and each
/// rendered YAML template parses into Kubernetes-looking objects with valid names.
enum TemplateRules {
    static func run(chartDir: String, values: Value, options: ChartLinter.Options, into report: inout LintReport) {
        let dir = "templates/"
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: chartDir + "/templates", isDirectory: &isDirectory) else {
            report.check(.warning, dir, "directory does not exist")
            return
        }
        guard isDirectory.boolValue else { report.check(.error, dir, "not a directory"); return }
        var chart: Chart
        do { chart = try ChartLoader.load(directory: chartDir) } catch { report.check(.error, dir, "\(error)"); return }
        // Lint renders what is there: dependencies missing from charts/ are reported by the
        // dependency rule, not by the render (Helm's lint skips that check).
        if chart.metadata.isLibrary { chart.metadata.type = "application" }
        let present = Set(chart.dependencies.map(\.name))
        chart.metadata.dependencies = chart.metadata.dependencies?.filter { present.contains($0.name) }
        // Files with other extensions are reported below; the engine would parse their output as
        // manifests, which Helm's lint render does not do.
        let allTemplates = chart.templates
        chart.templates = allTemplates.filter { template in
            allowedExtension(template.path) == nil || (template.path.split(separator: "/").last?.hasPrefix("_") ?? false)
        }
        var capabilities = Capabilities()
        if let kubeVersion = options.kubeVersion {
            do {
                capabilities.kubeVersion = try KubeVersion(parsing: kubeVersion)
            } catch {
                report.check(.error, dir, "invalid kube version '\(kubeVersion)': \((error as? RenderError)?.message ?? "\(error)")")
                return
            }
        }
        let renderOptions = RenderOptions(
            release: ReleaseOptions(name: "test-release", namespace: options.namespace, revision: 1, isInstall: true, isUpgrade: false),
            capabilities: capabilities, skipSchemaValidation: options.skipSchemaValidation,
            functionOptions: FunctionOptions(lintMode: true))
        let result: RenderResult
        do { result = try Engine.render(chart: chart, values: values, options: renderOptions) } catch let error as RenderError {
            // The engine parses rendered YAML while sorting manifests; Helm's lint reports that
            // per file, after rendering.
            let prefix = "YAML parse error on \(chart.name)/"
            if error.message.hasPrefix(prefix), let file = error.file, file.hasPrefix(chart.name + "/") {
                let rest = error.message.dropFirst(prefix.count)
                let detail = rest.range(of: ": ").map { String(rest[$0.upperBound...]) } ?? String(rest)
                report.check(.error, String(file.dropFirst(chart.name.count + 1)), "unable to parse YAML: \(detail)")
            } else {
                report.check(.error, dir, "\(error)")
            }
            return
        } catch {
            report.check(.error, dir, "\(error)")
            return
        }
        if !options.skipSchemaValidation, let problem = ValuesSchema.validateChart(schemaNode(chart), values: result.values) {
            report.check(.error, dir, problem)
            return
        }
        for template in allTemplates {
            let name = template.path
            report.check(.error, name, allowedExtension(name))
            let lower = name.lowercased()
            guard lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") else { continue }
            let rendered = result.files[chart.name + "/" + name] ?? ""
            guard !rendered.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
            report.check(.warning, name, topIndent(rendered))
            var documents: [Value] = []
            do {
                for chunk in try documentChunks(rendered) { documents.append(try YAML.load(Array(chunk.utf8), file: name)) }
            } catch {
                report.check(.error, name, "unable to parse YAML: \(error)")
                return
            }
            for case .map(let object) in documents {
                let kind = object["kind"]?.stringValue ?? ""
                let metadata = object["metadata"]?.mapValue ?? [:]
                let objectName = metadata["name"]?.stringValue ?? ""
                report.check(.warning, name, KubernetesNames.validate(objectName, kind: kind))
                if ["Deployment", "ReplicaSet", "DaemonSet", "StatefulSet"].contains(kind),
                   !rendered.contains("matchLabels"), !rendered.contains("matchExpressions") {
                    report.check(.error, name, "a \(kind) must contain matchLabels or matchExpressions, and \(goQuote(objectName)) does not")
                }
                if kind == "List", case .list(let items, _)? = object["items"] {
                    for case .map(let item) in items where item["metadata"]?.mapValue?["annotations"]?.mapValue?["helm.sh/resource-policy"] != nil {
                        report.check(.error, name, "annotation 'helm.sh/resource-policy' within List objects are ignored")
                        break
                    }
                }
            }
        }
    }

    /// The chart tree as schema validation sees it (Helm's `ToRenderValuesWithSchemaValidation`).
    static func schemaNode(_ chart: Chart) -> SchemaChartNode {
        SchemaChartNode(name: chart.name, schemaJSON: chart.schema, dependencies: chart.dependencies.map(schemaNode))
    }

    /// Documents as Kubernetes' `YAMLReader` splits a stream: at lines starting with `---`
    /// followed by nothing but white space or a comment (anything else there is an error, as
    /// in apimachinery); blank documents dropped.
    static func documentChunks(_ content: String) throws -> [String] {
        var chunks: [String] = []
        var current = ""
        for line in content.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("---") {
                let rest = line.dropFirst(3).trimmingCharacters(in: .whitespaces)
                if !rest.isEmpty && !rest.hasPrefix("#") {
                    throw RepositoryError("invalid Yaml document separator: \(rest)")
                }
                chunks.append(current)
                current = ""
            } else {
                current += line + "\n"
            }
        }
        chunks.append(current)
        return chunks.filter { !$0.allSatisfy(\.isWhitespace) }
    }

    static func allowedExtension(_ name: String) -> String? {
        let base = name.split(separator: "/").last.map(String.init) ?? name
        let ext = base.lastIndex(of: ".").map { String(base[$0...]) } ?? ""
        return [".yaml", ".yml", ".tpl", ".txt"].contains(ext) ? nil
            : "file extension '\(ext)' not valid. Valid extensions are .yaml, .yml, .tpl, or .txt"
    }

    static func topIndent(_ content: String) -> String? {
        for line in content.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            if line.hasPrefix(" ") || line.hasPrefix("\t") {
                return "document starts with an illegal indent: \(goQuote(String(line))), which may cause parsing problems"
            }
            return nil
        }
        return nil
    }
}

/// Kubernetes object-name rules used by Helm's `validateMetadataName`, with apimachinery's messages.
enum KubernetesNames {
    static let subdomainMessage = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
    static let labelMessage = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
    static let dns1035Message = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"

    /// The warning for `name` of an object of `kind`, or nil when the name is valid.
    static func validate(_ name: String, kind: String) -> String? {
        var problems: [String] = []
        switch kind.lowercased() {
        case "service":
            if name.utf8.count > 63 { problems.append("must be no more than 63 characters") }
            if !isLabel(name, firstMustBeLetter: true) { problems.append(dns1035Message) }
        case "namespace":
            if name.utf8.count > 63 { problems.append("must be no more than 63 characters") }
            if !isLabel(name, firstMustBeLetter: false) { problems.append(labelMessage) }
        case "certificatesigningrequest":
            break
        case "role", "clusterrole", "rolebinding", "clusterrolebinding":
            if name == "." || name == ".." { problems.append("may not be '\(name)'") }
            for bad in ["/", "%"] where name.contains(bad) { problems.append("may not contain '\(bad)'") }
        default:
            if name.utf8.count > 253 { problems.append("must be no more than 253 characters") }
            if !isSubdomain(name) { problems.append(subdomainMessage) }
        }
        guard !problems.isEmpty else { return nil }
        let errors = problems.map { "metadata.name: Invalid value: \(goQuote(name)): \($0)" }
        let aggregate = errors.count == 1 ? errors[0] : "[" + errors.joined(separator: ", ") + "]"
        return "object name does not conform to Kubernetes naming requirements: \(goQuote(name)): \(aggregate)"
    }

    private static func isAlnum(_ c: UInt8) -> Bool { (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) }

    static func isLabel(_ s: String, firstMustBeLetter: Bool) -> Bool {
        let b = Array(s.utf8)
        guard let first = b.first, let last = b.last else { return false }
        if firstMustBeLetter ? !(first >= 0x61 && first <= 0x7A) : !isAlnum(first) { return false }
        return isAlnum(last) && b.allSatisfy { isAlnum($0) || $0 == 0x2D }
    }

    static func isSubdomain(_ s: String) -> Bool {
        !s.isEmpty && s.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { isLabel(String($0), firstMustBeLetter: false) }
    }
}
