import Template
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// bcrypt (`$2a$`, cost 10, as golang.org/x/crypto/bcrypt's DefaultCost)
/// through the system's libxcrypt `crypt_rn`, loaded at run time: neither
/// swift-crypto nor Foundation offers Blowfish.
enum Bcrypt {
    typealias CryptRN = @convention(c) (UnsafePointer<CChar>, UnsafePointer<CChar>, UnsafeMutableRawPointer, Int32) -> UnsafeMutablePointer<CChar>?

    struct Library: @unchecked Sendable { let cryptRN: CryptRN? }
    static let library: Library = {
        for name in ["libcrypt.so.1", "libcrypt.so.2", "libcrypt.so"] {
            if let handle = dlopen(name, RTLD_NOW), let sym = dlsym(handle, "crypt_rn") {
                return Library(cryptRN: unsafeBitCast(sym, to: CryptRN.self))
            }
        }
        return Library(cryptRN: nil)
    }()

    static let alphabet = Array("./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)

    /// bcrypt's base64 variant without padding.
    static func encode(_ src: [UInt8]) -> String {
        let std = Array(Base64.encode(src).utf8).filter { $0 != UInt8(ascii: "=") }
        let standard = Base64.alphabet
        return String(decoding: std.map { c in alphabet[standard.firstIndex(of: c) ?? 0] }, as: UTF8.self)
    }

    static func hash(_ password: String, cost: Int = 10, salt: [UInt8]) throws -> String {
        guard password.utf8.count <= 72 else { throw FunctionError("bcrypt: password length exceeds 72 bytes") }
        let setting = String(format: "$2a$%02d$", cost) + String(encode(salt).prefix(22))
        return try crypt(password, setting: setting)
    }

    /// Runs libxcrypt on a full bcrypt setting (`$2a$COST$SALT22`).
    static func crypt(_ password: String, setting: String) throws -> String {
        guard let cryptRN = library.cryptRN else {
            throw FunctionError("bcrypt is unavailable: the system library libcrypt (libxcrypt) was not found")
        }
        let size = 32768
        let data = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        defer { data.deallocate() }
        memset(data, 0, size)
        guard let result = cryptRN(password, setting, data, Int32(size)), result.pointee != 0x2A else {
            throw FunctionError("bcrypt: hashing failed")
        }
        return String(cString: result)
    }

    /// Sprig's `bcrypt`: the hash, or the error text in its place.
    static func hashOrMessage(_ password: String, _ random: @Sendable (Int) -> [UInt8]) -> String {
        do { return try hash(password, salt: random(16)) } catch let e as FunctionError {
            return "failed to encrypt string with bcrypt: \(e.message)"
        } catch {
            return "failed to encrypt string with bcrypt: \(error)"
        }
    }
}
