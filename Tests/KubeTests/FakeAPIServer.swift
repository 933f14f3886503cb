import Foundation
import Synchronization
import Values
#if canImport(Glibc)
import Glibc
#endif

/// A minimal Kubernetes API server for tests: HTTP/1.1 on 127.0.0.1 (one request per
/// connection), discovery for a few kinds, GET/LIST (label selectors), server-side-apply
/// PATCH, POST, PUT (resourceVersion checked), DELETE; paths can be made to answer 403.
final class FakeAPIServer: Sendable {
    struct LoggedRequest: Sendable, Equatable {
        var method: String
        var path: String
        var query: [String: String]
        var contentType: String?
        var authorization: String?
    }

    private struct State {
        var objects: [String: Value] = [:]
        var log: [LoggedRequest] = []
        var forbidden: Set<String> = []
        var nextVersion = 1
        var controller: (@Sendable (String, Value) -> Value)?
        var conflicts: [String: String] = [:]
        var heldDeletions: Set<String> = []
    }

    private let state = Mutex(State())
    private let listener: Int32
    let port: Int

    /// Kind tables per group/version: (resource, kind, namespaced).
    static let builtin: [String: [(String, String, Bool)]] = [
        "/api/v1": [("configmaps", "ConfigMap", true), ("secrets", "Secret", true), ("services", "Service", true),
                    ("namespaces", "Namespace", false), ("pods", "Pod", true), ("serviceaccounts", "ServiceAccount", true),
                    ("persistentvolumeclaims", "PersistentVolumeClaim", true),
                    ("persistentvolumes", "PersistentVolume", false)],
        "/apis/apps/v1": [("deployments", "Deployment", true), ("statefulsets", "StatefulSet", true),
                          ("daemonsets", "DaemonSet", true), ("replicasets", "ReplicaSet", true)],
        "/apis/batch/v1": [("jobs", "Job", true), ("cronjobs", "CronJob", true)],
        "/apis/apiextensions.k8s.io/v1": [("customresourcedefinitions", "CustomResourceDefinition", false)],
    ]

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else { close(fd); throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    var url: String { "http://127.0.0.1:\(port)" }

    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    var requests: [LoggedRequest] { state.withLock { $0.log } }
    var objectPaths: [String] { state.withLock { $0.objects.keys.sorted() } }
    func object(at path: String) -> Value? { state.withLock { $0.objects[path] } }
    func forbid(_ path: String) { _ = state.withLock { $0.forbidden.insert(path) } }
    func put(_ object: Value, at path: String) { state.withLock { $0.objects[path] = object } }
    /// Makes server-side applies of `path` without `force=true` fail with 409 as when `manager`
    /// owns `field` (the message the API server gives).
    func conflict(_ path: String, manager: String, field: String) {
        state.withLock { $0.conflicts[path] = "Apply failed with 1 conflict: conflict with \"\(manager)\" using v1: \(field)" }
    }
    /// Makes a DELETE of `path` only mark the object (`deletionTimestamp`), as a finalizer
    /// would, until `finishDeletion` removes it.
    func holdDeletion(_ path: String) { _ = state.withLock { $0.heldDeletions.insert(path) } }
    func finishDeletion(_ path: String) { _ = state.withLock { $0.objects.removeValue(forKey: path) } }
    /// Changes a stored object in place, as a controller or another client would.
    func update(_ path: String, _ change: (inout Value) -> Void) {
        state.withLock { s in
            guard var object = s.objects[path] else { return }
            change(&object)
            s.objects[path] = object
        }
    }
    /// Installs a stand-in for the cluster's controllers: called with the path and object on every
    /// create, apply or replace, it returns the object to store (e.g. with a `status` a controller
    /// would write, such as a completed Job).
    func setController(_ controller: @escaping @Sendable (String, Value) -> Value) {
        state.withLock { $0.controller = controller }
    }
    /// Sets the `status` of a stored object, as a controller would.
    func setStatus(_ status: Value, at path: String) {
        state.withLock { s in
            guard var top = s.objects[path]?.mapValue else { return }
            top["status"] = status
            s.objects[path] = Value.map(top)
        }
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 { return }
            handle(client)
            close(client)
        }
    }

    private func handle(_ fd: Int32) {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        var headerEnd: Int?
        while headerEnd == nil {
            let n = read(fd, &chunk, chunk.count)
            if n <= 0 { return }
            buffer.append(contentsOf: chunk[0..<n])
            headerEnd = find(buffer, [13, 10, 13, 10])
        }
        guard let end = headerEnd else { return }
        let head = String(decoding: buffer[0..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = head[0].split(separator: " ")
        guard requestLine.count >= 2 else { return }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        var body = Array(buffer[(end + 4)...])
        while body.count < length {
            let n = read(fd, &chunk, chunk.count)
            if n <= 0 { break }
            body.append(contentsOf: chunk[0..<n])
        }
        let target = String(requestLine[1])
        let parts = target.split(separator: "?", maxSplits: 1)
        var query: [String: String] = [:]
        if parts.count == 2 {
            for pair in parts[1].split(separator: "&") {
                let kv = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
                query[kv[0]] = kv.count > 1 ? kv[1] : ""
            }
        }
        let request = LoggedRequest(method: String(requestLine[0]), path: String(parts[0]), query: query,
                                    contentType: headers["content-type"], authorization: headers["authorization"])
        let (status, response) = respond(request, body: body)
        let bytes = Array(JSON.encode(response).utf8)
        let header = "HTTP/1.1 \(status) X\r\nContent-Type: application/json\r\nContent-Length: \(bytes.count)\r\nConnection: close\r\n\r\n"
        let out = Array(header.utf8) + bytes
        var sent = 0
        while sent < out.count {
            let n = out[sent...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n <= 0 { return }
            sent += n
        }
    }

    private func find(_ haystack: [UInt8], _ needle: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for i in 0...(haystack.count - needle.count) where Array(haystack[i..<(i + needle.count)]) == needle { return i }
        return nil
    }

    static func status(_ code: Int, _ reason: String, _ message: String) -> (Int, Value) {
        (code, Value.map(["kind": .string("Status"), "apiVersion": .string("v1"), "status": .string("Failure"),
                          "message": .string(message), "reason": .string(reason), "code": .int(code)]))
    }

    private func respond(_ request: LoggedRequest, body: [UInt8]) -> (Int, Value) {
        state.withLock { s in
            s.log.append(request)
            if s.forbidden.contains(request.path) {
                return Self.status(403, "Forbidden", "forbidden: User \"test\" cannot \(request.method.lowercased()) \(request.path)")
            }
            if let table = discovery(request.path, s) {
                return (200, Value.map(["kind": .string("APIResourceList"), "resources": .list(table.map { r in
                    Value.map(["name": .string(r.0), "kind": .string(r.1), "namespaced": .bool(r.2)])
                })]))
            }
            guard let route = route(request.path, s) else { return Self.status(404, "NotFound", "the server could not find the requested resource") }
            let collection = route.collection
            switch (request.method, route.name) {
            case ("GET", nil):
                let selector = (request.query["labelSelector"] ?? "").split(separator: ",").map { $0.split(separator: "=").map(String.init) }
                let items = s.objects.filter { route.contains($0.key) }
                    .sorted { $0.key < $1.key }.map(\.value)
                    .filter { item in selector.allSatisfy { $0.count == 2 && item["metadata"]?["labels"]?[$0[0]]?.stringValue == $0[1] } }
                return (200, Value.map(["kind": .string("List"), "items": .list(items)]))
            case ("GET", let name?):
                guard let object = s.objects[collection + "/" + name] else {
                    return Self.status(404, "NotFound", "\(route.resource) \"\(name)\" not found")
                }
                return (200, object)
            case ("PATCH", let name?):
                guard request.contentType == "application/apply-patch+yaml", let object = try? JSON.decode(body) else {
                    return Self.status(415, "UnsupportedMediaType", "expected an apply patch")
                }
                if let message = s.conflicts[collection + "/" + name], request.query["force"] != "true" {
                    return Self.status(409, "Conflict", message)
                }
                var applied = object
                if object["status"] == nil, let status = s.objects[collection + "/" + name]?["status"], var top = object.mapValue {
                    top["status"] = status
                    applied = Value.map(top)
                }
                return (200, store(applied, at: collection + "/" + name, &s))
            case ("POST", nil):
                guard let object = try? JSON.decode(body), let name = object["metadata"]?["name"]?.stringValue else {
                    return Self.status(400, "BadRequest", "invalid object")
                }
                if s.objects[collection + "/" + name] != nil {
                    return Self.status(409, "AlreadyExists", "\(route.resource) \"\(name)\" already exists")
                }
                return (201, store(object, at: collection + "/" + name, &s))
            case ("PUT", let name?):
                guard let object = try? JSON.decode(body), let live = s.objects[collection + "/" + name] else {
                    return Self.status(404, "NotFound", "\(route.resource) \"\(name)\" not found")
                }
                if let sent = object["metadata"]?["resourceVersion"]?.stringValue,
                   sent != live["metadata"]?["resourceVersion"]?.stringValue {
                    return Self.status(409, "Conflict", "the object has been modified")
                }
                return (200, store(object, at: collection + "/" + name, &s))
            case ("DELETE", let name?) where s.heldDeletions.contains(collection + "/" + name):
                guard var top = s.objects[collection + "/" + name]?.mapValue else {
                    return Self.status(404, "NotFound", "\(route.resource) \"\(name)\" not found")
                }
                var meta = top["metadata"]?.mapValue ?? [:]
                meta["deletionTimestamp"] = .string("2025-01-01T00:00:00Z")
                top["metadata"] = Value.map(meta)
                s.objects[collection + "/" + name] = Value.map(top)
                return (200, Value.map(top))
            case ("DELETE", let name?):
                guard let object = s.objects.removeValue(forKey: collection + "/" + name) else {
                    return Self.status(404, "NotFound", "\(route.resource) \"\(name)\" not found")
                }
                return (200, object)
            default:
                return Self.status(405, "MethodNotAllowed", "method not allowed")
            }
        }
    }

    private func store(_ object: Value, at path: String, _ s: inout State) -> Value {
        var top = object.mapValue ?? [:]
        var meta = top["metadata"]?.mapValue ?? [:]
        meta["resourceVersion"] = .string(String(s.nextVersion))
        s.nextVersion += 1
        top["metadata"] = Value.map(meta)
        var stored = Value.map(top)
        if let controller = s.controller { stored = controller(path, stored) }
        s.objects[path] = stored
        return stored
    }

    /// Kinds served under a group/version path; CRD-defined kinds appear once their CRD is stored.
    private func discovery(_ path: String, _ s: State) -> [(String, String, Bool)]? {
        if let table = Self.builtin[path] { return table }
        var table: [(String, String, Bool)] = []
        for (key, crd) in s.objects where key.hasPrefix("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/") {
            guard let group = crd["spec"]?["group"]?.stringValue,
                  let plural = crd["spec"]?["names"]?["plural"]?.stringValue,
                  let kind = crd["spec"]?["names"]?["kind"]?.stringValue else { continue }
            for version in crd["spec"]?["versions"]?.listValue ?? [] where "/apis/\(group)/\(version["name"]?.stringValue ?? "")" == path {
                table.append((plural, kind, crd["spec"]?["scope"]?.stringValue == "Namespaced"))
            }
        }
        return table.isEmpty ? nil : table
    }

    private struct Route {
        var collection: String
        var resource: String
        var name: String?
        var allNamespaces = false
        var groupPath = ""

        func contains(_ key: String) -> Bool {
            guard allNamespaces else {
                return key.hasPrefix(collection + "/") && !key.dropFirst(collection.count + 1).contains("/")
            }
            let parts = key.dropFirst(groupPath.count).split(separator: "/")
            return key.hasPrefix(groupPath + "/namespaces/") && parts.count == 4 && parts[2] == resource
        }
    }

    /// `/api/v1/namespaces/ns/configmaps/x` → collection `/api/v1/namespaces/ns/configmaps`, name `x`.
    private func route(_ path: String, _ s: State) -> Route? {
        let segments = path.split(separator: "/").map(String.init)
        let prefixCount = segments.first == "api" ? 2 : 3
        guard segments.count > prefixCount else { return nil }
        let groupPath = "/" + segments[0..<prefixCount].joined(separator: "/")
        guard let table = discovery(groupPath, s) else { return nil }
        var rest = Array(segments[prefixCount...])
        var namespacePart = ""
        if rest.count >= 3, rest[0] == "namespaces" {
            namespacePart = "/namespaces/" + rest[1]
            rest = Array(rest[2...])
        }
        guard let resource = rest.first, let entry = table.first(where: { $0.0 == resource }), rest.count <= 2 else { return nil }
        let allNamespaces = entry.2 && namespacePart.isEmpty
        if entry.2 != !namespacePart.isEmpty && !(allNamespaces && rest.count == 1) { return nil }
        return Route(collection: groupPath + namespacePart + "/" + resource, resource: resource,
                     name: rest.count > 1 ? rest[1] : nil, allNamespaces: allNamespaces, groupPath: groupPath)
    }
}
