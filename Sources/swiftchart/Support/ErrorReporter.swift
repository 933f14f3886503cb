import Chart
import Engine
import Foundation
import Values

/// The one place errors are printed: `Error: <Helm's message>` on stderr,
/// then, when the error knows where it happened, `--> file:line:col` with the
/// offending source line and a caret.
enum ErrorReporter {
    struct Located {
        var message: String
        var file: String?
        var line: Int?
        var column: Int?
        var sourceLine: String?
        var hint: String?
    }

    static func report(_ error: Error) {
        let info = describe(error)
        var text = "Error: \(info.message)\n"
        if let file = info.file, let line = info.line {
            text += "  --> \(file):\(line)" + (info.column.map { ":\($0)" } ?? "") + "\n"
            if let source = info.sourceLine {
                text += "   |\n\(String(line).leftPadded(3)) | \(source)\n"
                if let column = info.column, column > 0 {
                    text += "   | " + String(repeating: " ", count: column - 1) + "^\n"
                }
            }
        }
        if let hint = info.hint { text += "\n\(hint)\n" }
        FileHandle.standardError.write(text.data(using: .utf8) ?? Data())
    }

    static func describe(_ error: Error) -> Located {
        switch error {
        case let e as ChartError:
            return Located(message: e.message, file: e.file, line: e.line, column: e.column, sourceLine: e.sourceLine)
        case let e as RenderError:
            let hint = e.duringRender ? "Use --debug flag to render out invalid YAML" : nil
            return Located(message: e.message, file: e.file, line: e.line, column: e.column, sourceLine: e.sourceLine, hint: hint)
        case let e as ValuesError:
            return Located(message: e.message, file: e.file.isEmpty ? nil : e.file,
                           line: e.line > 0 ? e.line : nil, column: e.column > 0 ? e.column : nil, sourceLine: e.sourceLine)
        case let e as CLIError:
            return Located(message: e.message, file: e.file, line: e.line, column: e.column, sourceLine: e.sourceLine)
        default:
            return Located(message: "\(error)")
        }
    }
}

/// An error found by the command line itself (reading a values file, a bad flag value).
struct CLIError: Error {
    var message: String
    var file: String? = nil
    var line: Int? = nil
    var column: Int? = nil
    var sourceLine: String? = nil
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
