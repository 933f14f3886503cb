/// All compiled subschemas of one schema document; index 0 is the root.
struct CompiledSchemaSet: Sendable {
    var schemas: [CompiledSchema]
}

/// Why a schema document cannot be used: Helm's message (what follows the
/// chart name in its error), with the position in the document when known.
struct SchemaDocumentError: Error, Sendable {
    var message: String
    var line = 0
    var column = 0
    var sourceLine: String?
}

/// Compiles a parsed values.schema.json as jsonschema v6 does for Helm: the
/// document lives at `file:///values.schema.json`, `$schema` picks the draft
/// (2020-12 by default), `$id`/`$anchor` establish reference targets, remote
/// references cannot be loaded.
struct SchemaCompiler {
    static let rootURL = "file:///values.schema.json"

    let doc: SchemaJSON
    let draft: Int
    /// Resource URL (no fragment) → document path of the resource root.
    var resources: [String: [String]] = [:]
    /// "URL#anchor" → document path.
    var anchors: [String: [String]] = [:]
    /// Document path of each `$id` → the base URL it establishes.
    var bases: [[String]: String] = [:]
    var indexByPath: [[String]: Int] = [:]
    var schemas: [CompiledSchema] = []
    var pending: [(Int, [String], SchemaJSON?)] = []
    let subschemaKeywords: [(String, Bool, Bool, Bool)]
    var trueIndex: Int?

    static func compile(_ doc: SchemaJSON) throws(SchemaDocumentError) -> CompiledSchemaSet {
        var draft = 2020
        if let s = doc["$schema"]?.stringValue {
            guard let d = findDraft(s) else {
                throw SchemaDocumentError(message: "failing loading \"\(s)\": swiftchart cannot load meta-schemas other than JSON Schema drafts 4, 6, 7, 2019-09 and 2020-12")
            }
            draft = d
        }
        var c = SchemaCompiler(doc: doc, draft: draft)
        c.resources[rootURL] = []
        c.collect(doc, path: [], base: rootURL)
        _ = try c.enqueue(path: [], node: doc)
        while let (index, path, node) = c.pending.popLast() {
            try c.compileNode(index: index, path: path, node: node)
        }
        return CompiledSchemaSet(schemas: c.schemas)
    }

    static func findDraft(_ url: String) -> Int? {
        var u = url
        if u.hasPrefix("http://") { u = "https://" + u.dropFirst(7) }
        if u.hasSuffix("#/") { u.removeLast(2) } else if u.hasSuffix("#") { u.removeLast() }
        switch u {
        case "https://json-schema.org/schema", "https://json-schema.org/draft/2020-12/schema": return 2020
        case "https://json-schema.org/draft/2019-09/schema": return 2019
        case "https://json-schema.org/draft-07/schema": return 7
        case "https://json-schema.org/draft-06/schema": return 6
        case "https://json-schema.org/draft-04/schema": return 4
        default: return nil
        }
    }

    init(doc: SchemaJSON, draft: Int) {
        self.doc = doc
        self.draft = draft
        self.subschemaKeywords = Self.subschemaKeywords(draft: draft)
    }

    // MARK: resources

    var idKeyword: String { draft == 4 ? "id" : "$id" }

    func schemaID(_ node: SchemaJSON) -> String? {
        guard let obj = node.objectValue else { return nil }
        if obj["$ref"] != nil && draft <= 7 { return nil }
        return obj[idKeyword]?.stringValue
    }

    /// Keywords holding subschemas: (keyword, self, map of schemas, array of schemas).
    static func subschemaKeywords(draft: Int) -> [(String, Bool, Bool, Bool)] {
        var k: [(String, Bool, Bool, Bool)] = [
            ("definitions", false, true, false), ("not", true, false, false), ("allOf", false, false, true),
            ("anyOf", false, false, true), ("oneOf", false, false, true), ("properties", false, true, false),
            ("additionalProperties", true, false, false), ("patternProperties", false, true, false),
            ("items", true, false, true), ("additionalItems", true, false, false), ("dependencies", false, true, false),
        ]
        if draft >= 6 { k += [("propertyNames", true, false, false), ("contains", true, false, false)] }
        if draft >= 7 { k += [("if", true, false, false), ("then", true, false, false), ("else", true, false, false)] }
        if draft >= 2019 {
            k += [("$defs", false, true, false), ("dependentSchemas", false, true, false),
                  ("unevaluatedProperties", true, false, false), ("unevaluatedItems", true, false, false)]
        }
        if draft >= 2020 { k += [("prefixItems", false, false, true)] }
        return k
    }

    mutating func collect(_ node: SchemaJSON, path: [String], base: String) {
        var base = base
        if let id = schemaID(node) {
            let (url, fragment) = SchemaURL.split(SchemaURL.resolve(base: base, reference: id))
            if !url.isEmpty && url != base { resources[url] = path; base = url; bases[path] = base }
            if draft < 2019, let f = fragment, !f.isEmpty, !f.hasPrefix("/") { anchors[base + "#" + f] = path }
        }
        guard let obj = node.objectValue else { return }
        if draft >= 2019, let a = obj["$anchor"]?.stringValue { anchors[base + "#" + a] = path }
        if draft >= 2020, let a = obj["$dynamicAnchor"]?.stringValue { anchors[base + "#" + a] = path }
        for (kw, isSelf, isMap, isArray) in subschemaKeywords {
            guard let v = obj[kw] else { continue }
            if isSelf, v.objectValue != nil || v.boolValue != nil { collect(v, path: path + [kw], base: base) }
            if isArray, let arr = v.arrayValue {
                for (i, item) in arr.enumerated() { collect(item, path: path + [kw, String(i)], base: base) }
            }
            if isMap, let m = v.objectValue {
                for (name, sub) in m where sub.objectValue != nil || sub.boolValue != nil {
                    collect(sub, path: path + [kw, name], base: base)
                }
            }
        }
    }

    static func key(_ path: [String]) -> String { SchemaText.jsonPointer(path) }

    func node(at path: [String]) -> SchemaJSON? {
        var n = doc
        for t in path {
            switch n {
            case .object(let o):
                guard let next = o[t] else { return nil }
                n = next
            case .array(let a):
                guard let i = Int(t), i >= 0, i < a.count else { return nil }
                n = a[i]
            default: return nil
            }
        }
        return n
    }

    /// The base URL in effect at `path` (its nearest enclosing `$id`).
    func base(at path: [String]) -> String {
        var p = path
        while true {
            if let b = bases[p] { return b }
            if p.isEmpty { return Self.rootURL }
            p.removeLast()
        }
    }

    // MARK: compilation

    mutating func enqueue(path: [String], node: SchemaJSON? = nil) throws(SchemaDocumentError) -> Int {
        if let i = indexByPath[path] { return i }
        let i = schemas.count
        var s = CompiledSchema()
        s.path = path
        s.draft = draft
        schemas.append(s)
        indexByPath[path] = i
        pending.append((i, path, node))
        return i
    }

    mutating func permissive() -> Int {
        if let t = trueIndex { return t }
        var s = CompiledSchema()
        s.boolValue = true
        schemas.append(s)
        trueIndex = schemas.count - 1
        return schemas.count - 1
    }

    mutating func resolveRef(_ ref: String, at path: [String]) throws(SchemaDocumentError) -> Int {
        let absolute = SchemaURL.resolve(base: base(at: path), reference: ref)
        let (url, fragment) = SchemaURL.split(absolute)
        guard let resourcePath = resources[url] else {
            if url.hasPrefix("urn:") { return permissive() }
            if url.hasPrefix("file://") {
                let file = SchemaURL.percentDecode(String(url.dropFirst(7)))
                throw SchemaDocumentError(message: "failing loading \"\(url)\": open \(file): no such file or directory")
            }
            throw SchemaDocumentError(message: "failing loading \"\(url)\": swiftchart does not fetch remote schema references ($ref \"\(ref)\")")
        }
        guard let f = fragment, !f.isEmpty else { return try enqueue(path: resourcePath) }
        if f.hasPrefix("/") {
            var target = resourcePath
            for token in f.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
                let t = SchemaURL.percentDecode(String(token)).replacingAll("~1", with: "/").replacingAll("~0", with: "~")
                target.append(t)
            }
            guard node(at: target) != nil else {
                throw SchemaDocumentError(message: "json-pointer in \"\(url)#\(f)\" not found")
            }
            return try enqueue(path: target)
        }
        guard let target = anchors[url + "#" + f] else {
            throw SchemaDocumentError(message: "anchor in \"\(url)#\(f)\" not found in schema \"\(url)\"")
        }
        return try enqueue(path: target)
    }

    mutating func compileNode(index: Int, path: [String], node given: SchemaJSON?) throws(SchemaDocumentError) {
        guard let node = given ?? node(at: path) else { return }
        var s = schemas[index]
        defer { schemas[index] = s }
        if let b = node.boolValue { s.boolValue = b; return }
        guard let obj = node.objectValue else { s.boolValue = true; return }

        func sub(_ kw: String) throws(SchemaDocumentError) -> Int? {
            guard let v = obj[kw], v.objectValue != nil || v.boolValue != nil else { return nil }
            return try enqueue(path: path + [kw], node: v)
        }
        func subArray(_ kw: String) throws(SchemaDocumentError) -> [Int]? {
            guard let arr = obj[kw]?.arrayValue else { return nil }
            var out: [Int] = []
            for (i, v) in arr.enumerated() { out.append(try enqueue(path: path + [kw, String(i)], node: v)) }
            return out
        }
        func subMap(_ kw: String) throws(SchemaDocumentError) -> [(String, Int)] {
            guard let m = obj[kw]?.objectValue else { return [] }
            var out: [(String, Int)] = []
            for name in m.keys.sorted() { out.append((name, try enqueue(path: path + [kw, name], node: m[name]))) }
            return out
        }
        func additional(_ kw: String) throws(SchemaDocumentError) -> SchemaAdditional? {
            if let b = obj[kw]?.boolValue { return .allowed(b) }
            return try sub(kw).map { .schema($0) }
        }
        func pattern(_ source: String, _ kw: String) throws(SchemaDocumentError) -> SchemaPattern {
            do { return try SchemaPattern(source) } catch {
                throw SchemaDocumentError(message: "invalid regex \(SchemaText.goQuote(source)) at \(SchemaText.goQuote(s.location + "/" + kw)): \(error)")
            }
        }
        func strings(_ v: SchemaJSON?) -> [String] { v?.arrayValue?.compactMap(\.stringValue) ?? [] }

        if let r = obj["$ref"]?.stringValue {
            s.ref = try resolveRef(r, at: path)
            if draft < 2019 { return }
        }
        if draft >= 2019, let r = obj["$recursiveRef"]?.stringValue { s.dynamicRef = try resolveRef(r, at: path) }
        if draft >= 2020, let r = obj["$dynamicRef"]?.stringValue { s.dynamicRef = try resolveRef(r, at: path) }

        // applicator
        s.allOf = try subArray("allOf") ?? []
        s.anyOf = try subArray("anyOf") ?? []
        s.oneOf = try subArray("oneOf") ?? []
        s.not = try sub("not")
        if draft < 2020, let items = obj["items"] {
            if items.arrayValue != nil {
                s.itemsArray = try subArray("items")
                s.additionalItems = try additional("additionalItems")
            } else {
                s.items = try sub("items")
            }
        }
        for (name, i) in try subMap("properties") { s.properties[name] = i }
        for (name, i) in try subMap("patternProperties") {
            s.patternProperties.append((try pattern(name, "patternProperties"), i))
        }
        s.additionalProperties = try additional("additionalProperties")
        if let deps = obj["dependencies"]?.objectValue {
            for name in deps.keys.sorted() {
                if let arr = deps[name]?.arrayValue {
                    s.dependencies.append((name, .required(arr.compactMap(\.stringValue))))
                } else {
                    s.dependencies.append((name, .schema(try enqueue(path: path + ["dependencies", name]))))
                }
            }
        }

        // validation
        if let t = obj["type"] {
            for name in t.stringValue.map({ [$0] }) ?? strings(t) {
                if let ty = SchemaTypes(name: name) { s.types.insert(ty) }
            }
        }
        s.enumValues = obj["enum"]?.arrayValue
        s.multipleOf = obj["multipleOf"]?.decimalValue
        s.maximum = obj["maximum"]?.decimalValue
        if obj["exclusiveMaximum"]?.boolValue == true {
            s.exclusiveMaximum = s.maximum
            s.maximum = nil
        } else {
            s.exclusiveMaximum = obj["exclusiveMaximum"]?.decimalValue
        }
        s.minimum = obj["minimum"]?.decimalValue
        if obj["exclusiveMinimum"]?.boolValue == true {
            s.exclusiveMinimum = s.minimum
            s.minimum = nil
        } else {
            s.exclusiveMinimum = obj["exclusiveMinimum"]?.decimalValue
        }
        s.minLength = obj["minLength"]?.intValue
        s.maxLength = obj["maxLength"]?.intValue
        if let p = obj["pattern"]?.stringValue { s.pattern = try pattern(p, "pattern") }
        s.minItems = obj["minItems"]?.intValue
        s.maxItems = obj["maxItems"]?.intValue
        s.uniqueItems = obj["uniqueItems"]?.boolValue ?? false
        s.maxProperties = obj["maxProperties"]?.intValue
        s.minProperties = obj["minProperties"]?.intValue
        s.required = strings(obj["required"])

        if draft < 2019, let f = obj["format"]?.stringValue {
            if f == "regex" {
                s.format = .regex
            } else {
                s.format = SchemaFormat(rawValue: f)
            }
        }

        if draft >= 6 {
            s.contains = try sub("contains")
            s.propertyNames = try sub("propertyNames")
            s.constValue = obj["const"]
        }
        if draft >= 7, obj["if"] != nil {
            s.ifSchema = try sub("if")
            let b = obj["if"]?.boolValue
            if b == nil || b == true { s.thenSchema = try sub("then") }
            if b == nil || b == false { s.elseSchema = try sub("else") }
        }
        if draft >= 2019 {
            if s.contains != nil {
                s.minContains = obj["minContains"]?.intValue
                s.maxContains = obj["maxContains"]?.intValue
            }
            if let m = obj["dependentRequired"]?.objectValue {
                for name in m.keys.sorted() {
                    if let arr = m[name]?.arrayValue { s.dependentRequired.append((name, arr.compactMap(\.stringValue))) }
                }
            }
            s.dependentSchemas = try subMap("dependentSchemas")
            s.unevaluatedItems = try sub("unevaluatedItems")
            s.unevaluatedProperties = try sub("unevaluatedProperties")
        }
        if draft >= 2020 {
            s.prefixItems = try subArray("prefixItems") ?? []
            s.items2020 = try sub("items")
        }

        if draft < 2020 {
            if s.items != nil || (s.itemsArray != nil && s.additionalItems != nil) {
                s.allItemsEvaluated = true
            } else if let a = s.itemsArray {
                s.numItemsEvaluated = a.count
            }
        } else {
            if s.items2020 != nil { s.allItemsEvaluated = true } else { s.numItemsEvaluated = s.prefixItems.count }
        }
    }
}
