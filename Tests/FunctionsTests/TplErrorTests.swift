import Testing
import Template
import Values
@testable import Functions

/// `tpl` errors as Helm wraps them: a parse error becomes `cannot parse template "…": …`, an
/// execution error `error during tpl function execution for "…": …`. Expected text recorded
/// with ../shared/helm-oracle (a NOTES.txt rendered with `--notes`).
@Suite struct TplErrorTests {
    static let cases: [(String, Value, String)] = [
        ("{{ tpl \"{{ .Values.a.b }}\" . }}", .map(["a": .string("s")]),
         "template: c/templates/NOTES.txt:1:3: executing \"c/templates/NOTES.txt\" at <tpl \"{{ .Values.a.b }}\" .>: error calling tpl: error during tpl function execution for \"{{ .Values.a.b }}\": template: gotpl:1:10: executing \"gotpl\" at <.Values.a.b>: can't evaluate field b in type interface {}"),
        ("{{ tpl \"{{ if }}\" . }}", .map([:]),
         "template: c/templates/NOTES.txt:1:3: executing \"c/templates/NOTES.txt\" at <tpl \"{{ if }}\" .>: error calling tpl: cannot parse template \"{{ if }}\": template: gotpl:1: missing value for if"),
    ]

    @Test(arguments: cases)
    func errorsAreWrappedLikeHelm(template: String, values: Value, expected: String) throws {
        var set = TemplateSet(functions: Functions.standard(options: fixedOptions))
        try set.parse(name: "c/templates/NOTES.txt", text: template)
        do {
            let out = try set.execute(name: "c/templates/NOTES.txt", data: .map(["Values": values]))
            Issue.record("expected an error, got \(out)")
        } catch {
            #expect("\(error)" == expected)
        }
    }
}
