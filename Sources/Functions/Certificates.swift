import Crypto
import _CryptoExtras
import Foundation
import Template
import Values

/// Sprig's certificate functions: X.509 v3 certificates built as Go's
/// `x509.CreateCertificate` encodes them (CN-only subject, key usages,
/// server+client auth, SANs, SKID on CAs, AKID from the signer).
enum CertificateFunctions {
    static func register(into t: inout FunctionTable, options: FunctionOptions) {
        let clock = options.clock
        let random = options.randomBytes
        @Sendable func rsa2048() throws -> PrivateKeys.Key { .rsa(try _RSA.Signing.PrivateKey(keySize: .bits2048)) }
        @Sendable func signer(_ v: Value) throws -> (cert: ParsedCertificate, key: PrivateKeys.Key) {
            guard case .object(let o) = v, let ca = o as? GoCertificate else {
                throw FunctionError("wrong type for value; expected sprig.certificate; got \(v.goTypeName)")
            }
            guard let der = Base64.pemBody(ca.cert), ca.cert.contains("CERTIFICATE") else { throw FunctionError("unable to decode certificate") }
            let parsed: ParsedCertificate
            do { parsed = try ParsedCertificate(der: der) } catch {
                throw FunctionError("error parsing certificate: decodedSignerCert.Bytes: \(error.message)")
            }
            let key: PrivateKeys.Key
            do { key = try PrivateKeys.parse(ca.key) } catch { throw FunctionError("error parsing private key: \(error.message)") }
            return (parsed, key)
        }
        @Sendable func build(_ cn: String, _ ips: Value, _ dns: Value, _ days: Int, isCA: Bool, key: PrivateKeys.Key,
                   signer: (cert: ParsedCertificate, key: PrivateKeys.Key)?) throws -> Value {
            let template = try CertificateTemplate(cn: cn, ips: ips, dns: dns, days: days, isCA: isCA, now: clock(), serial: random(16))
            let cert = try template.sign(subjectKey: key, issuer: signer?.cert, issuerKey: signer?.key ?? key)
            return .object(GoCertificate(cert: DER.pem("CERTIFICATE", cert), key: key.pem))
        }
        t.add("genCA", [.string, .int]) { a, _ in try build(a.string(0), .null, .null, a.int(1), isCA: true, key: try rsa2048(), signer: nil) }
        t.add("genCAWithKey", [.string, .int, .string]) { a, _ in
            try build(a.string(0), .null, .null, a.int(1), isCA: true, key: try parseKey(a.string(2)), signer: nil)
        }
        t.add("genSelfSignedCert", [.string, .list, .list, .int]) { a, _ in
            try build(a.string(0), a.arg(1), a.arg(2), a.int(3), isCA: false, key: try rsa2048(), signer: nil)
        }
        t.add("genSelfSignedCertWithKey", [.string, .list, .list, .int, .string]) { a, _ in
            try build(a.string(0), a.arg(1), a.arg(2), a.int(3), isCA: false, key: try parseKey(a.string(4)), signer: nil)
        }
        t.add("genSignedCert", [.string, .list, .list, .int, .any]) { a, _ in
            try build(a.string(0), a.arg(1), a.arg(2), a.int(3), isCA: false, key: try rsa2048(), signer: try signer(a.arg(4)))
        }
        t.add("genSignedCertWithKey", [.string, .list, .list, .int, .any, .string]) { a, _ in
            try build(a.string(0), a.arg(1), a.arg(2), a.int(3), isCA: false, key: try parseKey(a.string(5)), signer: try signer(a.arg(4)))
        }
        t.add("buildCustomCert", [.string, .string]) { a, _ in
            guard case .success(let cert) = Base64.decode(Array(a.string(0).utf8)) else { throw FunctionError("unable to decode base64 certificate") }
            guard case .success(let key) = Base64.decode(Array(a.string(1).utf8)) else { throw FunctionError("unable to decode base64 private key") }
            let certText = String(decoding: cert, as: UTF8.self), keyText = String(decoding: key, as: UTF8.self)
            guard let der = Base64.pemBody(certText) else { throw FunctionError("unable to decode certificate") }
            do { _ = try ParsedCertificate(der: der) } catch {
                throw FunctionError("error parsing certificate: decodedCert.Bytes: \(error.message)")
            }
            do { _ = try PrivateKeys.parse(keyText) } catch { throw FunctionError("error parsing private key: \(error.message)") }
            return .object(GoCertificate(cert: certText, key: keyText))
        }
    }

    static func parseKey(_ pem: String) throws -> PrivateKeys.Key {
        do { return try PrivateKeys.parse(pem) } catch { throw FunctionError("parse pem block: \(error.message)") }
    }
}

/// Sprig's `certificate` struct: `.Cert` and `.Key` PEM strings.
public struct GoCertificate: GoObject {
    public let cert: String
    public let key: String
    public var goTypeName: String { "sprig.certificate" }
    public func formatted() -> String { "{\(cert) \(key)}" }
    public func jsonValue() -> Value { .map(["Cert": .string(cert), "Key": .string(key)]) }
    public func member(_ name: String) -> GoMember? {
        switch name {
        case "Cert": return .field(.string(cert))
        case "Key": return .field(.string(key))
        default: return nil
        }
    }
}

/// Sprig's `getBaseCertTemplate` plus the CA overrides.
struct CertificateTemplate {
    let cn: String
    let ips: [[UInt8]]
    let dnsNames: [String]
    let notBefore: GoTime
    let notAfter: GoTime
    let isCA: Bool
    let serial: [UInt8]

    init(cn: String, ips: Value, dns: Value, days: Int, isCA: Bool, now: GoTime, serial: [UInt8]) throws {
        self.cn = cn
        self.isCA = isCA
        var ipBytes: [[UInt8]] = []
        for v in ips.listValue ?? [] {
            guard case .string(let s) = v else { throw FunctionError("error parsing ip: \(GoPrint.value(v)) is not a string") }
            guard let b = CertificateTemplate.parseIP(s) else { throw FunctionError("error parsing ip: \(s)") }
            ipBytes.append(b)
        }
        self.ips = ipBytes
        var names: [String] = []
        for v in dns.listValue ?? [] {
            guard case .string(let s) = v else { throw FunctionError("error processing alternate dns name: \(GoPrint.value(v)) is not a string") }
            names.append(s)
        }
        self.dnsNames = names
        self.notBefore = now
        self.notAfter = now.adding(nanoseconds: Int64(days) &* 86_400_000_000_000)
        var s = serial
        if !s.isEmpty { s[0] &= 0x7F }
        self.serial = s
    }

    /// `net.ParseIP`: dotted IPv4 (stored as 4 bytes by x509) or IPv6.
    static func parseIP(_ s: String) -> [UInt8]? {
        var v4 = in_addr()
        if !s.contains(":"), inet_pton(AF_INET, s, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, s, &v6) == 1 {
            let b = withUnsafeBytes(of: &v6) { Array($0) }
            if b[0..<10].allSatisfy({ $0 == 0 }) && b[10] == 0xFF && b[11] == 0xFF { return Array(b[12...]) }
            return b
        }
        return nil
    }

    static func name(_ cn: String) -> [UInt8] {
        if cn.isEmpty { return DER.sequence([]) }
        let printable = cn.unicodeScalars.allSatisfy { c in
            (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || " '()+,-./:=?".unicodeScalars.contains(c)
        }
        let value = printable ? DER.printableString(cn) : DER.utf8String(cn)
        return DER.sequence([DER.set([DER.sequence([DER.oid([2, 5, 4, 3]), value])])])
    }

    func sign(subjectKey: PrivateKeys.Key, issuer: ParsedCertificate?, issuerKey: PrivateKeys.Key) throws -> [UInt8] {
        let subject = CertificateTemplate.name(cn)
        let issuerName = issuer?.subject ?? subject
        let spki = subjectKey.publicKeyInfo
        var extensions: [[UInt8]] = []
        func ext(_ oid: [UInt64], critical: Bool, _ value: [UInt8]) -> [UInt8] {
            DER.sequence([DER.oid(oid)] + (critical ? [DER.boolean(true)] : []) + [DER.octetString(value)])
        }
        let keyUsage: [UInt8] = isCA ? [0x02, 0xA4] : [0x05, 0xA0]
        extensions.append(ext([2, 5, 29, 15], critical: true, DER.tlv(0x03, keyUsage)))
        extensions.append(ext([2, 5, 29, 37], critical: false, DER.sequence([DER.oid([1, 3, 6, 1, 5, 5, 7, 3, 1]), DER.oid([1, 3, 6, 1, 5, 5, 7, 3, 2])])))
        extensions.append(ext([2, 5, 29, 19], critical: true, DER.sequence(isCA ? [DER.boolean(true)] : [])))
        if isCA {
            let keyBits = (try? DERReader.bitStringContent(ofSPKI: spki)) ?? spki
            extensions.append(ext([2, 5, 29, 14], critical: false, DER.octetString(Array(Insecure.SHA1.hash(data: keyBits)))))
        }
        if let issuer, issuer.subject != subject, let skid = issuer.subjectKeyID, !skid.isEmpty {
            extensions.append(ext([2, 5, 29, 35], critical: false, DER.sequence([DER.tlv(0x80, skid)])))
        }
        if !dnsNames.isEmpty || !ips.isEmpty {
            let names = dnsNames.map { DER.tlv(0x82, Array($0.utf8)) } + ips.map { DER.tlv(0x87, $0) }
            extensions.append(ext([2, 5, 29, 17], critical: cn.isEmpty, DER.sequence(names)))
        }
        let tbs = DER.sequence([
            DER.contextExplicit(0, DER.integer(2)),
            DER.unsignedInteger(serial),
            issuerKey.signatureAlgorithm,
            issuerName,
            DER.sequence([DER.time(notBefore), DER.time(notAfter)]),
            subject,
            spki,
            DER.contextExplicit(3, DER.sequence(extensions)),
        ])
        let signature = try issuerKey.sign(tbs)
        return DER.sequence([tbs, issuerKey.signatureAlgorithm, DER.bitString(signature)])
    }
}

/// The parts of a parsed certificate a signer needs: raw subject and SKID.
struct ParsedCertificate {
    let subject: [UInt8]
    let subjectKeyID: [UInt8]?

    init(der: [UInt8]) throws {
        var r = DERReader(der)
        var cert = try r.enter(0x30)
        var tbs = try cert.enter(0x30)
        if tbs.peekTag == 0xA0 { _ = try tbs.read() }
        _ = try tbs.read()
        _ = try tbs.read()
        _ = try tbs.read()
        _ = try tbs.read()
        subject = try tbs.readRaw()
        _ = try tbs.read()
        var skid: [UInt8]? = nil
        while !tbs.atEnd {
            let (tag, content) = try tbs.read()
            guard tag == 0xA3 else { continue }
            var wrapper = DERReader(content)
            var list = try wrapper.enter(0x30)
            while !list.atEnd {
                var e = try list.enter(0x30)
                let (_, oid) = try e.read()
                if oid == [0x55, 0x1D, 0x0E] {
                    var (t, v) = try e.read()
                    if t == 0x01 { (t, v) = try e.read() }
                    var inner = DERReader(v)
                    skid = try inner.read().1
                }
            }
        }
        subjectKeyID = skid
    }
}

/// A minimal DER reader.
struct DERReader {
    private let b: [UInt8]
    private var i = 0
    init(_ b: [UInt8]) { self.b = b }
    var atEnd: Bool { i >= b.count }
    var peekTag: UInt8? { i < b.count ? b[i] : nil }

    private mutating func header() throws -> (UInt8, Int, Int) {
        let start = i
        guard i + 2 <= b.count else { throw FunctionError("x509: malformed certificate") }
        let tag = b[i]
        var len = Int(b[i + 1])
        i += 2
        if len & 0x80 != 0 {
            let n = len & 0x7F
            guard n <= 4, i + n <= b.count else { throw FunctionError("x509: malformed certificate") }
            len = 0
            for _ in 0..<n { len = len << 8 | Int(b[i]); i += 1 }
        }
        guard i + len <= b.count else { throw FunctionError("x509: malformed certificate") }
        return (tag, len, start)
    }

    mutating func read() throws -> (UInt8, [UInt8]) {
        let (tag, len, _) = try header()
        defer { i += len }
        return (tag, Array(b[i..<(i + len)]))
    }

    mutating func readRaw() throws -> [UInt8] {
        let (_, len, start) = try header()
        i += len
        return Array(b[start..<i])
    }

    mutating func enter(_ tag: UInt8) throws -> DERReader {
        let (t, content) = try read()
        guard t == tag else { throw FunctionError("x509: malformed certificate") }
        return DERReader(content)
    }

    /// The key bytes inside a SubjectPublicKeyInfo's BIT STRING.
    static func bitStringContent(ofSPKI spki: [UInt8]) throws -> [UInt8] {
        var r = DERReader(spki)
        var seq = try r.enter(0x30)
        _ = try seq.read()
        let (_, bits) = try seq.read()
        return Array(bits.dropFirst())
    }
}
