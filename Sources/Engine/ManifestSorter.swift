import Foundation
import Values

/// Helm's `releaseutil.SortManifests`: files in path order (partials and
/// blank files skipped), each split into documents, documents with a
/// `helm.sh/hook` annotation become hooks (unknown hook events are dropped),
/// the rest manifests; both lists are stably sorted by install order of kind.
enum ManifestSorter {
    static func sort(files: [String: String]) throws -> (hooks: [Hook], manifests: [Manifest]) {
        var hooks: [Hook] = []
        var manifests: [Manifest] = []
        for path in files.keys.sorted(by: goLess) {
            guard let content = files[path] else { continue }
            if baseName(path).hasPrefix("_") { continue }
            if content.allSatisfy({ $0.isWhitespace }) { continue }
            for doc in ManifestSplitter.split(content) {
                let head = try parseHead(doc, path: path)
                let annotations = head.annotations
                guard let hookTypes = annotations["helm.sh/hook"] else {
                    manifests.append(Manifest(path: path, content: doc, apiVersion: head.apiVersion, kind: head.kind, name: head.name))
                    continue
                }
                var events: [String] = []
                var unknown = false
                for part in hookTypes.split(separator: ",", omittingEmptySubsequences: false) {
                    let t = String(part).trimmingCharacters(in: .whitespaces).lowercased()
                    guard let e = Hook.knownEvents[t] else {
                        unknown = true
                        break
                    }
                    events.append(e)
                }
                if unknown { continue }
                func list(_ key: String) -> [String] {
                    guard let v = annotations[key] else { return [] }
                    return v.split(separator: ",", omittingEmptySubsequences: false).map {
                        String($0).trimmingCharacters(in: .whitespaces).lowercased()
                    }
                }
                hooks.append(Hook(
                    name: head.name, kind: head.kind, path: path, manifest: doc, events: events,
                    weight: Int(annotations["helm.sh/hook-weight"] ?? "") ?? 0,
                    deletePolicies: list("helm.sh/hook-delete-policy"),
                    outputLogPolicies: list("helm.sh/hook-output-log-policy")))
            }
        }
        return (InstallOrder.stableSorted(hooks) { $0.kind }, InstallOrder.stableSorted(manifests) { $0.kind })
    }

    /// Reads `apiVersion`, `kind`, `metadata.name` and `metadata.annotations` (Helm's `SimpleHead`):
    /// a byte scan for plain block-style documents, libyaml for the rest and for every error.
    static func parseHead(_ doc: String, path: String) throws -> ObjectHead {
        // A Go string's invalid bytes (`GoBytes`) reach the YAML reader raw, as in Helm.
        let raw = GoBytes.containsEscapes(doc)
        if !raw, let head = YAML.scanObjectHead(doc) { return head }
        let bytes = raw ? GoBytes.bytes(of: doc) : Array(doc.utf8)
        if let top = YAML.loadTopLevel(bytes, keys: headKeys) {
            return ObjectHead(apiVersion: top["apiVersion"], kind: top["kind"], metadata: top["metadata"])
        }
        let value: Value
        do {
            value = try YAML.load(bytes, file: path)
        } catch {
            var e = RenderError(message: "YAML parse error on \(path): \(error.message)",
                                file: path, line: error.line > 0 ? error.line : nil, column: error.column > 0 ? error.column : nil,
                                sourceLine: error.sourceLine)
            e.duringRender = true
            throw e
        }
        guard case .map(let m) = value else {
            if case .null = value { return ObjectHead() }
            var error = RenderError(message: "YAML parse error on \(path): error unmarshaling JSON: while decoding JSON: json: cannot unmarshal \(jsonKind(value)) into Go value of type util.SimpleHead", file: path)
            error.duringRender = true
            throw error
        }
        return ObjectHead(apiVersion: m["apiVersion"], kind: m["kind"], metadata: m["metadata"])
    }

    /// Only the top-level entries the head reads are built by the libyaml scan;
    /// documents it cannot read exactly go through the full loader.
    private static let headKeys: Set<String> = ["apiVersion", "kind", "metadata"]

    static func jsonKind(_ value: Value) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "bool"
        case .int, .int64, .float: return "number"
        case .string, .bytes: return "string"
        case .list: return "array"
        case .map, .object: return "object"
        }
    }
}

/// Go's byte-wise string order.
func goLess(_ a: String, _ b: String) -> Bool {
    a.utf8.lexicographicallyPrecedes(b.utf8)
}

func baseName(_ path: String) -> String {
    if let slash = path.lastIndex(of: "/") { return String(path[path.index(after: slash)...]) }
    return path
}
