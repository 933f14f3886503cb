/// A reduced stand-in for jsonschema's meta-schema validation of the schema
/// document, for the keyword-shape mistakes charts make (`type` names,
/// `required`/`enum` not arrays, negative or fractional counts, …). One
/// problem is reported as Helm prints it (draft 4/6/7 at the keyword, 2019-09
/// and 2020-12 nested in `'allOf' failed` per schema level); when a document
/// has several problems in different subschemas only the first is shown.
enum SchemaShapeCheck {
    struct Problem {
        /// Locations of the schema and its enclosing schemas, outermost first.
        var levels: [[String]]
        /// (depth, "- at …" text) lines relative to the keyword.
        var lines: [(Int, String)]
    }

    static func metaschemaURL(_ draft: Int) -> String {
        switch draft {
        case 4: return "http://json-schema.org/draft-04/schema#"
        case 6: return "http://json-schema.org/draft-06/schema#"
        case 7: return "http://json-schema.org/draft-07/schema#"
        case 2019: return "https://json-schema.org/draft/2019-09/schema#"
        default: return "https://json-schema.org/draft/2020-12/schema#"
        }
    }

    static func prefix(_ draft: Int) -> String {
        "\"\(SchemaCompiler.rootURL)#\" is not valid against metaschema: jsonschema validation failed with \(SchemaText.quote(metaschemaURL(draft)))\n"
    }

    static func check(_ doc: SchemaJSON) -> String? {
        let draft = doc["$schema"]?.stringValue.flatMap(SchemaCompiler.findDraft) ?? 2020
        switch doc {
        case .object: break
        case .bool where draft != 4: return nil
        default:
            let want = draft == 4 ? "object" : "boolean or object"
            return prefix(draft) + "- at '': got \(kindName(doc)), want \(want)"
        }
        var problems: [Problem] = []
        walk(doc, path: [], levels: [[]], draft: draft, problems: &problems)
        guard let first = problems.first else { return nil }
        let same = problems.filter { $0.levels.last == first.levels.last }
        var out: [String] = []
        func line(_ depth: Int, _ text: String) { out.append(String(repeating: "  ", count: depth) + text) }
        var depth = 0
        if draft >= 2019 {
            for level in first.levels {
                line(depth, "- at \(SchemaText.quote(SchemaText.jsonPointer(level))): 'allOf' failed")
                depth += 1
            }
            if same.count > 1 {
                line(depth, "- at \(SchemaText.quote(SchemaText.jsonPointer(first.levels.last ?? []))): validation failed")
                depth += 1
            }
        }
        for p in (draft >= 2019 ? same : [first]) {
            for (d, text) in p.lines { line(depth + d, text) }
        }
        return prefix(draft) + out.joined(separator: "\n")
    }

    static func kindName(_ v: SchemaJSON) -> String {
        switch v {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    static let typeNames = "value must be one of 'array', 'boolean', 'integer', 'null', 'number', 'object', 'string'"

    static func walk(_ node: SchemaJSON, path: [String], levels: [[String]], draft: Int, problems: inout [Problem]) {
        guard let obj = node.objectValue else { return }
        func report(_ kw: String, _ lines: [(Int, String)]) {
            let at = "- at \(SchemaText.quote(SchemaText.jsonPointer(path + [kw]))): "
            problems.append(Problem(levels: levels, lines: lines.map { ($0.0, at + $0.1) }))
        }
        func sub(_ v: SchemaJSON, _ p: [String]) { walk(v, path: p, levels: levels + [p], draft: draft, problems: &problems) }

        if let t = obj["type"] {
            if let name = t.stringValue {
                if SchemaTypes(name: name) == nil { report("type", [(0, "'anyOf' failed"), (1, typeNames), (1, "got string, want array")]) }
            } else if t.arrayValue == nil {
                report("type", [(0, "'anyOf' failed"), (1, typeNames), (1, "got \(kindName(t)), want array")])
            }
        }
        for kw in ["required", "enum"] {
            if let v = obj[kw], v.arrayValue == nil { report(kw, [(0, "got \(kindName(v)), want array")]) }
        }
        let counts = ["maxLength", "minLength", "maxItems", "minItems", "maxProperties", "minProperties"]
            + (draft >= 2019 ? ["maxContains", "minContains"] : [])
        for kw in counts {
            guard let v = obj[kw] else { continue }
            guard let d = v.decimalValue, d.isInteger else {
                report(kw, [(0, "got \(kindName(v)), want integer")])
                continue
            }
            if d.negative { report(kw, [(0, "minimum: got \(SchemaText.localizedFloat(d.doubleValue)), want 0")]) }
        }
        for kw in ["maximum", "minimum", "multipleOf"] {
            if let v = obj[kw], v.decimalValue == nil { report(kw, [(0, "got \(kindName(v)), want number")]) }
        }
        for kw in ["properties", "patternProperties", "definitions"] + (draft >= 2019 ? ["$defs", "dependentSchemas"] : []) {
            guard let v = obj[kw] else { continue }
            guard let m = v.objectValue else { report(kw, [(0, "got \(kindName(v)), want object")]); continue }
            for name in m.keys.sorted() { if let s = m[name] { sub(s, path + [kw, name]) } }
        }
        for kw in ["allOf", "anyOf", "oneOf"] + (draft >= 2020 ? ["prefixItems"] : []) {
            guard let v = obj[kw] else { continue }
            guard let a = v.arrayValue else { report(kw, [(0, "got \(kindName(v)), want array")]); continue }
            for (i, s) in a.enumerated() { sub(s, path + [kw, String(i)]) }
        }
        for kw in ["not", "additionalProperties", "items", "additionalItems", "contains", "propertyNames", "if", "then", "else"]
            + (draft >= 2019 ? ["unevaluatedProperties", "unevaluatedItems"] : []) {
            guard let v = obj[kw] else { continue }
            if let a = v.arrayValue, kw == "items" {
                for (i, s) in a.enumerated() { sub(s, path + [kw, String(i)]) }
            } else {
                sub(v, path + [kw])
            }
        }
    }
}
