import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import Synchronization
import Values

/// A Kubernetes API server stand-in over HTTPS on 127.0.0.1 (random port): discovery of
/// `/api/v1` (configmaps) and GET of the ConfigMap `settings` in any namespace. It can
/// require a client certificate signed by a given CA and records, per request, the path,
/// the `Authorization` header and the subject CN of the client certificate it saw.
final class TLSTestServer: Sendable {
    struct SeenRequest: Sendable, Equatable {
        var path: String
        var authorization: String?
        var clientCommonName: String?
    }

    /// The ConfigMap this server holds.
    static let configMapName = "settings"

    private let recorder = Recorder()
    private let channel: any Channel
    let port: Int
    var url: String { "https://127.0.0.1:\(port)" }
    var requests: [SeenRequest] { recorder.requests.withLock { $0 } }

    /// `certificate`/`key`: the server's PEM identity; `clientCA`: when set, clients must
    /// present a certificate signed by it.
    init(certificate: String, key: String, clientCA: String? = nil) throws {
        var tls = TLSConfiguration.makeServerConfiguration(
            certificateChain: try NIOSSLCertificate.fromPEMBytes(Array(certificate.utf8)).map { .certificate($0) },
            privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(key.utf8), format: .pem)))
        if let clientCA {
            tls.certificateVerification = .noHostnameVerification
            tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(Array(clientCA.utf8)))
        }
        let context = try NIOSSLContext(configuration: tls)
        let recorder = self.recorder
        channel = try ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 16)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: context))
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(Responder(recorder: recorder))
                }
            }
            .bind(host: "127.0.0.1", port: 0).wait()
        port = channel.localAddress?.port ?? 0
    }

    func stop() {
        try? channel.close().wait()
    }

    final class Recorder: Sendable {
        let requests = Mutex<[SeenRequest]>([])
    }

    /// Answers one request per connection, then closes it.
    final class Responder: ChannelInboundHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        private let recorder: Recorder
        private var head: HTTPRequestHead?

        init(recorder: Recorder) { self.recorder = recorder }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head): self.head = head
            case .body: break
            case .end:
                guard let head else { return }
                let peer = try? context.pipeline.syncOperations.nioSSL_peerCertificate()
                let path = String(head.uri.prefix { $0 != "?" })
                recorder.requests.withLock {
                    $0.append(SeenRequest(path: path, authorization: head.headers.first(name: "Authorization"),
                                          clientCommonName: peer.flatMap { try? $0.toDERBytes() }.flatMap(DERName.subjectCommonName)))
                }
                let (status, body) = Self.answer(method: head.method, path: path)
                var headers = HTTPHeaders()
                headers.add(name: "Content-Type", value: "application/json")
                headers.add(name: "Content-Length", value: String(body.utf8.count))
                headers.add(name: "Connection", value: "close")
                context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))), promise: nil)
                context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: body)))), promise: nil)
                let channel = context.channel
                context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
            }
        }

        static func answer(method: HTTPMethod, path: String) -> (HTTPResponseStatus, String) {
            let parts = path.split(separator: "/").map(String.init)
            if method == .GET, path == "/api/v1" {
                return (.ok, JSON.encode(Value.map([
                    "kind": .string("APIResourceList"), "groupVersion": .string("v1"),
                    "resources": .list([Value.map(["name": .string("configmaps"), "kind": .string("ConfigMap"),
                                                   "namespaced": .bool(true)])]),
                ])))
            }
            if method == .GET, parts.count == 6, parts[0] == "api", parts[2] == "namespaces", parts[4] == "configmaps",
               parts[5] == configMapName {
                return (.ok, JSON.encode(Value.map([
                    "apiVersion": .string("v1"), "kind": .string("ConfigMap"),
                    "metadata": Value.map(["name": .string(parts[5]), "namespace": .string(parts[3])]),
                    "data": Value.map(["served": .string("over TLS")]),
                ])))
            }
            return (.notFound, JSON.encode(Value.map([
                "kind": .string("Status"), "status": .string("Failure"), "reason": .string("NotFound"),
                "message": .string("\(path) not found"), "code": .int(404),
            ])))
        }
    }
}

/// Just enough DER to read a certificate's subject common name.
enum DERName {
    /// The value of the last CN (2.5.4.3) attribute of the certificate's subject.
    static func subjectCommonName(_ der: [UInt8]) -> String? {
        guard let certificate = element(der, at: 0),
              let tbs = element(der, at: certificate.content.lowerBound) else { return nil }
        var fields: [Range<Int>] = []
        var index = tbs.content.lowerBound
        while index < tbs.content.upperBound, let field = element(der, at: index) {
            if !(fields.isEmpty && field.tag == 0xA0) { fields.append(field.content) }
            index = field.content.upperBound
        }
        // serialNumber, signature, issuer, validity, subject
        guard fields.count > 4 else { return nil }
        var commonName: String?
        var setIndex = fields[4].lowerBound
        while setIndex < fields[4].upperBound, let set = element(der, at: setIndex) {
            var attributeIndex = set.content.lowerBound
            while attributeIndex < set.content.upperBound, let attribute = element(der, at: attributeIndex) {
                if let oid = element(der, at: attribute.content.lowerBound), der[oid.content] == [0x55, 0x04, 0x03],
                   let value = element(der, at: oid.content.upperBound) {
                    commonName = String(decoding: der[value.content], as: UTF8.self)
                }
                attributeIndex = attribute.content.upperBound
            }
            setIndex = set.content.upperBound
        }
        return commonName
    }

    /// The tag and content range of the DER element starting at `index`.
    private static func element(_ der: [UInt8], at index: Int) -> (tag: UInt8, content: Range<Int>)? {
        guard index + 1 < der.count else { return nil }
        var cursor = index + 2
        var length = Int(der[index + 1])
        if length & 0x80 != 0 {
            let octets = length & 0x7F
            guard octets > 0, octets <= 4, cursor + octets <= der.count else { return nil }
            length = der[cursor..<cursor + octets].reduce(0) { $0 << 8 | Int($1) }
            cursor += octets
        }
        guard cursor + length <= der.count else { return nil }
        return (der[index], cursor..<cursor + length)
    }
}
