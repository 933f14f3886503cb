/// A minimal ASN.1 DER writer for the key and certificate structures the
/// crypto functions emit (PKCS#1/SEC1/PKCS#8 keys, X.509 certificates).
enum DER {
    static func tlv(_ tag: UInt8, _ content: [UInt8]) -> [UInt8] {
        var out = [tag]
        let n = content.count
        if n < 0x80 {
            out.append(UInt8(n))
        } else {
            var len: [UInt8] = []
            var v = n
            while v > 0 { len.insert(UInt8(v & 0xFF), at: 0); v >>= 8 }
            out.append(0x80 | UInt8(len.count))
            out.append(contentsOf: len)
        }
        return out + content
    }
    static func sequence(_ parts: [[UInt8]]) -> [UInt8] { tlv(0x30, parts.flatMap { $0 }) }
    static func set(_ parts: [[UInt8]]) -> [UInt8] { tlv(0x31, parts.flatMap { $0 }) }
    static func contextExplicit(_ n: UInt8, _ content: [UInt8]) -> [UInt8] { tlv(0xA0 | n, content) }
    static func octetString(_ b: [UInt8]) -> [UInt8] { tlv(0x04, b) }
    static func bitString(_ b: [UInt8]) -> [UInt8] { tlv(0x03, [0] + b) }
    static func boolean(_ b: Bool) -> [UInt8] { tlv(0x01, [b ? 0xFF : 0x00]) }
    static let null: [UInt8] = [0x05, 0x00]
    static func utf8String(_ s: String) -> [UInt8] { tlv(0x0C, Array(s.utf8)) }
    static func printableString(_ s: String) -> [UInt8] { tlv(0x13, Array(s.utf8)) }

    /// A non-negative big-endian integer (leading zeros stripped, sign byte added).
    static func unsignedInteger(_ bytes: [UInt8]) -> [UInt8] {
        var b = Array(bytes.drop { $0 == 0 })
        if b.isEmpty { b = [0] }
        if b[0] & 0x80 != 0 { b.insert(0, at: 0) }
        return tlv(0x02, b)
    }
    static func integer(_ v: Int64) -> [UInt8] {
        var b: [UInt8] = []
        var x = v
        repeat { b.insert(UInt8(truncatingIfNeeded: x), at: 0); x >>= 8 } while x != 0 && x != -1
        if v >= 0 && b[0] & 0x80 != 0 { b.insert(0, at: 0) }
        if v < 0 && b[0] & 0x80 == 0 { b.insert(0xFF, at: 0) }
        return tlv(0x02, b)
    }

    static func oid(_ components: [UInt64]) -> [UInt8] {
        var out: [UInt8] = [UInt8(components[0] * 40 + components[1])]
        for c in components.dropFirst(2) {
            var chunk: [UInt8] = [UInt8(c & 0x7F)]
            var v = c >> 7
            while v > 0 { chunk.insert(UInt8(v & 0x7F) | 0x80, at: 0); v >>= 7 }
            out.append(contentsOf: chunk)
        }
        return tlv(0x06, out)
    }

    /// UTCTime before 2050, GeneralizedTime after, as Go's x509 encodes validity.
    static func time(_ t: GoTime) -> [UInt8] {
        let f = t.in(.utc).fields()
        if f.year >= 1950 && f.year < 2050 {
            return tlv(0x17, Array(GoTimeFormat.format(t.in(.utc), layout: "060102150405Z").utf8))
        }
        return tlv(0x18, Array(GoTimeFormat.format(t.in(.utc), layout: "20060102150405Z").utf8))
    }

    static func pem(_ type: String, _ der: [UInt8]) -> String {
        let b64 = Array(Base64.encode(der).utf8)
        var out = "-----BEGIN \(type)-----\n"
        var i = 0
        while i < b64.count {
            out += String(decoding: b64[i..<min(i + 64, b64.count)], as: UTF8.self) + "\n"
            i += 64
        }
        return out + "-----END \(type)-----\n"
    }
}
