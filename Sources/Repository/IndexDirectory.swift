import Chart
import Crypto
import Foundation

/// Builds an index from the chart archives of a folder (Helm's `IndexDirectory` and
/// `helm repo index`).
public enum IndexDirectory {
    /// Indexes `dir/*.tgz` and `dir/*/*.tgz`; files that do not load as charts are skipped.
    public static func index(_ dir: String, baseURL: String, now: GoTime = .now()) throws -> ChartIndex {
        var index = ChartIndex(generated: now)
        for relative in archives(in: dir) {
            let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
            let fname = String(parts.last ?? "")
            let parentDir = parts.dropLast().joined(separator: "/")
            let parentURL = baseURL.isEmpty && parentDir.isEmpty ? "" : URLPath.join(baseURL, parentDir)
            let path = dir + "/" + relative
            guard let chart = try? ChartLoader.load(archive: path) else { continue }
            let digest = try digestFile(path)
            index.add(chart.metadata, filename: fname, baseURL: parentURL, digest: digest, created: now)
        }
        return index
    }

    /// sha256 of a file as lowercase hex (Helm's `provenance.DigestFile`).
    public static func digestFile(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RepositoryError("open \(path): no such file or directory")
        }
        return SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// `helm repo index DIR [--url URL] [--merge FILE]`: writes `DIR/index.yaml`.
    public static func run(dir: String, url: String, merge: String?, now: GoTime = .now()) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw RepositoryError("stat \(dir): no such file or directory")
        }
        var index = try self.index(dir, baseURL: url, now: now)
        if let merge, !merge.isEmpty {
            if FileManager.default.fileExists(atPath: merge) {
                let other: ChartIndex
                do { other = try ChartIndex.load(file: merge) } catch { throw RepositoryError("merge failed: \(error)") }
                index.merge(other)
            } else {
                try ChartIndex(generated: now).write(to: merge)
            }
        }
        index.sortEntries()
        try index.write(to: dir + "/index.yaml")
    }

    /// Go's `filepath.Glob(dir/*.tgz)` then `Glob(dir/**/*.tgz)` (one level), each sorted.
    static func archives(in dir: String) -> [String] {
        let fm = FileManager.default
        let byteOrder: (String, String) -> Bool = { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        guard let names = try? fm.contentsOfDirectory(atPath: dir) else { return [] }
        let sorted = names.sorted(by: byteOrder)
        var top: [String] = []
        var nested: [String] = []
        for name in sorted {
            if name.hasSuffix(".tgz"), !name.hasPrefix(".") { top.append(name) }
            var isDirectory: ObjCBool = false
            if !name.hasPrefix("."), fm.fileExists(atPath: dir + "/" + name, isDirectory: &isDirectory), isDirectory.boolValue,
               let inner = try? fm.contentsOfDirectory(atPath: dir + "/" + name) {
                for file in inner.sorted(by: byteOrder) where file.hasSuffix(".tgz") && !file.hasPrefix(".") {
                    nested.append(name + "/" + file)
                }
            }
        }
        return top + nested
    }
}
