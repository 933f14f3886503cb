/// An error found while loading or validating a chart. `message` is Helm's
/// wording (what follows `Error: `); the location fields let the CLI show the
/// offending line when the error comes from a file of the chart.
public struct ChartError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// Path of the file the error is about, as given to the loader or on disk.
    public var file: String?
    public var line: Int?
    public var column: Int?
    /// The text of the offending line, when known.
    public var sourceLine: String?

    public init(_ message: String, file: String? = nil, line: Int? = nil, column: Int? = nil, sourceLine: String? = nil) {
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.sourceLine = sourceLine
    }

    public var description: String { message }

    /// Helm's `ValidationError`: printed as `validation: <message>`.
    static func validation(_ message: String) -> ChartError {
        ChartError("validation: " + message)
    }
}
