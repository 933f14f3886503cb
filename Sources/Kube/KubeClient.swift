import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL
import Synchronization
import Values

/// A synchronous client of one Kubernetes API server over async-http-client: TLS as
/// `KubeTLS` sets it up, bearer/basic/exec credentials, and a cached discovery of kinds.
public final class KubeClient: Sendable {
    public let connection: KubeConnection
    private let http: HTTPClient
    private let authorization: String?
    private let tokenFile: String?
    private let requestBase: String
    private let hostHeader: String?
    let discoveryCache = Mutex<[String: [APIResource]]>([:])

    /// A raw API response.
    public struct Response: Sendable {
        public var status: Int
        public var body: [UInt8]
    }

    public init(connection: KubeConnection, environment: [String: String] = ProcessInfo.processInfo.environment,
                connectTimeoutSeconds: Int64 = 10, readTimeoutSeconds: Int64 = 60) throws {
        var clientCertificate = connection.clientCertificate
        var clientKey = connection.clientKey
        var authorization: String?
        var tokenFile: String?
        switch connection.credentials {
        case .none: break
        case .bearerToken(let token): authorization = "Bearer " + token
        case .tokenFile(let path): tokenFile = path
        case .basic(let username, let password):
            authorization = "Basic " + Data((username + ":" + password).utf8).base64EncodedString()
        case .exec(let exec):
            let result = try ExecCredentialPlugin.run(exec, environment: environment)
            if let token = result.token { authorization = "Bearer " + token }
            if let cert = result.clientCertificate, let key = result.clientKey {
                clientCertificate = cert
                clientKey = key
            }
        }
        let tls = try KubeTLS(connection: connection, clientCertificate: clientCertificate, clientKey: clientKey)
        var configuration = HTTPClient.Configuration(
            tlsConfiguration: tls.configuration,
            timeout: .init(connect: .seconds(connectTimeoutSeconds), read: .seconds(readTimeoutSeconds)))
        configuration.dnsOverride = tls.dnsOverride
        // A refused connection or a failed TLS handshake is reported at once, as kubectl does,
        // instead of being retried until the connect timeout hides the reason.
        configuration.connectionPool.retryConnectionEstablishment = false
        self.connection = connection
        self.authorization = authorization
        self.tokenFile = tokenFile
        self.requestBase = tls.requestBase
        self.hostHeader = tls.hostHeader
        self.http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    deinit {
        try? http.syncShutdown()
    }

    /// Sends one request; `path` starts with `/`, `query` is appended percent-encoded.
    public func send(_ method: HTTPMethod, _ path: String, query: [(String, String)] = [],
                     body: [UInt8]? = nil, contentType: String = "application/json") throws -> Response {
        var url = requestBase + path
        if !query.isEmpty {
            url += "?" + query.map { percentEncode($0.0) + "=" + percentEncode($0.1) }.joined(separator: "&")
        }
        var headers = HTTPHeaders()
        headers.add(name: "Accept", value: "application/json")
        headers.add(name: "User-Agent", value: "swiftchart")
        if let hostHeader { headers.add(name: "Host", value: hostHeader) }
        if let auth = try currentAuthorization() { headers.add(name: "Authorization", value: auth) }
        if body != nil { headers.add(name: "Content-Type", value: contentType) }
        let response: HTTPClient.Response
        do {
            let request = try HTTPClient.Request(url: url, method: method, headers: headers,
                                                 body: body.map { .bytes($0) })
            response = try http.execute(request: request).wait()
        } catch {
            throw KubeTLS.error(error, connection: connection)
        }
        let bytes = response.body.map { [UInt8]($0.readableBytesView) } ?? []
        return Response(status: Int(response.status.code), body: bytes)
    }

    /// Sends and decodes a JSON answer; statuses ≥ 400 become `requestFailed` naming `resource`.
    func sendJSON(_ method: HTTPMethod, _ path: String, query: [(String, String)] = [], body: [UInt8]? = nil,
                  contentType: String = "application/json", resource: String, verb: String) throws -> Value {
        let response = try send(method, path, query: query, body: body, contentType: contentType)
        guard response.status < 400 else {
            throw KubeError.requestFailed(resource: resource, verb: verb, status: response.status,
                                          message: Self.statusMessage(response))
        }
        if response.body.isEmpty { return .null }
        do {
            return try JSON.decode(response.body)
        } catch {
            throw KubeError.invalidResponse(url: connection.server + path, reason: "\(error)")
        }
    }

    /// The `message` of a Kubernetes `Status` body, else the body text.
    static func statusMessage(_ response: Response) -> String {
        if let status = try? JSON.decode(response.body), let message = status["message"]?.stringValue, !message.isEmpty {
            return message
        }
        let text = String(decoding: response.body.prefix(500), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "no message" : text
    }

    private func currentAuthorization() throws -> String? {
        guard let file = tokenFile else { return authorization }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw KubeError.invalidContext("context \"\(connection.contextName)\": cannot read tokenFile \(file)")
        }
        return "Bearer " + String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func percentEncode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
