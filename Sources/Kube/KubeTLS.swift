import AsyncHTTPClient
import Foundation
import NIOCore
import NIOSSL

/// The TLS side of a connection as client-go sets it up: the cluster CA (else the system
/// roots), verification off only for `insecure-skip-tls-verify`, a client certificate and key
/// for mutual TLS, and `tls-server-name` for the name the server's certificate is checked
/// against (the TCP connection still goes to the server URL's host).
struct KubeTLS {
    var configuration: TLSConfiguration
    /// Host names to connect to instead of the one in the request URL (`tls-server-name`).
    var dnsOverride: [String: String] = [:]
    /// The base URL requests are sent to: the server URL, with its host replaced by
    /// `tls-server-name` when one is set.
    var requestBase: String
    /// The `Host` header to send when `requestBase` differs from the server URL.
    var hostHeader: String?

    init(connection: KubeConnection, clientCertificate: [UInt8]?, clientKey: [UInt8]?) throws {
        let context = "context \"\(connection.contextName)\""
        var tls = TLSConfiguration.makeClientConfiguration()
        if let ca = connection.certificateAuthority {
            if connection.insecureSkipTLSVerify {
                throw KubeError.invalidContext("\(context): specifying a root certificates file with the insecure flag is not allowed (cluster sets both certificate-authority and insecure-skip-tls-verify)")
            }
            tls.trustRoots = .certificates(try Self.certificates(ca, "\(context): the cluster's certificate-authority"))
        }
        switch (clientCertificate, clientKey) {
        case (let certificate?, let key?):
            tls.certificateChain = try Self.certificates(certificate, "\(context): the user's client-certificate")
                .map { .certificate($0) }
            do {
                tls.privateKey = .privateKey(try NIOSSLPrivateKey(bytes: key, format: .pem))
            } catch {
                throw KubeError.invalidContext("\(context): the user's client-key is not a PEM-encoded private key")
            }
        case (.some, nil):
            throw KubeError.invalidContext("\(context): the user has a client certificate but no client-key or client-key-data")
        case (nil, .some):
            throw KubeError.invalidContext("\(context): the user has a client key but no client-certificate or client-certificate-data")
        case (nil, nil):
            break
        }
        if connection.insecureSkipTLSVerify { tls.certificateVerification = .none }
        configuration = tls
        requestBase = connection.server
        if let serverName = connection.tlsServerName, !serverName.isEmpty,
           var components = URLComponents(string: connection.server), let host = components.host, host != serverName {
            dnsOverride[serverName] = host
            hostHeader = components.port.map { "\(Self.bracketed(host)):\($0)" } ?? Self.bracketed(host)
            components.host = serverName
            requestBase = components.string ?? connection.server
        }
    }

    private static func certificates(_ pem: [UInt8], _ what: String) throws -> [NIOSSLCertificate] {
        let parsed: [NIOSSLCertificate]
        do {
            parsed = try NIOSSLCertificate.fromPEMBytes(pem)
        } catch {
            throw KubeError.invalidContext("\(what) is not a PEM-encoded certificate")
        }
        guard !parsed.isEmpty else { throw KubeError.invalidContext("\(what) contains no PEM certificate") }
        return parsed
    }

    private static func bracketed(_ host: String) -> String { host.contains(":") ? "[\(host)]" : host }

    /// A transport failure as users should read it: certificate problems in words, naming the server.
    static func error(_ error: any Error, connection: KubeConnection) -> KubeError {
        let server = connection.server
        if let extra = error as? NIOSSLExtraError, extra == .failedToValidateHostname {
            let host = URLComponents(string: server)?.host ?? server
            let name = connection.tlsServerName.flatMap { $0.isEmpty ? nil : $0 } ?? host
            return .tlsFailed(server: server, reason: "TLS certificate verification failed: the server's certificate is not valid for \(name) (set tls-server-name in the kubeconfig cluster to a name the certificate is issued for)")
        }
        let boringSSL: BoringSSLError
        switch error {
        case NIOSSLError.handshakeFailed(let failure): boringSSL = failure
        case let failure as BoringSSLError: boringSSL = failure
        case NIOSSLError.uncleanShutdown:
            return .tlsFailed(server: server, reason: "TLS connection closed by the server before it answered (does it require a client certificate?)")
        case let other as NIOSSLError:
            return .tlsFailed(server: server, reason: "TLS failed: \(other)")
        default:
            return .unreachable(server: server, reason: "\(error)")
        }
        let reasons: [String]
        switch boringSSL {
        case .sslError(let stack), .unknownError(let stack): reasons = stack.map { reasonCode("\($0)") }
        default: reasons = []
        }
        if reasons.contains("CERTIFICATE_VERIFY_FAILED") {
            let roots = connection.certificateAuthority == nil
                ? "the system's trusted root certificates (the kubeconfig cluster sets no certificate-authority)"
                : "the kubeconfig cluster's certificate-authority"
            return .tlsFailed(server: server, reason: "TLS certificate verification failed: the server's certificate is not trusted by \(roots)")
        }
        if reasons.contains(where: { $0.hasSuffix("_ALERT_CERTIFICATE_REQUIRED") }) {
            return .tlsFailed(server: server, reason: "TLS handshake failed: the server requires a client certificate and the kubeconfig user provides none (client-certificate-data and client-key-data)")
        }
        if reasons.contains(where: { ["TLSV1_ALERT_UNKNOWN_CA", "SSLV3_ALERT_BAD_CERTIFICATE", "SSLV3_ALERT_CERTIFICATE_UNKNOWN"].contains($0) }) {
            return .tlsFailed(server: server, reason: "TLS handshake failed: the server rejected the client certificate (\(reasons.joined(separator: ", ")))")
        }
        return .tlsFailed(server: server, reason: "TLS handshake failed: \(reasons.isEmpty ? "\(boringSSL)" : reasons.joined(separator: ", "))")
    }

    /// `CERTIFICATE_VERIFY_FAILED` out of BoringSSL's `Error: N error:1000007d:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED at file:line`.
    private static func reasonCode(_ description: String) -> String {
        guard let marker = description.range(of: "OPENSSL_internal:") else { return description }
        let rest = description[marker.upperBound...]
        return String(rest.prefix { $0 != " " })
    }
}
