import ArgumentParser
import Foundation
import Release

/// `--post-renderer PATH [--post-renderer-args ARG]...`: an executable that
/// reads the rendered manifests on stdin and writes their replacement on
/// stdout (Helm's exec post-renderer). It sees the release manifest (CRDs
/// with `--include-crds`, then the manifests); hooks are not post-rendered.
struct PostRenderer: Sendable {
    let executable: String
    let arguments: [String]

    /// The post-renderer `--post-renderer` names; none when the flag is absent or empty.
    static func fromFlags(path: String?, arguments: [String]) throws -> PostRenderer? {
        guard let path, !path.isEmpty else { return nil }
        return try PostRenderer(path: path, arguments: arguments)
    }

    /// Resolves `path` as Helm does: a name without `/` is looked up in `$PATH`.
    init(path: String, arguments: [String]) throws {
        self.arguments = arguments
        if path.contains("/") {
            guard FileManager.default.isExecutableFile(atPath: path) else {
                throw CLIError(message: "unable to find binary at \(path): stat \(path): no such file or directory")
            }
            executable = path
            return
        }
        let searchPath = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for dir in searchPath.split(separator: ":") where !dir.isEmpty {
            let candidate = dir + "/" + path
            if FileManager.default.isExecutableFile(atPath: candidate) {
                executable = candidate
                return
            }
        }
        throw CLIError(message: "unable to find binary at \(path): exec: \"\(path)\": executable file not found in $PATH")
    }

    /// Runs the executable on `manifests`; its stdout is the new text.
    func run(_ manifests: String) throws -> String {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("swiftchart-postrender-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let input = scratch.appendingPathComponent("stdin")
        let errors = scratch.appendingPathComponent("stderr")
        try Data(manifests.utf8).write(to: input)
        FileManager.default.createFile(atPath: errors.path, contents: nil)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = try FileHandle(forReadingFrom: input)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errors)
        do {
            try process.run()
        } catch {
            throw CLIError(message: "error while running post render on files: error while running command \(executable): \(error.localizedDescription)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            let stderr = String(decoding: (try? Data(contentsOf: errors)) ?? Data(), as: UTF8.self)
            throw CLIError(message: "error while running post render on files: error while running command \(executable). "
                + "error output:\n\(stderr): exit status \(process.terminationStatus)")
        }
        let text = String(decoding: data, as: UTF8.self)
        if text.allSatisfy({ $0.isWhitespace }) {
            throw CLIError(message: "error while running post render on files: post-renderer \"\(executable)\" produced empty output")
        }
        return text
    }
}

/// A release renderer whose manifest goes through a post-renderer.
struct PostRenderedRenderer: ReleaseRenderer {
    let base: any ReleaseRenderer
    let postRenderer: PostRenderer

    var chart: ChartSnapshot { base.chart }

    func render(_ request: RenderRequest) throws -> RenderedRelease {
        var rendered = try base.render(request)
        rendered.manifest = try postRenderer.run(rendered.manifest)
        return rendered
    }
}

/// The `--post-renderer` flags of `template`, `install` and `upgrade`.
struct PostRendererOptions: ParsableArguments {
    @Option(name: .customLong("post-renderer"), help: "the path to an executable to be used for post rendering (manifests on stdin, replacement on stdout)")
    var path: String?
    @Option(name: .customLong("post-renderer-args"), help: "an argument to the post-renderer (can specify multiple)")
    var arguments: [String] = []

    func postRenderer() throws -> PostRenderer? { try PostRenderer.fromFlags(path: path, arguments: arguments) }
}
