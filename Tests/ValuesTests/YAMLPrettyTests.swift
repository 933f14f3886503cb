import Testing
@testable import Values

/// toYamlPretty (go-yaml v3, indent 2); expected texts are helm-oracle's
/// rendering of `{{ toYamlPretty ... }}` in NOTES.txt (Helm v4.3.0).
@Suite struct YAMLPrettyTests {
    /// values.yaml of the oracle chart (its null entry dropped, as Helm's coalescing does).
    static let valuesYAML = "m:\n  b: 1\n  a: [1, 2, {x: 1, y: [a, b]}]\n  c: {}\n  d: []\n  f: true\n  nested:\n    deeper:\n      list:\n      - - 1\n        - 2\n      - []\n      - {}\n      - k: v\n        k2: v2\nstrs:\n  s1: \"yes\"\n  s2: \"no\"\n  s3: \"on\"\n  s4: \"123\"\n  s5: \"1e3\"\n  s6: \".inf\"\n  s7: \"null\"\n  s8: \"~\"\n  s9: \"\"\n  s10: \" lead\"\n  s11: \"trail \"\n  s12: \"a: b\"\n  s13: \"a #b\"\n  s14: \"#x\"\n  s15: \"line1\\nline2\"\n  s16: \"line1\\nline2\\n\"\n  s17: \"y\"\n  s18: \"Y\"\n  s19: \"True\"\n  s20: \"0x1F\"\n  s21: \"0o17\"\n  s22: \"012\"\n  s23: \"1_000\"\n  s24: \"2001-12-14\"\n  s25: \"-\"\n  s26: \"- x\"\n  s27: \"@x\"\n  s28: \"x\\ty\"\n  s29: \"ünï\"\n  s30: \"a very long string that goes on and on and on and on and on and on and on and on and on and on and on\"\n  s31: \"a:b\"\n  s32: \"'quoted'\"\n  s33: \"\\\"dq\\\"\"\n  s34: \"*star\"\n  s35: \"&amp\"\n  s36: \"!bang\"\n  s37: \"%pct\"\n  s38: \"{x}\"\n  s39: \"[x]\"\n  s40: \"? q\"\n  s41: \"  \\n  \"\n  s42: \"trailing\\n\\n\"\n  s43: \"NULL\"\n  s44: \"Off\"\n  s45: \"+1\"\n  s46: \".5\"\n  s47: \"1.\"\n  s48: \"-.inf\"\n  s49: \".NaN\"\n  s50: \"n\"\n  s51: \"line1\\n  indented\\nline3\"\n  s52: \"\\ttab lead\"\n  s53: \"x\\u0085y\"\n  s54: \"=\" \n  s55: \"<<\"\nnums:\n  n1: 1000000\n  n2: 0.5\n  n3: 1.5e-07\n  n4: 3.0\n  n5: 1e21\n  n6: -0.0\n  n7: 123456789\n  n8: 1.0e+100\n  n9: 0.1\n  n10: 100000\n  n11: 12345678.9\nkeys:\n  \"yes\": 1\n  \"1\": 2\n  \"a b\": 3\n  \"x:y\": 4\n  \"\": 5\n  \"10\": 6\n  \"9\": 7\n  \"a10\": 8\n  \"a9\": 9\n  \"B\": 10\n  \"-k\": 11\n  \"null\": 12\n"

    /// (key under .Values, toYamlPretty output)
    static let valueCases: [(String, String)] = [
        ("m", "a:\n  - 1\n  - 2\n  - \"true\":\n      - a\n      - b\n    x: 1\nb: 1\nc: {}\nd: []\nf: true\nnested:\n  deeper:\n    list:\n      - - 1\n        - 2\n      - []\n      - {}\n      - k: v\n        k2: v2"),
        ("strs", "s1: \"yes\"\ns2: \"no\"\ns3: \"on\"\ns4: \"123\"\ns5: \"1e3\"\ns6: \".inf\"\ns7: \"null\"\ns8: \"~\"\ns9: \"\"\ns10: ' lead'\ns11: 'trail '\ns12: 'a: b'\ns13: 'a #b'\ns14: '#x'\ns15: |-\n  line1\n  line2\ns16: |\n  line1\n  line2\ns17: \"y\"\ns18: \"Y\"\ns19: \"True\"\ns20: \"0x1F\"\ns21: \"0o17\"\ns22: \"012\"\ns23: \"1_000\"\ns24: \"2001-12-14\"\ns25: '-'\ns26: '- x'\ns27: '@x'\ns28: \"x\\ty\"\ns29: ünï\ns30: a very long string that goes on and on and on and on and on and on and on and on and on and on and on\ns31: a:b\ns32: '''quoted'''\ns33: '\"dq\"'\ns34: '*star'\ns35: '&amp'\ns36: '!bang'\ns37: '%pct'\ns38: '{x}'\ns39: '[x]'\ns40: '? q'\ns41: \"  \\n  \"\ns42: |+\n  trailing\n\ns43: \"NULL\"\ns44: \"Off\"\ns45: \"+1\"\ns46: \".5\"\ns47: \"1.\"\ns48: \"-.inf\"\ns49: \".NaN\"\ns50: \"n\"\ns51: |-\n  line1\n    indented\n  line3\ns52: \"\\ttab lead\"\ns53: \"x\\Ny\"\ns54: =\ns55: <<"),
        ("nums", "n1: 1e+06\nn2: 0.5\nn3: 1.5e-07\nn4: 3\nn5: 1e+21\nn6: -0\nn7: 1.23456789e+08\nn8: 1e+100\nn9: 0.1\nn10: 100000\nn11: 1.23456789e+07"),
        ("keys", "\"\": 5\n-k: 11\n\"1\": 2\n\"9\": 7\n\"10\": 6\nB: 10\na b: 3\na9: 9\na10: 8\n\"null\": 12\nx:y: 4\n\"yes\": 1"),
    ]

    @Test(arguments: valueCases)
    func valuesSubtree(_ c: (String, String)) throws {
        let values = try YAML.load(Array(Self.valuesYAML.utf8), file: "values.yaml")
        let v = try #require(values[c.0])
        #expect(YAML.emitPretty(v) == c.1 + "\n")
    }

    /// A second oracle chart: quoting edge cases (timestamps, number-like text,
    /// BOM, emoji, block-scalar indentation hints) and key ordering.
    static let valuesYAML2 = "a:\n  long1: \"a very long string that goes on and on and on and on and on and on and on and on and on and on and on: with colon\"\n  long2: \"a very long string that goes on and on and on and on and on and on and on and on and on and on and on\\twith tab\"\n  lead_nl: \"\\nstarts with newline\"\n  lead_sp_ml: \" leading space\\nsecond\"\n  only_nl: \"\\n\"\n  two_nl: \"a\\n\\n\"\n  crlf: \"a\\r\\nb\"\n  ts1: \"2001-12-14t21:59:43.10-05:00\"\n  ts2: \"2001-12-14 21:59:43.10\"\n  ts3: \"2001-1-2\"\n  ts4: \"2001-13-02\"\n  ts5: \"2001-12-14T21:59:43Z\"\n  n1: \"1e400\"\n  n2: \"0x\"\n  n3: \"-0b\"\n  n4: \"+.inf\"\n  n5: \"1_0\"\n  n6: \"0o\"\n  n7: \"1.5e\"\n  n8: \"0xFFFFFFFFFFFFFFFFFF\"\n  n9: \"-9223372036854775809\"\n  n10: \"18446744073709551615\"\n  n11: \"0b101\"\n  n12: \"08\"\n  n13: \"1:20\"\n  n14: \"190:20:30.15\"\n  n15: \".5.\"\n  n16: \"0.0.1\"\n  n17: \"- \"\n  u1: \"日本語\"\n  u2: \"\\ufeffbom\"\n  u3: \"é\\u00a0x\"\n  u4: \"emoji 😀\"\n  q1: \"it's\"\n  q2: \"a 'b' c\"\n  q3: \"x: 'y'\"\n  k: \"key\"\n  sp: \"a  b\"\n  colon_end: \"ends:\"\n  dash_mid: \"a - b\"\n  hash_end: \"a#\"\n  pipe: \"|\"\n  gt: \">x\"\n  qmark: \"?x\"\n  lst:\n  - \"yes\"\n  - - x\n    - \"multi\\nline\"\n  - a: \"multi\\nline\"\n    b: [1, 2]\n  - [[]]\n  - {x: {}}\nkeys2:\n  \"multi\\nline\": 1\n  \"k: v\": 2\n  \"- d\": 3\n  \" sp\": 4\n  \"ünï\": 5\n  \"Ä\": 6\n  \"a\": 7\n  \"_x\": 8\n  \"1.5\": 9\n  \"01\": 10\n  \"1\": 11\n  \"a1b\": 12\n  \"a01b\": 13\n  \"z\": {\"a\": [1]}\n"

    static let valueCases2: [(String, String)] = [
        ("a", "colon_end: 'ends:'\ncrlf: \"a\\r\\nb\"\ndash_mid: a - b\ngt: '>x'\nhash_end: a#\nk: key\nlead_nl: |2-\n\n  starts with newline\nlead_sp_ml: |2-\n   leading space\n  second\nlong1: 'a very long string that goes on and on and on and on and on and on and on and on and on and on and on: with colon'\nlong2: \"a very long string that goes on and on and on and on and on and on and on and on and on and on and on\\twith tab\"\nlst:\n  - \"yes\"\n  - - x\n    - |-\n      multi\n      line\n  - a: |-\n      multi\n      line\n    b:\n      - 1\n      - 2\n  - - []\n  - x: {}\nn1: 1e400\nn2: 0x\nn3: -0b\nn4: \"+.inf\"\nn5: \"1_0\"\nn6: 0o\nn7: 1.5e\nn8: 0xFFFFFFFFFFFFFFFFFF\nn9: \"-9223372036854775809\"\nn10: \"18446744073709551615\"\nn11: \"0b101\"\nn12: \"08\"\nn13: \"1:20\"\nn14: \"190:20:30.15\"\nn15: .5.\nn16: 0.0.1\nn17: '- '\nonly_nl: |2+\n\npipe: '|'\nq1: it's\nq2: a 'b' c\nq3: 'x: ''y'''\nqmark: ?x\nsp: a  b\nts1: \"2001-12-14t21:59:43.10-05:00\"\nts2: \"2001-12-14 21:59:43.10\"\nts3: \"2001-1-2\"\nts4: 2001-13-02\nts5: \"2001-12-14T21:59:43Z\"\ntwo_nl: |+\n  a\n\nu1: 日本語\nu2: \"\\uFEFF\\x62\\x6F\\x6D\"\nu3: é\u{a0}x\nu4: \"emoji \\U0001F600\""),
        ("keys2", "' sp': 4\n'- d': 3\n_x: 8\n\"1\": 11\n\"1.5\": 9\n\"01\": 10\na: 7\na1b: 12\na01b: 13\n'k: v': 2\n? |-\n  multi\n  line\n: 1\nz:\n  a:\n    - 1\nÄ: 6\nünï: 5"),
    ]

    @Test(arguments: valueCases2)
    func valuesSubtree2(_ c: (String, String)) throws {
        let values = try YAML.load(Array(Self.valuesYAML2.utf8), file: "values.yaml")
        let v = try #require(values[c.0])
        #expect(YAML.emitPretty(v) == c.1 + "\n")
    }

    @Test func listAtRoot() throws {
        let values = try YAML.load(Array(Self.valuesYAML2.utf8), file: "values.yaml")
        let v = try #require(values["a"]?["lst"])
        #expect(YAML.emitPretty(v) == "- \"yes\"\n- - x\n  - |-\n    multi\n    line\n- a: |-\n    multi\n    line\n  b:\n    - 1\n    - 2\n- - []\n- x: {}\n")
    }

    /// A third oracle chart (values.yaml written as JSON): complex keys, tabs in
    /// literal blocks, line separators, nested empty collections.
    static let valuesJSON3 = "{\"a\": {\"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\": 1, \"x\": {\"multi\\nkey\": {\"n\": [1]}}, \"sp_break\": \"a \\nb\", \"tab_ml\": \"a\\tb\\nc\", \"trail_sp_ml\": \"a\\nb \", \"only_sp\": \"   \", \"crlf_ml\": \"a\\r\\nb\\n\", \"ls\": \"a\u{2028}b\", \"nested\": [[{\"a\": [[1, 2], []]}]], \"quote_ml\": \"it's\\n\\\"x\\\"\"}}"

    @Test func complexKeysAndBlocks() throws {
        let values = try YAML.load(Array(Self.valuesJSON3.utf8), file: "values.yaml")
        let v = try #require(values["a"])
        #expect(YAML.emitPretty(v) == "crlf_ml: \"a\\r\\nb\\n\"\n? kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\n: 1\nls: 'a\u{2028}  b'\nnested:\n  - - a:\n        - - 1\n          - 2\n        - []\nonly_sp: '   '\nquote_ml: |-\n  it's\n  \"x\"\nsp_break: \"a \\nb\"\ntab_ml: |-\n  a\tb\n  c\ntrail_sp_ml: \"a\\nb \"\nx:\n  ? |-\n    multi\n    key\n  : \"n\":\n      - 1\n")
    }

    /// Go values made in templates: (template expression, value, output).
    static let goValueCases: [(String, Value, String)] = [
        ("list 1 2 \"x\"", .list([.int(1), .int(2), .string("x")]), "- 1\n- 2\n- x"),
        ("\"abc\"", .string("abc"), "abc"),
        ("5", .int(5), "5"),
        ("1.5", .float(1.5), "1.5"),
        ("true", .bool(true), "true"),
        (".Values.missing", .null, "null"),
        ("(list)", .list([]), "[]"),
        ("(dict)", .map([:]), "{}"),
        ("\"multi\\nline\"", .string("multi\nline"), "|-\n  multi\n  line"),
        ("\"\"", .string(""), "\"\""),
        ("\"a\\n\\n\"", .string("a\n\n"), "|+\n  a\n"),
        ("\" x\"", .string(" x"), "' x'"),
        ("list (list 1 (dict \"a\" (list)))", .list([.list([.int(1), .map(["a": .list([])])])]), "- - 1\n  - a: []"),
        ("1e6", .float(1e6), "1e+06"),
        ("int64 7", .int64(7), "7"),
        ("0.000001", .float(0.000001), "1e-06"),
    ]

    @Test(arguments: goValueCases)
    func goValues(_ c: (String, Value, String)) {
        #expect(YAML.emitPretty(c.1) == c.2 + "\n", "\(c.0)")
    }
}
