/// An error while rendering a chart. `message` is Helm's text (what follows
/// `Error: `); the location points into the chart file when known.
public struct RenderError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var file: String?
    public var line: Int?
    public var column: Int?
    public var sourceLine: String?
    /// True when templates were rendered (or being rendered) when it failed:
    /// `helm template` then adds its `--debug` hint.
    public var duringRender: Bool = false

    public init(message: String, file: String? = nil, line: Int? = nil, column: Int? = nil, sourceLine: String? = nil) {
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.sourceLine = sourceLine
    }

    public var description: String { message }
}
