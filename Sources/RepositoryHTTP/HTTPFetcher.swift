import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Repository

/// `http://` and `https://` downloads through AsyncHTTPClient (Helm's `getter.HTTPGetter`):
/// redirects followed, basic auth from the repository entry, a non-2xx status is an error with
/// Helm's wording. Downloads that take longer than a second report progress through `progress`.
public struct HTTPFetcher: ResourceFetcher {
    public var schemes: [String] { ["http", "https"] }
    /// Called with (URL, bytes received, total bytes if known, finished).
    public var progress: (@Sendable (String, Int, Int?, Bool) -> Void)?
    public var userAgent = "swiftchart/0.1"

    public init(progress: (@Sendable (String, Int, Int?, Bool) -> Void)? = nil) {
        self.progress = progress
    }

    public func fetch(_ url: String, options: FetchOptions) throws -> [UInt8] {
        if !options.caFile.isEmpty || !options.certFile.isEmpty || !options.keyFile.isEmpty {
            throw RepositoryError("TLS client certificates and custom CA files (caFile/certFile/keyFile) are not supported by swiftchart yet")
        }
        var configuration = HTTPClient.Configuration(
            certificateVerification: options.insecureSkipTLSVerify ? .none : .fullVerification,
            redirectConfiguration: .follow(max: 10, allowCycles: false),
            timeout: .init(connect: .seconds(30), read: .seconds(120)))
        configuration.decompression = .enabled(limit: .ratio(100))
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        defer { try? client.syncShutdown() }

        var request: HTTPClient.Request
        do { request = try HTTPClient.Request(url: url, method: .GET) } catch {
            throw RepositoryError("parse \(goQuoted(url)): invalid URL")
        }
        request.headers.add(name: "User-Agent", value: userAgent)
        if !options.username.isEmpty || !options.password.isEmpty {
            let token = Data("\(options.username):\(options.password)".utf8).base64EncodedString()
            request.headers.add(name: "Authorization", value: "Basic \(token)")
        }
        let delegate = CollectingDelegate(url: url, progress: progress)
        let head: HTTPResponseHead?
        let body: [UInt8]
        do { (head, body) = try client.execute(request: request, delegate: delegate).futureResult.wait() } catch {
            throw RepositoryError("Get \(goQuoted(url)): \(Self.describe(error, url: url))")
        }
        guard let head else { throw RepositoryError("Get \(goQuoted(url)): no response") }
        guard (200..<300).contains(Int(head.status.code)) else {
            throw RepositoryError("failed to fetch \(url) : \(head.status.code) \(head.status.reasonPhrase)")
        }
        return body
    }

    /// Short, Go-like descriptions of connection failures.
    static func describe(_ error: Error, url: String) -> String {
        let text = String(describing: error)
        let components = URLComponents(string: url)
        let port = components?.port ?? (components?.scheme == "https" ? 443 : 80)
        let dial = "dial tcp \(components?.host ?? ""):\(port): "
        if text.contains("connectionRefused") || text.contains("Connection refused") || text.contains("ECONNREFUSED") {
            return dial + "connect: connection refused"
        }
        if text.contains("connectTimeout") { return dial + "i/o timeout" }
        if text.contains("readTimeout") { return "read: i/o timeout" }
        if text.contains("NXDOMAIN") || text.contains("lookup") || text.contains("resolve") { return "no such host" }
        return text
    }

    private func goQuoted(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
}

/// Collects a response body, reporting progress; all callbacks run on one event loop.
final class CollectingDelegate: HTTPClientResponseDelegate, @unchecked Sendable {
    typealias Response = (HTTPResponseHead?, [UInt8])

    private let url: String
    private let progress: (@Sendable (String, Int, Int?, Bool) -> Void)?
    private var head: HTTPResponseHead?
    private var body: [UInt8] = []
    private var expected: Int?
    private let started = Date()
    private var lastReport = Date.distantPast
    private var reported = false

    init(url: String, progress: (@Sendable (String, Int, Int?, Bool) -> Void)?) {
        self.url = url
        self.progress = progress
    }

    func didReceiveHead(task: HTTPClient.Task<Response>, _ head: HTTPResponseHead) -> EventLoopFuture<Void> {
        self.head = head
        expected = head.headers.first(name: "Content-Length").flatMap(Int.init)
        if let expected { body.reserveCapacity(min(expected, 64 << 20)) }
        return task.eventLoop.makeSucceededFuture(())
    }

    func didReceiveBodyPart(task: HTTPClient.Task<Response>, _ buffer: ByteBuffer) -> EventLoopFuture<Void> {
        body.append(contentsOf: buffer.readableBytesView)
        let now = Date()
        if let progress, now.timeIntervalSince(started) > 1, now.timeIntervalSince(lastReport) > 0.25 {
            lastReport = now
            reported = true
            progress(url, body.count, expected, false)
        }
        return task.eventLoop.makeSucceededFuture(())
    }

    func didFinishRequest(task: HTTPClient.Task<Response>) throws -> Response {
        if reported, let progress { progress(url, body.count, expected, true) }
        return (head, body)
    }
}
