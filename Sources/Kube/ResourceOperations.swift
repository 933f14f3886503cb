import Values

extension KubeClient {
    /// The field manager swiftchart's server-side applies own fields as.
    public static let fieldManager = "swiftchart"

    /// The reference of a manifest object; `defaultNamespace` fills a missing namespace.
    public static func reference(of object: Value, defaultNamespace: String) throws -> ResourceReference {
        let shown = object["metadata"]?["name"]?.stringValue ?? "(unnamed)"
        guard object.mapValue != nil else {
            throw KubeError.invalidObject(resource: shown, reason: "a manifest document is not a mapping")
        }
        guard let apiVersion = object["apiVersion"]?.stringValue, !apiVersion.isEmpty else {
            throw KubeError.invalidObject(resource: shown, reason: "apiVersion not set")
        }
        guard let kind = object["kind"]?.stringValue, !kind.isEmpty else {
            throw KubeError.invalidObject(resource: shown, reason: "kind not set")
        }
        guard let name = object["metadata"]?["name"]?.stringValue, !name.isEmpty else {
            throw KubeError.invalidObject(resource: "\(kind) (unnamed)", reason: "metadata.name not set")
        }
        let namespace = object["metadata"]?["namespace"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? defaultNamespace
        return ResourceReference(apiVersion: apiVersion, kind: kind, name: name, namespace: namespace)
    }

    /// Server-side apply (`PATCH` with `application/apply-patch+yaml`, field manager
    /// `swiftchart`); `force` takes over fields other managers own. Returns the live object.
    @discardableResult
    public func apply(_ object: Value, reference ref: ResourceReference, force: Bool) throws -> Value {
        let resource = try resource(for: ref)
        var body = object
        if resource.namespaced, let metadata = object["metadata"]?.mapValue {
            var meta = metadata
            meta["namespace"] = .string(ref.namespace)
            var top = object.mapValue ?? [:]
            top["metadata"] = Value.map(meta)
            body = Value.map(top)
        }
        var query = [("fieldManager", Self.fieldManager)]
        if force { query.append(("force", "true")) }
        do {
            return try sendJSON(.PATCH, try path(for: ref), query: query, body: Array(JSON.encode(body).utf8),
                                contentType: "application/apply-patch+yaml", resource: ref.description, verb: "apply")
        } catch KubeError.requestFailed(_, _, 409, let message) {
            throw KubeError.applyConflict(resource: ref.description, message: message)
        }
    }

    /// The live object, or nil when it does not exist.
    public func get(_ ref: ResourceReference) throws -> Value? {
        let path = try path(for: ref)
        let response = try send(.GET, path)
        if response.status == 404 { return nil }
        guard response.status < 400 else {
            throw KubeError.requestFailed(resource: ref.description, verb: "get", status: response.status,
                                          message: Self.statusMessage(response))
        }
        return try decode(response, path: path)
    }

    /// The items of a kind in a namespace, filtered by a label selector.
    public func list(apiVersion: String, kind: String, namespace: String, labelSelector: String? = nil) throws -> [Value] {
        let ref = ResourceReference(apiVersion: apiVersion, kind: kind, name: "", namespace: namespace)
        let query = labelSelector.map { [("labelSelector", $0)] } ?? []
        let list = try sendJSON(.GET, try path(for: ref), query: query,
                                resource: "\(kind) list in namespace \"\(namespace)\"", verb: "list")
        return list["items"]?.listValue ?? []
    }

    /// Creates an object (`POST`); a 409 surfaces as `requestFailed` with status 409.
    @discardableResult
    public func create(_ object: Value, reference ref: ResourceReference) throws -> Value {
        var collection = ref
        collection.name = ""
        return try sendJSON(.POST, try path(for: collection), body: Array(JSON.encode(object).utf8),
                            resource: ref.description, verb: "create")
    }

    /// Replaces an object (`PUT`).
    @discardableResult
    public func update(_ object: Value, reference ref: ResourceReference) throws -> Value {
        try sendJSON(.PUT, try path(for: ref), body: Array(JSON.encode(object).utf8),
                     resource: ref.description, verb: "update")
    }

    /// Deletes an object with background propagation; false when it was already gone.
    @discardableResult
    public func delete(_ ref: ResourceReference) throws -> Bool {
        let response = try send(.DELETE, try path(for: ref), query: [("propagationPolicy", "Background")])
        if response.status == 404 { return false }
        guard response.status < 400 else {
            throw KubeError.requestFailed(resource: ref.description, verb: "delete", status: response.status,
                                          message: Self.statusMessage(response))
        }
        return true
    }

    private func decode(_ response: Response, path: String) throws -> Value {
        do {
            return try JSON.decode(response.body)
        } catch {
            throw KubeError.invalidResponse(url: connection.server + path, reason: "\(error)")
        }
    }
}
