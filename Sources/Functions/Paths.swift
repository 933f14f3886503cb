import Template
import Values

/// Go's `path` package (and `path/filepath`, identical on Linux).
enum PathFunctions {
    static func register(into t: inout FunctionTable, options: FunctionOptions) {
        for prefix in ["", "os"] {
            func name(_ n: String) -> String { prefix.isEmpty ? n : prefix + n.prefix(1).uppercased() + n.dropFirst() }
            t.add(name("base"), [.string]) { a, _ in .string(GoPath.base(a.string(0))) }
            t.add(name("dir"), [.string]) { a, _ in .string(GoPath.dir(a.string(0))) }
            t.add(name("clean"), [.string]) { a, _ in .string(GoPath.clean(a.string(0))) }
            t.add(name("ext"), [.string]) { a, _ in .string(GoPath.ext(a.string(0))) }
            t.add(name("isAbs"), [.string]) { a, _ in .bool(a.string(0).hasPrefix("/")) }
        }
    }
}

enum GoPath {
    static func base(_ p: String) -> String {
        if p.isEmpty { return "." }
        var b = Array(p.utf8)
        while b.count > 0 && b.last == UInt8(ascii: "/") { b.removeLast() }
        if let i = b.lastIndex(of: UInt8(ascii: "/")) { b = Array(b[(i + 1)...]) }
        if b.isEmpty { return "/" }
        return String(decoding: b, as: UTF8.self)
    }

    static func dir(_ p: String) -> String {
        let b = Array(p.utf8)
        let cut = (b.lastIndex(of: UInt8(ascii: "/")) ?? -1) + 1
        return clean(String(decoding: b[..<cut], as: UTF8.self))
    }

    static func ext(_ p: String) -> String {
        let b = Array(p.utf8)
        var i = b.count - 1
        while i >= 0 && b[i] != UInt8(ascii: "/") {
            if b[i] == UInt8(ascii: ".") { return String(decoding: b[i...], as: UTF8.self) }
            i -= 1
        }
        return ""
    }

    /// `path.Clean`: lexical processing of `.`, `..` and repeated slashes.
    static func clean(_ p: String) -> String {
        if p.isEmpty { return "." }
        let rooted = p.hasPrefix("/")
        var parts: [Substring] = []
        var dotdots = 0
        for comp in p.split(separator: "/", omittingEmptySubsequences: true) {
            if comp == "." { continue }
            if comp == ".." {
                if parts.count > dotdots {
                    parts.removeLast()
                } else if !rooted {
                    parts.append(comp)
                    dotdots += 1
                }
                continue
            }
            parts.append(comp)
        }
        let joined = parts.joined(separator: "/")
        if rooted { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }
}
