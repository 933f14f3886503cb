import Values
import Semver



extension ChartMetadata {
    /// Helm's `Metadata.Validate`: sanitizes free-text fields (whitespace
    /// becomes a space, non-printable characters are dropped) and checks the
    /// required fields, the SemVer version, the chart type and dependency aliases.
    mutating func validate() throws {
        name = sanitize(name)
        description = sanitize(description)
        home = sanitize(home)
        icon = sanitize(icon)
        condition = sanitize(condition)
        tags = sanitize(tags)
        appVersion = sanitize(appVersion)
        kubeVersion = sanitize(kubeVersion)
        sources = sources?.map(sanitize)
        keywords = keywords?.map(sanitize)

        if apiVersion.isEmpty { throw ChartError.validation("chart.metadata.apiVersion is required") }
        if name.isEmpty { throw ChartError.validation("chart.metadata.name is required") }
        if name != goPathBase(name) {
            throw ChartError.validation("chart.metadata.name \(goQuote(name)) is invalid")
        }
        if version.isEmpty { throw ChartError.validation("chart.metadata.version is required") }
        if (try? SemanticVersion(parsing: version)) == nil {
            throw ChartError.validation("chart.metadata.version \(goQuote(version)) is invalid")
        }
        if !["", "application", "library"].contains(type) {
            throw ChartError.validation("chart.metadata.type must be application or library")
        }
        if let maintainers {
            self.maintainers = maintainers.map {
                ChartMaintainer(name: sanitize($0.name), email: sanitize($0.email), url: sanitize($0.url))
            }
        }
        var seen: Set<String> = []
        if var deps = dependencies {
            for i in deps.indices {
                deps[i].name = sanitize(deps[i].name)
                deps[i].version = sanitize(deps[i].version)
                deps[i].repository = sanitize(deps[i].repository)
                deps[i].condition = sanitize(deps[i].condition)
                deps[i].tags = deps[i].tags?.map(sanitize)
                let alias = deps[i].alias
                if !alias.isEmpty && !alias.utf8.allSatisfy(Self.isAliasByte) {
                    throw ChartError.validation("dependency \(goQuote(deps[i].name)) has disallowed characters in the alias")
                }
                let key = alias.isEmpty ? deps[i].name : alias
                if seen.contains(key) {
                    throw ChartError.validation("more than one dependency with name or alias \(goQuote(key))")
                }
                seen.insert(key)
            }
            dependencies = deps
        }
    }

    private static func isAliasByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b == 0x2D
    }
}

/// Helm's `sanitizeString`: whitespace becomes a space, non-printable runes are removed.
func sanitize(_ s: String) -> String {
    if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return s }
    var out = String.UnicodeScalarView()
    var changed = false
    for scalar in s.unicodeScalars {
        if scalar.properties.isWhitespace {
            out.append(" ")
            changed = changed || scalar != " "
        } else if GoStrconv.isPrint(scalar.value) {
            out.append(scalar)
        } else {
            changed = true
        }
    }
    return changed ? String(out) : s
}

/// Go's `filepath.Base` on a slash path.
func goPathBase(_ path: String) -> String {
    if path.isEmpty { return "." }
    var p = Substring(path)
    while p.count > 1 && p.hasSuffix("/") { p = p.dropLast() }
    if p == "/" { return "/" }
    if let slash = p.lastIndex(of: "/") { return String(p[p.index(after: slash)...]) }
    return String(p)
}

/// Go's `%q` (`strconv.Quote`), as Helm's messages quote names and paths.
func goQuote(_ s: String) -> String { GoStrconv.quote(s) }
