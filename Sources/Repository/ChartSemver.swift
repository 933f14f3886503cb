/// A chart version as Masterminds/semver v3 `NewVersion` parses it (optional `v`, missing minor
/// or patch allowed), ordered as its `LessThan` orders versions (build metadata ignored).
struct ChartSemver: Comparable, Sendable {
    var major: UInt64
    var minor: UInt64
    var patch: UInt64
    var prerelease: [Substring]

    init?(_ text: String) {
        var rest = Substring(text)
        if rest.hasPrefix("v") { rest = rest.dropFirst() }
        if let plus = rest.firstIndex(of: "+") {
            let build = rest[rest.index(after: plus)...]
            guard Self.identifiersValid(build, strictNumbers: false) else { return nil }
            rest = rest[..<plus]
        }
        var pre: Substring = ""
        if let dash = rest.firstIndex(of: "-") {
            pre = rest[rest.index(after: dash)...]
            guard Self.identifiersValid(pre, strictNumbers: true) else { return nil }
            rest = rest[..<dash]
        }
        let numbers = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...3).contains(numbers.count) else { return nil }
        var values: [UInt64] = []
        for n in numbers {
            guard !n.isEmpty, n.allSatisfy(\.isASCIIDigit), let v = UInt64(n) else { return nil }
            values.append(v)
        }
        while values.count < 3 { values.append(0) }
        major = values[0]
        minor = values[1]
        patch = values[2]
        prerelease = pre.isEmpty ? [] : pre.split(separator: ".", omittingEmptySubsequences: false)
    }

    private static func identifiersValid(_ s: Substring, strictNumbers: Bool) -> Bool {
        for part in s.split(separator: ".", omittingEmptySubsequences: false) {
            if part.isEmpty || !part.allSatisfy({ $0.isASCIIDigit || $0.isASCIILetter || $0 == "-" }) { return false }
            if strictNumbers, part.count > 1, part.first == "0", part.allSatisfy(\.isASCIIDigit) { return false }
        }
        return true
    }

    static func < (a: ChartSemver, b: ChartSemver) -> Bool {
        if a.major != b.major { return a.major < b.major }
        if a.minor != b.minor { return a.minor < b.minor }
        if a.patch != b.patch { return a.patch < b.patch }
        switch (a.prerelease.isEmpty, b.prerelease.isEmpty) {
        case (true, true), (true, false): return false
        case (false, true): return true
        case (false, false): break
        }
        for (x, y) in zip(a.prerelease, b.prerelease) where x != y {
            let (xn, yn) = (x.allSatisfy(\.isASCIIDigit), y.allSatisfy(\.isASCIIDigit))
            switch (xn, yn) {
            case (true, true): return x.count != y.count ? x.count < y.count : x < y
            case (true, false): return true
            case (false, true): return false
            case (false, false): return x < y
            }
        }
        return a.prerelease.count < b.prerelease.count
    }

    static func == (a: ChartSemver, b: ChartSemver) -> Bool { !(a < b) && !(b < a) }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
    var isASCIILetter: Bool { isASCII && isLetter }
}
