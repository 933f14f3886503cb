import Values

/// One kind an API group/version serves (from its `APIResourceList`).
public struct APIResource: Sendable, Equatable {
    public var name: String
    public var kind: String
    public var namespaced: Bool
}

/// Identifies one object: what the manifest says plus the namespace it lands in.
public struct ResourceReference: Sendable, Hashable, CustomStringConvertible {
    public var apiVersion: String
    public var kind: String
    public var name: String
    /// The namespace for namespaced kinds (ignored for cluster-scoped ones).
    public var namespace: String

    public init(apiVersion: String, kind: String, name: String, namespace: String) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.name = name
        self.namespace = namespace
    }

    /// `Kind "name" in namespace "ns"`: how errors name the resource.
    public var description: String { "\(kind) \"\(name)\" in namespace \"\(namespace)\"" }
}

extension KubeClient {
    /// The kinds served under `apiVersion` (`v1` → `/api/v1`, `g/v` → `/apis/g/v`), cached per
    /// client; nil when the server does not serve that group/version.
    public func resources(apiVersion: String, refresh: Bool = false) throws -> [APIResource]? {
        if !refresh, let cached = discoveryCache.withLock({ $0[apiVersion] }) { return cached }
        let path = Self.groupVersionPath(apiVersion)
        let response = try send(.GET, path)
        if response.status == 404 { return nil }
        guard response.status < 400 else {
            throw KubeError.requestFailed(resource: "API group version \"\(apiVersion)\"", verb: "discover",
                                          status: response.status, message: Self.statusMessage(response))
        }
        let list: Value
        do {
            list = try JSON.decode(response.body)
        } catch {
            throw KubeError.invalidResponse(url: connection.server + path, reason: "\(error)")
        }
        let resources = (list["resources"]?.listValue ?? []).compactMap { item -> APIResource? in
            guard let name = item["name"]?.stringValue, !name.contains("/"),
                  let kind = item["kind"]?.stringValue else { return nil }
            return APIResource(name: name, kind: kind, namespaced: item["namespaced"]?.isTruthy ?? false)
        }
        discoveryCache.withLock { $0[apiVersion] = resources }
        return resources
    }

    /// Maps a kind to its REST resource, re-reading discovery once when the cached list
    /// lacks it (a CRD may just have been created).
    public func resource(for ref: ResourceReference) throws -> APIResource {
        if let found = try resources(apiVersion: ref.apiVersion)?.first(where: { $0.kind == ref.kind }) { return found }
        if let found = try resources(apiVersion: ref.apiVersion, refresh: true)?.first(where: { $0.kind == ref.kind }) {
            return found
        }
        throw KubeError.unknownKind(apiVersion: ref.apiVersion, kind: ref.kind, resource: ref.description)
    }

    /// The REST path of the object (`name` empty gives the collection).
    public func path(for ref: ResourceReference) throws -> String {
        let resource = try resource(for: ref)
        var path = Self.groupVersionPath(ref.apiVersion)
        if resource.namespaced && !ref.namespace.isEmpty { path += "/namespaces/" + ref.namespace }
        path += "/" + resource.name
        if !ref.name.isEmpty { path += "/" + ref.name }
        return path
    }

    /// Forgets discovery results (after CRDs change).
    public func invalidateDiscovery() {
        discoveryCache.withLock { $0.removeAll() }
    }

    static func groupVersionPath(_ apiVersion: String) -> String {
        apiVersion.contains("/") ? "/apis/" + apiVersion : "/api/" + apiVersion
    }
}
