import Values
/// An error from parsing or executing a template, with Go's exact text as
/// `description` (`template: NAME:LINE:COL: executing "T" at <CTX>: MSG`)
/// and its parts as fields so callers can reformat it (Helm v4 does).
public struct TemplateError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable {
        /// `template: FILE:LINE: MESSAGE`.
        case parse
        /// `template: FILE:LINE:COL: executing "NAME" at <CONTEXT>: MESSAGE`
        /// (or `template: NAME: MESSAGE` when no node is known).
        case execution
        /// Other errors Go's text/template reports, e.g. `template: no template "x" associated with template "gotpl"`.
        case lookup
    }

    public let kind: Kind
    /// The file (Go's `ParseName`) the failing node comes from.
    public let file: String
    /// The template being executed (`define` name or file name); for parse errors the file.
    public let templateName: String
    public let line: Int
    /// Byte column as Go counts it (0-based on the first line, like Go); nil for parse errors.
    public let column: Int?
    /// The action text Go shows between `<` and `>`.
    public let context: String?
    /// Go's message after the location (for `error calling X: ...` it includes the cause's text).
    public let message: String
    /// The error a function threw, when the message is `error calling NAME: ...`.
    public let underlying: (any Error & Sendable)?

    public init(kind: Kind, file: String, templateName: String, line: Int, column: Int?, context: String?,
                message: String, underlying: (any Error & Sendable)? = nil) {
        self.kind = kind
        self.file = file
        self.templateName = templateName
        self.line = line
        self.column = column
        self.context = context
        self.message = message
        self.underlying = underlying
    }

    public var description: String {
        switch kind {
        case .parse:
            return "template: \(file):\(line): \(message)"
        case .execution:
            if let column, let context {
                return "template: \(file):\(line):\(column): executing \(GoStrconv.quote(templateName)) at <\(context)>: \(message)"
            }
            return "template: \(templateName): \(message)"
        case .lookup:
            return message
        }
    }
}

/// An error a template function reports; the executor shows it as
/// `error calling NAME: MESSAGE`.
public struct FunctionError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
