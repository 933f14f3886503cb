/// Which chart versions Helm accepts: Masterminds/semver v3 `NewVersion`
/// (`v` prefix and missing minor/patch allowed, numeric pre-release
/// identifiers without leading zeros).
enum ChartVersionSyntax {
    static func isValid(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        if bytes.first == UInt8(ascii: "v") { bytes = bytes.dropFirst() }
        var core = bytes
        var pre: ArraySlice<UInt8>? = nil
        var build: ArraySlice<UInt8>? = nil
        if let plus = core.firstIndex(of: UInt8(ascii: "+")) {
            build = core[(plus + 1)...]
            core = core[..<plus]
        }
        if let dash = core.firstIndex(of: UInt8(ascii: "-")) {
            pre = core[(dash + 1)...]
            core = core[..<dash]
        }
        let numbers = core.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard (1...3).contains(numbers.count) else { return false }
        for n in numbers where n.isEmpty || !n.allSatisfy(isDigit) { return false }
        if let pre, !identifiers(pre, numericLeadingZeroAllowed: false) { return false }
        if let build, !identifiers(build, numericLeadingZeroAllowed: true) { return false }
        return true
    }

    private static func identifiers(_ s: ArraySlice<UInt8>, numericLeadingZeroAllowed: Bool) -> Bool {
        let parts = s.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        for p in parts {
            if p.isEmpty { return false }
            if !p.allSatisfy({ isDigit($0) || isLetter($0) || $0 == UInt8(ascii: "-") }) { return false }
            if !numericLeadingZeroAllowed, p.count > 1, p.allSatisfy(isDigit), p.first == UInt8(ascii: "0") {
                return false
            }
        }
        return true
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    private static func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
}
