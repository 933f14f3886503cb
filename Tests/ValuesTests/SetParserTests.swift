import Testing
@testable import Values

/// Expected values produced by helm-oracle (`helm template` with the flags,
/// optionally over a `-f base.yaml`), rendered with `{{ toJson .Values }}`,
/// or Helm's error text.
enum SetCases {
    static let set: [([(String, String)], String, String)] = [
        ([("--set", "a=1,b=true,c=null,d=x,e=0,f=010,g=-5,h=+7,i=1.5,j=TRUE,k=Null,l=9223372036854775808")], "", "{\"a\":1,\"b\":true,\"c\":null,\"d\":\"x\",\"e\":0,\"f\":\"010\",\"g\":-5,\"h\":7,\"i\":\"1.5\",\"j\":true,\"k\":null,\"l\":\"9223372036854775808\"}"),
        ([("--set", "a.b.c=deep,a.d=e")], "", "{\"a\":{\"b\":{\"c\":\"deep\"},\"d\":\"e\"}}"),
        ([("--set", "l[0]=a,l[2]=c")], "", "{\"l\":[\"a\",null,\"c\"]}"),
        ([("--set", "l[0].name=x,l[0].v=1,l[1][1]=y")], "", "{\"l\":[{\"name\":\"x\",\"v\":1},[null,\"y\"]]}"),
        ([("--set", "list={a,b,c}")], "", "{\"list\":[\"a\",\"b\",\"c\"]}"),
        ([("--set", "list={}")], "", "{\"list\":[\"\"]}"),
        ([("--set", "m.list={1,true,x}")], "", "{\"m\":{\"list\":[1,true,\"x\"]}}"),
        ([("--set", "a=x\\,y,b=c\\=d")], "", "{\"a\":\"x,y\",\"b\":\"c=d\"}"),
        ([("--set", "k\\.with\\.dots=1")], "", "{\"k.with.dots\":1}"),
        ([("--set", "a=")], "", "{\"a\":\"\"}"),
        ([("--set", "a=,b=2")], "", "{\"a\":\"\",\"b\":2}"),
        ([("--set", "name=  spaced  ")], "", "{\"name\":\"  spaced  \"}"),
        ([("--set", "a.b=1"), ("--set", "a.c=2")], "", "{\"a\":{\"b\":1,\"c\":2}}"),
        ([("--set", "x=1"), ("--set-string", "y=2,z=true")], "", "{\"x\":1,\"y\":\"2\",\"z\":\"true\"}"),
        ([("--set-json", "a={\"b\":[1,2],\"c\":null}")], "", "{\"a\":{\"b\":[1,2],\"c\":null}}"),
        ([("--set-json", "{\"top\":1,\"m\":{\"k\":\"v\"}}")], "", "{\"m\":{\"k\":\"v\"},\"top\":1}"),
        ([("--set-json", "a=1,b=\"s\",c=[true]")], "", "{\"a\":1,\"b\":\"s\",\"c\":[true]}"),
        ([("--set-literal", "a.b=x,y={z}")], "", "{\"a\":{\"b\":\"x,y={z}\"}}"),
        ([("--set", "a.b=1")], "a:\n  c: 2\n  b: 0\n", "{\"a\":{\"b\":1,\"c\":2}}"),
        ([("--set", "a=scalar")], "a:\n  c: 2\n", "{\"a\":\"scalar\"}"),
        ([("--set", "l[1]=new")], "l: [x, y, z]\n", "{\"l\":[\"x\",\"new\",\"z\"]}"),
        ([("--set", "u=null")], "u: 1\nv: 2\n", "{\"u\":null,\"v\":2}"),
        ([("--set", "é=ü")], "", "{\"é\":\"ü\"}"),
        ([("--set", "a")], "", "ERR Error: failed parsing --set data: key \"a\" has no value"),
        ([("--set", "a,b=1")], "", "ERR Error: failed parsing --set data: key \"a\" has no value (cannot end with ,)"),
        ([("--set", "a.=1")], "", "ERR Error: failed parsing --set data: key map \"a\" has no value"),
        ([("--set", "l[x]=1")], "", "ERR Error: failed parsing --set data: error parsing index: strconv.Atoi: parsing \"x\": invalid syntax"),
        ([("--set", "l[-2]=1")], "", "ERR Error: failed parsing --set data: negative -2 index not allowed"),
        ([("--set", "l[70000]=1")], "", "ERR Error: failed parsing --set data: index of 70000 is greater than maximum supported index of 65536"),
        ([("--set", "l[0]x=1")], "", "ERR Error: failed parsing --set data: unexpected data at end of array index: \"x\""),
        ([("--set", "l[1")], "", "ERR Error: failed parsing --set data: error parsing index: EOF"),
        ([("--set", "a={x,y")], "", "ERR Error: failed parsing --set data: list must terminate with '}'"),
        ([("--set", "a.b=1,a[0]=2")], "", "ERR Error: failed parsing --set data: unable to parse key: interface conversion: interface {} is map[string]interface {}, not []interface {}"),
        ([("--set", "a=1,a.b=2")], "", "ERR Error: failed parsing --set data: unable to parse key: interface conversion: interface {} is int64, not map[string]interface {}"),
        ([("--set", "a[0]=1,a.b=2")], "", "ERR Error: failed parsing --set data: unable to parse key: interface conversion: interface {} is []interface {}, not map[string]interface {}"),
        ([("--set", "k.k.k.k.k.k.k.k.k.k.k.k.k.k.k.k.k.k.k.k.k.k.k.k.k.k.k.k.k.k.k.k=1")], "", "ERR Error: failed parsing --set data: value name nested level is greater than maximum supported nested level of 30"),
        ([("--set-json", "a=[1")], "", "ERR Error: failed parsing --set-json data a=[1"),
        ([("--set-string", "a")], "", "ERR Error: failed parsing --set-string data: key \"a\" has no value"),
        ([("--set-literal", "a")], "", "ERR Error: failed parsing --set-literal data: key \"a\" has no value"),
        ([("--set-literal", "l[q]=1")], "", "ERR Error: failed parsing --set-literal data: error parsing index: strconv.Atoi: parsing \"q\": invalid syntax"),
    ]
}

@Suite struct SetParserTests {
    @Test(arguments: SetCases.set)
    func parsesLikeHelm(flags: [(String, String)], base: String, expected: String) throws {
        let baseValues = try YAML.loadValues(Array(base.utf8), file: "base.yaml")
        func values(_ flag: String) -> [String] { flags.filter { $0.0 == flag }.map(\.1) }
        do {
            let merged = try SetParser.apply(json: values("--set-json"), set: values("--set"), setString: values("--set-string"),
                                             setFile: values("--set-file"), setLiteral: values("--set-literal"), onto: baseValues)
            let rendered = try Coalesce.values(chart: CoalesceChart(name: "c", values: [:]), userValues: merged).values
            #expect(JSON.encode(.map(rendered)) == expected)
        } catch {
            #expect("ERR Error: " + error.message == expected)
        }
    }

    @Test(arguments: [
        ("1", Value.int64(1)), ("-5", .int64(-5)), ("+7", .int64(7)), ("0", .int64(0)), ("010", .string("010")),
        ("1.5", .string("1.5")), ("True", .bool(true)), ("FALSE", .bool(false)), ("nULL", .null), ("", .string("")),
        ("9223372036854775807", .int64(9223372036854775807)), ("9223372036854775808", .string("9223372036854775808")),
    ])
    func typesSetValuesAsHelm(input: String, expected: Value) {
        #expect(SetParser.typedValue(input) == expected)
    }

    @Test func setFileReadsThroughCaller() throws {
        let merged = try SetParser.apply(setFile: ["tls.cert=cert.pem,other=x"], readFile: { path in .string("<\(path)>") }, onto: [:])
        #expect(merged == ["tls": .map(["cert": .string("<cert.pem>")]), "other": .string("<x>")])
        #expect(throws: ValuesError.self) { try SetParser.apply(setFile: ["a=missing"], onto: [:]) }
    }
}
