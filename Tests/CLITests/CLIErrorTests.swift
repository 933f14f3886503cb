import Foundation
import Testing

/// Runs the built `swiftchart` binary (`.build/debug/swiftchart`, built by
/// `swift build`) on broken inputs: each must print one clear error on stderr
/// (Helm's message plus the location), exit 1, and print nothing on stdout.
@Suite struct CLIErrorTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static var binary: String? {
        let path = packageRoot + "/.build/debug/swiftchart"
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], in directory: String) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary ?? "")
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Writes a small chart (files: path → content) into a fresh folder and returns the folder.
    static func makeChart(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("swiftchart-cli-\(UUID().uuidString)").path
        var all: [String: String] = [
            "h/Chart.yaml": "apiVersion: v2\nname: h\nversion: 0.1.0\n",
            "h/templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: {{ .Values.a | quote }}\n",
        ]
        for (k, v) in files { all[k] = v }
        for (path, content) in all {
            let full = dir + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try content.write(toFile: full, atomically: true, encoding: .utf8)
        }
        return dir
    }

    /// (files, extra arguments, phrases stderr must contain). Messages from `helm template` (helm-oracle).
    static let cases: [([String: String], [String], [String])] = [
        (["h/values.yaml": "a: [1\n"], [],
         ["Error: cannot load values.yaml: cannot unmarshal yaml document: error converting YAML to JSON: yaml: line 1: did not find expected ',' or ']'",
          "h/values.yaml:"]),
        (["h/Chart.yaml": "apiVersion: v2\nname: h\n version: 0.1.0\n"], [],
         ["Error: cannot load Chart.yaml: error converting YAML to JSON: yaml: line 3: mapping values are not allowed in this context",
          "h/Chart.yaml:3"]),
        (["over.yaml": "a:\n  b: c\n d: e\n"], ["-f", "over.yaml"],
         ["Error: failed to parse over.yaml: ", "over.yaml:3"]),
        (["h/templates/cm.yaml": "kind: ConfigMap\ndata:\n  a: {{ .Values.a | quote }\n"], [],
         ["Error: parse error at (h/templates/cm.yaml:3): unexpected \"}\" in operand", "h/templates/cm.yaml:3",
          "  a: {{ .Values.a | quote }"]),
        (["h/templates/cm.yaml": "kind: ConfigMap\ndata:\n  a: {{ .Values.a | nosuchfn }}\n"], [],
         ["Error: parse error at (h/templates/cm.yaml:3): function \"nosuchfn\" not defined", "h/templates/cm.yaml:3"]),
    ]

    @Test(.enabled(if: binary != nil, "build swiftchart first (swift build)"), arguments: cases)
    func brokenInputFailsClearly(files: [String: String], arguments: [String], phrases: [String]) throws {
        let dir = try Self.makeChart(files)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let result = try Self.run(["template", "h"] + arguments, in: dir)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        for phrase in phrases { #expect(result.stderr.contains(phrase), "stderr: \(result.stderr)") }
        #expect(result.stderr.components(separatedBy: "Error:").count == 2, "one error only: \(result.stderr)")
    }

    @Test(.enabled(if: binary != nil, "build swiftchart first (swift build)"))
    func missingChartFolder() throws {
        let result = try Self.run(["template", "./missing-chart"], in: FileManager.default.temporaryDirectory.path)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "Error: path \"./missing-chart\" not found\n")
    }
}
