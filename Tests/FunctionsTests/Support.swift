import Testing
import Template
import Values
@testable import Functions

/// A `FunctionContext` for calling functions outside a template: `include`
/// and `tpl` echo what they were asked for.
final class TestContext: FunctionContext {
    func executeTemplate(named name: String, data: Value) throws -> String { "include:\(name)" }
    func executeInline(_ text: String, name: String, data: Value) throws -> String { "tpl:\(text)" }
}

/// Deterministic options: a fixed clock (2024-03-05T10:20:30Z) and a counter
/// as the random source.
let fixedOptions = FunctionOptions(
    clock: { GoTime(unix: 1_709_634_030, nanosecond: 0, zone: .utc) },
    randomBytes: { n in (0..<n).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) } },
    localZone: .utc
)

let table = Functions.standard(options: fixedOptions)

/// One call of a function with its arguments and Helm's printed result
/// (what `{{ fn args… }}` renders).
struct Row: Sendable, CustomTestStringConvertible {
    let function: String
    let arguments: [Value]
    let expected: String

    init(_ function: String, _ arguments: [Value], _ expected: String) {
        self.function = function
        self.arguments = arguments
        self.expected = expected
    }

    var testDescription: String { "\(function) \(arguments.map { GoFormat.sprint([$0]) }.joined(separator: " "))" }

    func render() throws -> String {
        guard let f = table[function] else { throw FunctionError("function \(function) not registered") }
        let result = try f.body(arguments, TestContext())
        // Helm removes "<no value>" from rendered output.
        if case .null = result { return "" }
        return GoFormat.sprint([result])
    }
}

/// Calls a function directly.
func call(_ name: String, _ args: [Value]) throws -> Value {
    guard let f = table[name] else { throw FunctionError("function \(name) not registered") }
    return try f.body(args, TestContext())
}
