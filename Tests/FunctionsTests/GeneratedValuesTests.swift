import Crypto
import _CryptoExtras
import Foundation
import Testing
import Template
import Values
@testable import Functions

/// Functions with random or generated output, checked by format, length and
/// round trips (certificates verify against their CA with swift-crypto).
@Suite struct GeneratedValuesTests {
    static let randomStrings: [(String, Int, String)] = [
        ("randAlphaNum", 12, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"),
        ("randAlpha", 9, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"),
        ("randNumeric", 7, "0123456789"),
        ("randAscii", 20, String((32...126).map { Character(UnicodeScalar(UInt8($0))) })),
    ]

    @Test func randomStringsHaveLengthAndCharset() throws {
        for (name, n, charset) in Self.randomStrings {
            guard case .string(let s) = try call(name, [.int(n)]) else { Issue.record("\(name)"); continue }
            #expect(s.count == n, "\(name)")
            #expect(s.allSatisfy { charset.contains($0) }, "\(name)")
            #expect(try call(name, [.int(0)]) == .string(""))
            #expect(try call(name, [.int(-3)]) == .string(""))
        }
    }

    @Test func uuidv4Format() throws {
        let live = Functions.standard(options: FunctionOptions())
        guard case .string(let u) = try live["uuidv4"]!.body([], TestContext()) else { Issue.record("uuidv4"); return }
        let parts = u.split(separator: "-").map(String.init)
        #expect(parts.map(\.count) == [8, 4, 4, 4, 12])
        #expect(parts[2].hasPrefix("4"))
        #expect(["8", "9", "a", "b"].contains(String(parts[3].prefix(1))))
    }

    @Test func bcryptAndHtpasswd() throws {
        guard case .string(let h) = try call("bcrypt", [.string("password")]) else { Issue.record("bcrypt"); return }
        #expect(h.hasPrefix("$2a$10$") && h.count == 60)
        guard case .string(let line) = try call("htpasswd", [.string("user"), .string("pass")]) else { Issue.record("htpasswd"); return }
        #expect(line.hasPrefix("user:$2a$10$") && line.count == 65)
        #expect(try call("htpasswd", [.string("a:b"), .string("p")]) == .string("invalid username: a:b"))
    }

    /// Known bcrypt vectors (OpenBSD / John the Ripper test suites).
    static let bcryptVectors: [(String, String)] = [
        ("U*U", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"),
        ("", "$2a$06$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s."),
    ]

    @Test func bcryptKnownVectors() throws {
        for (password, hash) in Self.bcryptVectors {
            #expect(try Bcrypt.crypt(password, setting: String(hash.prefix(29))) == hash)
        }
        #expect(Bcrypt.encode([0x10, 0x41, 0x04]) == "CCCC")
    }

    @Test func aesRoundTrip() throws {
        let key = Value.string("a-key-shorter-than-32")
        let sealed = try call("encryptAES", [key, .string("héllo, wörld")])
        #expect(try call("decryptAES", [key, sealed]) == .string("héllo, wörld"))
    }

    @Test func privateKeysParseBack() throws {
        guard case .string(let ec) = try call("genPrivateKey", [.string("ecdsa")]) else { Issue.record("ecdsa"); return }
        #expect(ec.hasPrefix("-----BEGIN EC PRIVATE KEY-----\n"))
        _ = try P256.Signing.PrivateKey(pemRepresentation: ec)
        guard case .string(let ed) = try call("genPrivateKey", [.string("ed25519")]) else { Issue.record("ed25519"); return }
        #expect(ed.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
        if case .ed25519 = try PrivateKeys.parse(ed) {} else { Issue.record("ed25519 did not parse back") }
        #expect(throws: FunctionError.self) { try call("genPrivateKey", [.string("dsa")]) }
    }

    private func certificate(_ v: Value) throws -> GoCertificate {
        guard case .object(let o) = v, let c = o as? GoCertificate else { throw FunctionError("not a certificate") }
        return c
    }

    /// Splits a DER certificate into its signed part and signature.
    private func tbsAndSignature(_ pem: String) throws -> ([UInt8], [UInt8]) {
        guard let der = Base64.pemBody(pem) else { throw FunctionError("no PEM") }
        var r = DERReader(der)
        var cert = try r.enter(0x30)
        let tbs = try cert.readRaw()
        _ = try cert.read()
        let (_, bits) = try cert.read()
        return (tbs, Array(bits.dropFirst()))
    }

    @Test func signedCertificateVerifiesAgainstCA() throws {
        let ca = try certificate(try call("genCA", [.string("test-ca"), .int(30)]))
        #expect(ca.cert.hasPrefix("-----BEGIN CERTIFICATE-----\n"))
        #expect(ca.key.hasPrefix("-----BEGIN RSA PRIVATE KEY-----\n"))
        let leaf = try certificate(try call("genSignedCert", [
            .string("svc"), .list([.string("10.0.0.1"), .string("::1")]), .list([.string("svc.ns.svc")]), .int(10), .object(ca),
        ]))
        let caKey = try _RSA.Signing.PrivateKey(unsafePEMRepresentation: ca.key)
        let (tbs, signature) = try tbsAndSignature(leaf.cert)
        #expect(caKey.publicKey.isValidSignature(_RSA.Signing.RSASignature(rawRepresentation: signature), for: SHA256.hash(data: tbs), padding: .insecurePKCS1v1_5))
        let (caTBS, caSignature) = try tbsAndSignature(ca.cert)
        #expect(caKey.publicKey.isValidSignature(_RSA.Signing.RSASignature(rawRepresentation: caSignature), for: SHA256.hash(data: caTBS), padding: .insecurePKCS1v1_5))
        let parsedCA = try ParsedCertificate(der: Base64.pemBody(ca.cert) ?? [])
        #expect(parsedCA.subjectKeyID?.count == 20)
        #expect(try call("buildCustomCert", [.string(Base64.encode(Array(leaf.cert.utf8))), .string(Base64.encode(Array(leaf.key.utf8)))])
            .goTypeName == "sprig.certificate")
    }

    @Test func selfSignedWithGivenKey() throws {
        guard case .string(let key) = try call("genPrivateKey", [.string("ecdsa")]) else { Issue.record("key"); return }
        let cert = try certificate(try call("genSelfSignedCertWithKey", [.string("example.com"), .null, .list([.string("example.com")]), .int(5), .string(key)]))
        #expect(cert.key == key)
        let (tbs, signature) = try tbsAndSignature(cert.cert)
        let k = try P256.Signing.PrivateKey(pemRepresentation: key)
        #expect(k.publicKey.isValidSignature(try P256.Signing.ECDSASignature(derRepresentation: signature), for: SHA256.hash(data: tbs)))
        #expect(throws: FunctionError.self) {
            try call("genSelfSignedCert", [.string("x"), .list([.string("not-an-ip")]), .null, .int(1)])
        }
    }

    @Test func deterministicClockFunctions() throws {
        #expect(try call("now", []).goTypeName == "time.Time")
        #expect(try call("date", [.string("2006-01-02 15:04:05"), .float(1.5)]) == .string("2024-03-05 10:20:30"))
        #expect(try call("ago", [.int64(1_709_630_430)]) == .string("1h0m0s"))
        #expect(try call("unixEpoch", [try call("now", [])]) == .string("1709634030"))
        #expect(try call("durationRound", [try call("toDate", [.string("2006-01-02"), .string("2024-03-01")])]) == .string("4d"))
    }
}
