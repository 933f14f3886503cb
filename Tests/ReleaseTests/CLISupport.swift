import Foundation
import Testing

/// Runs the built `swiftchart` binary, as a user would.
struct CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    let binary: String
    var environment: [String: String]

    /// The binary next to the test bundle (`.build/<config>/swiftchart`).
    static func locate() -> String? {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("swiftchart").path,
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent(".build/debug/swiftchart").path,
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    init(storage: String) throws {
        guard let binary = CLI.locate() else {
            throw CLIMissing()
        }
        self.binary = binary
        var env = ProcessInfo.processInfo.environment
        env["SWIFTCHART_STORAGE"] = storage
        env.removeValue(forKey: "SWIFTCHART_TEST_PAUSE_WHILE_LOCKED")
        environment = env
    }

    struct CLIMissing: Error, CustomStringConvertible {
        var description: String { "the swiftchart binary is not built next to the tests (run `swift build` first)" }
    }

    func start(_ arguments: [String], extraEnvironment: [String: String] = [:]) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = environment.merging(extraEnvironment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return (process, out, err)
    }

    static func finish(_ started: (Process, Pipe, Pipe)) -> Result {
        let (process, out, err) = started
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    @discardableResult
    func run(_ arguments: String..., extraEnvironment: [String: String] = [:]) throws -> Result {
        CLI.finish(try start(arguments, extraEnvironment: extraEnvironment))
    }
}

/// Replaces the times a command prints (they change every run) with fixed markers.
func maskingTimes(_ text: String) -> String {
    let patterns: [(String, String)] = [
        (#"[A-Z][a-z]{2} [A-Z][a-z]{2} [ 0-9]\d \d{2}:\d{2}:\d{2} \d{4}"#, "<ANSIC>"),
        (#"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)? [+-]\d{4} \w+"#, "<TIME>"),
    ]
    var result = text
    for (pattern, marker) in patterns {
        result = result.replacingOccurrences(of: pattern, with: marker, options: .regularExpression)
    }
    return result
}

/// A uitable table with each cell's padding removed (column padding is tested on `UITable`
/// itself; here the widths depend on times and generated names). Other text is unchanged.
func unpaddedTable(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
        guard line.contains("\t") || line.hasSuffix(" ") else { return String(line) }
        return line.split(separator: "\t", omittingEmptySubsequences: false).map { cell in
            var c = Substring(cell)
            while c.last == " " { c.removeLast() }
            return String(c)
        }.joined(separator: "\t")
    }.joined(separator: "\n")
}

/// The chart the CLI tests install: a ConfigMap carrying `tag`, notes naming the
/// revision, and a template that fails on purpose when `broken` is true.
func writeDemoChart(in directory: String) throws -> (chart: String, prodValues: String) {
    let chart = directory + "/demo"
    try FileManager.default.createDirectory(atPath: chart + "/templates", withIntermediateDirectories: true)
    let files: [(String, String)] = [
        ("Chart.yaml", "apiVersion: v2\nname: demo\nversion: 0.1.0\nappVersion: \"1.16.0\"\n"),
        ("values.yaml", "tag: stable\nbroken: false\n"),
        ("templates/configmap.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: {{ .Release.Name }}-config
            data:
              tag: {{ .Values.tag | quote }}
            {{- if .Values.broken }}
              boom: {{ .Values.nothing.key }}
            {{- end }}

            """),
        ("templates/NOTES.txt", "Release {{ .Release.Name }} runs tag {{ .Values.tag }} at revision {{ .Release.Revision }}.\n"),
    ]
    for (name, content) in files {
        try Data(content.utf8).write(to: URL(fileURLWithPath: chart + "/" + name))
    }
    let prod = directory + "/values-prod.yaml"
    try Data("tag: prod\n".utf8).write(to: URL(fileURLWithPath: prod))
    return (chart, prod)
}
