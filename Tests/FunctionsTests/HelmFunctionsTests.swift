import Testing
import Values
@testable import Functions

/// helm: expected values rendered by Helm v4 (helm-oracle, NOTES.txt).
@Suite struct HelmFunctionsTests {
    static let rows: [Row] = [
        Row("toYaml", [.map(["b": .list([.int(1), .string("two"), .null]), "a": .map(["x": .bool(true)])])], "a:\n  x: true\nb:\n- 1\n- two\n- null"),
        Row("toYaml", [.string("yes")], "\"yes\""),
        Row("toYaml", [.list([])], "[]"),
        Row("toJson", [.map(["h": .string("<&>"), "f": .float(1.5e+21), "i": .int(3)])], "{\"f\":1.5e+21,\"h\":\"\\u003c\\u0026\\u003e\",\"i\":3}"),
        Row("toPrettyJson", [.map(["a": .list([.int(1), .map(["b": .null])])])], "{\n  \"a\": [\n    1,\n    {\n      \"b\": null\n    }\n  ]\n}"),
        Row("toRawJson", [.list([.string("<tag>"), .string("é")])], "[\"<tag>\",\"é\"]"),
        Row("mustToJson", [.list([.float(1.0)])], "[1]"),
        Row("fromJson", [.string("{\"a\":[1,2.5,\"x\",true,null]}")], "map[a:[1 2.5 x true <nil>]]"),
        Row("fromJson", [.string("[1]")], "map[Error:json: cannot unmarshal array into Go value of type map[string]interface {}]"),
        Row("fromJson", [.string("{\"a\":")], "map[Error:unexpected end of JSON input]"),
        Row("fromJson", [.string("null")], "map[]"),
        Row("fromJsonArray", [.string("[{\"k\":\"v\"}, 3]")], "[map[k:v] 3]"),
        Row("fromJsonArray", [.string("nope")], "[invalid character 'o' in literal null (expecting 'u')]"),
        Row("mustFromJson", [.string("\"str\"")], "str"),
        Row("fromYaml", [.string("a: 1\nb: [x, y]\nc: {d: null}\n")], "map[a:1 b:[x true] c:map[d:<nil>]]"),
        Row("fromYaml", [.string("")], "map[]"),
        Row("fromYaml", [.string("- 1")], "map[Error:error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}]"),
        Row("fromYamlArray", [.string("- a\n- b: 2\n")], "[a map[b:2]]"),
        Row("fromYamlArray", [.string("k: v")], "[error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go value of type []interface {}]"),
        Row("toToml", [.map(["name": .string("x"), "port": .int(8080), "ratio": .float(0.5), "tags": .list([.string("a"), .string("b")]), "db": .map(["host": .string("h"), "opts": .map(["ssl": .bool(true)])]), "srv": .list([.map(["n": .int(1)]), .map(["n": .int(2)])])])], "name = \"x\"\nport = 8080\nratio = 0.5\ntags = [\"a\", \"b\"]\n\n[db]\n  host = \"h\"\n  [db.opts]\n    ssl = true\n\n[[srv]]\n  n = 1\n\n[[srv]]\n  n = 2\n"),
        Row("toToml", [.map(["k y": .string("quote\"d"), "e": .map([:]), "m": .list([.map(["a": .int(1)]), .int(2)])])], "\"k y\" = \"quote\\\"d\"\nm = [{a = 1}, 2]\n\n[e]\n"),
        Row("fromToml", [.string("a = 1\nb = \"s\"\n[t]\nc = [1, 2]\n[[arr]]\nx = 1.5\n[[arr]]\nx = 2.0\n")], "map[a:1 arr:[map[x:1.5] map[x:2]] b:s t:map[c:[1 2]]]"),
        Row("fromToml", [.string("x = 'lit'\ny = true\nz = -0x1F\n")], "map[Error:toml: line 3 (last key \"z\"): cannot use sign with non-decimal numbers: '-0x']"),
        Row("fromToml", [.string("a = ")], "map[Error:toml: line 1 (last key \"a\"): unexpected EOF; expected value]"),
        Row("fromToml", [.string("a = [1,")], "map[Error:toml: line 1 (last key \"a\"): unexpected EOF; expected value]"),
        Row("fromToml", [.string("a = \n")], "map[Error:toml: line 1 (last key \"a\"): expected value but found '\\n' instead]"),
        Row("fromToml", [.string("a = # c")], "map[Error:toml: line 1 (last key \"a\"): expected value but found '#' instead]"),
        Row("fromToml", [.string("a")], "map[Error:toml: line 1: unexpected EOF; expected key separator '=']"),
        Row("fromToml", [.string("a = 1_000\nb = 3.1_4\nc = 0xdead_beef\nd = 0o7_7\ne = 0b1_0\nf = 1e1_0")],
            "map[a:1000 b:3.14 c:3735928559 d:63 e:2 f:1e+10]"),
        Row("fromToml", [.string("a = 1_000\nb = 0x_1")], "map[Error:toml: line 2 (last key \"b\"): not a hexadecimal number: '0x_']"),
        Row("fromToml", [.string("x = 1_")], "map[Error:toml: line 1 (last key \"x\"): Invalid integer \"1_\": underscores must be surrounded by digits]"),
        Row("fromToml", [.string("x = _1")], "map[Error:toml: line 1 (last key \"x\"): expected value but found '_' instead]"),
        Row("fromToml", [.string("x = 01")], "map[Error:toml: line 1 (last key \"x\"): Invalid integer \"01\": cannot have leading zeroes]"),
        Row("toToml", [.map(["t": .object(GoTime(unix: 1_709_207_100, nanosecond: 0, zone: .fixed(name: "", offset: 7200)))])], "t = 2024-02-29T13:45:00+02:00\n"),
        Row("toToml", [.map(["l": .list([.object(GoTime(unix: 1_704_067_200, nanosecond: 120_000_000, zone: .utc))])])], "l = [2024-01-01T00:00:00.12Z]\n"),
        Row("lookup", [.string("v1"), .string("Pod"), .string("ns"), .string("name")], "map[]"),
        Row("toYamlPretty", [.map(["a": .list([.int(1), .map(["b": .list([.int(2)])])]), "c": .map(["d": .list([.string("e")])])])], "a:\n  - 1\n  - b:\n      - 2\nc:\n  d:\n    - e"),
        Row("required", [.string("msg"), .string("val")], "val"),
        Row("getHostByName", [.string("localhost")], ""),
    ]

    @Test(arguments: rows) func matchesHelm(_ row: Row) throws {
        #expect(try row.render() == row.expected)
    }
}
