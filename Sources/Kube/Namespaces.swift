import Values

extension KubeClient {
    /// `--create-namespace`: creates `v1/Namespace` `name` labelled `name: <name>` as Helm's
    /// install does; an existing namespace is left untouched. True when it was created.
    @discardableResult
    public func ensureNamespace(_ name: String) throws -> Bool {
        let ref = ResourceReference(apiVersion: "v1", kind: "Namespace", name: name, namespace: "")
        if try get(ref) != nil { return false }
        let namespace = Value.map([
            "apiVersion": .string("v1"), "kind": .string("Namespace"),
            "metadata": Value.map(["name": .string(name), "labels": Value.map(["name": .string(name)])]),
        ])
        do {
            try create(namespace, reference: ref)
            return true
        } catch KubeError.requestFailed(_, _, 409, _) {
            return false
        }
    }
}
