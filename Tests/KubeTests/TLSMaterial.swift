import Foundation
import Functions
import Template
import Values

/// PEM identities for the TLS tests, generated once per test run with the project's own
/// Sprig certificate functions (ECDSA P-256 keys: fast, and no private key is committed).
struct TLSMaterial: Sendable {
    struct Identity: Sendable {
        let certificate: String
        let key: String
    }

    /// The cluster CA and an unrelated one.
    let clusterCA: Identity
    let otherCA: Identity
    /// Server certificates signed by `clusterCA`: for IP 127.0.0.1, and for the DNS name `kube.test` only.
    let serverForIP: Identity
    let serverForName: Identity
    /// Client certificates: CN `jane` signed by `clusterCA`, CN `mallory` signed by `otherCA`.
    let client: Identity
    let strangerClient: Identity

    static let serverName = "kube.test"
    static let shared = Result { try TLSMaterial() }

    private init() throws {
        let table = Functions.standard()
        let context = NoTemplates()
        func call(_ name: String, _ arguments: [Value]) throws -> Value {
            guard let function = table[name] else { throw TLSMaterialError("no function \(name)") }
            return try function.body(arguments, context)
        }
        func identity(_ value: Value) throws -> Identity {
            guard case .object(let object) = value, let certificate = object as? GoCertificate else {
                throw TLSMaterialError("not a certificate: \(value)")
            }
            return Identity(certificate: certificate.cert, key: certificate.key)
        }
        func key() throws -> Value { try call("genPrivateKey", [.string("ecdsa")]) }
        func ca(_ name: String) throws -> Value { try call("genCAWithKey", [.string(name), .int(2), try key()]) }
        func signed(_ name: String, ips: [String], dns: [String], by issuer: Value) throws -> Identity {
            try identity(try call("genSignedCertWithKey", [
                .string(name), .list(ips.map(Value.string)), .list(dns.map(Value.string)), .int(2), issuer, try key(),
            ]))
        }
        let cluster = try ca("cluster-ca")
        let other = try ca("other-ca")
        clusterCA = try identity(cluster)
        otherCA = try identity(other)
        serverForIP = try signed("kube-apiserver", ips: ["127.0.0.1"], dns: [], by: cluster)
        serverForName = try signed("kube-apiserver", ips: [], dns: [Self.serverName], by: cluster)
        client = try signed("jane", ips: [], dns: [], by: cluster)
        strangerClient = try signed("mallory", ips: [], dns: [], by: other)
    }

    /// The certificate functions never include or `tpl` templates.
    private final class NoTemplates: FunctionContext {
        func executeTemplate(named name: String, data: Value) throws -> String { throw TLSMaterialError("no templates") }
        func executeInline(_ text: String, name: String, data: Value) throws -> String { throw TLSMaterialError("no templates") }
    }
}

struct TLSMaterialError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
