extension ChartLoader {
    /// Loads a chart folder or a `.tgz` archive, as `helm template CHART` does
    /// for a local path. A missing path fails with Helm's `path "x" not found`.
    public static func load(path: String) throws -> Chart {
        let kind = PosixFiles.kind(path)
        guard kind != .missing else {
            // Helm's LocateChart: local-looking names are paths, others repository references.
            if path.hasPrefix("/") || path.hasPrefix(".") {
                throw ChartError("path \(goQuote(path)) not found")
            }
            if let slash = path.firstIndex(of: "/") {
                throw ChartError("repo \(path[..<slash]) not found")
            }
            throw ChartError("non-absolute URLs should be in form of repo_name/path_to_chart, got: \(path)")
        }
        if kind == .directory {
            return try load(directory: path)
        }
        guard let bytes = PosixFiles.contents(of: path) else {
            throw ChartError("open \(path): permission denied", file: path)
        }
        return try loadArchive(bytes, origin: path)
    }

    /// Loads a chart folder: walks it in lexical order (following symlinks),
    /// skips what `.helmignore` and Helm's default rule exclude, strips a UTF-8
    /// BOM from each file, and hands the files to `load(files:)`.
    public static func load(directory: String) throws -> Chart {
        let root = directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory
        var rules = HelmIgnore()
        let ignorePath = root + "/" + HelmIgnore.fileName
        if let data = PosixFiles.contents(of: ignorePath) {
            rules = try HelmIgnore(parsing: String(decoding: data, as: UTF8.self), file: ignorePath)
        }
        var entries: [ChartFileEntry] = []
        try walk(root: root, relative: [], rules: rules, into: &entries)
        return try load(files: entries, origin: root)
    }

    private static func walk(root: String, relative: [UInt8], rules: HelmIgnore, into entries: inout [ChartFileEntry]) throws {
        let dirPath = relative.isEmpty ? root : root + "/" + String(decoding: relative, as: UTF8.self)
        guard var children = PosixFiles.entries(of: dirPath) else {
            throw ChartError("open \(dirPath): cannot read directory", file: dirPath)
        }
        children.sort { $0.name.lexicographicallyPrecedes($1.name) }
        for child in children {
            var rel = relative
            if !rel.isEmpty { rel.append(0x2F) }
            rel += child.name
            let relText = String(decoding: rel, as: UTF8.self)
            let full = root + "/" + relText
            let kind = child.kind ?? PosixFiles.kind(full)
            switch kind {
            case .missing:
                continue
            case .directory:
                if rules.ignores(path: rel, isDirectory: true) { continue }
                try walk(root: root, relative: rel, rules: rules, into: &entries)
            case .file:
                if rules.ignores(path: rel, isDirectory: false) { continue }
                guard var bytes = PosixFiles.contents(of: full) else {
                    throw ChartError("error reading \(relText): permission denied", file: full)
                }
                if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
                entries.append(ChartFileEntry(path: relText, bytes: bytes))
            }
        }
    }
}
