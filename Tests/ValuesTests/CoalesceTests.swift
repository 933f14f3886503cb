import Testing
@testable import Values

/// Expected values produced by helm-oracle: a parent chart (values.yaml),
/// subcharts in charts/, a user `-f` file; rendered with `{{ toJson .Values }}`.
enum CoalesceCases {
    static let coalesce: [(String, [(String, String)], String, String)] = [
        ("a: 1\nsub:\n  x: parent\nglobal:\n  g: 1\n  m: {k: v}\n", [("sub", "x: default\ny: 2\nglobal:\n  g: 0\n  own: 1\n  m: {k2: v2}\n")], "a: 2\nsub: {y: 3}\n", "{\"a\":2,\"global\":{\"g\":1,\"m\":{\"k\":\"v\"}},\"sub\":{\"global\":{\"g\":1,\"m\":{\"k\":\"v\",\"k2\":\"v2\"},\"own\":1},\"true\":3,\"x\":\"parent\"}}"),
        ("sub: {k: null, j: 2}\nglobal: {g: 1}\n", [("sub", "k: 1\nm: null\nq: {o: null, p: 1}\n")], "", "{\"global\":{\"g\":1},\"sub\":{\"global\":{\"g\":1},\"j\":2,\"k\":1,\"q\":{\"p\":1}}}"),
        ("m: {a: 1, b: {c: 2, d: 3}}\nl: [1, 2]\ns: str\n", [], "m: {b: {c: null, e: 4}, a: null}\nl: null\nx: null\ns: {now: map}\n", "{\"m\":{\"b\":{\"d\":3,\"e\":4}},\"s\":{\"now\":\"map\"},\"x\":null}"),
        ("t: {a: 1}\n", [], "t: scalar\n", "{\"t\":\"scalar\"}"),
        ("t: scalar\n", [], "t: {a: 1}\n", "{\"t\":{\"a\":1}}"),
        ("global: {reg: docker.io, nested: {a: 1, b: 2}}\n", [("one", "global: {nested: {b: 9, c: 3}}\nv: 1\n"), ("two", "w: 2\n")], "global: {nested: {a: 5}}\ntwo: {w: 3}\n", "{\"global\":{\"nested\":{\"a\":5,\"b\":2},\"reg\":\"docker.io\"},\"one\":{\"global\":{\"nested\":{\"a\":5,\"b\":2,\"c\":3},\"reg\":\"docker.io\"},\"v\":1},\"two\":{\"global\":{\"nested\":{\"a\":5,\"b\":2},\"reg\":\"docker.io\"},\"w\":3}}"),
        ("sub: {a: {b: null}}\n", [("sub", "a: {b: 1, c: 2}\n")], "sub: {a: {c: null}}\n", "{\"sub\":{\"a\":{},\"global\":{}}}"),
        ("x: 1\n", [("sub", "a: 1\n")], "sub: 5\n", "ERR Error: type mismatch on sub: %!t(float64=5)\n\nUse --debug flag to render out invalid YAML"),
        ("global: 5\n", [("sub", "a: 1\n")], "", "{\"global\":5,\"sub\":{\"a\":1}}"),
    ]
}

@Suite struct CoalesceTests {
    @Test(arguments: CoalesceCases.coalesce)
    func coalescesLikeHelm(parent: String, subcharts: [(String, String)], user: String, expected: String) throws {
        var deps: [CoalesceChart] = []
        for (name, values) in subcharts {
            deps.append(CoalesceChart(name: name, values: try YAML.loadValues(Array(values.utf8), file: name)))
        }
        let chart = CoalesceChart(name: "c", values: try YAML.loadValues(Array(parent.utf8), file: "values.yaml"), dependencies: deps)
        let userValues = try YAML.loadValues(Array(user.utf8), file: "user.yaml")
        do {
            let result = try Coalesce.values(chart: chart, userValues: userValues)
            #expect(JSON.encode(.map(result.values)) == expected)
        } catch {
            #expect(expected.hasPrefix("ERR Error: " + error.message + "\n"))
        }
    }

    @Test func warnsOnTypeConflicts() throws {
        let chart = CoalesceChart(name: "c", values: ["t": .map(["a": .float(1)]), "s": .string("x")])
        let r = try Coalesce.values(chart: chart, userValues: ["s": .map(["k": .float(1)])])
        #expect(r.values["s"] == .map(["k": .float(1)]))
        #expect(r.warnings == ["warning: skipped value for c.s: Not a table."])
        let t = Coalesce.tables(["m": .string("v")], ["m": .map(["a": .float(1)])])
        #expect(t.warnings == ["warning: cannot overwrite table with non table for m (map[a:1])"])
    }

    @Test func mergeKeepsNulls() throws {
        let chart = CoalesceChart(name: "c", values: ["a": .float(1), "n": .null])
        let r = try Coalesce.mergeValues(chart: chart, userValues: ["a": .null])
        #expect(r.values == ["a": .null, "n": .null])
        #expect(Merge.mergeMaps(["a": .map(["x": .float(1)]), "l": .list([.float(1)])],
                                ["a": .map(["y": .float(2)]), "l": .list([])])
                == ["a": .map(["x": .float(1), "y": .float(2)]), "l": .list([])])
    }
}
