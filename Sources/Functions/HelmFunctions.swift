import Template
import Values

/// Helm's own template functions (pkg/engine/funcs.go and the render-time
/// `include`/`tpl`/`required`), plus Sprig's JSON functions.
enum HelmFunctions {
    static func register(into t: inout FunctionTable, options: FunctionOptions) {
        t.add("toYaml", [.any]) { a, _ in .string(trimmingNewline(YAML.emit(a.arg(0)))) }
        t.add("mustToYaml", [.any]) { a, _ in
            do { return .string(trimmingNewline(try YAML.emitThrowing(a.arg(0)))) } catch { throw FunctionError(error.message) }
        }
        t.add("toYamlPretty", [.any]) { a, _ in .string(PrettyYAML.emit(a.arg(0))) }
        t.add("fromYaml", [.string]) { a, _ in
            do {
                let v = try YAML.load(Array(a.string(0).utf8), file: "")
                switch v {
                case .map: return v
                case .null: return .map([:])
                default:
                    return .map(["Error": .string("error unmarshaling JSON: while decoding JSON: json: cannot unmarshal \(jsonKind(v)) into Go value of type map[string]interface {}")])
                }
            } catch {
                return .map(["Error": .string(yamlErrorText(error))])
            }
        }
        t.add("fromYamlArray", [.string]) { a, _ in
            do {
                let v = try YAML.load(Array(a.string(0).utf8), file: "")
                switch v {
                case .list: return v
                case .null: return .list([])
                default:
                    return .list([.string("error unmarshaling JSON: while decoding JSON: json: cannot unmarshal \(jsonKind(v)) into Go value of type []interface {}")])
                }
            } catch {
                return .list([.string(yamlErrorText(error))])
            }
        }
        t.add("toJson", [.any]) { a, _ in .string(JSON.encode(a.arg(0))) }
        t.add("mustToJson", [.any]) { a, _ in
            do { return .string(try JSON.encodeThrowing(a.arg(0))) } catch { throw FunctionError(error.message) }
        }
        t.add("toPrettyJson", [.any]) { a, _ in .string(JSON.encode(a.arg(0), indent: "  ")) }
        t.add("mustToPrettyJson", [.any]) { a, _ in
            do { return .string(try JSON.encodeThrowing(a.arg(0), indent: "  ")) } catch { throw FunctionError(error.message) }
        }
        for name in ["toRawJson", "mustToRawJson"] {
            t.add(name, [.any]) { a, _ in
                do { return .string(try JSON.encodeThrowing(a.arg(0), escapeHTML: false)) } catch { throw FunctionError(error.message) }
            }
        }
        t.add("fromJson", [.string]) { a, _ in
            do {
                let v = try JSON.decode(Array(a.string(0).utf8))
                switch v {
                case .map: return v
                case .null: return .map([:])
                default: return .map(["Error": .string("json: cannot unmarshal \(jsonKind(v)) into Go value of type map[string]interface {}")])
                }
            } catch {
                return .map(["Error": .string(error.message)])
            }
        }
        t.add("fromJsonArray", [.string]) { a, _ in
            do {
                let v = try JSON.decode(Array(a.string(0).utf8))
                switch v {
                case .list: return v
                case .null: return .list([])
                default: return .list([.string("json: cannot unmarshal \(jsonKind(v)) into Go value of type []interface {}")])
                }
            } catch {
                return .list([.string(error.message)])
            }
        }
        t.add("mustFromJson", [.string]) { a, _ in
            do { return try JSON.decode(Array(a.string(0).utf8)) } catch { throw FunctionError(error.message) }
        }
        t.add("toToml", [.any]) { a, _ in
            do { return .string(try TOMLEncoder.encode(a.arg(0))) } catch let e as FunctionError { return .string(e.message) }
        }
        t.add("mustToToml", [.any]) { a, _ in .string(try TOMLEncoder.encode(a.arg(0))) }
        t.add("fromToml", [.string]) { a, _ in
            do { return .map(try TOMLParser.parse(a.string(0))) } catch let e as FunctionError {
                return .map(["Error": .string(e.message)])
            }
        }
        let lintMode = options.lintMode
        t.add("fail", [.string]) { a, _ in
            if lintMode { return .string("") }
            throw FunctionError(a.string(0))
        }
        t.add("required", [.string, .any]) { a, _ in
            switch a.arg(1) {
            case .null, .string(""):
                if lintMode { return .string("") }
                throw FunctionError(a.string(0))
            default: return a.arg(1)
            }
        }
        t.add("include", [.string, .any]) { a, ctx in .string(try ctx.executeTemplate(named: a.string(0), data: a.arg(1))) }
        t.add("tpl", [.string, .any]) { a, ctx in
            let text = a.string(0)
            let rendered: String
            do {
                rendered = try ctx.executeInline(text, name: "gotpl", data: a.arg(1))
            } catch let error as TemplateError where error.kind == .parse {
                throw FunctionError("cannot parse template \(GoStrconv.quote(text)): \(error)")
            } catch let error as TemplateError where error.kind == .execution {
                throw FunctionError("error during tpl function execution for \(GoStrconv.quote(text)): \(error)")
            }
            return .string(StringFunctions.replaceAll(rendered, "<no value>", ""))
        }
        t.add("lookup", [.string, .string, .string, .string]) { _, _ in .map([:]) }
        t.add("getHostByName", [.string]) { a, _ in
            guard options.allowDNSLookup else { return .string("") }
            return .string(HostLookup.firstAddress(a.string(0)) ?? "")
        }
    }

    static func trimmingNewline(_ s: String) -> String { s.hasSuffix("\n") ? String(s.dropLast()) : s }

    static func jsonKind(_ v: Value) -> String {
        switch v {
        case .list, .bytes: return "array"
        case .map: return "object"
        case .string: return "string"
        case .bool: return "bool"
        case .int, .int64, .float: return "number"
        default: return "object"
        }
    }

    static func yamlErrorText(_ error: any Error) -> String {
        error.message.hasPrefix("error converting YAML to JSON") ? error.message : "error converting YAML to JSON: " + error.message
    }

}

extension Error {
    var message: String {
        if let e = self as? ValuesError { return e.message }
        if let e = self as? FunctionError { return e.message }
        return "\(self)"
    }
}
