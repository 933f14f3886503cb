/// Splits a release manifest into one file per resource for `FolderDelivery`.
enum ResourceFileSplitter {
    struct ResourceFile: Equatable {
        var name: String
        var content: String
    }

    /// Each `---`-separated document that is not empty becomes
    /// `<namespace->kind-name.yaml` (lowercased) from its top-level `kind:` and
    /// `metadata.name`/`metadata.namespace`; a document without them is named after
    /// its `# Source:` template. Clashing names get `-2`, `-3`… suffixes.
    static func resourceFiles(_ manifest: String) -> [ResourceFile] {
        var files: [ResourceFile] = []
        var used: [String: Int] = [:]
        for document in documents(manifest) {
            var base = identity(of: document)
            base = String(base.lowercased().map { ch -> Character in
                ch.isLetter || ch.isNumber || ch == "-" || ch == "." || ch == "_" ? ch : "_"
            })
            if base.isEmpty || base.hasPrefix(".") { base = "resource" + base }
            let count = (used[base] ?? 0) + 1
            used[base] = count
            let name = count == 1 ? base + ".yaml" : "\(base)-\(count).yaml"
            files.append(ResourceFile(name: name, content: document.hasSuffix("\n") ? document : document + "\n"))
        }
        return files
    }

    static func documents(_ manifest: String) -> [String] {
        var documents: [String] = []
        var current: [Substring] = []
        func flush() {
            let text = current.joined(separator: "\n")
            let meaningful = current.contains { line in
                let trimmed = line.drop { $0 == " " }
                return !trimmed.isEmpty && !trimmed.hasPrefix("#")
            }
            if meaningful { documents.append(text) }
            current = []
        }
        for line in manifest.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "---" || line.hasPrefix("--- ") {
                flush()
            } else {
                current.append(line)
            }
        }
        flush()
        return documents
    }

    private static func scalar(_ text: Substring) -> String {
        var value = text.drop { $0 == " " }
        if let hash = value.range(of: " #") { value = value[..<hash.lowerBound] }
        var s = String(value).trimmingTrailingSpaces()
        if s.count >= 2, (s.hasPrefix("\"") && s.hasSuffix("\"")) || (s.hasPrefix("'") && s.hasSuffix("'")) {
            s = String(s.dropFirst().dropLast())
        }
        return s
    }

    private static func identity(of document: String) -> String {
        var kind = "", name = "", namespace = "", source = ""
        var inMetadata = false
        var metadataIndent = -1
        for line in document.split(separator: "\n") {
            if line.hasPrefix("# Source: ") { source = String(line.dropFirst(10)); continue }
            let indent = line.prefix { $0 == " " }.count
            let body = line.dropFirst(indent)
            if body.hasPrefix("#") || body.isEmpty { continue }
            if indent == 0 {
                inMetadata = body.hasPrefix("metadata:")
                metadataIndent = -1
                if body.hasPrefix("kind:") { kind = scalar(body.dropFirst(5)) }
                continue
            }
            guard inMetadata else { continue }
            if metadataIndent < 0 { metadataIndent = indent }
            guard indent == metadataIndent else { continue }
            if body.hasPrefix("name:") { name = scalar(body.dropFirst(5)) }
            if body.hasPrefix("namespace:") { namespace = scalar(body.dropFirst(10)) }
        }
        if !kind.isEmpty, !name.isEmpty {
            return (namespace.isEmpty ? "" : namespace + "-") + kind + "-" + name
        }
        return source.replacingSlashes()
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " || s.last == "\t" || s.last == "\r" { s.removeLast() }
        return s
    }

    func replacingSlashes() -> String {
        String(map { $0 == "/" ? "_" : $0 })
    }
}
