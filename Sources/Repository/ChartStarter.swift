import Foundation

/// `create NAME [--starter S]` (Helm's `chartutil.Create`/`CreateFrom`): copies a starter chart
/// folder, replacing `<CHARTNAME>` with the new chart's name in every file. The `default`
/// starter holds exactly the files `helm create` writes.
public enum ChartStarter {
    /// The starters folder: `$SWIFTCHART_STARTERS`, else a `Templates` folder next to the
    /// executable or up to three folders above it (`.build/debug/swiftchart` → package root),
    /// else `share/swiftchart/Templates` beside an installed `bin/`, else the source tree's.
    public static func startersDirectory(environment: [String: String] = ProcessInfo.processInfo.environment,
                                         executablePath: String? = Bundle.main.executablePath) -> String? {
        if let dir = environment["SWIFTCHART_STARTERS"], !dir.isEmpty { return dir }
        var candidates: [String] = []
        if let exe = executablePath {
            var dir = URL(fileURLWithPath: exe).resolvingSymlinksInPath().deletingLastPathComponent()
            candidates.append(dir.appendingPathComponent("../share/swiftchart/Templates").standardizedFileURL.path)
            for _ in 0..<4 {
                candidates.append(dir.appendingPathComponent("Templates").path)
                dir = dir.deletingLastPathComponent()
            }
        }
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(source.appendingPathComponent("Templates").path)
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/default/Chart.yaml") }
    }

    /// Helm's `validateChartName`.
    public static func validate(name: String) throws {
        if name.isEmpty || name.utf8.count > 250 { throw RepositoryError("chart name must be between 1 and 250 characters") }
        let allowed = name.utf8.allSatisfy { c in
            (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x2E || c == 0x5F || c == 0x2D
        }
        if !allowed { throw RepositoryError("chart name must match the regular expression \"^[a-zA-Z0-9._-]+$\"") }
    }

    /// Creates `directory/name` from `starter` (a folder name in `startersDirectory` or an
    /// absolute path). Existing files are overwritten, each reported through `warn`.
    /// Returns the chart folder.
    @discardableResult
    public static func create(name: String, in directory: String, starter: String, startersDirectory: String?,
                              warn: (String) -> Void = { _ in }) throws -> String {
        try validate(name: name)
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw RepositoryError("stat \(directory): no such file or directory")
        }
        guard isDirectory.boolValue else { throw RepositoryError("no such directory \(directory)") }
        let source: String
        if starter.hasPrefix("/") {
            source = starter
        } else {
            guard let startersDirectory else {
                throw RepositoryError("cannot find the starters folder (Templates/); set SWIFTCHART_STARTERS to its path")
            }
            source = startersDirectory + "/" + starter
        }
        guard fm.fileExists(atPath: source + "/Chart.yaml") else {
            let known = startersDirectory.flatMap { try? fm.contentsOfDirectory(atPath: $0) }?.filter { !$0.hasPrefix(".") }.sorted() ?? []
            throw RepositoryError("could not load \(source): Chart.yaml file is missing" + (known.isEmpty ? "" : " (available starters: \(known.joined(separator: ", ")))"))
        }
        let chartDir = (directory.hasSuffix("/") ? String(directory.dropLast()) : directory) + "/" + name
        if fm.fileExists(atPath: chartDir, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw RepositoryError("file \(chartDir) already exists and is not a directory")
        }
        for relative in files(under: source) {
            guard let data = fm.contents(atPath: source + "/" + relative) else { throw RepositoryError("open \(source)/\(relative): permission denied") }
            let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<CHARTNAME>", with: name)
            let target = chartDir + "/" + relative
            if fm.fileExists(atPath: target) { warn("WARNING: File \(goQuote(target)) already exists. Overwriting.") }
            do {
                try fm.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(text.utf8).write(to: URL(fileURLWithPath: target))
            } catch {
                throw RepositoryError("write \(target): \(error.localizedDescription)")
            }
        }
        do { try fm.createDirectory(atPath: chartDir + "/charts", withIntermediateDirectories: true) } catch {
            throw RepositoryError("mkdir \(chartDir)/charts: \(error.localizedDescription)")
        }
        return chartDir
    }

    /// Every regular file below `root`, relative, sorted.
    static func files(under root: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var out: [String] = []
        while let relative = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
                out.append(relative)
            }
        }
        return out.sorted()
    }
}
