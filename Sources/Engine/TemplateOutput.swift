import Foundation
import Chart

/// How `helm template` prints a render: CRDs (with `--include-crds`), then
/// manifests in install order, the whole trimmed and newline-terminated, then
/// hooks (unless `--no-hooks`; test hooks dropped by `--skip-tests`), each as
/// `---\n# Source: PATH\nCONTENT\n`. `--show-only` keeps the documents whose
/// template path matches one of the globs.
public struct TemplateOutputOptions: Sendable {
    public var includeCRDs: Bool
    public var skipTests: Bool
    public var noHooks: Bool
    /// `--show-only` patterns, relative to the chart (`templates/x.yaml`).
    public var showOnly: [String]
    /// `--post-renderer`: replaces the manifest text (CRDs when included, then
    /// the manifests; not the hooks) before it is printed.
    public var postRenderer: (@Sendable (String) throws -> String)?

    public init(includeCRDs: Bool = false, skipTests: Bool = false, noHooks: Bool = false, showOnly: [String] = [],
                postRenderer: (@Sendable (String) throws -> String)? = nil) {
        self.includeCRDs = includeCRDs
        self.skipTests = skipTests
        self.noHooks = noHooks
        self.showOnly = showOnly
        self.postRenderer = postRenderer
    }
}

extension RenderResult {
    /// The release manifest as Helm stores it: CRDs when asked, then each manifest.
    public func manifestText(includeCRDs: Bool) -> String {
        var out = ""
        out.reserveCapacity(manifestTextSize(includeCRDs: includeCRDs))
        appendManifestText(to: &out, includeCRDs: includeCRDs)
        return out
    }

    /// `helm template`'s stdout for this render, built in one buffer of the final size.
    public func templateOutput(_ options: TemplateOutputOptions) throws -> String {
        let shownHooks = options.noHooks ? [] : hooks.filter { !(options.skipTests && $0.isTest) }
        var text: String
        if let postRenderer = options.postRenderer {
            text = try postRenderer(manifestText(includeCRDs: options.includeCRDs)).trimmingGoSpaceASCII()
        } else {
            text = ""
            text.reserveCapacity(manifestTextSize(includeCRDs: options.includeCRDs) + 1
                + shownHooks.reduce(0) { $0 + Self.documentSize(path: $1.path, content: $1.manifest) })
            appendManifestText(to: &text, includeCRDs: options.includeCRDs)
            text.trimGoSpaceASCIIInPlace()
        }
        text += "\n"
        for h in shownHooks { Self.appendDocument(to: &text, path: h.path, content: h.manifest) }
        guard !options.showOnly.isEmpty else { return text }
        let documents = ManifestSplitter.split(text)
        var out = ""
        for pattern in options.showOnly {
            var found = false
            for doc in documents {
                guard let path = Self.sourcePath(doc) else { continue }
                guard (try? GoPathMatch.match(pattern, path)) == true else { continue }
                out += "---\n\(doc)\n"
                found = true
            }
            if !found { throw RenderError(message: "could not find template \(pattern) in chart") }
        }
        return out
    }

    private func manifestTextSize(includeCRDs: Bool) -> Int {
        var size = manifests.reduce(0) { $0 + Self.documentSize(path: $1.path, content: $1.content) }
        if includeCRDs { size += crds.reduce(0) { $0 + Self.documentSize(path: $1.path, content: $1.content) } }
        return size
    }

    private func appendManifestText(to out: inout String, includeCRDs: Bool) {
        if includeCRDs {
            for crd in crds { Self.appendDocument(to: &out, path: crd.path, content: crd.content) }
        }
        for m in manifests { Self.appendDocument(to: &out, path: m.path, content: m.content) }
    }

    /// `---\n# Source: PATH\nCONTENT\n`
    private static func appendDocument(to out: inout String, path: String, content: String) {
        out += "---\n# Source: "
        out += path
        out += "\n"
        out += content
        out += "\n"
    }

    private static func documentSize(path: String, content: String) -> Int {
        16 + path.utf8.count + content.utf8.count
    }

    /// The part after the chart name in `# Source: chart/templates/x.yaml` (Helm's `# Source: [^/]+/(.+)`).
    static func sourcePath(_ doc: String) -> String? {
        guard let r = doc.range(of: "# Source: ") else { return nil }
        let line = doc[r.upperBound...].prefix { $0 != "\n" }
        guard let slash = line.firstIndex(of: "/"), slash > line.startIndex else { return nil }
        return String(line[line.index(after: slash)...])
    }
}
