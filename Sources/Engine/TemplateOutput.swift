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
        if includeCRDs {
            for crd in crds { out += "---\n# Source: \(crd.path)\n\(crd.content)\n" }
        }
        for m in manifests { out += "---\n# Source: \(m.path)\n\(m.content)\n" }
        return out
    }

    /// `helm template`'s stdout for this render.
    public func templateOutput(_ options: TemplateOutputOptions) throws -> String {
        var manifests = manifestText(includeCRDs: options.includeCRDs)
        if let postRenderer = options.postRenderer { manifests = try postRenderer(manifests) }
        var text = manifests.trimmingGoSpaceASCII() + "\n"
        if !options.noHooks {
            for h in hooks where !(options.skipTests && h.isTest) {
                text += "---\n# Source: \(h.path)\n\(h.manifest)\n"
            }
        }
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

    /// The part after the chart name in `# Source: chart/templates/x.yaml` (Helm's `# Source: [^/]+/(.+)`).
    static func sourcePath(_ doc: String) -> String? {
        guard let r = doc.range(of: "# Source: ") else { return nil }
        let line = doc[r.upperBound...].prefix { $0 != "\n" }
        guard let slash = line.firstIndex(of: "/"), slash > line.startIndex else { return nil }
        return String(line[line.index(after: slash)...])
    }
}
