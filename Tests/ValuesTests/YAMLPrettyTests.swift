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
    ]

    @Test(arguments: goValueCases)
    func goValues(_ c: (String, Value, String)) {
        #expect(YAML.emitPretty(c.1) == c.2 + "\n", "\(c.0)")
    }
}
