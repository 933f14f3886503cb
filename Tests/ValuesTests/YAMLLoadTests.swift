import Testing
@testable import Values

/// Expected values produced by real Helm v4 (helm-oracle): the input as a
/// chart's values.yaml, rendered with `{{ toJson .Values }}` (after Helm's coalescing); errors are Helm's stderr.
enum YAMLLoadCases {
    static let loads: [(String, String, String)] = [
        ("ints-bases", "a: 42\nb: 0x1F\nc: 0o17\nd: 017\ne: 08\nf: 0b101\ng: 1_000\nh: +12\ni: -0x10\nj: 0xFFFFFFFFFFFFFFFFFF\nk: 18446744073709551615\nl: 9223372036854775808\n", "{\"a\":42,\"b\":31,\"c\":15,\"d\":15,\"e\":8,\"f\":5,\"g\":1000,\"h\":12,\"i\":-16,\"j\":\"0xFFFFFFFFFFFFFFFFFF\",\"k\":18446744073709552000,\"l\":9223372036854776000}"),
        ("floats", "a: 1.0\nb: .5\nc: -.5e3\nd: 1e400\ne: 6.02e23\nf: 1.\ng: 1_000.5\nh: 0.1\ni: -0.0\nj: 1e-7\nk: 123456789012345678901234\n", "{\"a\":1,\"b\":0.5,\"c\":-500,\"d\":\"1e400\",\"e\":6.02e+23,\"f\":1,\"g\":1000.5,\"h\":0.1,\"i\":-0,\"j\":1e-7,\"k\":1.2345678901234569e+23}"),
        ("bools-all-variants", "a: yes\nb: Yes\nc: YES\nd: yEs\ne: on\nf: On\ng: ON\nh: off\ni: Off\nj: OFF\nk: y\nl: Y\nm: n\nn_: N\no: true\np: TRUE\nq: tRUE\nr: no\ns: No\n", "{\"a\":true,\"b\":true,\"c\":true,\"d\":\"yEs\",\"e\":true,\"f\":true,\"g\":true,\"h\":false,\"i\":false,\"j\":false,\"k\":true,\"l\":true,\"m\":false,\"n_\":false,\"o\":true,\"p\":true,\"q\":\"tRUE\",\"r\":false,\"s\":false}"),
        ("nulls", "a: ~\nb: null\nc: Null\nd: NULL\ne:\nf: nULL\ng: ''\n", "{\"f\":\"nULL\",\"g\":\"\"}"),
        ("timestamps-and-lookalikes", "a: 2024-01-15\nb: 2024-02-30\nc: 2024-01-15T10:20:30.123Z\nd: 2024-1-5\ne: 12:30:45\nf: 1:20\n", "{\"a\":\"2024-01-15\",\"b\":\"2024-02-30\",\"c\":\"2024-01-15T10:20:30.123Z\",\"d\":\"2024-1-5\",\"e\":\"12:30:45\",\"f\":\"1:20\"}"),
        ("keys-stringified", "1: a\n1.5: b\ntrue: c\nno: d\n0x10: e\n-2: f\n1e3: g\n2024-01-01: h\n", "{\"-2\":\"f\",\"1\":\"a\",\"1.5\":\"b\",\"1000\":\"g\",\"16\":\"e\",\"2024-01-01\":\"h\",\"false\":\"d\",\"true\":\"c\"}"),
        ("quoted-keys-and-styles", "'single': 1\n\"double\\tkey\": 2\nplain key: 3\n? complex\n: 4\n", "{\"complex\":4,\"double\\tkey\":2,\"plain key\":3,\"single\":1}"),
        ("block-scalars", "lit: |\n  line1\n   indented\n  line3\nfold: >\n  folded\n  text\n\n  para\nkeep: |+\n  keep\n\nstrip: |-\n  strip\nind: |2\n    two\n", "{\"fold\":\"folded text\\npara\\n\",\"ind\":\"  two\\n\",\"keep\":\"keep\\n\\n\",\"lit\":\"line1\\n indented\\nline3\\n\",\"strip\":\"strip\"}"),
        ("flow-collections", "a: [1, two, {three: 3}, [4]]\nb: {x: 1, y: [a, b], 'z': \"q\"}\nc: []\nd: {}\n", "{\"a\":[1,\"two\",{\"three\":3},[4]],\"b\":{\"true\":[\"a\",\"b\"],\"x\":1,\"z\":\"q\"},\"c\":[],\"d\":{}}"),
        ("scalar-styles", "a: 'it''s'\nb: \"esc \\x41 \\u00e9 \\U0001F600 \\n\"\nc: plain text # comment\nd: \"multi\n  line\"\ne: 'single\n\n  folded'\n", "{\"a\":\"it's\",\"b\":\"esc A é 😀 \\n\",\"c\":\"plain text\",\"d\":\"multi line\",\"e\":\"single\\nfolded\"}"),
        ("anchors-aliases", "base: &b {x: 1, y: [1, 2]}\nref: *b\nlist: [&s hello, *s]\nnested:\n  deep: &d\n    k: v\n  again: *d\n", "{\"base\":{\"true\":[1,2],\"x\":1},\"list\":[\"hello\",\"hello\"],\"nested\":{\"again\":{\"k\":\"v\"},\"deep\":{\"k\":\"v\"}},\"ref\":{\"true\":[1,2],\"x\":1}}"),
        ("merge-keys", "d1: &d1 {a: 1, b: 1}\nd2: &d2 {b: 2, c: 2}\nm1:\n  <<: *d1\n  b: 9\nm2:\n  <<: [*d1, *d2]\nm3:\n  b: 7\n  <<: *d1\nm4:\n  <<: {z: inline}\n  y: 1\n", "{\"d1\":{\"a\":1,\"b\":1},\"d2\":{\"b\":2,\"c\":2},\"m1\":{\"a\":1,\"b\":9},\"m2\":{\"a\":1,\"b\":1,\"c\":2},\"m3\":{\"a\":1,\"b\":1},\"m4\":{\"true\":1,\"z\":\"inline\"}}"),
        ("explicit-tags", "a: !!str 123\nb: !!int \"42\"\nc: !!float 1\nd: !!bool \"yes\"\ne: !!null ''\nf: !!binary aGVsbG8=\ng: !custom text\nh: !!str true\ni: !!float '2.5'\nj: !!timestamp 2024-01-01\n", "{\"a\":\"123\",\"b\":42,\"c\":1,\"d\":true,\"f\":\"hello\",\"g\":\"text\",\"h\":\"true\",\"i\":2.5,\"j\":\"2024-01-01\"}"),
        ("multi-document-values", "a: 1\nb: {x: 1}\n---\nb: {y: 2}\nc: 3\n", "{\"a\":1,\"b\":{\"true\":2,\"x\":1},\"c\":3}"),
        ("comments-everywhere", "# head\na: 1 # trailing\n# between\nb:\n  # inner\n  - x # item\n  - y\n", "{\"a\":1,\"b\":[\"x\",true]}"),
        ("unicode", "ключ: значение\nemoji: 😀\nnbsp: \"a\\u00a0b\"\n", "{\"emoji\":\"😀\",\"nbsp\":\"a b\",\"ключ\":\"значение\"}"),
        ("empty-file", "", "{}"),
        ("only-comments", "# nothing here\n", "{}"),
        ("document-marker-only", "---\n", "{}"),
        ("duplicate-keys", "a: 1\nb: 2\na: 3\n", "{\"a\":3,\"b\":2}"),
        ("sequence-of-maps", "items:\n- name: a\n  v: 1\n- name: b\n  sub:\n  - x\n  - y\n", "{\"items\":[{\"name\":\"a\",\"v\":1},{\"name\":\"b\",\"sub\":[\"x\",true]}]}"),
        ("crlf-line-endings", "a: 1\r\nb:\r\n  c: two\r\n", "{\"a\":1,\"b\":{\"c\":\"two\"}}"),
        ("tabs-in-values", "a: \"x\\ty\"\nb: 'tab\there'\n", "{\"a\":\"x\\ty\",\"b\":\"tab\\there\"}"),
    ]
    static let errors: [(String, String, String)] = [
        ("special-floats-as-strings", "a: .nan\n", "Error: cannot load values.yaml: cannot unmarshal yaml document: error converting YAML to JSON: json: unsupported value: NaN"),
        ("infinity", "a: .inf\n", "Error: cannot load values.yaml: cannot unmarshal yaml document: error converting YAML to JSON: json: unsupported value: +Inf"),
        ("mapping-values-not-allowed", "a: b: c\n", "Error: cannot load values.yaml: cannot unmarshal yaml document: error converting YAML to JSON: yaml: mapping values are not allowed in this context"),
        ("unclosed-flow", "a: [1, 2\nb: 3\n", "Error: cannot load values.yaml: cannot unmarshal yaml document: error converting YAML to JSON: yaml: line 1: did not find expected ',' or ']'"),
        ("bad-indent", "a:\n  b: 1\n c: 2\n", "Error: cannot load values.yaml: cannot unmarshal yaml document: error converting YAML to JSON: yaml: line 2: did not find expected key"),
        ("tab-indent", "a:\n\tb: 1\n", "Error: cannot load values.yaml: cannot unmarshal yaml document: error converting YAML to JSON: yaml: line 2: found character that cannot start any token"),
        ("unknown-anchor", "a: *nope\n", "Error: cannot load values.yaml: cannot unmarshal yaml document: error converting YAML to JSON: yaml: unknown anchor 'nope' referenced"),
        ("unclosed-quote", "a: \"abc\nb: 1\n", "Error: cannot load values.yaml: cannot unmarshal yaml document: error converting YAML to JSON: yaml: line 3: found unexpected end of stream"),
        ("top-level-list", "- a\n- b\n", "Error: cannot load values.yaml: cannot unmarshal yaml document: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}"),
        ("top-level-scalar", "just text\n", "Error: cannot load values.yaml: cannot unmarshal yaml document: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go value of type map[string]interface {}"),
        ("merge-non-map", "a:\n  <<: 5\n", "Error: cannot load values.yaml: cannot unmarshal yaml document: error converting YAML to JSON: yaml: map merge requires map or sequence of maps as the value"),
        ("invalid-block-seq", "a: 1\n- b\n", "Error: cannot load values.yaml: cannot unmarshal yaml document: error converting YAML to JSON: yaml: line 1: did not find expected key"),
        ("nan-value", "a: .nan\n", "Error: cannot load values.yaml: cannot unmarshal yaml document: error converting YAML to JSON: json: unsupported value: NaN"),
        ("bad-tag-decode", "a: !!int abc\n", "Error: cannot load values.yaml: cannot unmarshal yaml document: error converting YAML to JSON: yaml: cannot decode !!str `abc` as a !!int"),
        ("control-char", "a: \"\u{7}\"\nb: \u{1}\n", "Error: cannot load values.yaml: cannot unmarshal yaml document: error converting YAML to JSON: yaml: control characters are not allowed"),
        ("null-key", "~: d\n", "Error: cannot load values.yaml: cannot unmarshal yaml document: error converting YAML to JSON: unsupported map key of type: %!s(<nil>), key: <nil>, value: \"d\""),
        ("null-key-collection-value", "a:\n  ~: [1, {b: x, c: 1.5}]\n", "Error: cannot load values.yaml: cannot unmarshal yaml document: error converting YAML to JSON: unsupported map key of type: %!s(<nil>), key: <nil>, value: []interface {}{1, map[interface {}]interface {}{\"b\":\"x\", \"c\":1.5}}"),
        ("uint64-key", "a:\n  18446744073709551615: true\n", "Error: cannot load values.yaml: cannot unmarshal yaml document: error converting YAML to JSON: unsupported map key of type: uint64, key: 0xffffffffffffffff, value: true"),
        ("later-document-error", "a: 1\n---\nb: [\n", "Error: cannot load values.yaml: cannot unmarshal yaml document: error converting YAML to JSON: yaml: line 1: did not find expected node content"),
        // sigs.k8s.io/yaml's own error for keys JSON cannot have: no "yaml: " prefix, the value printed with %+#v.
        ("null-key-string-value", "~: null key\n", "Error: cannot load values.yaml: cannot unmarshal yaml document: error converting YAML to JSON: unsupported map key of type: %!s(<nil>), key: <nil>, value: \"null key\""),
        ("null-key-number-value", "null: 1e21\n", "Error: cannot load values.yaml: cannot unmarshal yaml document: error converting YAML to JSON: unsupported map key of type: %!s(<nil>), key: <nil>, value: 1e+21"),
        ("null-key-nested-null-value", "a: {~: ~}\n", "Error: cannot load values.yaml: cannot unmarshal yaml document: error converting YAML to JSON: unsupported map key of type: %!s(<nil>), key: <nil>, value: <nil>"),
        ("null-key-escaped-string", "k: {~: \"tab\\there\"}\n", "Error: cannot load values.yaml: cannot unmarshal yaml document: error converting YAML to JSON: unsupported map key of type: %!s(<nil>), key: <nil>, value: \"tab\\there\""),
        ("null-key-list-value", "~: [1, \"a\", null, {b: 2}]\n", "Error: cannot load values.yaml: cannot unmarshal yaml document: error converting YAML to JSON: unsupported map key of type: %!s(<nil>), key: <nil>, value: []interface {}{1, \"a\", interface {}(nil), map[interface {}]interface {}{\"b\":2}}"),
        ("null-key-map-value", "~: {z: 1, a: [x]}\n", "Error: cannot load values.yaml: cannot unmarshal yaml document: error converting YAML to JSON: unsupported map key of type: %!s(<nil>), key: <nil>, value: map[interface {}]interface {}{\"a\":[]interface {}{\"x\"}, \"z\":1}"),
        ("null-key-from-alias", "a: &n ~\n*n : 2\n", "Error: cannot load values.yaml: cannot unmarshal yaml document: error converting YAML to JSON: unsupported map key of type: %!s(<nil>), key: <nil>, value: 2"),
        ("uint64-key", "0xFFFFFFFFFFFFFFFF: x\n", "Error: cannot load values.yaml: cannot unmarshal yaml document: error converting YAML to JSON: unsupported map key of type: uint64, key: 0xffffffffffffffff, value: \"x\""),
    ]
}

@Suite struct YAMLLoadTests {
    @Test(arguments: YAMLLoadCases.loads)
    func loadsLikeHelm(name: String, input: String, expectedJSON: String) throws {
        let loaded = try YAML.loadValues(Array(input.utf8), file: "values.yaml")
        // Helm renders the chart defaults after coalescing, which drops nulls.
        let values = try Coalesce.values(chart: CoalesceChart(name: "c", values: loaded), userValues: [:]).values
        #expect(JSON.encode(.map(values)) == expectedJSON, "\(name)")
    }

    @Test(arguments: YAMLLoadCases.errors)
    func failsLikeHelm(name: String, input: String, expectedError: String) {
        do {
            let v = try YAML.loadValues(Array(input.utf8), file: "values.yaml")
            Issue.record("\(name): expected an error, got \(v)")
        } catch {
            #expect("Error: cannot load values.yaml: " + error.message == expectedError, "\(name)")
            #expect(error.file == "values.yaml")
        }
    }

    @Test func errorCarriesPositionAndSourceLine() throws {
        let input = "a: 1\nb:\n  c: [1, 2\nd: 4\n"
        #expect(throws: ValuesError.self) { try YAML.loadValues(Array(input.utf8), file: "v.yaml") }
        do {
            _ = try YAML.loadValues(Array(input.utf8), file: "v.yaml")
        } catch {
            #expect(error.line == 4)
            #expect(error.column == 2)
            #expect(error.sourceLine == "d: 4")
        }
    }

    @Test func loadAllKeepsDocumentsApart() throws {
        let docs = try YAML.loadAll(Array("a: 1\n---\n- x\n---\nplain\n".utf8), file: "f")
        #expect(docs == [.map(["a": .float(1)]), .list([.string("x")]), .string("plain")])
        #expect(try YAML.load(Array("".utf8), file: "f") == .null)
        #expect(try YAML.load(Array("k: v\n---\nother: 1\n".utf8), file: "f") == .map(["k": .string("v")]))
    }

    @Test func aliasBombIsRejected() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...9 {
            text += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        do {
            _ = try YAML.load(Array(text.utf8), file: "bomb.yaml")
            Issue.record("expected excessive aliasing error")
        } catch {
            #expect(error.message == "error converting YAML to JSON: yaml: document contains excessive aliasing")
        }
    }

    @Test func recursiveAliasIsRejected() {
        #expect(throws: ValuesError.self) { try YAML.load(Array("a: &x [1, *x]\n".utf8), file: "f") }
    }
}
