import Kube
import Values

/// Reads the live object a reference names, nil when it does not exist.
public typealias LiveObjectReader = (ResourceReference) throws -> Value?

/// One resource of a revision as `diff` sees it.
public struct DiffResource: Sendable {
    public var reference: ResourceReference
    public var object: Value
    /// A hook's manifest (compared only with `--include-hooks`, never read from the cluster).
    public var isHook: Bool

    public init(reference: ResourceReference, object: Value, isHook: Bool = false) {
        self.reference = reference
        self.object = object
        self.isHook = isHook
    }

    /// Kubernetes' identity of an object: API group (not version), kind, namespace, name, so an
    /// apiVersion bump within a group shows as a change rather than a removal and an addition.
    struct Identity: Hashable {
        var group: String
        var kind: String
        var namespace: String
        var name: String
        var isHook: Bool
    }

    /// `helm.sh/resource-policy: keep`: the resource outlives its removal from the chart.
    var isKept: Bool {
        object["metadata"]?["annotations"]?["helm.sh/resource-policy"]?.stringValue == "keep"
    }

    var identity: Identity {
        let group = reference.apiVersion.split(separator: "/", maxSplits: 1).count == 2
            ? String(reference.apiVersion.prefix { $0 != "/" }) : ""
        return Identity(group: group, kind: reference.kind, namespace: reference.namespace, name: reference.name,
                        isHook: isHook)
    }
}

/// How one resource differs between the current state and the proposed one.
public enum ResourceChange: String, Sendable {
    case changed, added, removed
}

/// A resource that differs, with the normalised YAML of each side ("" for a missing side).
public struct ResourceDifference: Sendable, Equatable {
    public var reference: ResourceReference
    public var change: ResourceChange
    public var currentText: String
    public var desiredText: String

    /// helm-diff's key: `<namespace>, <name>, <Kind> (<apiVersion>)`.
    public var key: String {
        "\(reference.namespace), \(reference.name), \(reference.kind) (\(reference.apiVersion))"
    }
}

/// A manifest that cannot be compared (a document that is not a Kubernetes object).
public struct DiffError: Error, Sendable, Equatable, CustomStringConvertible {
    public var resource: String
    public var reason: String

    public var description: String { "cannot compare \(resource): \(reason)" }
}

/// Compares the resources of two revisions, or of a revision and the cluster.
public enum ResourceDiff {
    /// The objects of a release manifest (`---`-separated, documents without content skipped);
    /// objects without a namespace get `namespace`.
    public static func resources(manifest: String, namespace: String, isHook: Bool = false) throws -> [DiffResource] {
        var result: [DiffResource] = []
        for document in ResourceFileSplitter.documents(manifest) {
            let source = sourceName(document)
            let object: Value
            do {
                object = try YAML.load(Array(document.utf8), file: source)
            } catch {
                throw DiffError(resource: source, reason: "\(error)")
            }
            if object.isNull { continue }
            do {
                let reference = try KubeClient.reference(of: object, defaultNamespace: namespace)
                result.append(DiffResource(reference: reference, object: object, isHook: isHook))
            } catch let error as KubeError {
                if case .invalidObject(let resource, let reason) = error {
                    throw DiffError(resource: "\(resource) (\(source))", reason: reason)
                }
                throw error
            }
        }
        return result
    }

    /// The resources of a revision: its manifest and, when asked, its hooks.
    public static func resources(of release: Release, includeHooks: Bool) throws -> [DiffResource] {
        var result = try resources(manifest: release.manifest, namespace: release.namespace)
        if includeHooks {
            for hook in release.hooks {
                result += try resources(manifest: hook.manifest, namespace: release.namespace, isHook: true)
            }
        }
        return result
    }

    /// The differing resources between `current` (a stored revision) and `desired`, in
    /// install order (hooks last). A resource the chart drops but marks
    /// `helm.sh/resource-policy: keep` stays in the cluster, so it is not reported removed. With `live`, the current side of each non-hook resource
    /// is its live object restricted to the fields `current` or `desired` set; a resource
    /// missing from the cluster counts as absent. Unchanged resources are left out.
    public static func compare(current: [DiffResource], desired: [DiffResource], live: LiveObjectReader? = nil,
                               showSecrets: Bool = false) throws -> [ResourceDifference] {
        var currentByIdentity: [DiffResource.Identity: DiffResource] = [:]
        for resource in current { currentByIdentity[resource.identity] = resource }
        let desiredIdentities = Set(desired.map(\.identity))
        let dropped = current.filter { !desiredIdentities.contains($0.identity) && !$0.isKept }
        let pairs: [(current: DiffResource?, desired: DiffResource?)] =
            desired.map { (currentByIdentity[$0.identity], $0) } + dropped.map { ($0, nil) }
        let ordered = KubeResourceOrder.installSorted(pairs.filter { ($0.desired ?? $0.current)?.isHook != true }) {
            ($0.desired ?? $0.current)?.reference.kind ?? ""
        } + pairs.filter { ($0.desired ?? $0.current)?.isHook == true }

        var differences: [ResourceDifference] = []
        for pair in ordered {
            guard let any = pair.desired ?? pair.current else { continue }
            var desiredObject = pair.desired.map { ResourceNormalizer.normalized($0.object) }
            var currentObject = pair.current.map { ResourceNormalizer.normalized($0.object) }
            if let live, !any.isHook {
                currentObject = try live(any.reference).flatMap { object -> Value? in
                    guard let shape = ResourceNormalizer.shape(currentObject, desiredObject) else { return nil }
                    return ResourceNormalizer.restricted(ResourceNormalizer.normalized(object), to: shape)
                }
            }
            if !showSecrets {
                (currentObject, desiredObject) = ResourceNormalizer.maskingSecrets(current: currentObject,
                                                                                  desired: desiredObject)
            }
            let currentText = currentObject.map(YAML.emit) ?? ""
            let desiredText = desiredObject.map(YAML.emit) ?? ""
            let change: ResourceChange
            switch (currentObject, desiredObject) {
            case (nil, nil): continue
            case (nil, _): change = .added
            case (_, nil): change = .removed
            default:
                if currentText == desiredText { continue }
                change = .changed
            }
            differences.append(ResourceDifference(reference: pair.desired?.reference ?? any.reference, change: change,
                                                  currentText: currentText, desiredText: desiredText))
        }
        return differences
    }

    /// Reads live objects through a cluster client; a kind the cluster does not serve (a
    /// custom resource whose CRD is not installed yet) reads as absent.
    public static func liveReader(_ client: KubeClient) -> LiveObjectReader {
        { reference in
            do {
                return try client.get(reference)
            } catch KubeError.unknownKind {
                return nil
            }
        }
    }

    private static func sourceName(_ document: String) -> String {
        for line in document.split(separator: "\n") where line.hasPrefix("# Source: ") {
            return String(line.dropFirst("# Source: ".count))
        }
        return "manifest"
    }
}
