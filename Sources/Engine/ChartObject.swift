import Chart
import Values

/// `.Chart` as Helm v4 hands it to templates: the metadata converted to a
/// `map[string]interface{}` keyed by Go field names (`Name`, `AppVersion`…)
/// plus `IsRoot`. Dependencies and maintainers are maps too; `Annotations`
/// stays a `map[string]string` (nil when absent: prints `map[]`, JSON `null`).
enum ChartObject {
    static func value(for metadata: ChartMetadata, isRoot: Bool) -> Value {
        func strings(_ s: [String]?) -> Value { .list((s ?? []).map { .string($0) }) }
        let annotations: Value
        if let a = metadata.annotations {
            annotations = .map(a.mapValues { .string($0) })
        } else {
            annotations = .object(NilStringMap())
        }
        return .map([
            "APIVersion": .string(metadata.apiVersion),
            "Annotations": annotations,
            "AppVersion": .string(metadata.appVersion),
            "Condition": .string(metadata.condition),
            "Dependencies": .list((metadata.dependencies ?? []).map(dependency)),
            "Deprecated": .bool(metadata.deprecated),
            "Description": .string(metadata.description),
            "Home": .string(metadata.home),
            "Icon": .string(metadata.icon),
            "IsRoot": .bool(isRoot),
            "Keywords": strings(metadata.keywords),
            "KubeVersion": .string(metadata.kubeVersion),
            "Maintainers": .list((metadata.maintainers ?? []).map {
                .map(["Name": .string($0.name), "Email": .string($0.email), "URL": .string($0.url)])
            }),
            "Name": .string(metadata.name),
            "Sources": strings(metadata.sources),
            "Tags": .string(metadata.tags),
            "Type": .string(metadata.type),
            "Version": .string(metadata.version),
        ])
    }

    static func dependency(_ d: ChartDependency) -> Value {
        .map([
            "Alias": .string(d.alias),
            "Condition": .string(d.condition),
            "Enabled": .bool(d.enabled),
            "ImportValues": .list((d.importValues ?? []).map { iv in
                switch iv {
                case .exported(let s): return .string(s)
                case .mapping(let child, let parent): return .map(["child": .string(child), "parent": .string(parent)])
                }
            }),
            "Name": .string(d.name),
            "Repository": .string(d.repository),
            "Tags": .list((d.tags ?? []).map { .string($0) }),
            "Version": .string(d.version),
        ])
    }
}

/// A nil `map[string]string`: empty when printed or ranged, `null` in JSON.
struct NilStringMap: GoObject {
    var goTypeName: String { "map[string]string" }
    var goKind: String { "map" }
    var isTruthy: Bool { false }
    func member(_ name: String) -> GoMember? { nil }
    func formatted() -> String { "map[]" }
    func jsonValue() -> Value { .null }
}
