import Values

/// Chart metadata as Helm marshals it (`sigs.k8s.io/yaml` over `chart.Metadata`'s JSON tags):
/// empty fields omitted, keys sorted by the YAML emitter.
extension ChartMetadata {
    /// The metadata as the JSON object `encoding/json` would produce (omitempty honoured).
    public var jsonValue: Value {
        var m: [String: Value] = [:]
        func put(_ key: String, _ s: String) { if !s.isEmpty { m[key] = .string(s) } }
        func put(_ key: String, _ list: [String]?) { if let list, !list.isEmpty { m[key] = .list(list.map(Value.string)) } }
        put("name", name)
        put("home", home)
        put("sources", sources)
        put("version", version)
        put("description", description)
        put("keywords", keywords)
        if let maintainers, !maintainers.isEmpty {
            m["maintainers"] = .list(maintainers.map { person in
                var p: [String: Value] = [:]
                if !person.name.isEmpty { p["name"] = .string(person.name) }
                if !person.email.isEmpty { p["email"] = .string(person.email) }
                if !person.url.isEmpty { p["url"] = .string(person.url) }
                return .map(p)
            })
        }
        put("icon", icon)
        put("apiVersion", apiVersion)
        put("condition", condition)
        put("tags", tags)
        put("appVersion", appVersion)
        if deprecated { m["deprecated"] = .bool(true) }
        if let annotations, !annotations.isEmpty { m["annotations"] = .map(annotations.mapValues(Value.string)) }
        put("kubeVersion", kubeVersion)
        if let dependencies, !dependencies.isEmpty { m["dependencies"] = .list(dependencies.map(\.jsonValue)) }
        put("type", type)
        return .map(m)
    }

    /// `Chart.yaml` as Helm writes it into an archive.
    public var helmYAML: String { YAML.emit(jsonValue) }
}

extension ChartDependency {
    /// The dependency as `encoding/json` would produce it (`name` and `repository` always present).
    public var jsonValue: Value {
        var m: [String: Value] = ["name": .string(name), "repository": .string(repository)]
        if !version.isEmpty { m["version"] = .string(version) }
        if !condition.isEmpty { m["condition"] = .string(condition) }
        if let tags, !tags.isEmpty { m["tags"] = .list(tags.map(Value.string)) }
        if enabled { m["enabled"] = .bool(true) }
        if let importValues, !importValues.isEmpty {
            m["import-values"] = .list(importValues.map {
                switch $0 {
                case .exported(let key): return .string(key)
                case .mapping(let child, let parent): return .map(["child": .string(child), "parent": .string(parent)])
                }
            })
        }
        if !alias.isEmpty { m["alias"] = .string(alias) }
        return .map(m)
    }
}
