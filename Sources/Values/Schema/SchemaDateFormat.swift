/// RFC 3339 date/time and ISO 8601 duration formats, with the reasons
/// jsonschema v6 gives (`date` goes through Go's `time.Parse("2006-01-02")`).
enum SchemaDateFormat {
    static func isDigit(_ b: [UInt8], _ i: Int) -> Bool { i < b.count && b[i] >= 48 && b[i] <= 57 }

    static func date(_ s: String) -> String? {
        let b = Array(s.utf8)
        let layout = "2006-01-02"
        func bad(_ at: Int, _ elem: String) -> String {
            "parsing time \(SchemaText.goQuote(s)) as \(SchemaText.goQuote(layout)): cannot parse \(SchemaText.goQuote(String(decoding: b[min(at, b.count)...], as: UTF8.self))) as \(SchemaText.goQuote(elem))"
        }
        guard b.count >= 4, isDigit(b, 0), (1..<4).allSatisfy({ isDigit(b, $0) }) else { return bad(0, "2006") }
        let year = b[0..<4].reduce(0) { $0 * 10 + Int($1 - 48) }
        guard b.count > 4, b[4] == 45 else { return bad(4, "-") }
        guard isDigit(b, 5), isDigit(b, 6) else { return bad(5, "01") }
        let month = Int(b[5] - 48) * 10 + Int(b[6] - 48)
        if month < 1 || month > 12 { return "parsing time \(SchemaText.goQuote(s)): month out of range" }
        guard b.count > 7, b[7] == 45 else { return bad(7, "-") }
        guard isDigit(b, 8), isDigit(b, 9) else { return bad(8, "02") }
        let day = Int(b[8] - 48) * 10 + Int(b[9] - 48)
        if day > 31 { return "parsing time \(SchemaText.goQuote(s)): day out of range" }
        if b.count > 10 {
            return "parsing time \(SchemaText.goQuote(s)): extra text: \(SchemaText.goQuote(String(decoding: b[10...], as: UTF8.self)))"
        }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        if day < 1 || day > days { return "parsing time \(SchemaText.goQuote(s)): day out of range" }
        return nil
    }

    static func time(_ str: String) -> String? {
        let b = Array(str.utf8)
        if b.count < 9 { return "less than 9 characters long" }
        if b[2] != 58 || b[5] != 58 { return "missing colon in correct place" }
        var hms: [Int] = []
        for r in [0..<2, 3..<5, 6..<8] {
            let (n, err) = SchemaFormat.atoi(Substring(String(decoding: b[r], as: UTF8.self)))
            guard let n, err == nil else { return "invalid hour/min/sec" }
            if n < 0 { return "non-positive hour/min/sec" }
            hms.append(n)
        }
        var (h, m) = (hms[0], hms[1])
        let s = hms[2]
        if h > 23 || m > 59 || s > 60 { return "hour/min/sec out of range" }
        var rest = b[8...]
        if rest.first == 46 {
            rest = rest.dropFirst()
            let n = rest.prefix { $0 >= 48 && $0 <= 57 }.count
            if n == 0 { return "no digits in second fraction" }
            rest = rest.dropFirst(n)
        }
        if !(rest.count == 1 && (rest.first == 122 || rest.first == 90)) {
            if rest.count != 6 { return "offset must be 6 characters long" }
            let r = Array(rest)
            let sign: Int
            switch r[0] {
            case 43: sign = -1
            case 45: sign = 1
            default: return "offset must begin with plus/minus"
            }
            if r[3] != 58 { return "missing colon in offset in correct place" }
            var zhm: [Int] = []
            for part in [r[1..<3], r[4..<6]] {
                let (n, err) = SchemaFormat.atoi(Substring(String(decoding: part, as: UTF8.self)))
                guard let n, err == nil else { return "invalid hour/min in offset" }
                if n < 0 { return "non-positive hour/min in offset" }
                zhm.append(n)
            }
            if zhm[0] > 23 || zhm[1] > 59 { return "hour/min in offset out of range" }
            var hm = (h * 60 + m) + sign * (zhm[0] * 60 + zhm[1])
            if hm < 0 { hm += 24 * 60 }
            (h, m) = (hm / 60, hm % 60)
        }
        if s >= 60 && (h != 23 || m != 59) { return "invalid leap second" }
        return nil
    }

    static func dateTime(_ s: String) -> String? {
        let b = Array(s.utf8)
        if b.count < 20 { return "less than 20 characters long" }
        if b[10] != 116 && b[10] != 84 { return "11th character must be t or T" }
        if let e = date(String(decoding: b[..<10], as: UTF8.self)) { return "invalid date element: \(e)" }
        if let e = time(String(decoding: b[11...], as: UTF8.self)) { return "invalid time element: \(e)" }
        return nil
    }

    static func duration(_ input: String) -> String? {
        guard input.hasPrefix("P") else { return "must start with P" }
        let s = input.dropFirst()
        if s.isEmpty { return "nothing after P" }
        if s.hasSuffix("W") {
            let w = s.dropLast()
            if w.isEmpty { return "no number in week" }
            return w.allSatisfy({ $0.isASCII && $0.isNumber }) ? nil : "invalid week"
        }
        let allUnits = ["YMD", "HMS"]
        for (i, part) in s.split(separator: "T", omittingEmptySubsequences: false).enumerated() {
            if i != 0 && part.isEmpty { return "no time elements" }
            if i >= allUnits.count { return "more than one T" }
            var units = Substring(allUnits[i])
            var rest = part
            while !rest.isEmpty {
                let n = rest.prefix { $0.isASCII && $0.isNumber }.count
                if n == 0 { return "missing number" }
                rest = rest.dropFirst(n)
                guard let unit = rest.first else { return "missing unit" }
                guard let j = units.firstIndex(of: unit) else {
                    let q = SchemaFormat.goCharQ(unit.unicodeScalars.first ?? " ")
                    return allUnits[i].contains(unit) ? "unit \(q) out of order" : "invalid unit \(q)"
                }
                units = units[units.index(after: j)...]
                rest = rest.dropFirst()
            }
        }
        return nil
    }

    static func period(_ s: String) -> String? {
        guard let slash = s.firstIndex(of: "/") else { return "missing slash" }
        let start = String(s[..<slash]), end = String(s[s.index(after: slash)...])
        if start.hasPrefix("P") {
            if let e = duration(start) { return "invalid start duration: \(e)" }
            if let e = dateTime(end) { return "invalid end date-time: \(e)" }
        } else {
            if let e = dateTime(start) { return "invalid start date-time: \(e)" }
            if end.hasPrefix("P") {
                if let e = duration(end) { return "invalid end duration: \(e)" }
            } else if let e = dateTime(end) {
                return "invalid end date-time: \(e)"
            }
        }
        return nil
    }
}
