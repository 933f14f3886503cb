/// Path rules for archive member names, following Go's `path` package as Helm uses it.
enum ArchivePath {
    /// Go's `path.Clean`: lexical normalisation of a `/`-separated path.
    static func clean(_ path: String) -> String {
        if path.isEmpty { return "." }
        let rooted = path.hasPrefix("/")
        var parts: [Substring] = []
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                if let last = parts.last, last != ".." {
                    parts.removeLast()
                } else if !rooted {
                    parts.append(component)
                }
            default: parts.append(component)
            }
        }
        let joined = parts.joined(separator: "/")
        if rooted { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// Helm's `drivePathPattern` (`^[a-zA-Z]:/`).
    static func hasDrivePrefix(_ path: String) -> Bool {
        let bytes = Array(path.utf8.prefix(3))
        guard bytes.count == 3 else { return false }
        let letter = bytes[0] | 0x20
        return letter >= UInt8(ascii: "a") && letter <= UInt8(ascii: "z")
            && bytes[1] == UInt8(ascii: ":") && bytes[2] == UInt8(ascii: "/")
    }

    /// Strips the top-level folder from an archive member name and validates the rest as Helm's
    /// `LoadArchiveFiles` does. Returns the chart-relative name and the top-level component.
    static func chartRelative(_ memberName: String) throws(ArchiveError) -> (name: String, top: String) {
        let delimiter: Character = memberName.contains("\\") ? "\\" : "/"
        let parts = memberName.split(separator: delimiter, omittingEmptySubsequences: false)
        let top = parts.first.map(String.init) ?? ""
        var name = parts.dropFirst().joined(separator: String(delimiter))
        if delimiter == "\\" { name = name.replacingBackslashes() }
        if name.hasPrefix("/") { throw .absolutePath(memberName) }
        name = clean(name)
        if name == "." { throw .outsideBase(memberName) }
        if name.hasPrefix("..") { throw .parentReference(memberName) }
        if hasDrivePrefix(name) { throw .illegalName(memberName) }
        if top == "Chart.yaml" { throw .chartYamlNotInBase }
        return (name, top)
    }
}

extension String {
    func replacingBackslashes() -> String {
        String(decoding: utf8.map { $0 == UInt8(ascii: "\\") ? UInt8(ascii: "/") : $0 }, as: UTF8.self)
    }
}
