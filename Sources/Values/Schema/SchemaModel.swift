/// JSON types as jsonschema orders them in "want …" messages.
struct SchemaTypes: OptionSet, Sendable {
    let rawValue: UInt8
    static let null = SchemaTypes(rawValue: 1)
    static let boolean = SchemaTypes(rawValue: 2)
    static let number = SchemaTypes(rawValue: 4)
    static let integer = SchemaTypes(rawValue: 8)
    static let string = SchemaTypes(rawValue: 16)
    static let array = SchemaTypes(rawValue: 32)
    static let object = SchemaTypes(rawValue: 64)

    static let ordered: [(SchemaTypes, String)] = [
        (.null, "null"), (.boolean, "boolean"), (.number, "number"), (.integer, "integer"),
        (.string, "string"), (.array, "array"), (.object, "object"),
    ]

    init(rawValue: UInt8) { self.rawValue = rawValue }

    init?(name: String) {
        guard let t = Self.ordered.first(where: { $0.1 == name }) else { return nil }
        self = t.0
    }

    var names: [String] { Self.ordered.filter { contains($0.0) }.map(\.1) }
}

/// `additionalProperties` / `additionalItems`: a boolean or a subschema.
enum SchemaAdditional: Sendable {
    case allowed(Bool)
    case schema(Int)
}

/// A `dependencies` entry: property list (draft 4–7 style) or subschema.
enum SchemaDependency: Sendable {
    case required([String])
    case schema(Int)
}

/// A compiled (sub)schema. Subschemas are indexes into `CompiledSchemaSet.schemas`,
/// so recursive `$ref`s need no reference cycles.
struct CompiledSchema: Sendable {
    /// Path of this subschema in the document.
    var path: [String] = []
    /// Absolute location, as jsonschema names schemas in messages.
    var location: String { "file:///values.schema.json#" + SchemaText.jsonPointer(path) }
    var draft: Int = 2020
    var boolValue: Bool?

    var types: SchemaTypes = []
    var constValue: SchemaJSON?
    var enumValues: [SchemaJSON]?
    var format: SchemaFormat?
    var ref: Int?
    var dynamicRef: Int?

    var minProperties: Int?
    var maxProperties: Int?
    var required: [String] = []
    var dependencies: [(String, SchemaDependency)] = []
    var properties: [String: Int] = [:]
    var patternProperties: [(SchemaPattern, Int)] = []
    var additionalProperties: SchemaAdditional?
    var propertyNames: Int?
    var dependentSchemas: [(String, Int)] = []
    var dependentRequired: [(String, [String])] = []
    var unevaluatedProperties: Int?

    var minItems: Int?
    var maxItems: Int?
    var uniqueItems = false
    var items: Int?
    var itemsArray: [Int]?
    var additionalItems: SchemaAdditional?
    var prefixItems: [Int] = []
    var items2020: Int?
    var contains: Int?
    var minContains: Int?
    var maxContains: Int?
    var unevaluatedItems: Int?
    var numItemsEvaluated = 0
    var allItemsEvaluated = false

    var minLength: Int?
    var maxLength: Int?
    var pattern: SchemaPattern?

    var minimum: SchemaDecimal?
    var maximum: SchemaDecimal?
    var exclusiveMinimum: SchemaDecimal?
    var exclusiveMaximum: SchemaDecimal?
    var multipleOf: SchemaDecimal?

    var not: Int?
    var allOf: [Int] = []
    var anyOf: [Int] = []
    var oneOf: [Int] = []
    var ifSchema: Int?
    var thenSchema: Int?
    var elseSchema: Int?
}

/// A `pattern`/`patternProperties` regular expression. Go's RE2 syntax is
/// mapped onto Swift's regex engine: unanchored search, Unicode-scalar
/// semantics, ASCII-only `\d \s \w \b` and POSIX classes, `$` at the end of
/// text only (unless a `(?m)` flag is used), `\pL` written `\p{L}`.
/// Known differences: Swift accepts constructs RE2 rejects (lookaround,
/// backreferences, possessive quantifiers), and matching is backtracking, not
/// leftmost-first automata (same match/no-match answer for RE2-valid patterns).
struct SchemaPattern: @unchecked Sendable {
    let source: String
    let regex: Regex<AnyRegexOutput>

    init(_ source: String) throws {
        self.source = source
        let (translated, multiline) = Self.translate(source)
        var r = try Regex(translated).matchingSemantics(.unicodeScalar)
            .asciiOnlyDigits().asciiOnlyWhitespace().asciiOnlyWordCharacters().wordBoundaryKind(.simple)
        if multiline { r = r.anchorsMatchLineEndings() }
        self.regex = r
    }

    func matches(_ s: String) -> Bool {
        (try? regex.firstMatch(in: s)) != nil
    }

    private static let posixClasses: [String: String] = [
        "alpha": "a-zA-Z", "digit": "0-9", "alnum": "0-9A-Za-z", "upper": "A-Z", "lower": "a-z",
        "space": "\\t\\n\\x0B\\f\\r ", "blank": "\\t ", "xdigit": "0-9A-Fa-f", "word": "0-9A-Za-z_",
        "punct": "!-/:-@\\[-`{-~", "cntrl": "\\x00-\\x1F\\x7F", "print": " -~", "graph": "!-~", "ascii": "\\x00-\\x7F",
    ]

    /// Rewrites Go-only spellings; reports whether a multi-line flag appears.
    static func translate(_ go: String) -> (String, Bool) {
        let c = Array(go.unicodeScalars)
        var out = ""
        var i = 0
        var inClass = false
        var multiline = false
        while i < c.count {
            let u = c[i]
            if u == "\\", i + 1 < c.count {
                let n = c[i + 1]
                if (n == "p" || n == "P"), i + 2 < c.count, c[i + 2] != "{" {
                    out += "\\\(n){\(c[i + 2])}"
                    i += 3
                    continue
                }
                out.unicodeScalars.append(u)
                out.unicodeScalars.append(n)
                i += 2
                continue
            }
            if inClass {
                if u == "[", i + 1 < c.count, c[i + 1] == ":" {
                    var j = i + 2
                    var name = ""
                    while j < c.count, c[j] != ":" { name.unicodeScalars.append(c[j]); j += 1 }
                    if j + 1 < c.count, c[j + 1] == "]", let range = posixClasses[name] {
                        out += range
                        i = j + 2
                        continue
                    }
                }
                if u == "]" { inClass = false }
                out.unicodeScalars.append(u)
                i += 1
                continue
            }
            switch u {
            case "[":
                inClass = true
                out += "["
                i += 1
                if i < c.count, c[i] == "^" { out += "^"; i += 1 }
                if i < c.count, c[i] == "]" { out += "\\]"; i += 1 }
                continue
            case "(":
                if i + 1 < c.count, c[i + 1] == "?" {
                    var j = i + 2
                    while j < c.count, c[j].properties.isAlphabetic || c[j] == "-" {
                        if c[j] == "m" { multiline = true }
                        j += 1
                    }
                }
                out += "("
            case "$":
                out += multiline ? "$" : "\\z"
            default:
                out.unicodeScalars.append(u)
            }
            i += 1
        }
        return (out, multiline)
    }
}
