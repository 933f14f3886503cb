/// RFC 3986 reference resolution, enough for `$id` and `$ref` inside one document.
enum SchemaURL {
    /// Splits `url#fragment`; the fragment is nil when there is no `#`.
    static func split(_ url: String) -> (String, String?) {
        guard let h = url.firstIndex(of: "#") else { return (url, nil) }
        return (String(url[..<h]), String(url[url.index(after: h)...]))
    }

    static func scheme(of s: String) -> String? {
        guard let colon = s.firstIndex(of: ":") else { return nil }
        let name = s[..<colon]
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII else { return nil }
        for u in name.unicodeScalars where !(u.isASCII && (u.properties.isAlphabetic || ("0"..."9").contains(u) || u == "+" || u == "-" || u == ".")) {
            return nil
        }
        return String(name)
    }

    static func resolve(base: String, reference: String) -> String {
        if scheme(of: reference) != nil { return reference }
        let (baseNoFrag, _) = split(base)
        if reference.isEmpty { return baseNoFrag }
        if reference.hasPrefix("#") { return baseNoFrag + reference }
        guard let scheme = scheme(of: baseNoFrag) else { return reference }
        let rest = baseNoFrag.dropFirst(scheme.count + 1)
        var authority = ""
        var path = String(rest)
        if rest.hasPrefix("//") {
            let afterSlashes = rest.dropFirst(2)
            let end = afterSlashes.firstIndex(of: "/") ?? afterSlashes.endIndex
            authority = "//" + afterSlashes[..<end]
            path = String(afterSlashes[end...])
        }
        if let q = path.firstIndex(of: "?") { path = String(path[..<q]) }
        if reference.hasPrefix("//") { return scheme + ":" + reference }
        var refPath = reference
        var suffix = ""
        if let i = refPath.firstIndex(where: { $0 == "?" || $0 == "#" }) {
            suffix = String(refPath[i...])
            refPath = String(refPath[..<i])
        }
        let merged: String
        if refPath.hasPrefix("/") {
            merged = refPath
        } else if refPath.isEmpty {
            merged = path
        } else if let slash = path.lastIndex(of: "/") {
            merged = path[...slash] + refPath
        } else {
            merged = (authority.isEmpty ? "" : "/") + refPath
        }
        return scheme + ":" + authority + removeDotSegments(merged) + suffix
    }

    static func removeDotSegments(_ path: String) -> String {
        var out: [Substring] = []
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        for (i, p) in parts.enumerated() {
            if p == "." { if i == parts.count - 1 { out.append("") }; continue }
            if p == ".." {
                if out.count > 1 { out.removeLast() }
                if i == parts.count - 1 { out.append("") }
                continue
            }
            out.append(p)
        }
        return out.joined(separator: "/")
    }

    static func percentDecode(_ s: String) -> String {
        guard s.contains("%") else { return s }
        var out: [UInt8] = []
        let b = Array(s.utf8)
        var i = 0
        func hex(_ c: UInt8) -> UInt8? {
            switch c {
            case 48...57: return c - 48
            case 97...102: return c - 87
            case 65...70: return c - 55
            default: return nil
            }
        }
        while i < b.count {
            if b[i] == 37, i + 2 < b.count, let h = hex(b[i + 1]), let l = hex(b[i + 2]) {
                out.append(h << 4 | l)
                i += 3
            } else {
                out.append(b[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
