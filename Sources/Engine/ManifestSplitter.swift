import Values

/// Splits a rendered template file into YAML documents the way Helm v4
/// (chart API v1/v2) does: a separator is `---` at the start of a line
/// (also when glued to content, `---apiVersion: v1`, which Helm repairs);
/// the document before keeps its trailing newlines; documents that are only
/// whitespace are dropped and leading whitespace of each document is removed.
enum ManifestSplitter {
    static func split(_ text: String) -> [String] {
        var text = text
        return text.withUTF8(split)
    }

    private static func split(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var start = 0
        while start < bytes.count && isGoSpace(bytes[start]) { start += 1 }
        var documents: [String] = []
        var docStart = start
        var i = start
        func flush(_ end: Int) {
            var s = docStart
            while s < end && isGoSpace(bytes[s]) { s += 1 }
            if s < end {
                documents.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[s..<end]), as: UTF8.self))
            }
        }
        while i < bytes.count {
            let atLineStart = i == start || bytes[i - 1] == UInt8(ascii: "\n")
            if atLineStart, i + 2 < bytes.count, bytes[i] == 0x2D, bytes[i + 1] == 0x2D, bytes[i + 2] == 0x2D {
                flush(i)
                i += 3
                while i < bytes.count && (bytes[i] == 0x20 || bytes[i] == 0x09) { i += 1 }
                docStart = i
                continue
            }
            if let nl = ByteSearch.firstIndex(of: UInt8(ascii: "\n"), in: bytes, from: i) {
                i = nl + 1
            } else {
                i = bytes.count
            }
        }
        flush(bytes.count)
        return documents
    }

    /// Go's `unicode.IsSpace` on ASCII bytes (non-ASCII spaces are rare in manifests).
    static func isGoSpace(_ b: UInt8) -> Bool {
        b == 0x20 || (b >= 0x09 && b <= 0x0D)
    }
}
