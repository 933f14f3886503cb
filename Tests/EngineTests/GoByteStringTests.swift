import Foundation
import Testing
import Chart
import Values
@testable import Engine

/// Go strings are bytes: a binary file read with `.Files.Get`, `b64dec` of binary data
/// and a `substr` that cuts a character keep their exact bytes through `b64enc`, `len`,
/// hashes and `printf "%x"`, while `toJson`/`toYaml`/`upper` see U+FFFD, as in Helm
/// (Golden/bytes, recorded with Helm v4).
@Suite struct GoByteStringTests {
    static let golden = GoldenTests.golden + "/bytes"

    @Test func binaryFilesAndCutStringsKeepTheirBytes() throws {
        let output = try GoldenTests.render(chart: Self.golden + "/chart", release: "release-name", valuesFile: nil, kubeVersion: nil)
        let expected = try String(contentsOfFile: Self.golden + "/chart.out", encoding: .utf8)
        #expect(output == expected)
    }

    @Test func invalidUTF8InAManifestIsAYAMLError() throws {
        let expected = try String(contentsOfFile: Self.golden + "/raw.err", encoding: .utf8)
        #expect {
            _ = try GoldenTests.render(chart: Self.golden + "/raw", release: "release-name", valuesFile: nil, kubeVersion: nil)
        } throws: { error in
            "\((error as? RenderError)?.message ?? "\(error)")\n" == expected
        }
    }

    /// (bytes, whether they are valid UTF-8, Go's `len`)
    static let roundTrips: [([UInt8], Bool)] = [
        (Array("plain".utf8), true),
        (Array("héllo €".utf8), true),
        ([0x68, 0xC3], false),
        ([0xFF, 0xFE, 0x00, 0x41], false),
        ([0xED, 0xA0, 0x80], false),          // a UTF-16 surrogate encoded in UTF-8
        ([0xC0, 0xAF], false),                // overlong "/"
        ([0xF0, 0x9F, 0x98], false),          // truncated 4-byte sequence
        ([0xF4, 0x90, 0x80, 0x80], false),    // above U+10FFFF
        (Array(0...255), false),
    ]

    @Test(arguments: roundTrips)
    func goStringsRoundTripTheirBytes(bytes: [UInt8], valid: Bool) {
        let s = GoBytes.string(bytes)
        #expect(GoBytes.bytes(of: s) == bytes)
        #expect(GoBytes.count(of: s) == bytes.count)
        #expect(GoBytes.containsEscapes(s) == !valid)
        #expect(GoBytes.replacingEscapes(s).unicodeScalars.contains("\u{FFFD}") == !valid)
    }
}
