import Chart
import Foundation
import Semver
import Values

/// Helm's `rules.Chartfile`: checks of `Chart.yaml`.
enum ChartfileRules {
    static func run(chartDir: String, into report: inout LintReport) -> Bool {
        let file = "Chart.yaml"
        let path = chartDir + "/" + file
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            report.check(.error, file, "should be a file, not a directory")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            report.check(.error, file, "unable to parse YAML\n\terror reading \(path): open \(path): no such file or directory")
            return false
        }
        let document: Value
        do { document = try YAML.load([UInt8](data), file: path) } catch {
            report.check(.error, file, "unable to parse YAML\n\t\(error)")
            return false
        }
        guard case .map(let raw) = document else {
            report.check(.error, file, "unable to parse YAML\n\terror unmarshaling JSON: json: cannot unmarshal into Go value of type chart.Metadata")
            return false
        }
        if let unknown = raw.sortedKeys.first(where: { !metadataFields.contains($0) }) {
            report.check(.warning, file, "failed to strictly parse chart metadata file\n\terror unmarshaling JSON: while decoding JSON: json: unknown field \(goQuote(unknown))")
        }
        checkFields(raw: raw.dictionary, into: &report)
        return true
    }

    /// The JSON names of `chart.Metadata`'s fields (what a strict parse accepts).
    static let metadataFields: Set<String> = [
        "name", "home", "sources", "version", "description", "keywords", "maintainers", "icon", "apiVersion",
        "condition", "tags", "appVersion", "deprecated", "annotations", "kubeVersion", "dependencies", "type",
    ]

    /// Field checks on the raw mapping (so they run even when the loader refused the chart).
    private static func checkFields(raw: [String: Value], into report: inout LintReport) {
        let file = "Chart.yaml"
        func string(_ key: String) -> String {
            switch raw[key] {
            case .string(let s)?: return s
            case .float(let f)?: return GoFloat.format(f, fmt: UInt8(ascii: "g"), precision: -1)
            case .bool(let b)?: return b ? "true" : "false"
            default: return ""
            }
        }
        let name = string("name"), apiVersion = string("apiVersion"), version = string("version")
        report.check(.error, file, name.isEmpty ? "name is required"
                     : (name.split(separator: "/").last.map(String.init) != name ? "chart name \(goQuote(name)) is invalid" : nil))
        if apiVersion.isEmpty {
            report.check(.error, file, "apiVersion is required. The value must be either \"v1\" or \"v2\"")
        } else if apiVersion != "v1" && apiVersion != "v2" {
            report.check(.error, file, "apiVersion '\(apiVersion)' is not valid. The value must be either \"v1\" or \"v2\"")
        }
        for key in ["version", "appVersion"] {
            if let value = raw[key], !(value.isString) {
                report.check(.error, file, "\(key) should be of type string but it's of type \(value.goTypeName)")
            }
        }
        if version.isEmpty {
            report.check(.error, file, "version is required")
        } else if let v = try? SemanticVersion(parsing: version) {
            if let c = try? VersionConstraint(parsing: ">0.0.0-0"), !c.isSatisfied(by: v) {
                report.check(.error, file, "version \(v) is less than or equal to 0.0.0-0")
            }
        } else {
            report.check(.error, file, "version '\(version)' is not a valid SemVer")
        }
        if case .list(let maintainers, _)? = raw["maintainers"] {
            for case .map(let m) in maintainers {
                let mName = (m["name"]?.stringValue) ?? "", email = m["email"]?.stringValue ?? "", url = m["url"]?.stringValue ?? ""
                if mName.isEmpty { report.check(.error, file, "each maintainer requires a name"); break }
                if !email.isEmpty && !isEmail(email) { report.check(.error, file, "invalid email '\(email)' for maintainer '\(mName)'"); break }
                if !url.isEmpty && !isURL(url) { report.check(.error, file, "invalid url '\(url)' for maintainer '\(mName)'"); break }
            }
        }
        if case .list(let sources, _)? = raw["sources"] {
            for source in sources {
                let s = source.stringValue ?? ""
                if s.isEmpty || !isRequestURL(s) { report.check(.error, file, "invalid source URL '\(s)'"); break }
            }
        }
        let icon = string("icon")
        report.check(.info, file, icon.isEmpty ? "icon is recommended" : nil)
        if !icon.isEmpty && !isRequestURL(icon) { report.check(.error, file, "invalid icon URL '\(icon)'") }
        if !string("type").isEmpty && apiVersion != "v2" {
            report.check(.error, file, "chart type is not valid in apiVersion '\(apiVersion)'. It is valid in apiVersion 'v2'")
        }
        if case .list(let deps, _)? = raw["dependencies"], !deps.isEmpty, apiVersion != "v2" {
            report.check(.error, file, "dependencies are not valid in the Chart file with apiVersion '\(apiVersion)'. They are valid in apiVersion 'v2'")
        }
        if !version.isEmpty && !DependencyList.isStrictSemver(version) {
            report.check(.warning, file, "version '\(version)' is not a valid SemVerV2")
        }
    }

    static func isEmail(_ s: String) -> Bool {
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
            && !s.contains(" ")
    }

    static func isURL(_ s: String) -> Bool {
        if s.contains(" ") { return false }
        let candidate = s.contains("://") ? s : "http://" + s
        guard let c = URLComponents(string: candidate), let host = c.host, !host.isEmpty else { return false }
        return true
    }

    /// govalidator's `IsRequestURL`: an absolute URL with a scheme.
    static func isRequestURL(_ s: String) -> Bool {
        guard let c = URLComponents(string: s), let scheme = c.scheme, !scheme.isEmpty else { return false }
        return c.host != nil || !c.path.isEmpty
    }
}

extension Value {
    var isString: Bool { stringValue != nil }
}
