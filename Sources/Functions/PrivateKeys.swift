import Template
import Crypto
import _CryptoExtras
import Foundation

/// Key generation and PEM encoding in the formats Go's x509 uses:
/// PKCS#1 for RSA, SEC1 for ECDSA, PKCS#8 for Ed25519.
enum PrivateKeys {
    /// A generated or parsed signing key.
    enum Key {
        case rsa(_RSA.Signing.PrivateKey)
        case ecdsa(P256.Signing.PrivateKey)
        case ed25519(Curve25519.Signing.PrivateKey)

        var pem: String {
            switch self {
            case .rsa(let k): return DER.pem("RSA PRIVATE KEY", Array(k.derRepresentation))
            case .ecdsa(let k): return DER.pem("EC PRIVATE KEY", PrivateKeys.sec1(k))
            case .ed25519(let k): return DER.pem("PRIVATE KEY", PrivateKeys.pkcs8(k))
            }
        }

        /// DER SubjectPublicKeyInfo.
        var publicKeyInfo: [UInt8] {
            switch self {
            case .rsa(let k): return Array(k.publicKey.derRepresentation)
            case .ecdsa(let k): return Array(k.publicKey.derRepresentation)
            case .ed25519(let k):
                return DER.sequence([DER.sequence([DER.oid([1, 3, 101, 112])]), DER.bitString(Array(k.publicKey.rawRepresentation))])
            }
        }

        /// AlgorithmIdentifier of the certificate signature this key makes.
        var signatureAlgorithm: [UInt8] {
            switch self {
            case .rsa: return DER.sequence([DER.oid([1, 2, 840, 113549, 1, 1, 11]), DER.null])
            case .ecdsa: return DER.sequence([DER.oid([1, 2, 840, 10045, 4, 3, 2])])
            case .ed25519: return DER.sequence([DER.oid([1, 3, 101, 112])])
            }
        }

        func sign(_ data: [UInt8]) throws -> [UInt8] {
            switch self {
            case .rsa(let k): return Array(try k.signature(for: SHA256.hash(data: data), padding: .insecurePKCS1v1_5).rawRepresentation)
            case .ecdsa(let k): return Array(try k.signature(for: SHA256.hash(data: data)).derRepresentation)
            case .ed25519(let k): return Array(try k.signature(for: data))
            }
        }
    }

    static func generate(_ type: String) throws -> String {
        switch type {
        case "", "rsa": return Key.rsa(try _RSA.Signing.PrivateKey(keySize: .bits4096)).pem
        case "ecdsa": return Key.ecdsa(P256.Signing.PrivateKey()).pem
        case "ed25519": return Key.ed25519(Curve25519.Signing.PrivateKey()).pem
        case "dsa": throw FunctionError("genPrivateKey: DSA keys are not supported by swiftchart (use rsa, ecdsa or ed25519)")
        default: return "Unknown type \(type)"
        }
    }

    static func sec1(_ k: P256.Signing.PrivateKey) -> [UInt8] {
        DER.sequence([
            DER.integer(1),
            DER.octetString(Array(k.rawRepresentation)),
            DER.contextExplicit(0, DER.oid([1, 2, 840, 10045, 3, 1, 7])),
            DER.contextExplicit(1, DER.bitString(Array(k.publicKey.x963Representation))),
        ])
    }

    static func pkcs8(_ k: Curve25519.Signing.PrivateKey) -> [UInt8] {
        DER.sequence([DER.integer(0), DER.sequence([DER.oid([1, 3, 101, 112])]), DER.octetString(DER.octetString(Array(k.rawRepresentation)))])
    }

    /// Parses a PEM private key as Sprig's `parsePrivateKeyPEM` does (PKCS#1, SEC1 or PKCS#8).
    static func parse(_ pem: String) throws -> Key {
        guard pem.contains("-----BEGIN") else { throw FunctionError("no PEM data in input") }
        if pem.contains("RSA PRIVATE KEY") {
            return .rsa(try _RSA.Signing.PrivateKey(unsafePEMRepresentation: pem))
        }
        if pem.contains("EC PRIVATE KEY") {
            return .ecdsa(try P256.Signing.PrivateKey(pemRepresentation: pem))
        }
        if let k = try? _RSA.Signing.PrivateKey(unsafePEMRepresentation: pem) { return .rsa(k) }
        if let k = try? P256.Signing.PrivateKey(pemRepresentation: pem) { return .ecdsa(k) }
        if let der = Base64.pemBody(pem), der.count >= 48, let k = try? Curve25519.Signing.PrivateKey(rawRepresentation: der.suffix(32)) { return .ed25519(k) }
        throw FunctionError("error parsing private key: unsupported key type")
    }
}
