import Foundation

extension ChartLoader {
    /// Loads a chart folder or a `.tgz` archive, as `helm template CHART` does
    /// for a local path. A missing path fails with Helm's `path "x" not found`.
    public static func load(path: String) throws -> Chart {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            // Helm's LocateChart: local-looking names are paths, others repository references.
            if path.hasPrefix("/") || path.hasPrefix(".") {
                throw ChartError("path \(goQuote(path)) not found")
            }
            if let slash = path.firstIndex(of: "/") {
                throw ChartError("repo \(path[..<slash]) not found")
            }
            throw ChartError("non-absolute URLs should be in form of repo_name/path_to_chart, got: \(path)")
        }
        if isDirectory.boolValue {
            return try load(directory: path)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ChartError("open \(path): permission denied", file: path)
        }
        return try loadArchive([UInt8](data), origin: path)
    }

    /// Loads a chart folder: walks it in lexical order (following symlinks),
    /// skips what `.helmignore` and Helm's default rule exclude, strips a UTF-8
    /// BOM from each file, and hands the files to `load(files:)`.
    public static func load(directory: String) throws -> Chart {
        let root = directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory
        var rules = HelmIgnore()
        let ignorePath = root + "/" + HelmIgnore.fileName
        if let data = FileManager.default.contents(atPath: ignorePath) {
            rules = try HelmIgnore(parsing: String(decoding: data, as: UTF8.self), file: ignorePath)
        }
        var entries: [ChartFileEntry] = []
        try walk(root: root, relative: "", rules: rules, into: &entries)
        return try load(files: entries, origin: root)
    }

    private static func walk(root: String, relative: String, rules: HelmIgnore, into entries: inout [ChartFileEntry]) throws {
        let dirPath = relative.isEmpty ? root : root + "/" + relative
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: dirPath)
        } catch {
            throw ChartError("open \(dirPath): cannot read directory", file: dirPath)
        }
        for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let rel = relative.isEmpty ? name : relative + "/" + name
            let full = root + "/" + rel
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                if rules.ignores(rel, isDirectory: true) { continue }
                try walk(root: root, relative: rel, rules: rules, into: &entries)
                continue
            }
            if rules.ignores(rel, isDirectory: false) { continue }
            guard let data = FileManager.default.contents(atPath: full) else {
                throw ChartError("error reading \(rel): permission denied", file: full)
            }
            var bytes = [UInt8](data)
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            entries.append(ChartFileEntry(path: rel, bytes: bytes))
        }
    }
}
