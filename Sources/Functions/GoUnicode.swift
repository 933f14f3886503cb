import Values

/// Go's `unicode` package predicates and simple case mappings on scalars.
enum GoUnicode {
    static func isSpace(_ s: Unicode.Scalar) -> Bool { GoSpace.isSpace(s) }
    static func isUpper(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value >= 0x41 && s.value <= 0x5A }
        return s.properties.generalCategory == .uppercaseLetter
    }
    static func isLower(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value >= 0x61 && s.value <= 0x7A }
        return s.properties.generalCategory == .lowercaseLetter
    }
    static func isTitle(_ s: Unicode.Scalar) -> Bool { s.properties.generalCategory == .titlecaseLetter }
    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }
    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.properties.generalCategory == .decimalNumber }
    static func isNumber(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber: return true
        default: return false
        }
    }
    static func isPunct(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }
    private static func single(_ mapping: String, _ s: Unicode.Scalar) -> Unicode.Scalar {
        let scalars = mapping.unicodeScalars
        if scalars.count == 1, let first = scalars.first { return first }
        return s
    }
    static func toUpper(_ s: Unicode.Scalar) -> Unicode.Scalar {
        if s.value < 0x80 { return isLower(s) ? Unicode.Scalar(s.value - 32)! : s }
        return single(s.properties.uppercaseMapping, s)
    }
    static func toLower(_ s: Unicode.Scalar) -> Unicode.Scalar {
        if s.value < 0x80 { return isUpper(s) ? Unicode.Scalar(s.value + 32)! : s }
        return single(s.properties.lowercaseMapping, s)
    }
    static func toTitle(_ s: Unicode.Scalar) -> Unicode.Scalar {
        if s.value < 0x80 { return toUpper(s) }
        return single(s.properties.titlecaseMapping, s)
    }
    static func map(_ string: String, _ f: (Unicode.Scalar) -> Unicode.Scalar) -> String {
        var out = String.UnicodeScalarView()
        for s in string.unicodeScalars { out.append(f(s)) }
        return String(out)
    }
}
