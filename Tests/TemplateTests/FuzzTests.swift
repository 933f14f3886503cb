import Testing
import Values
@testable import Template

/// SplitMix64: a small seeded generator so failures reproduce.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct FuzzTests {
    static let fragments = [
        "{{", "}}", "{{-", "-}}", " ", "\n", ".", ".Values", ".a", ".b.c", "$", "$x", ":=", "=", "|", "(", ")",
        "if", "else", "end", "range", "with", "define", "template", "block", "break", "continue", "nil", "true",
        "\"s\"", "`r`", "'c'", "1", "-2", "0x1F", "1.5e3", "2i", "3", "len", "index", "slice", "print", "printf",
        "\"%d %v %s %q\"", "eq", "lt", "and", "or", "not", "html", "js", "urlquery", "call", "include", "tpl",
        "\"t\"", "/*", "*/", ",", "text", "{{ end }}", "{{ else }}", "{{ define \"t\" }}", "{{ template \"t\" . }}",
        "{{ range $i, $v := .l }}", "{{ if .a }}", "{{ with .m }}", "{{ $x := 1 }}", "{{ range 2 }}",
    ]

    static let data: Value = .map([
        "a": .string("A"), "l": .list([.float(1), .string("x"), .null]), "m": .map(["k": .float(2)]),
        "Values": .map(["n": .int(2)]),
    ])

    /// Random and mutated templates must only ever produce output or a thrown error.
    @Test func randomTemplatesNeverCrash() {
        var rng = SeededGenerator(state: 20240611)
        var outcomes = (ok: 0, failed: 0)
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...14, using: &rng) {
                text += FuzzTests.fragments.randomElement(using: &rng)!
                if Bool.random(using: &rng) { text += " " }
            }
            if Int.random(in: 0..<4, using: &rng) == 0 {
                var bytes = Array(text.utf8)
                let i = Int.random(in: 0...bytes.count, using: &rng)
                bytes.insert(UInt8.random(in: 0...255, using: &rng), at: i)
                text = String(decoding: bytes, as: UTF8.self)
            }
            var set = TemplateSet(functions: testFunctions)
            do {
                try set.parse(name: "f", text: text)
                _ = try set.execute(name: "f", data: FuzzTests.data)
                outcomes.ok += 1
            } catch {
                #expect(!"\(error)".isEmpty)
                outcomes.failed += 1
            }
        }
        #expect(outcomes.ok + outcomes.failed == 3000)
        #expect(outcomes.ok > 100 && outcomes.failed > 100)
    }

    @Test func randomFormatsNeverCrash() {
        var rng = SeededGenerator(state: 7)
        let pieces = ["%", "d", "v", "s", "q", "x", "X", "e", "f", "g", "T", "c", "U", "t", "p", "b", "o", "O",
                      "#", "+", "-", " ", "0", "5", ".", "*", "[1]", "[9]", "[", "]", "%%", "é", "z"]
        let args: [Value] = [.int(42), .float(-3.25), .string("héllo"), .bool(true), .null, .int64(-7),
                             .list([.int(1), .string("a")]), .map(["k": .float(1e21)]), .bytes([104, 105])]
        for _ in 0..<2000 {
            var f = ""
            for _ in 0..<Int.random(in: 1...8, using: &rng) { f += pieces.randomElement(using: &rng)! }
            let n = Int.random(in: 0...3, using: &rng)
            let a = (0..<n).map { _ in args.randomElement(using: &rng)! }
            _ = GoFormat.sprintf(f, a)
        }
    }
}
