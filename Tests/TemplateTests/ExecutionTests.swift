import Testing
import Values
@testable import Template

/// A stand-in for Helm's `.Capabilities`: a Go struct with a method taking arguments.
struct FakeVersionSet: GoObject {
    let versions: [String]
    var goTypeName: String { "chartutil.VersionSet" }
    var goKind: String { "slice" }
    func member(_ name: String) -> GoMember? {
        switch name {
        case "Has":
            return .method(arity: 1) { args in
                guard case .string(let s) = args[0] else { throw FunctionError("bad argument") }
                return .bool(versions.contains(s))
            }
        default: return nil
        }
    }
    func formatted() -> String { "[" + versions.joined(separator: " ") + "]" }
    func jsonValue() -> Value { .list(versions.map { .string($0) }) }
}

struct FakeCapabilities: GoObject {
    var goTypeName: String { "*common.Capabilities" }
    func member(_ name: String) -> GoMember? {
        switch name {
        case "APIVersions": return .field(.object(FakeVersionSet(versions: ["v1", "apps/v1"])))
        case "Fail": return .method(arity: nil) { _ in throw FunctionError("boom") }
        default: return nil
        }
    }
    func formatted() -> String { "&{...}" }
    func jsonValue() -> Value { .map([:]) }
}

private func run(_ text: String, data: Value = .map([:]), options: TemplateOptions = TemplateOptions(),
                 functions: FunctionTable = testFunctions) -> Rendered {
    var set = TemplateSet(functions: functions, options: options)
    do {
        try set.parse(name: "t", text: text)
        return .output(try set.execute(name: "t", data: data))
    } catch {
        return .failure("\(error)")
    }
}

@Suite struct ExecutionTests {
    /// Go semantics of `missingkey` (Helm uses zero normally and error with --strict).
    @Test(arguments: [
        ("{{ .a }}", MissingKeyMode.zero, Rendered.output("<no value>")),
        ("{{ .a }}", .invalid, .output("<no value>")),
        ("{{ .a }}", .error, .failure("template: t:1:3: executing \"t\" at <.a>: map has no entry for key \"a\"")),
        ("{{ .a.b }}", .zero, .failure("template: t:1:5: executing \"t\" at <.a.b>: nil pointer evaluating interface {}.b")),
        ("{{ printf \"%T\" .a }}", .zero, .output("<nil>")),
        ("{{ printf \"%T\" .a }}", .invalid, .output("<nil>")),
        ("{{ template \"x\" }}{{ define \"x\" }}{{ .k }}{{ end }}", .error,
         .failure("template: t:1:37: executing \"x\" at <.k>: nil data; no entry for key \"k\"")),
    ])
    func missingKey(text: String, mode: MissingKeyMode, expected: Rendered) {
        #expect(run(text, options: TemplateOptions(missingKey: mode)) == expected)
    }

    @Test(arguments: [
        ("<<.a>> {{.a}} <<- \" x \" ->> <</* c */>>", Rendered.output("A {{.a}} x ")),
        ("<< .a", .failure("template: t:1: unclosed action")),
    ])
    func customDelimiters(text: String, expected: Rendered) {
        let options = TemplateOptions(leftDelimiter: "<<", rightDelimiter: ">>")
        #expect(run(text, data: .map(["a": .string("A")]), options: options) == expected)
    }

    @Test(arguments: [
        ("{{ .Capabilities.APIVersions.Has \"apps/v1\" }} {{ .Capabilities.APIVersions.Has \"x\" }}", Rendered.output("true false")),
        ("{{ range .Capabilities.APIVersions }}{{ . }},{{ end }} {{ len .Capabilities.APIVersions }}", .output("v1,apps/v1, 2")),
        ("{{ .Capabilities.Nope }}", .failure("template: t:1:16: executing \"t\" at <.Capabilities.Nope>: can't evaluate field Nope in type interface {}")),
        ("{{ .Capabilities.APIVersions.Has }}", .failure("template: t:1:16: executing \"t\" at <.Capabilities.APIVersions.Has>: wrong number of args for Has: want 1 got 0")),
        ("{{ .Capabilities.Fail 1 2 }}", .failure("template: t:1:16: executing \"t\" at <.Capabilities.Fail>: error calling Fail: boom")),
        ("{{ .Capabilities.APIVersions 1 }}", .failure("template: t:1:16: executing \"t\" at <.Capabilities.APIVersions>: APIVersions has arguments but cannot be invoked as function")),
        ("{{ \"v1\" | .Capabilities.APIVersions.Has }}", .output("true")),
    ])
    func goObjects(text: String, expected: Rendered) {
        #expect(run(text, data: .map(["Capabilities": .object(FakeCapabilities())])) == expected)
    }

    /// Helm's include counter: the 1002nd nested `include` of one name fails.
    @Test func includeRecursionLimit() {
        let result = run("{{ define \"inf\" }}{{ include \"inf\" . }}{{ end }}{{ include \"inf\" . }}")
        guard case .failure(let text) = result else {
            Issue.record("expected failure")
            return
        }
        #expect(text.components(separatedBy: "error calling include").count - 1 == 1002)
        #expect(text.hasSuffix("error calling include: rendering template has a nested reference name: inf: unable to execute template"))
    }

    /// Go's own limit on nested `{{template}}` calls, reached without exhausting the stack.
    @Test func templateDepthLimit() {
        let result = run("{{ define \"inf\" }}x{{ template \"inf\" . }}{{ end }}{{ template \"inf\" . }}")
        #expect(result == .failure("template: t:1:31: executing \"inf\" at <{{template \"inf\" .}}>: exceeded maximum template depth (100000)"))
    }

    @Test func deeplyNestedParenthesesAndBlocks() {
        let parens = String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000)
        #expect(run("{{ \(parens) }}") == .output("1"))
        let ifs = String(repeating: "{{ if true }}", count: 3000) + "x" + String(repeating: "{{ end }}", count: 3000)
        #expect(run(ifs) == .output("x"))
        let tooDeep = String(repeating: "(", count: 10001) + "1" + String(repeating: ")", count: 10001)
        #expect(run("{{ \(tooDeep) }}") == .failure("template: t:1: max expression depth exceeded"))
    }

    @Test func redefinitionAcrossFiles() throws {
        var set = TemplateSet()
        try set.parse(name: "a", text: "{{ define \"x\" }}A{{ end }}")
        try set.parse(name: "b", text: "{{ define \"x\" }}B{{ end }}")
        try set.parse(name: "c", text: "{{ define \"x\" }}  {{ end }}")
        try set.parse(name: "main", text: "{{ template \"x\" }}")
        #expect(try set.execute(name: "main", data: .null) == "B")
        #expect(set.hasTemplate(named: "a") && set.templateNames.contains("x"))
        #expect(throws: TemplateError.self) { try set.execute(name: "nope", data: .null) }
        do {
            _ = try set.execute(name: "nope", data: .null)
        } catch {
            #expect("\(error)" == "template: no template \"nope\" associated with template \"gotpl\"")
        }
    }

    @Test func errorFieldsAreStructured() throws {
        var set = TemplateSet()
        try set.parse(name: "f.yaml", text: "a\nb {{ .x.y }}")
        do {
            _ = try set.execute(name: "f.yaml", data: .map([:]))
            Issue.record("expected an error")
        } catch let e as TemplateError {
            #expect(e.kind == .execution)
            #expect(e.file == "f.yaml" && e.templateName == "f.yaml")
            #expect(e.line == 2 && e.column == 7)
            #expect(e.context == ".x.y")
            #expect(e.message == "nil pointer evaluating interface {}.y")
        }
        do {
            try set.parse(name: "g.yaml", text: "\n{{ if }}")
            Issue.record("expected an error")
        } catch let e as TemplateError {
            #expect(e.kind == .parse && e.line == 2 && e.message == "missing value for if")
            #expect(e.description == "template: g.yaml:2: missing value for if")
        }
    }

    @Test func functionArgumentConversion() {
        let fns: FunctionTable = [
            "takesInt": TemplateFunction([.int]) { args, _ in args[0] },
            "takesFloat": TemplateFunction([.float64]) { args, _ in args[0] },
            "takesList": TemplateFunction([.list]) { args, _ in args[0] },
            "varargs": TemplateFunction([.string], variadic: .int) { args, _ in .int(args.count) },
            "fails": TemplateFunction([]) { _, _ in throw FunctionError("it broke") },
        ]
        #expect(run("{{ takesInt 3 }} {{ takesFloat 3 }} {{ printf \"%T\" (takesFloat 3) }}", functions: fns) == .output("3 3 float64"))
        #expect(run("{{ takesInt 1.5 }}", functions: fns) == .failure("template: t:1:12: executing \"t\" at <1.5>: expected integer; found 1.5"))
        #expect(run("{{ takesInt .f }}", data: .map(["f": .float(1)]), functions: fns)
                == .failure("template: t:1:12: executing \"t\" at <.f>: wrong type for value; expected int; got float64"))
        #expect(run("{{ takesList 1 }}", functions: fns)
                == .failure("template: t:1:13: executing \"t\" at <1>: can't handle 1 for arg of type []interface {}"))
        #expect(run("{{ takesList nil }}", functions: fns) == .output("[]"))
        #expect(run("{{ varargs \"a\" 1 2 }} {{ 3 | varargs \"a\" }}", functions: fns) == .output("3 2"))
        #expect(run("{{ varargs }}", functions: fns)
                == .failure("template: t:1:3: executing \"t\" at <varargs>: wrong number of args for varargs: want at least 1 got 0"))
        #expect(run("{{ fails }}", functions: fns) == .failure("template: t:1:3: executing \"t\" at <fails>: error calling fails: it broke"))
        #expect(run("{{ nope }}", functions: fns) == .failure("template: t:1: function \"nope\" not defined"))
    }
}
