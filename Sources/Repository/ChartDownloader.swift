import Chart
import Crypto
import Foundation

/// Fetches chart archives and checks them before anything is written: the index digest (when
/// the index has one) must match, and the bytes must load as a chart.
public struct ChartDownloader: Sendable {
    public var fetchers: FetcherSet

    public init(fetchers: FetcherSet) { self.fetchers = fetchers }

    /// A downloaded, verified archive.
    public struct Download: Sendable {
        public var url: String
        public var bytes: [UInt8]
        public var chart: Chart
        /// The archive's file name (last path element of the URL).
        public var fileName: String
    }

    public func download(_ url: String, expectedDigest: String = "", options: FetchOptions = FetchOptions()) throws -> Download {
        let bytes = try fetchers.fetch(url, options: options)
        let fileName = Self.fileName(of: url)
        if !expectedDigest.isEmpty {
            let actual = Self.sha256(bytes)
            let expected = expectedDigest.hasPrefix("sha256:") ? String(expectedDigest.dropFirst(7)) : expectedDigest
            if actual != expected.lowercased() {
                throw RepositoryError("digest mismatch for \(fileName): the repository index says sha256:\(expected), the downloaded file has sha256:\(actual)")
            }
        }
        let chart: Chart
        do { chart = try Self.loadChart(bytes, origin: fileName) } catch {
            throw RepositoryError("\(fileName) is not a valid chart archive: \(error)")
        }
        return Download(url: url, bytes: bytes, chart: chart, fileName: fileName)
    }

    /// Loads an archive held in memory through the archive layer's safe reader.
    public static func loadChart(_ bytes: [UInt8], origin: String) throws -> Chart {
        let entries: [ArchiveEntry]
        do {
            try ArchiveReader.ensureGzip(bytes, name: origin)
            entries = try ArchiveReader.read(bytes)
        } catch {
            throw ChartError(error.description, file: origin)
        }
        return try ChartLoader.load(files: entries.map { ChartFileEntry(path: $0.path, bytes: $0.bytes) }, origin: origin)
    }

    static func fileName(of url: String) -> String {
        let path = URLComponents(string: url)?.path ?? url
        let last = path.split(separator: "/").last.map(String.init) ?? path
        return last.removingPercentEncoding ?? last
    }

    static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    /// Helm's `repo.ResolveReferenceURL`: a chart URL of an index, relative to the repository URL
    /// (which is treated as a folder).
    public static func resolve(_ reference: String, against repositoryURL: String) -> String {
        if URLComponents(string: reference)?.scheme != nil { return reference }
        let base = repositoryURL.hasSuffix("/") ? repositoryURL : repositoryURL + "/"
        if base.hasPrefix("file://") {
            return "file://" + URLPath.cleanPath(FileFetcher.path(of: base) + "/" + reference)
        }
        guard let baseURL = URL(string: base), let resolved = URL(string: reference, relativeTo: baseURL) else {
            return base + reference
        }
        return resolved.absoluteString
    }
}
