import Foundation
import Testing
import Values
@testable import Template

/// One template rendered by real Helm, with what Helm printed.
struct OracleCase: Sendable, CustomStringConvertible {
    enum Expectation: Sendable {
        /// Rendered text (after Helm's removal of `<no value>`).
        case output(String)
        /// Go's execution error text, exactly.
        case error(String)
        /// A parse error: Helm shows only `FILE:LINE` and the last `: `-separated part of Go's message.
        case parseError(location: String, suffix: String)
    }

    let template: String
    let values: Value
    let files: [(String, String)]
    let expected: Expectation

    init(_ template: String, values: Value, files: [(String, String)] = [], _ expected: Expectation) {
        self.template = template
        self.values = values
        self.files = files
        self.expected = expected
    }

    var description: String { template }
}

/// Functions the tests inject: Helm's `include` and `tpl`, built on `FunctionContext`.
let testFunctions: FunctionTable = [
    "include": TemplateFunction([.string, .any]) { args, ctx in
        guard case .string(let name) = args[0] else { return .null }
        return .string(try ctx.executeTemplate(named: name, data: args[1]))
    },
    "tpl": TemplateFunction([.string, .any]) { args, ctx in
        guard case .string(let text) = args[0] else { return .null }
        do {
            return .string(try ctx.executeInline(text, name: "gotpl", data: args[1]))
        } catch let e as TemplateError where e.kind == .parse {
            throw FunctionError("cannot parse template \(GoFormat.sprintf("%q", [.string(text)])): \(e)")
        } catch {
            throw FunctionError("error during tpl function execution for \(GoFormat.sprintf("%q", [.string(text)])): \(error)")
        }
    },
    "until": TemplateFunction([.int]) { args, _ in
        guard case .int(let n) = args[0] else { return .null }
        return .list((0..<max(n, 0)).map { .int($0) })
    },
    "dict": TemplateFunction([], variadic: .any) { args, _ in
        var m: [String: Value] = [:]
        var i = 0
        while i < args.count {
            let k: String
            if case .string(let s) = args[i] { k = s } else { k = GoFormat.sprint([args[i]]) }
            m[k] = i + 1 < args.count ? args[i + 1] : .string("")
            i += 2
        }
        return .map(m)
    },
]

enum Rendered: Equatable {
    case output(String)
    case failure(String)
}

/// Renders `template` as Helm renders NOTES.txt: named `c/templates/NOTES.txt`,
/// data `{Values: values}`, `missingkey=zero`, `<no value>` removed from the result.
func renderLikeHelm(_ template: String, values: Value, options: TemplateOptions = TemplateOptions(),
                    files: [(String, String)] = []) -> Rendered {
    var set = TemplateSet(functions: testFunctions, options: options)
    do {
        for (name, text) in files { try set.parse(name: name, text: text) }
        try set.parse(name: "c/templates/NOTES.txt", text: template)
        let out = try set.execute(name: "c/templates/NOTES.txt", data: .map(["Values": values]))
        return .output(out.replacingOccurrences(of: "<no value>", with: ""))
    } catch {
        return .failure("\(error)")
    }
}

func check(_ c: OracleCase) {
    let result = renderLikeHelm(c.template, values: c.values, files: c.files)
    switch c.expected {
    case .output(let want):
        #expect(result == .output(want), "\(c.template)")
    case .error(let want):
        #expect(result == .failure(want), "\(c.template)")
    case .parseError(let location, let suffix):
        guard case .failure(let got) = result else {
            Issue.record("expected parse error for \(c.template), got \(result)")
            return
        }
        #expect(got.hasPrefix("template: \(location): ") && got.hasSuffix(suffix), "\(c.template): \(got)")
    }
}
