/// A reduced stand-in for jsonschema's meta-schema validation of the schema
/// document. The root-type error is reproduced exactly; other keyword-shape
/// problems get a clear message naming the keyword's location (Helm prints the
/// meta-schema's whole error tree there).
enum SchemaShapeCheck {
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
        var problems: [String] = []
        walk(doc, path: [], draft: draft, problems: &problems)
        guard let first = problems.first else { return nil }
        return prefix(draft) + first
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

    static func walk(_ node: SchemaJSON, path: [String], draft: Int, problems: inout [String]) {
        guard let obj = node.objectValue else { return }
        func report(_ kw: String, _ detail: String) {
            problems.append("- at \(SchemaText.quote(SchemaText.jsonPointer(path + [kw]))): \(detail)")
        }
        if let t = obj["type"] {
            let names = t.stringValue.map { [$0] } ?? t.arrayValue?.compactMap(\.stringValue)
            if names == nil || names?.count != t.arrayValue?.count && t.stringValue == nil {
                report("type", "got \(kindName(t)), want string or array of type names")
            } else if let bad = names?.first(where: { SchemaTypes(name: $0) == nil }) {
                report("type", "value must be one of 'array', 'boolean', 'integer', 'null', 'number', 'object', 'string' (got \(SchemaText.quote(bad)))")
            }
        }
        for kw in ["required", "enum"] {
            if let v = obj[kw], v.arrayValue == nil { report(kw, "got \(kindName(v)), want array") }
        }
        for kw in ["minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties", "minContains", "maxContains"] {
            if let v = obj[kw], (v.decimalValue.map { !$0.isInteger || $0.negative } ?? true) {
                report(kw, v.decimalValue == nil ? "got \(kindName(v)), want integer" : "must be a non-negative integer")
            }
        }
        for kw in ["minimum", "maximum", "multipleOf"] {
            if let v = obj[kw], v.decimalValue == nil { report(kw, "got \(kindName(v)), want number") }
        }
        for kw in ["properties", "patternProperties", "definitions", "$defs", "dependentSchemas"] {
            guard let v = obj[kw] else { continue }
            guard let m = v.objectValue else { report(kw, "got \(kindName(v)), want object"); continue }
            for name in m.keys.sorted() { if let sub = m[name] { walk(sub, path: path + [kw, name], draft: draft, problems: &problems) } }
        }
        for kw in ["allOf", "anyOf", "oneOf", "prefixItems"] {
            guard let v = obj[kw] else { continue }
            guard let a = v.arrayValue else { report(kw, "got \(kindName(v)), want array"); continue }
            for (i, sub) in a.enumerated() { walk(sub, path: path + [kw, String(i)], draft: draft, problems: &problems) }
        }
        for kw in ["not", "additionalProperties", "items", "additionalItems", "contains", "propertyNames", "if", "then", "else",
                   "unevaluatedProperties", "unevaluatedItems"] {
            guard let v = obj[kw] else { continue }
            if let a = v.arrayValue, kw == "items" {
                for (i, sub) in a.enumerated() { walk(sub, path: path + [kw, String(i)], draft: draft, problems: &problems) }
            } else {
                walk(v, path: path + [kw], draft: draft, problems: &problems)
            }
        }
    }
}
