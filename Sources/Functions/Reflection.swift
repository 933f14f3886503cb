import Template
import Values

/// Sprig's reflect.go: Go type and kind names as templates observe them.
enum ReflectionFunctions {
    static func register(into t: inout FunctionTable, options: FunctionOptions) {
        t.add("typeOf", [.any]) { a, _ in .string(a.arg(0).goTypeName) }
        t.add("typeIs", [.string, .any]) { a, _ in .bool(a.string(0) == a.arg(1).goTypeName) }
        t.add("typeIsLike", [.string, .any]) { a, _ in
            let target = a.string(0), type = a.arg(1).goTypeName
            return .bool(target == type || "*" + target == type)
        }
        t.add("kindOf", [.any]) { a, _ in .string(a.arg(0).goKind) }
        t.add("kindIs", [.string, .any]) { a, _ in .bool(a.string(0) == a.arg(1).goKind) }
        t.add("deepEqual", [.any, .any]) { a, _ in .bool(GoReflect.deepEqual(a.arg(0), a.arg(1))) }
    }
}
