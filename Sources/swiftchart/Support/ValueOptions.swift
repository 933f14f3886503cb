import ArgumentParser
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
                throw e
            }
        }
        for entry in jsonValues {
            let trimmed = entry.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.hasPrefix("{") {
                guard case .map(let m)? = try? JSON.decode(Array(trimmed.utf8)) else {
                    throw CLIError(message: "failed parsing --set-json data JSON: \(entry)")
                }
                base = Merge.mergeMaps(base, m)
            } else {
                do { try SetParser.parseJSON(entry, into: &base) } catch {
                    throw CLIError(message: "failed parsing --set-json data \(entry)")
                }
            }
        }
        for entry in values {
            do { try SetParser.parse(entry, into: &base) } catch {
                throw CLIError(message: "failed parsing --set data: \(Self.message(error))")
            }
        }
        for entry in stringValues {
            do { try SetParser.parseString(entry, into: &base) } catch {
                throw CLIError(message: "failed parsing --set-string data: \(Self.message(error))")
            }
        }
        for entry in fileValues {
            do {
                try SetParser.parseFile(entry, into: &base) { path in
                    .string(String(decoding: try readInput(path), as: UTF8.self))
                }
            } catch {
                throw CLIError(message: "failed parsing --set-file data: \(Self.message(error))")
            }
        }
        for entry in literalValues {
            do { try SetParser.parseLiteral(entry, into: &base) } catch {
                throw CLIError(message: "failed parsing --set-literal data: \(Self.message(error))")
            }
        }
        return .map(base)
    }

    private static func message(_ error: Error) -> String {
        if let e = error as? ValuesError { return e.message }
        if let e = error as? CLIError { return e.message }
        return "\(error)"
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
