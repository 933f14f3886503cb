import Crypto
import _CryptoExtras
import Foundation
import Template
import Values

/// Sprig's crypto.go: digests, bcrypt/htpasswd, derivePassword, AES, UUIDs,
/// random bytes and private keys.
enum CryptoFunctions {
    static func register(into t: inout FunctionTable, options: FunctionOptions) {
        let random = options.randomBytes
        t.add("sha1sum", [.string]) { a, _ in .string(hex(Insecure.SHA1.hash(data: GoBytes.bytes(of: a.string(0))))) }
        t.add("sha256sum", [.string]) { a, _ in .string(hex(SHA256.hash(data: GoBytes.bytes(of: a.string(0))))) }
        t.add("sha512sum", [.string]) { a, _ in .string(hex(SHA512.hash(data: GoBytes.bytes(of: a.string(0))))) }
        t.add("adler32sum", [.string]) { a, _ in .string(String(adler32(GoBytes.bytes(of: a.string(0))))) }
        t.add("bcrypt", [.string]) { a, _ in .string(Bcrypt.hashOrMessage(a.string(0), random)) }
        t.add("htpasswd", [.string, .string]) { a, _ in
            let user = a.string(0)
            if user.contains(":") { return .string("invalid username: \(user)") }
            return .string(user + ":" + Bcrypt.hashOrMessage(a.string(1), random))
        }
        t.add("derivePassword", [.int, .string, .string, .string, .string]) { a, _ in
            .string(derivePassword(counter: UInt32(truncatingIfNeeded: a.int(0)), type: a.string(1), password: a.string(2), user: a.string(3), site: a.string(4)))
        }
        t.add("encryptAES", [.string, .string]) { a, _ in
            let plain = Array(a.string(1).utf8)
            if plain.isEmpty { return .string("") }
            let iv = random(16)
            let cipher = try AES._CBC.encrypt(plain, using: aesKey(a.string(0)), iv: try AES._CBC.IV(ivBytes: iv))
            return .string(Base64.encode(iv + Array(cipher)))
        }
        t.add("decryptAES", [.string, .string]) { a, _ in
            let text = a.string(1)
            if text.isEmpty { return .string("") }
            let crypt: [UInt8]
            switch Base64.decode(Array(text.utf8)) {
            case .success(let b): crypt = b
            case .failure(let e): throw e
            }
            guard crypt.count >= 16 else { throw FunctionError("runtime error: slice bounds out of range [:16] with capacity \(crypt.count)") }
            let body = Array(crypt[16...])
            guard body.count % 16 == 0 else { throw FunctionError("crypto/cipher: input not full blocks") }
            if body.isEmpty { throw FunctionError("runtime error: index out of range [-1]") }
            let plain = Array(try AES._CBC.decrypt(body, using: aesKey(a.string(0)), iv: try AES._CBC.IV(ivBytes: crypt[0..<16]), noPadding: true))
            let pad = Int(plain[plain.count - 1])
            guard pad <= plain.count else { throw FunctionError("runtime error: slice bounds out of range [:\(plain.count - pad)]") }
            return .string(String(decoding: plain[..<(plain.count - pad)], as: UTF8.self))
        }
        t.add("uuidv4", []) { _, _ in
            var b = random(16)
            b[6] = b[6] & 0x0F | 0x40
            b[8] = b[8] & 0x3F | 0x80
            let h = hex(b)
            let c = Array(h.utf8)
            func part(_ r: Range<Int>) -> String { String(decoding: c[r], as: UTF8.self) }
            return .string("\(part(0..<8))-\(part(8..<12))-\(part(12..<16))-\(part(16..<20))-\(part(20..<32))")
        }
        t.add("randBytes", [.int]) { a, _ in
            let n = a.int(0)
            guard n >= 0 else { throw FunctionError("runtime error: makeslice: len out of range") }
            return .string(Base64.encode(random(n)))
        }
        t.add("genPrivateKey", [.string]) { a, _ in .string(try PrivateKeys.generate(a.string(0))) }
    }

    static func hex<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }

    static func adler32(_ data: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        return b << 16 | a
    }

    /// Go copies the password into a zeroed 32-byte key (AES-256), truncating longer ones.
    static func aesKey(_ password: String) -> SymmetricKey {
        var key = [UInt8](repeating: 0, count: 32)
        for (i, b) in password.utf8.prefix(32).enumerated() { key[i] = b }
        return SymmetricKey(data: key)
    }

    static let passwordTemplates: [String: [String]] = [
        "maximum": ["anoxxxxxxxxxxxxxxxxx", "axxxxxxxxxxxxxxxxxno"],
        "long": ["CvcvnoCvcvCvcv", "CvcvCvcvnoCvcv", "CvcvCvcvCvcvno", "CvccnoCvcvCvcv", "CvccCvcvnoCvcv",
                 "CvccCvcvCvcvno", "CvcvnoCvccCvcv", "CvcvCvccnoCvcv", "CvcvCvccCvcvno", "CvcvnoCvcvCvcc",
                 "CvcvCvcvnoCvcc", "CvcvCvcvCvccno", "CvccnoCvccCvcv", "CvccCvccnoCvcv", "CvccCvccCvcvno",
                 "CvcvnoCvccCvcc", "CvcvCvccnoCvcc", "CvcvCvccCvccno", "CvccnoCvcvCvcc", "CvccCvcvnoCvcc",
                 "CvccCvcvCvccno"],
        "medium": ["CvcnoCvc", "CvcCvcno"],
        "short": ["Cvcn"],
        "basic": ["aaanaaan", "aannaaan", "aaannaaa"],
        "pin": ["nnnn"],
    ]
    static let templateCharacters: [Character: [UInt8]] = [
        "V": Array("AEIOU".utf8), "C": Array("BCDFGHJKLMNPQRSTVWXYZ".utf8), "v": Array("aeiou".utf8),
        "c": Array("bcdfghjklmnpqrstvwxyz".utf8), "A": Array("AEIOUBCDFGHJKLMNPQRSTVWXYZ".utf8),
        "a": Array("AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz".utf8), "n": Array("0123456789".utf8),
        "o": Array("@&%?,=[]_:-+*$#!'^~;()/.".utf8),
        "x": Array("AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()".utf8),
    ]

    /// Master Password algorithm (scrypt N=32768 r=8 p=2, HMAC-SHA256 seed), as Sprig.
    static func derivePassword(counter: UInt32, type: String, password: String, user: String, site: String) -> String {
        guard let templates = passwordTemplates[type] else { return "cannot find password template \(type)" }
        func be32(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        let seedPrefix = Array("com.lyndir.masterpassword".utf8)
        let salt = seedPrefix + be32(UInt32(user.utf8.count)) + Array(user.utf8)
        let key: SymmetricKey
        do {
            key = try KDF.Scrypt.deriveKey(from: Array(password.utf8), salt: salt, outputByteCount: 64, rounds: 32768, blockSize: 8, parallelism: 2)
        } catch {
            return "failed to derive password: \(error)"
        }
        let message = seedPrefix + be32(UInt32(site.utf8.count)) + Array(site.utf8) + be32(counter)
        let seed = Array(HMAC<SHA256>.authenticationCode(for: message, using: key))
        let template = Array(templates[Int(seed[0]) % templates.count])
        var out: [UInt8] = []
        for (i, ch) in template.enumerated() {
            let chars = templateCharacters[ch] ?? []
            guard !chars.isEmpty else { continue }
            out.append(chars[Int(seed[i + 1]) % chars.count])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
