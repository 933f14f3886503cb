/// go-yaml v2's map key order (`keyList.Less` on strings): letters by code
/// point, a non-letter before a letter, digit runs compared as numbers.
enum YAMLKeyOrder {
    static func sorted(_ keys: [String]) -> [String] {
        if keys.count < 2 { return keys }
        let runes = keys.map { Array($0.unicodeScalars) }
        let idx = (0..<keys.count).sorted { less(runes[$0], runes[$1]) }
        return idx.map { keys[$0] }
    }

    static func isDigit(_ r: Unicode.Scalar) -> Bool { r.properties.numericType == .decimal }
    static func isLetter(_ r: Unicode.Scalar) -> Bool { r.properties.generalCategory.isLetter }

    static func less(_ ar: [Unicode.Scalar], _ br: [Unicode.Scalar]) -> Bool {
        var i = 0
        while i < ar.count && i < br.count {
            if ar[i] == br[i] { i += 1; continue }
            let al = isLetter(ar[i]), bl = isLetter(br[i])
            if al && bl { return ar[i].value < br[i].value }
            if al || bl { return bl }
            var an: Int64 = 0, bn: Int64 = 0
            if ar[i] == "0" || br[i] == "0" {
                var j = i - 1
                while j >= 0 && isDigit(ar[j]) {
                    if ar[j] != "0" { an = 1; bn = 1; break }
                    j -= 1
                }
            }
            var ai = i
            while ai < ar.count && isDigit(ar[ai]) {
                an = an &* 10 &+ Int64(ar[ai].value) &- 48
                ai += 1
            }
            var bi = i
            while bi < br.count && isDigit(br[bi]) {
                bn = bn &* 10 &+ Int64(br[bi].value) &- 48
                bi += 1
            }
            if an != bn { return an < bn }
            if ai != bi { return ai < bi }
            return ar[i].value < br[i].value
        }
        return ar.count < br.count
    }
}

extension Unicode.GeneralCategory {
    var isLetter: Bool {
        switch self {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }
}
