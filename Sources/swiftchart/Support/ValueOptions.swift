import ArgumentParser
import Chart
import Foundation
import Values

/// The value-override flags shared by `template`, `install`, `upgrade`, `lint`.
/// They combine as in Helm's `values.Options.MergeValues`: `-f` files in order
/// (deep merge), then `--set-json`, `--set`, `--set-string`, `--set-file`,
/// `--set-literal`.
struct ValueOptions: ParsableArguments {
    @Option(name: [.customShort("f"), .customLong("values")], help: "Values YAML file or '-' for stdin (repeatable).")
    var valueFiles: [String] = []

    @Option(name: .customLong("set"), help: "Set values: a.b=v,c=w (repeatable).")
    var values: [String] = []

    @Option(name: .customLong("set-string"), help: "Set STRING values (repeatable).")
    var stringValues: [String] = []

    @Option(name: .customLong("set-file"), help: "Set values from files: key=path (repeatable).")
    var fileValues: [String] = []

    @Option(name: .customLong("set-json"), help: "Set JSON values: key=json or a JSON object (repeatable).")
    var jsonValues: [String] = []

    @Option(name: .customLong("set-literal"), help: "Set a literal STRING value (repeatable).")
    var literalValues: [String] = []

    /// The flags' values, without ArgumentParser.
    var overrides: ValueOverrides {
        ValueOverrides(valueFiles: valueFiles, values: values, stringValues: stringValues, fileValues: fileValues,
                       jsonValues: jsonValues, literalValues: literalValues)
    }

    /// The user-supplied values, merged.
    func merged() throws -> Value { try overrides.merged() }
}

/// The value-override flags as plain data (`-f` files and `--set*` values in
/// the order given within each kind), and their merge.
struct ValueOverrides: Equatable {
    var valueFiles: [String] = []
    var values: [String] = []
    var stringValues: [String] = []
    var fileValues: [String] = []
    var jsonValues: [String] = []
    var literalValues: [String] = []

    /// The user-supplied values, merged.
    func merged() throws -> Value {
        var base: [String: Value] = [:]
        for path in valueFiles {
            let bytes = try readInput(path)
            do {
                base = Merge.mergeMaps(base, try YAML.loadValues(bytes, file: path))
            } catch {
                var e = error
                e.message = "failed to parse \(path): " + e.message
                if e.file.isEmpty { e.file = path }
                if e.line == 0, let line = SourceLocation.lineMentioned(in: error.message) { e.line = line }
                if e.sourceLine == nil, e.line > 0 { e.sourceLine = SourceLocation.line(e.line, of: bytes) }
                throw e
            }
        }
        let merged = try SetParser.apply(
            json: jsonValues, set: values, setString: stringValues, setFile: fileValues,
            readFile: { path throws(ValuesError) in
                do {
                    return .string(String(decoding: try readInput(path), as: UTF8.self))
                } catch {
                    throw ValuesError(message: (error as? CLIError)?.message ?? "\(error)")
                }
            },
            setLiteral: literalValues, onto: base)
        return .map(merged)
    }
}

/// Reads a file named on the command line (`-` is stdin), with Go's error wording.
func readInput(_ path: String) throws -> [UInt8] {
    if path == "-" {
        return [UInt8](FileHandle.standardInput.readDataToEndOfFile())
    }
    guard FileManager.default.fileExists(atPath: path) else {
        throw CLIError(message: "open \(path): no such file or directory")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
        throw CLIError(message: "open \(path): permission denied")
    }
    return [UInt8](data)
}
