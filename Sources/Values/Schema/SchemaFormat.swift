/// `format` assertions as jsonschema v6 makes them (drafts 4, 6 and 7 only:
/// for 2019-09 and 2020-12 Helm's compiler treats `format` as an annotation).
/// `check` returns the library's reason text, nil when valid; unknown format
/// names are ignored, as in the library.
enum SchemaFormat: String, Sendable {
    case email, hostname, ipv4, ipv6, date, time, uuid, duration, period, semver, regex
    case dateTime = "date-time"
    case uri, iri
    case uriReference = "uri-reference"
    case iriReference = "iri-reference"
    case uriTemplate = "uri-template"
    case jsonPointer = "json-pointer"
    case relativeJSONPointer = "relative-json-pointer"

    func check(_ s: String) -> String? {
        switch self {
        case .email: return Self.email(s)
        case .hostname: return Self.hostname(s)
        case .ipv4: return Self.ipv4(s)
        case .ipv6: return Self.ipv6(s)
        case .date: return SchemaDateFormat.date(s)
        case .time: return SchemaDateFormat.time(s)
        case .dateTime: return SchemaDateFormat.dateTime(s)
        case .uuid: return Self.uuid(s)
        case .uri: return SchemaURIFormat.check(s, reference: false)
        case .iri: return SchemaURIFormat.check(s, reference: false)
        case .uriReference: return SchemaURIFormat.check(s, reference: true)
        case .iriReference: return SchemaURIFormat.check(s, reference: true)
        case .uriTemplate: return SchemaURIFormat.template(s)
        case .jsonPointer: return Self.jsonPointer(s)
        case .relativeJSONPointer: return Self.relativeJSONPointer(s)
        case .duration: return SchemaDateFormat.duration(s)
        case .period: return SchemaDateFormat.period(s)
        case .semver: return Self.semver(s)
        case .regex:
            do { _ = try SchemaPattern(s); return nil } catch { return "error parsing regexp: \(error)" }
        }
    }

    static func goChar(_ u: Unicode.Scalar) -> String { "'" + String(SchemaText.goQuoteBody(String(u)).replacingAll("\\\"", with: "\"")) + "'" }
    static func goCharQ(_ u: Unicode.Scalar) -> String { u == "'" ? "'\\''" : goChar(u) }

    static func atoi(_ s: Substring) -> (Int?, String?) {
        var t = s
        var neg = false
        if t.hasPrefix("+") || t.hasPrefix("-") { neg = t.hasPrefix("-"); t = t.dropFirst() }
        guard !t.isEmpty, t.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            return (nil, "strconv.Atoi: parsing \(SchemaText.goQuote(String(s))): invalid syntax")
        }
        guard let v = Int(t) else { return (nil, "strconv.Atoi: parsing \(SchemaText.goQuote(String(s))): value out of range") }
        return (neg ? -v : v, nil)
    }

    static func ipv4(_ s: String) -> String? {
        let groups = s.split(separator: ".", omittingEmptySubsequences: false)
        if groups.count != 4 { return "expected four decimals" }
        for g in groups {
            if g.count > 1 && g.hasPrefix("0") { return "leading zeros" }
            let (n, err) = atoi(g)
            if let err { return err }
            if let n, n < 0 || n > 255 { return "decimal must be between 0 and 255" }
        }
        return nil
    }

    static func ipv6(_ s: String) -> String? {
        if !s.contains(":") { return "missing colon" }
        var addr = Substring(s)
        if let pct = addr.firstIndex(of: "%") {
            if addr[pct...].count > 1 && ipv6Valid(addr[..<pct]) { return "zone id is not a part of ipv6 address" }
            addr = addr[..<pct]
        }
        return ipv6Valid(addr) ? nil : "ParseAddr(\(SchemaText.goQuote(s))): unable to parse IPv6 address"
    }

    static func ipv6Valid(_ s: Substring) -> Bool {
        var parts = s.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        var fields = 0
        if let last = parts.last, last.contains(".") {
            guard ipv4(last) == nil else { return false }
            parts.removeLast()
            parts.append("0"); parts.append("0")
        }
        let doubleColons = String(s).pieceCount(around: "::")
        if doubleColons > 2 { return false }
        if doubleColons == 1 {
            for p in parts where !(1...4).contains(p.count) || !p.allSatisfy(\.isHexDigit) { return false }
            return parts.count == 8
        }
        for (i, p) in parts.enumerated() {
            if p.isEmpty {
                if i == 0 || i == parts.count - 1 { continue }
                continue
            }
            guard p.count <= 4, p.allSatisfy(\.isHexDigit) else { return false }
            fields += 1
        }
        return fields < 8
    }

    static func hostname(_ input: String) -> String? {
        var s = Substring(input)
        if s.hasSuffix(".") { s = s.dropLast() }
        if s.utf8.count > 253 { return "more than 253 characters long" }
        for label in s.split(separator: ".", omittingEmptySubsequences: false) {
            if label.utf8.count < 1 || label.utf8.count > 63 { return "label must be 1 to 63 characters long" }
            if label.hasPrefix("-") { return "label starts with hyphen" }
            if label.hasSuffix("-") { return "label ends with hyphen" }
            for u in label.unicodeScalars where !(u.isASCII && (u.properties.isAlphabetic || ("0"..."9").contains(u) || u == "-")) {
                return "invalid character \(goCharQ(u))"
            }
        }
        return nil
    }

    static func email(_ s: String) -> String? {
        if s.utf8.count > 254 { return "more than 255 characters long" }
        guard let at = s.lastIndex(of: "@") else { return "missing @" }
        let local = s[..<at]
        var domain = s[s.index(after: at)...]
        if local.utf8.count > 64 { return "local part more than 64 characters long" }
        if local.count > 1 && local.hasPrefix("\"") && local.hasSuffix("\"") {
            let inner = local.dropFirst().dropLast()
            if inner.contains("\\") || inner.contains("\"") { return "backslash and quote are not allowed within quoted local part" }
        } else {
            if local.hasPrefix(".") { return "starts with dot" }
            if local.hasSuffix(".") { return "ends with dot" }
            if local.contains("..") { return "consecutive dots" }
            let allowed = Set(".!#$%&'*+-/=?^_`{|}~".unicodeScalars)
            for u in local.unicodeScalars where !(u.isASCII && (u.properties.isAlphabetic || ("0"..."9").contains(u) || allowed.contains(u))) {
                return "invalid character \(goCharQ(u))"
            }
        }
        if domain.hasPrefix("[") && domain.hasSuffix("]") {
            domain = domain.dropFirst().dropLast()
            if domain.hasPrefix("IPv6:") {
                if let e = ipv6(String(domain.dropFirst(5))) { return "invalid ipv6 address: \(e)" }
                return nil
            }
            if let e = ipv4(String(domain)) { return "invalid ipv4 address: \(e)" }
            return nil
        }
        if let e = hostname(String(domain)) { return "invalid domain: \(e)" }
        return nil
    }

    static func uuid(_ s: String) -> String? {
        let lengths = [8, 4, 4, 4, 12]
        let groups = s.split(separator: "-", omittingEmptySubsequences: false)
        if groups.count != lengths.count { return "must have 5 elements" }
        for (i, g) in groups.enumerated() {
            if g.utf8.count != lengths[i] { return "element \(i + 1) must be \(lengths[i]) characters long" }
            for u in g.unicodeScalars where !(u.isASCII && Character(u).isHexDigit) { return "non-hex character \(goCharQ(u))" }
        }
        return nil
    }

    static func jsonPointer(_ s: String) -> String? {
        if s.isEmpty { return nil }
        if !s.hasPrefix("/") { return "not starting with /" }
        for tok in s.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            var escape = false
            for u in tok.unicodeScalars {
                if escape {
                    escape = false
                    if u != "0" && u != "1" { return "~ must be followed by 0 or 1" }
                    continue
                }
                if u == "~" { escape = true }
            }
            if escape { return "~ must be followed by 0 or 1" }
        }
        return nil
    }

    static func relativeJSONPointer(_ s: String) -> String? {
        let digits = s.prefix { $0.isASCII && $0.isNumber }
        if digits.isEmpty { return "must start with non-negative integer" }
        if digits.count > 1 && digits.hasPrefix("0") { return "starts with zero" }
        let rest = s.dropFirst(digits.count)
        if rest == "#" { return nil }
        return jsonPointer(String(rest))
    }

    static func semver(_ input: String) -> String? {
        var s = Substring(input)
        func identOK(_ u: Unicode.Scalar) -> Bool { u.isASCII && (u.properties.isAlphabetic || ("0"..."9").contains(u) || u == "-") }
        if let plus = s.firstIndex(of: "+") {
            let build = s[s.index(after: plus)...]
            if build.isEmpty { return "build is empty" }
            for id in build.split(separator: ".", omittingEmptySubsequences: false) {
                if id.isEmpty { return "build identifier is empty" }
                for u in id.unicodeScalars where !identOK(u) { return "invalid character \(goCharQ(u)) in build identifier" }
            }
            s = s[..<plus]
        }
        if let dash = s.firstIndex(of: "-") {
            for id in s[s.index(after: dash)...].split(separator: ".", omittingEmptySubsequences: false) {
                if id.isEmpty { return "pre-release identifier is empty" }
                for u in id.unicodeScalars where !identOK(u) { return "invalid character \(goCharQ(u)) in pre-release identifier" }
                if id.allSatisfy({ $0.isASCII && $0.isNumber }) && id.count > 1 && id.hasPrefix("0") {
                    return "pre-release numeric identifier starts with zero"
                }
            }
            s = s[..<dash]
        }
        let versions = s.split(separator: ".", omittingEmptySubsequences: false)
        if versions.count != 3 { return "versionCore must have 3 numbers separated by dot" }
        for (i, v) in versions.enumerated() {
            let name = ["major", "minor", "patch"][i]
            if v.isEmpty { return "\(name) is empty" }
            if v.count > 1 && v.hasPrefix("0") { return "\(name) starts with zero" }
            if !v.allSatisfy({ $0.isASCII && $0.isNumber }) { return "\(name) contains non-digit" }
        }
        return nil
    }
}

extension String {
    /// Number of pieces `self` splits into around `separator` (at least 1).
    func pieceCount(around separator: String) -> Int {
        var n = 1
        var rest = self[...]
        while let r = rest.firstRange(of: separator) { n += 1; rest = rest[r.upperBound...] }
        return n
    }
}
