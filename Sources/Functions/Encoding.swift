import Foundation
import Template
import Values

/// Sprig's base64/base32 functions; decoding errors become the result text
/// (`illegal base64 data at input byte N`), as Sprig returns `err.Error()`. Decoded
/// binary data stays byte-exact (see `GoBytes`).
enum EncodingFunctions {
    static func register(into t: inout FunctionTable, options: FunctionOptions) {
        t.add("b64enc", [.string]) { a, _ in .string(Base64.encode(GoBytes.bytes(of: a.string(0)))) }
        t.add("b64dec", [.string]) { a, _ in
            switch Base64.decode(Array(a.string(0).utf8)) {
            case .success(let b): return .string(GoBytes.string(b))
            case .failure(let e): return .string(e.message)
            }
        }
        t.add("b32enc", [.string]) { a, _ in .string(Base32.encode(GoBytes.bytes(of: a.string(0)))) }
        t.add("b32dec", [.string]) { a, _ in
            switch Base32.decode(Array(a.string(0).utf8)) {
            case .success(let b): return .string(GoBytes.string(b))
            case .failure(let e): return .string(e.message)
            }
        }
    }
}

/// Go's `encoding/base64.StdEncoding`.
enum Base64 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    static let decodeMap: [UInt8] = {
        var m = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in alphabet.enumerated() { m[Int(c)] = UInt8(i) }
        return m
    }()

    static func encode(_ src: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((src.count + 2) / 3 * 4)
        var i = 0
        while i + 3 <= src.count {
            let v = UInt32(src[i]) << 16 | UInt32(src[i + 1]) << 8 | UInt32(src[i + 2])
            out.append(alphabet[Int(v >> 18 & 63)]); out.append(alphabet[Int(v >> 12 & 63)])
            out.append(alphabet[Int(v >> 6 & 63)]); out.append(alphabet[Int(v & 63)])
            i += 3
        }
        let rem = src.count - i
        if rem > 0 {
            var v = UInt32(src[i]) << 16
            if rem == 2 { v |= UInt32(src[i + 1]) << 8 }
            out.append(alphabet[Int(v >> 18 & 63)]); out.append(alphabet[Int(v >> 12 & 63)])
            out.append(rem == 2 ? alphabet[Int(v >> 6 & 63)] : UInt8(ascii: "="))
            out.append(UInt8(ascii: "="))
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func decode(_ src: [UInt8]) -> Result<[UInt8], FunctionError> {
        func corrupt(_ at: Int) -> Result<[UInt8], FunctionError> { .failure(FunctionError("illegal base64 data at input byte \(at)")) }
        var out: [UInt8] = []
        var si = 0
        let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n"), pad = UInt8(ascii: "=")
        while true {
            var dbuf = [UInt8](repeating: 0, count: 4)
            var dlen = 4
            var j = 0
            var trailingError: Int? = nil
            var finished = false
            while j < 4 {
                if si == src.count {
                    if j == 0 { return .success(out) }
                    return corrupt(si - j)
                }
                let c = src[si]
                si += 1
                let v = decodeMap[Int(c)]
                if v != 0xFF { dbuf[j] = v; j += 1; continue }
                if c == lf || c == cr { continue }
                if c != pad { return corrupt(si - 1) }
                switch j {
                case 0, 1: return corrupt(si - 1)
                case 2:
                    while si < src.count && (src[si] == lf || src[si] == cr) { si += 1 }
                    if si == src.count { return corrupt(src.count) }
                    if src[si] != pad { return corrupt(si - 1) }
                    si += 1
                default: break
                }
                while si < src.count && (src[si] == lf || src[si] == cr) { si += 1 }
                if si < src.count { trailingError = si }
                dlen = j
                finished = true
                break
            }
            let v = UInt32(dbuf[0]) << 18 | UInt32(dbuf[1]) << 12 | UInt32(dbuf[2]) << 6 | UInt32(dbuf[3])
            let bytes = [UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)]
            out.append(contentsOf: bytes[0..<(dlen - 1)])
            if let e = trailingError { return corrupt(e) }
            if finished { return .success(out) }
        }
    }
}

/// Go's `encoding/base32.StdEncoding`.
enum Base32 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)
    static let decodeMap: [UInt8] = {
        var m = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in alphabet.enumerated() { m[Int(c)] = UInt8(i) }
        return m
    }()

    static func encode(_ src: [UInt8]) -> String {
        var out: [UInt8] = []
        var i = 0
        while i < src.count {
            let chunk = Array(src[i..<min(i + 5, src.count)])
            var block = [UInt8](repeating: 0, count: 5)
            for (k, b) in chunk.enumerated() { block[k] = b }
            var v: UInt64 = 0
            for b in block { v = v << 8 | UInt64(b) }
            let chars = [2, 4, 5, 7, 8][chunk.count - 1]
            for k in 0..<8 {
                out.append(k < chars ? alphabet[Int(v >> UInt64(35 - 5 * k) & 31)] : UInt8(ascii: "="))
            }
            i += 5
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func decode(_ raw: [UInt8]) -> Result<[UInt8], FunctionError> {
        let src = raw.filter { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
        func corrupt(_ at: Int) -> Result<[UInt8], FunctionError> { .failure(FunctionError("illegal base32 data at input byte \(at)")) }
        let pad = UInt8(ascii: "=")
        var out: [UInt8] = []
        var rest = src[...]
        let olen = src.count
        var end = false
        while !rest.isEmpty && !end {
            var dbuf = [UInt8](repeating: 0, count: 8)
            var dlen = 8
            var j = 0
            while j < 8 {
                if rest.isEmpty { return corrupt(olen - rest.count - j) }
                let c = rest.first!
                rest = rest.dropFirst()
                if c == pad && j >= 2 && rest.count < 8 {
                    if rest.count + j < 8 - 1 { return corrupt(olen) }
                    for k in 0..<(8 - 1 - j) where rest.count > k && rest[rest.startIndex + k] != pad {
                        return corrupt(olen - rest.count + k - 1)
                    }
                    dlen = j
                    end = true
                    if dlen == 1 || dlen == 3 || dlen == 6 { return corrupt(olen - rest.count - 1) }
                    break
                }
                dbuf[j] = decodeMap[Int(c)]
                if dbuf[j] == 0xFF { return corrupt(olen - rest.count - 1) }
                j += 1
            }
            var v: UInt64 = 0
            for b in dbuf { v = v << 5 | UInt64(b) }
            let count = [0, 0, 1, 0, 2, 3, 0, 4, 5][dlen]
            for k in 0..<count { out.append(UInt8(v >> UInt64(32 - 8 * k) & 0xFF)) }
        }
        return .success(out)
    }
}

extension Base64 {
    /// The DER bytes of the first PEM block in `pem`.
    static func pemBody(_ pem: String) -> [UInt8]? {
        let lines = pem.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let start = lines.firstIndex(where: { $0.hasPrefix("-----BEGIN") }),
              let end = lines[start...].firstIndex(where: { $0.hasPrefix("-----END") }) else { return nil }
        let body = lines[(start + 1)..<end].filter { !$0.contains(":") }.joined()
        if case .success(let b) = decode(Array(body.utf8)) { return b }
        return nil
    }
}
