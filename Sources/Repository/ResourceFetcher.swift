import Foundation

/// Credentials and TLS settings of one request, from a repository entry.
public struct FetchOptions: Sendable, Equatable {
    public var username: String = ""
    public var password: String = ""
    public var insecureSkipTLSVerify: Bool = false
    public var caFile: String = ""
    public var certFile: String = ""
    public var keyFile: String = ""

    public init() {}

    public init(entry: RepositoryEntry) {
        username = entry.username
        password = entry.password
        insecureSkipTLSVerify = entry.insecureSkipTLSVerify
        caFile = entry.caFile
        certFile = entry.certFile
        keyFile = entry.keyFile
    }
}

/// Reads the bytes behind a URL of one scheme family (Helm's `getter.Getter`). The repository
/// layer only talks to this protocol, so `file://` and tests need no network stack.
public protocol ResourceFetcher: Sendable {
    /// The URL schemes this fetcher serves (`file`, `http`, `https`).
    var schemes: [String] { get }
    /// Returns the whole body; fails with a `RepositoryError` naming the URL.
    func fetch(_ url: String, options: FetchOptions) throws -> [UInt8]
}

/// `file://` URLs and plain paths.
public struct FileFetcher: ResourceFetcher {
    public init() {}
    public var schemes: [String] { ["file"] }

    public func fetch(_ url: String, options: FetchOptions) throws -> [UInt8] {
        let path = FileFetcher.path(of: url)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw RepositoryError("open \(path): no such file or directory")
        }
        if isDirectory.boolValue { throw RepositoryError("read \(path): is a directory") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RepositoryError("open \(path): permission denied")
        }
        return [UInt8](data)
    }

    /// The local path of a `file://` URL (percent-decoded), or the text itself if it is a path.
    public static func path(of url: String) -> String {
        guard url.hasPrefix("file://") else { return url }
        let rest = String(url.dropFirst("file://".count))
        return rest.removingPercentEncoding ?? rest
    }
}

/// The fetchers known to a command, chosen by URL scheme (Helm's `getter.Providers.ByScheme`).
public struct FetcherSet: Sendable {
    public var fetchers: [any ResourceFetcher]

    public init(_ fetchers: [any ResourceFetcher]) { self.fetchers = fetchers }

    public func fetcher(for url: String) throws -> any ResourceFetcher {
        let scheme = URLComponents(string: url)?.scheme?.lowercased() ?? ""
        if let f = fetchers.first(where: { $0.schemes.contains(scheme) }) { return f }
        throw RepositoryError("could not find protocol handler for: \(scheme)")
    }

    public func fetch(_ url: String, options: FetchOptions = FetchOptions()) throws -> [UInt8] {
        try fetcher(for: url).fetch(url, options: options)
    }
}
