/// `uri`, `iri`, `uri-reference`, `iri-reference`, `uri-template`: jsonschema
/// v6's checks on top of Go's `net/url.Parse` (its common errors reproduced).
/// The v6 release Helm uses does not check for non-ASCII or illegal ASCII
/// characters, so `uri` and `iri` behave alike.
enum SchemaURIFormat {
    static func check(_ s: String, reference: Bool) -> String? {
        switch parse(s) {
        case .failure(let e): return e.message
        case .success(let scheme):
            if !reference && scheme.isEmpty { return "relative url" }
            return nil
        }
    }

    static func template(_ s: String) -> String? {
        if case .failure(let e) = parse(s) { return e.message }
        return nil
    }

    struct ParseError: Error { var message: String }

    /// Go's `url.Parse`; returns the scheme ("" for a relative reference).
    static func parse(_ raw: String) -> Result<String, ParseError> {
        func fail(_ msg: String) -> Result<String, ParseError> { .failure(ParseError(message: "parse \(SchemaText.goQuote(raw)): \(msg)")) }
        var rest = Substring(raw)
        if let hash = rest.firstIndex(of: "#") {
            if let e = badEscape(rest[rest.index(after: hash)...]) { return fail("invalid URL escape \(SchemaText.goQuote(e))") }
            rest = rest[..<hash]
        }
        if raw.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return fail("net/url: invalid control character in URL")
        }
        if rest.isEmpty { return .success("") }
        var scheme = ""
        for (i, u) in rest.unicodeScalars.enumerated() {
            if u.isASCII && u.properties.isAlphabetic { continue }
            if u.isASCII && (("0"..."9").contains(u) || u == "+" || u == "-" || u == ".") {
                if i == 0 { break }
                continue
            }
            if u == ":" {
                if i == 0 { return fail("missing protocol scheme") }
                scheme = String(rest.prefix(i))
                rest = rest.dropFirst(i + 1)
            }
            break
        }
        if let q = rest.firstIndex(of: "?") { rest = rest[..<q] }
        if !rest.hasPrefix("/") {
            if !scheme.isEmpty { return .success(scheme) }
            let segment = rest.prefix { $0 != "/" }
            if segment.contains(":") { return fail("first path segment in URL cannot contain colon") }
        }
        if rest.hasPrefix("//") && (!scheme.isEmpty || !rest.hasPrefix("///")) {
            let auth = rest.dropFirst(2).prefix { $0 != "/" }
            rest = rest.dropFirst(2 + auth.count)
            var host = auth
            if let at = auth.lastIndex(of: "@") { host = auth[auth.index(after: at)...] }
            if host.hasPrefix("[") {
                guard let close = host.firstIndex(of: "]") else { return fail("missing ']' in host") }
                let port = host[host.index(after: close)...]
                if !port.isEmpty && !validPort(port) { return fail("invalid port \(SchemaText.goQuote(String(port))) after host") }
                let inner = host[host.index(after: host.startIndex)..<close]
                if let e = SchemaFormat.ipv6(String(inner)) { return .failure(ParseError(message: "invalid ipv6 address: \(e)")) }
            } else if let colon = host.lastIndex(of: ":") {
                let port = host[colon...]
                if !validPort(port) { return fail("invalid port \(SchemaText.goQuote(String(port))) after host") }
                if host[..<colon].contains(":") { return .failure(ParseError(message: "ipv6 address not enclosed in brackets")) }
            }
            if let e = badEscape(host) { return fail("invalid URL escape \(SchemaText.goQuote(e))") }
        }
        if let e = badEscape(rest) { return fail("invalid URL escape \(SchemaText.goQuote(e))") }
        return .success(scheme)
    }

    static func validPort(_ p: Substring) -> Bool {
        guard p.first == ":" else { return false }
        return p.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// The first malformed `%xx` escape (as Go quotes it), if any.
    static func badEscape(_ s: Substring) -> String? {
        let b = Array(s.utf8)
        var i = 0
        func hex(_ k: Int) -> Bool { k < b.count && Character(UnicodeScalar(b[k])).isHexDigit }
        while i < b.count {
            if b[i] == 37 {
                if !hex(i + 1) || !hex(i + 2) {
                    return String(decoding: b[i..<min(i + 3, b.count)], as: UTF8.self)
                }
                i += 3
            } else {
                i += 1
            }
        }
        return nil
    }
}
