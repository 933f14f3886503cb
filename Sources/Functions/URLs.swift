import Template
import Values

/// Sprig's url.go: `urlParse` and `urlJoin` over Go's `net/url` rules.
enum URLFunctions {
    static func register(into t: inout FunctionTable, options: FunctionOptions) {
        t.add("urlParse", [.string]) { a, _ in
            let u = try GoURL.parse(a.string(0))
            return .map([
                "scheme": .string(u.scheme), "host": .string(u.host), "hostname": .string(u.hostname),
                "path": .string(u.path), "query": .string(u.rawQuery), "opaque": .string(u.opaque),
                "fragment": .string(u.fragment), "userinfo": .string(u.userinfo),
            ])
        }
        t.add("urlJoin", [.map]) { a, _ in
            let d = a.map(0)
            func field(_ k: String) throws -> String {
                guard let v = d[k] else { return "" }
                guard case .string(let s) = v else {
                    throw FunctionError("unable to parse \(k) field: interface conversion: interface {} is \(v.goTypeName), not string")
                }
                return s
            }
            var u = GoURL()
            u.scheme = try field("scheme")
            u.host = try field("host")
            u.path = try field("path")
            u.rawQuery = try field("query")
            u.opaque = try field("opaque")
            u.fragment = try field("fragment")
            let userinfo = try field("userinfo")
            if !userinfo.isEmpty {
                if let colon = userinfo.firstIndex(of: ":") {
                    u.user = (String(userinfo[..<colon]), String(userinfo[userinfo.index(after: colon)...]))
                } else {
                    u.user = (userinfo, nil)
                }
            }
            return .string(u.string())
        }
    }
}

/// The parts of Go's `net/url.URL` that Sprig exposes.
struct GoURL {
    var scheme = "", opaque = "", host = "", path = "", rawQuery = "", fragment = ""
    var user: (name: String, password: String?)? = nil

    var hostname: String {
        if host.hasPrefix("[") , let close = host.firstIndex(of: "]") { return String(host[host.index(after: host.startIndex)..<close]) }
        if let colon = host.lastIndex(of: ":") { return String(host[..<colon]) }
        return host
    }

    var userinfo: String {
        guard let user else { return "" }
        var s = escape(user.name, .userPassword)
        if let p = user.password { s += ":" + escape(p, .userPassword) }
        return s
    }

    enum Mode { case path, pathSegment, host, zone, userPassword, queryComponent, fragment }

    static func shouldEscape(_ c: UInt8, _ mode: Mode) -> Bool {
        if (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) { return false }
        if mode == .host || mode == .zone {
            switch c {
            case UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
                 UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: ":"),
                 UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""):
                return false
            default: break
            }
        }
        switch c {
        case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"): return false
        case UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: "/"), UInt8(ascii: ":"),
             UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: "?"), UInt8(ascii: "@"):
            switch mode {
            case .path: return c == UInt8(ascii: "?")
            case .pathSegment: return c == UInt8(ascii: "/") || c == UInt8(ascii: ";") || c == UInt8(ascii: ",") || c == UInt8(ascii: "?")
            case .userPassword: return c == UInt8(ascii: "@") || c == UInt8(ascii: "/") || c == UInt8(ascii: "?") || c == UInt8(ascii: ":")
            case .queryComponent: return true
            case .fragment: return false
            default: break
            }
        default: break
        }
        if mode == .fragment {
            switch c {
            case UInt8(ascii: "!"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"): return false
            default: break
            }
        }
        return true
    }

    func escape(_ s: String, _ mode: Mode) -> String {
        var out: [UInt8] = []
        let hex = Array("0123456789ABCDEF".utf8)
        for c in s.utf8 {
            if GoURL.shouldEscape(c, mode) {
                if c == UInt8(ascii: " ") && mode == .queryComponent { out.append(UInt8(ascii: "+")); continue }
                out.append(UInt8(ascii: "%")); out.append(hex[Int(c >> 4)]); out.append(hex[Int(c & 15)])
            } else {
                out.append(c)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `URL.String()` (with `RawPath` empty, so the path is escaped with `EscapedPath`).
    func string() -> String {
        var out = ""
        if !scheme.isEmpty { out += scheme + ":" }
        if !opaque.isEmpty {
            out += opaque
        } else {
            if !scheme.isEmpty || !host.isEmpty || user != nil {
                if !host.isEmpty || !path.isEmpty || user != nil { out += "//" }
                if user != nil { out += userinfo + "@" }
                if !host.isEmpty { out += escape(host, .host) }
            }
            let p = escape(path, .path)
            if !p.isEmpty && !p.hasPrefix("/") && !host.isEmpty { out += "/" }
            if out.isEmpty, let colon = p.firstIndex(of: ":"), !p[..<colon].contains("/") { out += "./" }
            out += p
        }
        if !rawQuery.isEmpty { out += "?" + rawQuery }
        if !fragment.isEmpty { out += "#" + escape(fragment, .fragment) }
        return out
    }

    static func unescape(_ s: Substring, _ mode: Mode) throws -> String {
        var out: [UInt8] = []
        let b = Array(s.utf8)
        var i = 0
        func hexValue(_ c: UInt8) -> UInt8? {
            switch c {
            case 48...57: return c - 48
            case 97...102: return c - 87
            case 65...70: return c - 55
            default: return nil
            }
        }
        while i < b.count {
            if b[i] == UInt8(ascii: "%") {
                guard i + 2 < b.count, let h = hexValue(b[i + 1]), let l = hexValue(b[i + 2]) else {
                    let bad = String(decoding: b[i..<min(i + 3, b.count)], as: UTF8.self)
                    throw FunctionError("invalid URL escape \(GoPrint.quote(bad))")
                }
                out.append(h << 4 | l)
                i += 3
            } else {
                out.append(b[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `url.Parse` for the common forms: scheme, authority, path, query, fragment.
    static func parse(_ raw: String) throws -> GoURL {
        var u = GoURL()
        var rest = Substring(raw)
        if let hash = rest.firstIndex(of: "#") {
            u.fragment = try unescape(rest[rest.index(after: hash)...], .fragment)
            rest = rest[..<hash]
        }
        if let colon = rest.firstIndex(of: ":") {
            let candidate = rest[..<colon]
            if let first = candidate.first, first.isLetter,
               candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }) {
                u.scheme = candidate.lowercased()
                rest = rest[rest.index(after: colon)...]
            } else if candidate.isEmpty {
                throw FunctionError("unable to parse url: parse \(GoPrint.quote(raw)): missing protocol scheme")
            }
        }
        if let q = rest.firstIndex(of: "?") {
            u.rawQuery = String(rest[rest.index(after: q)...])
            rest = rest[..<q]
        }
        if !rest.hasPrefix("/") && !u.scheme.isEmpty {
            u.opaque = String(rest)
            return u
        }
        if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
            let slash = rest.firstIndex(of: "/") ?? rest.endIndex
            var authority = rest[..<slash]
            rest = rest[slash...]
            if let at = authority.lastIndex(of: "@") {
                let info = authority[..<at]
                if let c = info.firstIndex(of: ":") {
                    u.user = (try unescape(info[..<c], .userPassword), try unescape(info[info.index(after: c)...], .userPassword))
                } else {
                    u.user = (try unescape(info, .userPassword), nil)
                }
                authority = authority[authority.index(after: at)...]
            }
            u.host = try unescape(authority, .host)
        }
        u.path = try unescape(rest, .path)
        return u
    }
}
