import Testing
import Values
@testable import Functions

/// encoding: expected values rendered by Helm v4 (helm-oracle, NOTES.txt).
@Suite struct EncodingTests {
    static let rows: [Row] = [
        Row("b64enc", [.string("any carnal pleas")], "YW55IGNhcm5hbCBwbGVhcw=="),
        Row("b64enc", [.string("a")], "YQ=="),
        Row("b64dec", [.string("YW55IGNhcm5hbCBwbGVhcw==")], "any carnal pleas"),
        Row("b64dec", [.string("YQ==")], "a"),
        Row("b64dec", [.string("YQ=")], "illegal base64 data at input byte 3"),
        Row("b64dec", [.string("Y*Q==")], "illegal base64 data at input byte 1"),
        Row("b64dec", [.string("YW55\nIGNh")], "any ca"),
        Row("b64dec", [.string("YQ==YQ==")], "illegal base64 data at input byte 4"),
        Row("b32enc", [.string("foobar")], "MZXW6YTBOI======"),
        Row("b32enc", [.string("f")], "MY======"),
        Row("b32dec", [.string("MZXW6YTBOI======")], "foobar"),
        Row("b32dec", [.string("MY======")], "f"),
        Row("b32dec", [.string("MZXW6")], "illegal base32 data at input byte 0"),
        Row("b32dec", [.string("1ZXW6YTB")], "illegal base32 data at input byte 0"),
        Row("sha1sum", [.string("abc")], "a9993e364706816aba3e25717850c26c9cd0d89d"),
        Row("sha256sum", [.string("")], "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        Row("sha512sum", [.string("abc")], "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"),
        Row("adler32sum", [.string("Wikipedia")], "300286872"),
        Row("derivePassword", [.int(1), .string("medium"), .string("pw"), .string("u"), .string("site")], "ZulBob7_"),
        Row("derivePassword", [.int(3), .string("basic"), .string("p"), .string("me"), .string("x.org")], "QB73MUQ9"),
        Row("derivePassword", [.int(1), .string("nope"), .string("p"), .string("u"), .string("s")], "cannot find password template nope"),
        Row("decryptAES", [.string("k"), .string("")], ""),
        Row("encryptAES", [.string("k"), .string("")], ""),
    ]

    @Test(arguments: rows) func matchesHelm(_ row: Row) throws {
        #expect(try row.render() == row.expected)
    }
}
