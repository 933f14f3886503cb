import Values

/// The Go type of a function parameter. The executor converts each argument
/// to it the way Go's text/template does (`evalArg`): untyped constants adapt
/// (`3` becomes a float64 for a `.float64` parameter), other values must
/// already have the type, otherwise the call fails with Go's message
/// (`wrong type for value; expected string; got float64`).
public enum ParameterType: Sendable, Equatable {
    /// `interface{}`: anything, including nil.
    case any
    case string
    case int
    case int64
    case float64
    case bool
    /// `[]interface{}`.
    case list
    /// `map[string]interface{}`.
    case map
    /// `[]byte`.
    case bytes
}

/// A function callable from templates: Go's `FuncMap` entry with its signature.
public struct TemplateFunction: Sendable {
    public let parameters: [ParameterType]
    /// Type of the trailing variadic parameter (`...interface{}`), if any.
    public let variadic: ParameterType?
    public let body: @Sendable ([Value], FunctionContext) throws -> Value

    public init(
        _ parameters: [ParameterType], variadic: ParameterType? = nil,
        _ body: @escaping @Sendable ([Value], FunctionContext) throws -> Value
    ) {
        self.parameters = parameters
        self.variadic = variadic
        self.body = body
    }
}

/// The function map handed to the parser (unknown names fail at parse time,
/// as in Go) and to the executor. Built once per render and shared.
public typealias FunctionTable = [String: TemplateFunction]

/// What a running function may ask of the executor that calls it: Helm's
/// `include` and `tpl` render other templates of the same set with the
/// caller's recursion depth and options.
public protocol FunctionContext: AnyObject {
    /// Executes the named template with `data` and returns its output (`include`).
    func executeTemplate(named name: String, data: Value) throws -> String
    /// Helm v4's `tpl`: parses `text` as the template `name` into a copy of the
    /// current set (its `define`s replace existing ones) and executes it with
    /// `data`. Helm v4 names it after the set (`gotpl`), which is what its error
    /// messages show. Parse failures throw `TemplateError` with `kind == .parse`,
    /// execution failures `kind == .execution`; the output keeps `<no value>`.
    func executeInline(_ text: String, name: String, data: Value) throws -> String
}
