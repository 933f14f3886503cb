import Engine
import Foundation

/// `helm template --output-dir`: each document is appended to
/// `DIR/<template path>` as `---\n# Source: PATH\nCONTENT\n` (CRDs, then
/// manifests, then hooks), and `wrote FILE` is printed for each.
enum OutputDirectory {
    static func write(_ result: RenderResult, to dir: String, options: TemplateOutputOptions) throws -> String {
        var written: Set<String> = []
        var log = ""
        func emit(_ path: String, _ content: String) throws {
            let file = dir + "/" + path
            try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            let text = "---\n# Source: \(path)\n\(content)\n"
            if written.contains(path), let handle = FileHandle(forWritingAtPath: file) {
                handle.seekToEndOfFile()
                handle.write(Data(text.utf8))
                handle.closeFile()
            } else {
                guard FileManager.default.createFile(atPath: file, contents: Data(text.utf8)) else {
                    throw CLIError(message: "open \(file): permission denied")
                }
                written.insert(path)
            }
            log += "wrote \(file)\n"
        }
        if options.includeCRDs {
            for crd in result.crds { try emit(crd.path, crd.content) }
        }
        for m in result.manifests { try emit(m.path, m.content) }
        if !options.noHooks {
            for h in result.hooks where !(options.skipTests && h.isTest) { try emit(h.path, h.manifest) }
        }
        return log
    }
}
