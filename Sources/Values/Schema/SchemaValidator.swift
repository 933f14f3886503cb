/// One node of jsonschema's error tree (`ValidationError`): a message at an
/// instance location, or a group/reference node whose causes carry the detail.
struct SchemaErrorNode: Sendable {
    enum Kind: Sendable, Equatable {
        case group
        case reference
        case message(String)
    }
    var kind: Kind
    var location: [String]
    var causes: [SchemaErrorNode] = []
}

/// Properties/items not yet evaluated, for `unevaluatedProperties`/`unevaluatedItems`.
struct SchemaUneval {
    var props: Set<String>?
    var items: Set<Int>?

    var isEmpty: Bool { (props?.isEmpty ?? true) && (items?.isEmpty ?? true) }

    mutating func merge(_ other: SchemaUneval) {
        if let p = props { props = p.filter { other.props?.contains($0) ?? false } }
        if let i = items { items = i.filter { other.items?.contains($0) ?? false } }
    }
}

/// A port of jsonschema v6's validator: keyword order, early returns and the
/// error tree shape follow it, so messages group the way Helm prints them.
/// Where Go iterates a map (properties of the instance, `dependencies`…), keys
/// are visited in sorted order to make the output deterministic.
struct SchemaValidator {
    let set: CompiledSchemaSet

    /// Validates the root; returns the top-level causes (empty when valid).
    func validateRoot(_ value: Value) -> [SchemaErrorNode] {
        var uneval = unevalFrom(value, 0, callerNeeds: false)
        guard let err = validate(0, value, [], scope: [], boolResult: false, uneval: &uneval) else { return [] }
        if err.kind == .group { return err.causes }
        return [err]
    }

    func node(_ kind: String, _ loc: [String], causes: [SchemaErrorNode] = []) -> SchemaErrorNode {
        SchemaErrorNode(kind: .message(kind), location: loc, causes: causes)
    }

    func unevalFrom(_ v: Value, _ si: Int, callerNeeds: Bool) -> SchemaUneval {
        let s = set.schemas[si]
        var u = SchemaUneval()
        switch SchemaInstance.normalized(v) {
        case .map(let m):
            if callerNeeds || s.unevaluatedProperties != nil { u.props = Set(m.keys) }
        case .list(let l, _):
            if !s.allItemsEvaluated, callerNeeds || s.unevaluatedItems != nil, s.numItemsEvaluated < l.count {
                u.items = Set(s.numItemsEvaluated..<l.count)
            }
        default: break
        }
        return u
    }

    // swiftlint:disable:next function_body_length cyclomatic_complexity
    func validate(_ si: Int, _ raw: Value, _ loc: [String], scope: [Int], boolResult: Bool,
                  uneval: inout SchemaUneval) -> SchemaErrorNode? {
        let s = set.schemas[si]
        if let b = s.boolValue { return b ? nil : node("false schema", loc) }
        if scope.contains(si) {
            return node("both \(s.location) and \(s.location) resolve to \(SchemaText.goQuote(s.location)) causing reference cycle", loc)
        }
        let scope = scope + [si]
        let v = SchemaInstance.normalized(raw)
        let t = SchemaInstance.typeOf(v)
        guard let t else { return node("invalid jsonType \(raw.goTypeName)", loc) }

        if !s.types.isEmpty {
            let matched = s.types.contains(t) || (s.types.contains(.integer) && t == .number && SchemaInstance.isInteger(v))
            if !matched {
                return node("got \(SchemaInstance.typeName(t)), want \(s.types.names.joined(separator: " or "))", loc)
            }
        }
        if let c = s.constValue, !SchemaInstance.equals(v, c) {
            switch c {
            case .array, .object: return node("'const' failed", loc)
            default: return node("value must be \(SchemaText.display(c))", loc)
            }
        }
        if let e = s.enumValues, !e.contains(where: { SchemaInstance.equals(v, $0) }) {
            if e.contains(where: { $0.arrayValue != nil || $0.objectValue != nil }) { return node("'enum' failed", loc) }
            if e.count == 1 { return node("value must be \(SchemaText.display(e[0]))", loc) }
            return node("value must be one of \(e.map(SchemaText.display).joined(separator: ", "))", loc)
        }
        if let f = s.format, case .string(let str) = v, let why = f.check(str) {
            return node("\(SchemaText.quote(str)) is not valid \(f.rawValue): \(why)", loc)
        }

        var errors: [SchemaErrorNode] = []
        if let r = s.ref {
            let err = validateRef(r, raw, loc, scope: scope, boolResult: boolResult, uneval: &uneval)
            if s.draft < 2019 { return err }
            if let err { errors.append(err) }
        }

        switch v {
        case .map(let obj): validateObject(s, obj.dictionary, loc, scope: scope, boolResult: boolResult, uneval: &uneval, errors: &errors)
        case .list(let arr, _): validateArray(s, arr, loc, boolResult: boolResult, uneval: &uneval, errors: &errors)
        case .string(let str): validateString(s, str, loc, errors: &errors)
        default:
            if let n = SchemaInstance.number(v) { validateNumber(s, n, loc, errors: &errors) }
        }

        if errors.isEmpty || !boolResult {
            if let d = s.dynamicRef, let err = validateRef(d, raw, loc, scope: scope, boolResult: boolResult, uneval: &uneval) {
                errors.append(err)
            }
            validateConditions(s, raw, loc, scope: scope, boolResult: boolResult, uneval: &uneval, errors: &errors)
            if s.draft >= 2019 { validateUnevaluated(s, v, loc, boolResult: boolResult, uneval: &uneval, errors: &errors) }
        }

        switch errors.count {
        case 0: return nil
        case 1: return errors[0]
        default: return SchemaErrorNode(kind: .group, location: loc, causes: errors)
        }
    }

    func validateSelf(_ si: Int, _ v: Value, _ loc: [String], scope: [Int], boolResult: Bool,
                      uneval: inout SchemaUneval) -> SchemaErrorNode? {
        var sub = unevalFrom(v, si, callerNeeds: !uneval.isEmpty)
        let err = validate(si, v, loc, scope: scope, boolResult: boolResult, uneval: &sub)
        if err == nil { uneval.merge(sub) }
        return err
    }

    func validateVal(_ si: Int, _ v: Value, _ loc: [String], _ token: String, boolResult: Bool) -> SchemaErrorNode? {
        var sub = unevalFrom(v, si, callerNeeds: false)
        return validate(si, v, loc + [token], scope: [], boolResult: boolResult, uneval: &sub)
    }

    func validateRef(_ si: Int, _ v: Value, _ loc: [String], scope: [Int], boolResult: Bool,
                     uneval: inout SchemaUneval) -> SchemaErrorNode? {
        guard let err = validateSelf(si, v, loc, scope: scope, boolResult: boolResult, uneval: &uneval) else { return nil }
        var ref = SchemaErrorNode(kind: .reference, location: loc)
        ref.causes = err.kind == .group ? err.causes : [err]
        return ref
    }

    func validateObject(_ s: CompiledSchema, _ obj: [String: Value], _ loc: [String], scope: [Int], boolResult: Bool,
                        uneval: inout SchemaUneval, errors: inout [SchemaErrorNode]) {
        if let m = s.minProperties, obj.count < m {
            errors.append(node("minProperties: got \(SchemaText.localizedInt(obj.count)), want \(SchemaText.localizedInt(m))", loc))
        }
        if let m = s.maxProperties, obj.count > m {
            errors.append(node("maxProperties: got \(SchemaText.localizedInt(obj.count)), want \(SchemaText.localizedInt(m))", loc))
        }
        let missing = s.required.filter { obj[$0] == nil }
        if !missing.isEmpty {
            errors.append(node(missing.count == 1 ? "missing property \(SchemaText.quote(missing[0]))"
                                                  : "missing properties \(SchemaText.joinQuoted(missing))", loc))
        }
        if boolResult && !errors.isEmpty { return }

        for (name, dep) in s.dependencies where obj[name] != nil {
            switch dep {
            case .required(let req):
                let miss = req.filter { obj[$0] == nil }
                if !miss.isEmpty {
                    errors.append(node("properties \(SchemaText.joinQuoted(miss)) required, if \(SchemaText.quote(name)) exists", loc))
                }
            case .schema(let d):
                if let e = validateSelf(d, .map(obj), loc, scope: scope, boolResult: boolResult, uneval: &uneval) { errors.append(e) }
            }
        }

        var additional: [String] = []
        for name in obj.keys.sorted() {
            if boolResult && !errors.isEmpty { return }
            let pvalue = obj[name] ?? .null
            var evaluated = false
            if let p = s.properties[name] {
                evaluated = true
                if let e = validateVal(p, pvalue, loc, name, boolResult: boolResult) { errors.append(e) }
            }
            for (re, p) in s.patternProperties where re.matches(name) {
                evaluated = true
                if let e = validateVal(p, pvalue, loc, name, boolResult: boolResult) { errors.append(e) }
            }
            if !evaluated, let a = s.additionalProperties {
                evaluated = true
                switch a {
                case .allowed(let ok): if !ok { additional.append(name) }
                case .schema(let p):
                    if let e = validateVal(p, pvalue, loc, name, boolResult: boolResult) { errors.append(e) }
                }
            }
            if evaluated { uneval.props?.remove(name) }
        }
        if !additional.isEmpty {
            errors.append(node("additional properties \(SchemaText.joinQuoted(additional)) not allowed", loc))
        }
        if s.draft == 4 { return }

        if let pn = s.propertyNames {
            for name in obj.keys.sorted() {
                var sub = SchemaUneval()
                if let e = validate(pn, .string(name), [], scope: [], boolResult: boolResult, uneval: &sub) {
                    let causes = e.kind == .group ? e.causes : [e]
                    errors.append(node("invalid propertyName \(SchemaText.quote(name))", loc, causes: causes))
                }
            }
        }
        if s.draft == 6 { return }

        for (name, d) in s.dependentSchemas where obj[name] != nil {
            if let e = validateSelf(d, .map(obj), loc, scope: scope, boolResult: boolResult, uneval: &uneval) { errors.append(e) }
        }
        for (name, req) in s.dependentRequired where obj[name] != nil {
            let miss = req.filter { obj[$0] == nil }
            if !miss.isEmpty {
                errors.append(node("properties \(SchemaText.joinQuoted(miss)) required, if \(SchemaText.quote(name)) exists", loc))
            }
        }
    }

    func validateArray(_ s: CompiledSchema, _ arr: [Value], _ loc: [String], boolResult: Bool,
                       uneval: inout SchemaUneval, errors: inout [SchemaErrorNode]) {
        if let m = s.minItems, arr.count < m {
            errors.append(node("minItems: got \(SchemaText.localizedInt(arr.count)), want \(SchemaText.localizedInt(m))", loc))
        }
        if let m = s.maxItems, arr.count > m {
            errors.append(node("maxItems: got \(SchemaText.localizedInt(arr.count)), want \(SchemaText.localizedInt(m))", loc))
        }
        if s.uniqueItems && arr.count > 1 {
            let norm = arr.map(SchemaInstance.normalized)
            search: for i in 1..<norm.count {
                for j in 0..<i where SchemaInstance.equals(norm[j], norm[i]) {
                    errors.append(node("items at \(SchemaText.localizedInt(j)) and \(SchemaText.localizedInt(i)) are equal", loc))
                    break search
                }
            }
        }
        if s.draft < 2020 {
            var evaluated = 0
            if let items = s.items {
                for (i, item) in arr.enumerated() {
                    if let e = validateVal(items, item, loc, String(i), boolResult: boolResult) { errors.append(e) }
                }
                evaluated = arr.count
            } else if let items = s.itemsArray {
                let n = min(arr.count, items.count)
                for i in 0..<n {
                    if let e = validateVal(items[i], arr[i], loc, String(i), boolResult: boolResult) { errors.append(e) }
                }
                evaluated = n
            }
            if let a = s.additionalItems {
                switch a {
                case .allowed(let ok):
                    if !ok && evaluated != arr.count {
                        errors.append(node("last \(SchemaText.localizedInt(arr.count - evaluated)) additionalItem(s) not allowed", loc))
                    }
                case .schema(let p):
                    for i in evaluated..<arr.count {
                        if let e = validateVal(p, arr[i], loc, String(i), boolResult: boolResult) { errors.append(e) }
                    }
                }
            }
        } else {
            let evaluated = min(s.prefixItems.count, arr.count)
            for i in 0..<evaluated {
                if let e = validateVal(s.prefixItems[i], arr[i], loc, String(i), boolResult: boolResult) { errors.append(e) }
            }
            if let items = s.items2020 {
                for i in evaluated..<arr.count {
                    if let e = validateVal(items, arr[i], loc, String(i), boolResult: boolResult) { errors.append(e) }
                }
            }
        }
        if let c = s.contains {
            var failures: [SchemaErrorNode] = []
            var matched: [Int] = []
            for (i, item) in arr.enumerated() {
                if let e = validateVal(c, item, loc, String(i), boolResult: boolResult) {
                    failures.append(e)
                } else {
                    matched.append(i)
                    if s.draft >= 2020 { uneval.items?.remove(i) }
                }
            }
            let at = matched.map(String.init).joined(separator: " ")
            if let m = s.minContains {
                if matched.count < m {
                    let msg = matched.isEmpty
                        ? "min \(SchemaText.localizedInt(m)) items required to match contains schema, but none matched"
                        : "min \(SchemaText.localizedInt(m)) items required to match contains schema, but matched \(SchemaText.localizedInt(matched.count)) items at \(at)"
                    errors.append(node(msg, loc, causes: failures))
                }
            } else if matched.isEmpty {
                errors.append(node("no items match contains schema", loc, causes: failures))
            }
            if let m = s.maxContains, matched.count > m {
                errors.append(node("max \(SchemaText.localizedInt(m)) items required to match contains schema, but matched \(SchemaText.localizedInt(matched.count)) items at \(at)", loc))
            }
        }
    }

    func validateString(_ s: CompiledSchema, _ str: String, _ loc: [String], errors: inout [SchemaErrorNode]) {
        if s.minLength != nil || s.maxLength != nil {
            let n = str.unicodeScalars.count
            if let m = s.minLength, n < m {
                errors.append(node("minLength: got \(SchemaText.localizedInt(n)), want \(SchemaText.localizedInt(m))", loc))
            }
            if let m = s.maxLength, n > m {
                errors.append(node("maxLength: got \(SchemaText.localizedInt(n)), want \(SchemaText.localizedInt(m))", loc))
            }
        }
        if let p = s.pattern, !p.matches(str) {
            errors.append(node("\(SchemaText.quote(str)) does not match pattern \(SchemaText.quote(p.source))", loc))
        }
    }

    func validateNumber(_ s: CompiledSchema, _ n: (SchemaDecimal, Double), _ loc: [String], errors: inout [SchemaErrorNode]) {
        let (num, d) = n
        func msg(_ kw: String, _ want: SchemaDecimal) -> String {
            "\(kw): got \(SchemaText.localizedFloat(d)), want \(SchemaText.localizedFloat(want.doubleValue))"
        }
        if let m = s.minimum, SchemaDecimal.compare(num, m) < 0 { errors.append(node(msg("minimum", m), loc)) }
        if let m = s.maximum, SchemaDecimal.compare(num, m) > 0 { errors.append(node(msg("maximum", m), loc)) }
        if let m = s.exclusiveMinimum, SchemaDecimal.compare(num, m) <= 0 { errors.append(node(msg("exclusiveMinimum", m), loc)) }
        if let m = s.exclusiveMaximum, SchemaDecimal.compare(num, m) >= 0 { errors.append(node(msg("exclusiveMaximum", m), loc)) }
        if let m = s.multipleOf, !m.isZero, !num.isMultiple(of: m) { errors.append(node(msg("multipleOf", m), loc)) }
    }

    func validateConditions(_ s: CompiledSchema, _ v: Value, _ loc: [String], scope: [Int], boolResult: Bool,
                            uneval: inout SchemaUneval, errors: inout [SchemaErrorNode]) {
        if let n = s.not, validateSelf(n, v, loc, scope: scope, boolResult: true, uneval: &uneval) == nil {
            errors.append(node("'not' failed", loc))
        }
        if !s.allOf.isEmpty {
            var failures: [SchemaErrorNode] = []
            for sub in s.allOf {
                if let e = validateSelf(sub, v, loc, scope: scope, boolResult: boolResult, uneval: &uneval) {
                    failures.append(e)
                    if boolResult { break }
                }
            }
            if !failures.isEmpty { errors.append(node("'allOf' failed", loc, causes: failures)) }
        }
        if !s.anyOf.isEmpty {
            var matched = false
            var failures: [SchemaErrorNode] = []
            for sub in s.anyOf {
                if let e = validateSelf(sub, v, loc, scope: scope, boolResult: boolResult, uneval: &uneval) {
                    failures.append(e)
                } else {
                    matched = true
                    if uneval.isEmpty { break }
                }
            }
            if !matched { errors.append(node("'anyOf' failed", loc, causes: failures)) }
        }
        if !s.oneOf.isEmpty {
            var matched = -1
            var failures: [SchemaErrorNode] = []
            for (i, sub) in s.oneOf.enumerated() {
                if let e = validateSelf(sub, v, loc, scope: scope, boolResult: boolResult || matched != -1, uneval: &uneval) {
                    if matched == -1 { failures.append(e) }
                } else if matched == -1 {
                    matched = i
                } else {
                    errors.append(node("'oneOf' failed, subschemas \(SchemaText.localizedInt(matched)), \(SchemaText.localizedInt(i)) matched", loc))
                    break
                }
            }
            if matched == -1 { errors.append(node("'oneOf' failed, none matched", loc, causes: failures)) }
        }
        if let cond = s.ifSchema {
            if validateSelf(cond, v, loc, scope: scope, boolResult: true, uneval: &uneval) == nil {
                if let t = s.thenSchema, let e = validateSelf(t, v, loc, scope: scope, boolResult: boolResult, uneval: &uneval) {
                    errors.append(e)
                }
            } else if let el = s.elseSchema, let e = validateSelf(el, v, loc, scope: scope, boolResult: boolResult, uneval: &uneval) {
                errors.append(e)
            }
        }
    }

    func validateUnevaluated(_ s: CompiledSchema, _ v: Value, _ loc: [String], boolResult: Bool,
                             uneval: inout SchemaUneval, errors: inout [SchemaErrorNode]) {
        if case .map(let obj) = v, let u = s.unevaluatedProperties {
            for name in (uneval.props ?? []).sorted() {
                if let pv = obj[name], let e = validateVal(u, pv, loc, name, boolResult: boolResult) { errors.append(e) }
            }
            uneval.props = nil
        }
        if case .list(let arr, _) = v, let u = s.unevaluatedItems {
            for i in (uneval.items ?? []).sorted() {
                if let e = validateVal(u, arr[i], loc, String(i), boolResult: boolResult) { errors.append(e) }
            }
            uneval.items = nil
        }
    }
}
