import Testing
import Values
@testable import Template

/// `TemplateSet.parse(files:)` must leave the set exactly as the same
/// `parse(name:bytes:)` calls in order would, and throw the error of the
/// earliest failing file.
@Suite struct BatchParseTests {
    /// What a set holds after parsing: each template's output, or the error.
    private struct Outcome: Equatable {
        var error: String?
        var rendered: [String: String]
    }

    private static func outcome(_ parse: (inout TemplateSet) throws -> Void) -> Outcome {
        var set = TemplateSet(functions: testFunctions)
        var failure: String?
        do { try parse(&set) } catch { failure = "\(error)" }
        var rendered: [String: String] = [:]
        for name in set.templateNames {
            rendered[name] = (try? set.execute(name: name, data: .map(["v": .string("x")]))) ?? "<failed>"
        }
        return Outcome(error: failure, rendered: rendered)
    }

    private static func files(_ texts: [(String, String)]) -> [(name: String, bytes: [UInt8])] {
        texts.map { (name: $0.0, bytes: Array($0.1.utf8)) }
    }

    /// Many small files so that several workers take part.
    private static let filler: [(String, String)] = (0..<40).map { i in
        ("f\(i).yaml", "{{ define \"d\(i % 7)\" }}\(i){{ end }}line {{ .v }} {{ template \"d\(i % 7)\" }}\n")
    }

    static let cases: [(String, [(String, String)], expectedError: String?, expectedX: String?)] = [
        ("later definition wins, empty one does not",
         [("a", "{{ define \"x\" }}A{{ end }}"), ("b", "{{ define \"x\" }}B{{ end }}"),
          ("c", "{{ define \"x\" }}  {{ end }}")] + filler,
         nil, "B"),
        ("first error in file order",
         filler + [("bad1", "ok\n{{ if }}"), ("bad2", "{{ end }}"), ("z", "{{ define \"x\" }}Z{{ end }}")],
         "template: bad1:2: missing value for if", nil),
        ("files before the error are added",
         [("a", "{{ define \"x\" }}A{{ end }}")] + filler + [("bad", "{{ .v | 3 }}")],
         "template: bad:1: non executable command in pipeline stage 2", "A"),
        ("one file", [("only", "{{ define \"x\" }}X{{ end }}{{ .v }}")], nil, "X"),
        ("no files", [], nil, nil),
    ]

    @Test(arguments: cases)
    func sameAsSequential(name: String, texts: [(String, String)], expectedError: String?, expectedX: String?) {
        let batch = Self.files(texts)
        let sequential = Self.outcome { set in
            for f in batch { try set.parse(name: f.name, bytes: f.bytes) }
        }
        let concurrent = Self.outcome { set in try set.parse(files: batch) }
        #expect(concurrent == sequential, "\(name)")
        #expect(concurrent.error == expectedError, "\(name)")
        #expect(concurrent.rendered["x"] == expectedX, "\(name)")
    }

    /// Parse errors keep Go's line numbers, now computed from positions
    /// (lines and messages as Helm v4 reports them for these texts).
    @Test(arguments: [
        ("\n\n{{ if }}", "template: t:3: missing value for if"),
        ("{{/* x\n*/ y }}", "template: t:1: comment ends before closing delimiter"),
        ("x\n{{ \"abc\n\" }}", "template: t:2: unterminated quoted string"),
        ("x\n{{ (1\n\n}}", "template: t:4: unclosed left paren in action started at t:2"),
        ("{{ range .a }}\n{{ break 1 }}{{ end }}", "template: t:2: unexpected \"1\" in {{break}}"),
        ("{{ $x := 1 }}\n{{ $y }}", "template: t:2: undefined variable \"$y\""),
        ("x\n{{ \"a\".b }}", "template: t:2: unexpected . after term \"\\\"a\\\"\""),
        ("a\n{{ if 1 }}\nb\n{{ else }}{{ else }}{{ end }}", "template: t:4: expected end; found {{else}}"),
    ])
    func errorLines(text: String, expected: String) {
        var set = TemplateSet(functions: testFunctions)
        do {
            try set.parse(name: "t", text: text)
            Issue.record("expected an error for \(text)")
        } catch {
            #expect("\(error)" == expected)
        }
    }
}
