import Testing
@testable import Values

/// values.schema.json validation; every expected text is helm-oracle's stderr
/// (Helm v4.3.0) for a chart whose values.yaml and values.schema.json are the
/// case's inputs, minus the CLI's "Error: " prefix and final newline.
@Suite struct SchemaValidationTests {
    /// (name, values.schema.json, values.yaml, Helm's error message or "" when valid)
    static let singleChartCases: [(String, String, String, String)] = [
        ("num1", "{\"properties\": {\"a\": {\"maximum\": 10}, \"b\": {\"minimum\": 0.5}, \"c\": {\"maximum\": 1e+21}, \"d\": {\"minimum\": -1000.25}, \"e\": {\"multipleOf\": 0.3}, \"f\": {\"exclusiveMaximum\": 3}}}", "a: 1234567.891\nb: 0.123456789\nc: 1e22\nd: -123456.5\ne: 1\nf: 3\n", "values don't meet the specifications of the schema(s) in the following chart(s):\ndemo:\n- at '/c': maximum: got 1×10²², want 1×10²¹\n- at '/d': minimum: got -123,456.5, want -1,000.25\n- at '/e': multipleOf: got 1, want 0.3\n- at '/f': exclusiveMaximum: got 3, want 3\n- at '/a': maximum: got 1.234567891×10⁰⁶, want 10\n- at '/b': minimum: got 0.123456789, want 0.5\n"),
        ("fmt_default", "{\"properties\": {\"a\": {\"format\": \"email\"}, \"b\": {\"format\": \"ipv4\"}}}", "a: notanemail\nb: 999.1.1.1\n", ""),
        ("fmt_d7", "{\"$schema\": \"http://json-schema.org/draft-07/schema#\", \"properties\": {\"a\": {\"format\": \"email\"}, \"b\": {\"format\": \"ipv4\"}, \"c\": {\"format\": \"date-time\"}, \"d\": {\"format\": \"uri\"}, \"e\": {\"format\": \"hostname\"}}}", "a: notanemail\nb: 999.1.1.1\nc: 2020-13-01\nd: foo\ne: -bad-\n", "values don't meet the specifications of the schema(s) in the following chart(s):\ndemo:\n- at '/a': 'notanemail' is not valid email: missing @\n- at '/b': '999.1.1.1' is not valid ipv4: decimal must be between 0 and 255\n- at '/c': '2020-13-01' is not valid date-time: less than 20 characters long\n- at '/d': 'foo' is not valid uri: relative url\n- at '/e': '-bad-' is not valid hostname: label starts with hyphen\n"),
        ("fmt_d4", "{\"$schema\": \"http://json-schema.org/draft-04/schema#\", \"properties\": {\"a\": {\"format\": \"email\"}}}", "a: notanemail\n", "values don't meet the specifications of the schema(s) in the following chart(s):\ndemo:\n- at '/a': 'notanemail' is not valid email: missing @\n"),
        ("fmt_2019", "{\"$schema\": \"https://json-schema.org/draft/2019-09/schema\", \"properties\": {\"a\": {\"format\": \"email\"}}}", "a: notanemail\n", ""),
        ("ref_sib_d7", "{\"$schema\": \"http://json-schema.org/draft-07/schema#\", \"definitions\": {\"s\": {\"type\": \"string\"}}, \"properties\": {\"a\": {\"$ref\": \"#/definitions/s\", \"maxLength\": 1}}}", "a: hello\n", ""),
        ("ref_sib_2020", "{\"$defs\": {\"s\": {\"type\": \"string\", \"minLength\": 10}}, \"properties\": {\"a\": {\"$ref\": \"#/$defs/s\", \"maxLength\": 1}, \"b\": {\"$ref\": \"#/$defs/s\"}}}", "a: hello\nb: 5\n", "values don't meet the specifications of the schema(s) in the following chart(s):\ndemo:\n- at '/a': validation failed\n  - at '/a': minLength: got 5, want 10\n  - at '/a': maxLength: got 5, want 1\n- at '/b': got number, want string\n"),
        ("allof", "{\"properties\": {\"a\": {\"allOf\": [{\"type\": \"string\"}, {\"minLength\": 3}]}, \"b\": {\"anyOf\": [{\"type\": \"string\"}, {\"type\": \"boolean\"}]}, \"c\": {\"oneOf\": [{\"type\": \"number\"}, {\"minimum\": 0}]}, \"d\": {\"not\": {\"type\": \"string\"}}}}", "a: 5\nb: 3\nc: 5\nd: x\n", "values don't meet the specifications of the schema(s) in the following chart(s):\ndemo:\n- at '/b': 'anyOf' failed\n  - at '/b': got number, want string\n  - at '/b': got number, want boolean\n- at '/c': 'oneOf' failed, subschemas 0, 1 matched\n- at '/d': 'not' failed\n- at '/a': 'allOf' failed\n  - at '/a': got number, want string\n"),
        ("badjson", "{\"type\": \"object\",\n  \"properties\": {\n    \"a\": {\"type\": \"string\"},\n  }\n}", "a: 1\n", "values don't meet the specifications of the schema(s) in the following chart(s):\ndemo:\ninvalid character '}' looking for beginning of object key string"),
        ("enum", "{\"properties\": {\"a\": {\"enum\": [\"x\", \"y\", 1, 1.5, null, true]}, \"b\": {\"enum\": [\"x\"]}, \"c\": {\"const\": \"z\"}, \"d\": {\"const\": 5}, \"e\": {\"enum\": [[1], \"x\"]}, \"f\": {\"const\": {\"a\": 1}}}}", "a: z\nb: y\nc: w\nd: 6\ne: 1\nf: 2\n", "values don't meet the specifications of the schema(s) in the following chart(s):\ndemo:\n- at '/d': value must be 5\n- at '/e': 'enum' failed\n- at '/f': 'const' failed\n- at '/a': value must be one of 'x', 'y', 1, 1.5, <nil>, true\n- at '/b': value must be 'x'\n- at '/c': value must be 'z'\n"),
        ("types", "{\"properties\": {\"a\": {\"type\": \"integer\"}, \"b\": {\"type\": [\"string\", \"null\"]}, \"c\": {\"type\": \"array\"}, \"d\": {\"type\": \"object\"}, \"e\": {\"type\": \"boolean\"}, \"f\": {\"type\": \"null\"}, \"g\": {\"type\": \"integer\"}}}", "a: 1.5\nb: 1\nc: {}\nd: []\ne: 'true'\nf: 0\ng: 3.0\n", "values don't meet the specifications of the schema(s) in the following chart(s):\ndemo:\n- at '/e': got string, want boolean\n- at '/f': got number, want null\n- at '/a': got number, want integer\n- at '/b': got number, want null or string\n- at '/c': got object, want array\n- at '/d': got array, want object\n"),
        ("nested", "{\"properties\": {\"a\": {\"properties\": {\"b\": {\"items\": {\"properties\": {\"c/d~e\": {\"type\": \"string\"}}}}}}}}", "a:\n  b:\n  - c/d~e: 1\n  - c/d~e: x\n  - c/d~e: 3\n", "values don't meet the specifications of the schema(s) in the following chart(s):\ndemo:\n- at '/a/b/0/c~1d~0e': got number, want string\n- at '/a/b/2/c~1d~0e': got number, want string\n"),
        ("ints", "{\"properties\": {\"a\": {\"minLength\": 1000}, \"b\": {\"minimum\": 1e-05}, \"c\": {\"maximum\": -1e-07}, \"d\": {\"maxItems\": 0}, \"e\": {\"maximum\": 100}}}", "a: abc\nb: 0.000001\nc: 1\nd: [1]\ne: 123456789012\n", "values don't meet the specifications of the schema(s) in the following chart(s):\ndemo:\n- at '/c': maximum: got 1, want -1×10⁻⁰⁷\n- at '/d': maxItems: got 1, want 0\n- at '/e': maximum: got 1.23456789012×10¹¹, want 100\n- at '/a': minLength: got 3, want 1,000\n- at '/b': minimum: got 1×10⁻⁰⁶, want 1×10⁻⁰⁵\n"),
        ("typeorder", "{\"properties\": {\"a\": {\"type\": [\"object\", \"array\", \"string\", \"number\", \"boolean\", \"null\", \"integer\"]}, \"b\": {\"type\": [\"integer\", \"string\"]}, \"c\": {\"type\": [\"number\", \"integer\"]}}}", "a: {}\nb: 1.5\nc: x\n", "values don't meet the specifications of the schema(s) in the following chart(s):\ndemo:\n- at '/b': got number, want integer or string\n- at '/c': got string, want number or integer\n"),
        ("addl", "{\"properties\": {\"a\": {}}, \"additionalProperties\": false, \"patternProperties\": {\"^x\": {\"type\": \"string\"}}}", "a: 1\nzz: 1\nyy: 2\nx1: 3\nb: 4\n", "values don't meet the specifications of the schema(s) in the following chart(s):\ndemo:\n- at '/x1': got number, want string\n- at '': additional properties 'b', 'yy', 'zz' not allowed\n"),
        ("addl2", "{\"additionalProperties\": {\"type\": \"string\"}}", "a: 1\n", "values don't meet the specifications of the schema(s) in the following chart(s):\ndemo:\n- at '/a': got number, want string\n"),
        ("propnames", "{\"propertyNames\": {\"pattern\": \"^[a-z]+$\", \"maxLength\": 3}}", "abcd: 1\nB: 2\n", "values don't meet the specifications of the schema(s) in the following chart(s):\ndemo:\n- at '': invalid propertyName 'B'\n  - at '': 'B' does not match pattern '^[a-z]+$'\n- at '': invalid propertyName 'abcd'\n  - at '': maxLength: got 4, want 3\n"),
        ("deps", "{\"dependencies\": {\"a\": [\"b\", \"c\"], \"d\": {\"required\": [\"e\"]}}, \"dependentRequired\": {\"f\": [\"g\"]}}", "a: 1\nd: 1\nf: 1\n", "values don't meet the specifications of the schema(s) in the following chart(s):\ndemo:\n- at '': properties 'b', 'c' required, if 'a' exists\n- at '': missing property 'e'\n- at '': properties 'g' required, if 'f' exists\n"),
        ("deps7", "{\"$schema\": \"http://json-schema.org/draft-07/schema#\", \"dependencies\": {\"a\": [\"b\", \"c\"], \"d\": {\"required\": [\"e\"]}}}", "a: 1\nd: 1\n", "values don't meet the specifications of the schema(s) in the following chart(s):\ndemo:\n- at '': properties 'b', 'c' required, if 'a' exists\n- at '': missing property 'e'\n"),
        ("ifthen", "{\"if\": {\"properties\": {\"kind\": {\"const\": \"a\"}}}, \"then\": {\"required\": [\"x\"]}, \"else\": {\"required\": [\"y\"]}}", "kind: b\n", "values don't meet the specifications of the schema(s) in the following chart(s):\ndemo:\n- at '': missing property 'y'\n"),
        ("ifthen2", "{\"if\": {\"properties\": {\"kind\": {\"const\": \"a\"}}}, \"then\": {\"required\": [\"x\", \"z\"]}, \"else\": {\"required\": [\"y\"]}}", "kind: a\n", "values don't meet the specifications of the schema(s) in the following chart(s):\ndemo:\n- at '': missing properties 'x', 'z'\n"),
        ("contains", "{\"properties\": {\"a\": {\"contains\": {\"type\": \"string\"}}, \"b\": {\"contains\": {\"type\": \"string\"}, \"minContains\": 2}, \"c\": {\"contains\": {\"type\": \"string\"}, \"maxContains\": 1}}}", "a: [1, 2]\nb: [x, 1]\nc: [x, y, 1]\n", "values don't meet the specifications of the schema(s) in the following chart(s):\ndemo:\n- at '/a': no items match contains schema\n  - at '/a/0': got number, want string\n  - at '/a/1': got number, want string\n- at '/b': min 2 items required to match contains schema, but matched 1 items at 0\n  - at '/b/1': got number, want string\n"),
        ("tuple2020", "{\"properties\": {\"a\": {\"prefixItems\": [{\"type\": \"string\"}, {\"type\": \"integer\"}], \"items\": false}, \"b\": {\"prefixItems\": [{\"type\": \"string\"}], \"items\": {\"type\": \"boolean\"}}}}", "a: [x, 1, 3, 4]\nb: [1, true, 3]\n", "values don't meet the specifications of the schema(s) in the following chart(s):\ndemo:\n- at '/a': validation failed\n  - at '/a/2': false schema\n  - at '/a/3': false schema\n- at '/b': validation failed\n  - at '/b/0': got number, want string\n  - at '/b/2': got number, want boolean\n"),
        ("tuple7", "{\"$schema\": \"http://json-schema.org/draft-07/schema#\", \"properties\": {\"a\": {\"items\": [{\"type\": \"string\"}, {\"type\": \"integer\"}], \"additionalItems\": false}, \"b\": {\"items\": [{\"type\": \"string\"}], \"additionalItems\": {\"type\": \"boolean\"}}}}", "a: [x, 1, 3, 4]\nb: [1, true, 3]\n", "values don't meet the specifications of the schema(s) in the following chart(s):\ndemo:\n- at '/b': validation failed\n  - at '/b/0': got number, want string\n  - at '/b/2': got number, want boolean\n- at '/a': last 2 additionalItem(s) not allowed\n"),
        ("unique", "{\"properties\": {\"a\": {\"uniqueItems\": true}, \"b\": {\"uniqueItems\": true}, \"c\": {\"uniqueItems\": true}}}", "a: [1, 2, 1.0]\nb: [{x: 1, y: [1]}, {y: [1], x: 1}]\nc: [a, b, c, b, a]\n", "values don't meet the specifications of the schema(s) in the following chart(s):\ndemo:\n- at '/a': items at 0 and 2 are equal\n- at '/b': items at 0 and 1 are equal\n- at '/c': items at 1 and 3 are equal\n"),
        ("props", "{\"minProperties\": 5, \"maxProperties\": 1, \"required\": [\"q\", \"r\"]}", "a: 1\nb: 2\n", "values don't meet the specifications of the schema(s) in the following chart(s):\ndemo:\n- at '': minProperties: got 2, want 5\n- at '': maxProperties: got 2, want 1\n- at '': missing properties 'q', 'r'\n"),
        ("d4excl", "{\"$schema\": \"http://json-schema.org/draft-04/schema#\", \"properties\": {\"a\": {\"maximum\": 3, \"exclusiveMaximum\": true}, \"b\": {\"minimum\": 3, \"exclusiveMinimum\": true}, \"c\": {\"maximum\": 3}}}", "a: 3\nb: 3\nc: 4\n", "values don't meet the specifications of the schema(s) in the following chart(s):\ndemo:\n- at '/b': exclusiveMinimum: got 3, want 3\n- at '/c': maximum: got 4, want 3\n- at '/a': exclusiveMaximum: got 3, want 3\n"),
        ("pattern", "{\"properties\": {\"a\": {\"pattern\": \"^[a-z]+$\"}, \"b\": {\"pattern\": \"it's \\\"q\\\"\\\\d\"}, \"c\": {\"pattern\": \"^\\\\p{L}+$\"}}}", "a: 'Ab\tc'\nb: x\nc: 'é1'\n", "values don't meet the specifications of the schema(s) in the following chart(s):\ndemo:\n- at '/a': 'Ab\\tc' does not match pattern '^[a-z]+$'\n- at '/b': 'x' does not match pattern 'it\\'s \"q\"\\\\d'\n- at '/c': 'é1' does not match pattern '^\\\\p{L}+$'\n"),
        ("missingref", "{\"properties\": {\"a\": {\"$ref\": \"#/definitions/nope\"}}}", "a: 1\n", "values don't meet the specifications of the schema(s) in the following chart(s):\ndemo:\njson-pointer in \"file:///values.schema.json#/definitions/nope\" not found"),
        ("relref", "{\"properties\": {\"a\": {\"$ref\": \"other.json#/x\"}}}", "a: 1\n", "values don't meet the specifications of the schema(s) in the following chart(s):\ndemo:\nfailing loading \"file:///other.json\": open /other.json: no such file or directory"),
        ("idref", "{\"$id\": \"http://example.com/root.json\", \"$defs\": {\"A\": {\"$id\": \"a.json\", \"type\": \"string\"}, \"B\": {\"$anchor\": \"bee\", \"type\": \"integer\"}}, \"properties\": {\"a\": {\"$ref\": \"a.json\"}, \"b\": {\"$ref\": \"#bee\"}, \"c\": {\"$ref\": \"http://example.com/a.json\"}}}", "a: 1\nb: x\nc: 2\n", "values don't meet the specifications of the schema(s) in the following chart(s):\ndemo:\n- at '/b': got string, want integer\n- at '/c': got number, want string\n- at '/a': got number, want string\n"),
        ("rootref", "{\"properties\": {\"child\": {\"$ref\": \"#\"}}, \"required\": [\"name\"]}", "name: x\nchild:\n  child: {}\n", "values don't meet the specifications of the schema(s) in the following chart(s):\ndemo:\n- at '/child': validation failed\n  - at '/child': missing property 'name'\n  - at '/child/child': missing property 'name'\n"),
        ("falseschema", "{\"properties\": {\"a\": false}}", "a: 1\n", "values don't meet the specifications of the schema(s) in the following chart(s):\ndemo:\n- at '/a': false schema\n"),
        ("unevalp", "{\"properties\": {\"a\": {}}, \"allOf\": [{\"properties\": {\"b\": {}}}], \"unevaluatedProperties\": false}", "a: 1\nb: 2\nc: 3\nd: 4\n", "values don't meet the specifications of the schema(s) in the following chart(s):\ndemo:\n- at '/c': false schema\n- at '/d': false schema\n"),
        ("rootfail", "{\"type\": \"array\"}", "a: 1\n", "values don't meet the specifications of the schema(s) in the following chart(s):\ndemo:\n- at '': got object, want array\n"),
        ("empty", "{}", "a: 1\n", ""),
        ("strlen", "{\"properties\": {\"a\": {\"maxLength\": 2}, \"b\": {\"minLength\": 3}}}", "a: 'héé'\nb: '日本'\n", "values don't meet the specifications of the schema(s) in the following chart(s):\ndemo:\n- at '/a': maxLength: got 3, want 2\n- at '/b': minLength: got 2, want 3\n"),
        ("quoteesc", "{\"required\": [\"it's\", \"a\\\"b\", \"c\\nd\", \"\\u00e9\"]}", "x: 1\n", "values don't meet the specifications of the schema(s) in the following chart(s):\ndemo:\n- at '': missing properties 'it\\'s', 'a\"b', 'c\\nd', 'é'\n"),
        ("j_trunc", "{\"type\": \"object\"", "a: 1\n", "values don't meet the specifications of the schema(s) in the following chart(s):\ndemo:\nunexpected EOF"),
        ("j_trail", "{\"type\": \"object\"} x", "a: 1\n", "values don't meet the specifications of the schema(s) in the following chart(s):\ndemo:\ninvalid character after top-level value"),
        ("j_trail2", "{\"type\": \"object\"}\n{}", "a: 1\n", "values don't meet the specifications of the schema(s) in the following chart(s):\ndemo:\ninvalid character after top-level value"),
        ("j_empty", "", "a: 1\n", "values don't meet the specifications of the schema(s) in the following chart(s):\ndemo:\nEOF"),
        ("j_badstr", "{\"a\": \"\\q\"}", "a: 1\n", "values don't meet the specifications of the schema(s) in the following chart(s):\ndemo:\ninvalid escape sequence `\\q` in string"),
        ("j_num", "{\"minimum\": 01}", "a: 1\n", "values don't meet the specifications of the schema(s) in the following chart(s):\ndemo:\ninvalid character '1' after object key:value pair"),
        ("j_arr", "[1,2]", "a: 1\n", "values don't meet the specifications of the schema(s) in the following chart(s):\ndemo:\n\"file:///values.schema.json#\" is not valid against metaschema: jsonschema validation failed with 'https://json-schema.org/draft/2020-12/schema#'\n- at '': got array, want boolean or object"),
        ("j_true", "true", "a: 1\n", ""),
        ("j_false", "false", "a: 1\n", "values don't meet the specifications of the schema(s) in the following chart(s):\ndemo:\n- at '': false schema\n"),
        ("j_bom", "﻿{\"type\":\"object\"}", "a: 1\n", ""),
        ("j_dup", "{\"type\":\"string\",\"type\":\"object\"}", "a: 1\n", ""),
        ("anchormissing", "{\"properties\": {\"a\": {\"$ref\": \"#nope\"}}}", "a: 1\n", "values don't meet the specifications of the schema(s) in the following chart(s):\ndemo:\nanchor in \"file:///values.schema.json#nope\" not found in schema \"file:///values.schema.json\""),
        ("urnref", "{\"properties\": {\"a\": {\"$ref\": \"urn:example:foo\"}}}", "a: 1\n", ""),
    ]

    /// Helm's sibling-error order follows Go map iteration (it varies between
    /// runs), so top-level "- at" blocks are compared as a multiset; the lines
    /// inside a block and the chart headers must match exactly.
    static func canonical(_ text: String) -> [String] {
        var out: [String] = []
        var blocks: [String] = []
        func flush() { out += blocks.sorted(); blocks = [] }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("- at ") {
                blocks.append(line)
            } else if line.hasPrefix("  "), !blocks.isEmpty {
                blocks[blocks.count - 1] += "\n" + line
            } else {
                flush()
                out.append(line)
            }
        }
        flush()
        return out
    }

    @Test(arguments: singleChartCases)
    func singleChart(_ c: (String, String, String, String)) throws {
        let values = try YAML.load(Array(c.2.utf8), file: "values.yaml")
        let chart = SchemaChartNode(name: "demo", schemaJSON: Array(c.1.utf8))
        let got = ValuesSchema.validateChart(chart, values: values) ?? ""
        #expect(Self.canonical(got) == Self.canonical(c.3), "\(c.0)")
    }

    static let subSchema = #"{"properties": {"port": {"type": "integer"}}, "required": ["name"]}"#

    /// (name, parent schema, coalesced values as YAML, subchart schema, Helm's message)
    static let subchartCases: [(String, String?, String, String, String)] = [
        ("sub1", #"{"properties": {"x": {"type": "string"}}}"#, "x: 1\nsub:\n  port: abc\n", subSchema,
         "values don't meet the specifications of the schema(s) in the following chart(s):\ndemo:\n- at '/x': got number, want string\nsub:\n- at '': missing property 'name'\n- at '/port': got string, want integer\n"),
        ("sub2", nil, "sub:\n  port: abc\n", subSchema,
         "values don't meet the specifications of the schema(s) in the following chart(s):\nsub:\n- at '': missing property 'name'\n- at '/port': got string, want integer\n"),
        ("sub4", #"{"type": "object"}"#, "x: 1\nsub:\n  port: 80\n", subSchema,
         "values don't meet the specifications of the schema(s) in the following chart(s):\nsub:\n- at '': missing property 'name'\n"),
        ("sub5", #"{"properties": {"x": {"type": "string"}}}"#, "x: ok\nsub:\n  port: 80\n", subSchema,
         "values don't meet the specifications of the schema(s) in the following chart(s):\nsub:\n- at '': missing property 'name'\n"),
        ("subglobal", #"{"additionalProperties": false, "properties": {"sub": {}}}"#, "global: {}\nsub:\n  name: x\n  global: {}\n",
         #"{"additionalProperties": false, "properties": {"name": {}}}"#,
         "values don't meet the specifications of the schema(s) in the following chart(s):\ndemo:\n- at '': additional properties 'global' not allowed\nsub:\n- at '': additional properties 'global' not allowed\n"),
    ]

    @Test(arguments: subchartCases)
    func subcharts(_ c: (String, String?, String, String, String)) throws {
        let values = try YAML.load(Array(c.2.utf8), file: "values.yaml")
        let chart = SchemaChartNode(name: "demo", schemaJSON: c.1.map { Array($0.utf8) },
                                    dependencies: [SchemaChartNode(name: "sub", schemaJSON: Array(c.3.utf8))])
        let got = ValuesSchema.validateChart(chart, values: values) ?? ""
        #expect(Self.canonical(got) == Self.canonical(c.4), "\(c.0)")
    }
}
