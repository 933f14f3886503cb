import Kube
import Values

/// Delivers revisions to a cluster as Helm does: CRDs from `crds/` first (install only,
/// never updated or deleted), then the manifest's resources in install order by server-side
/// apply, each stamped with Helm's ownership metadata; resources the previous revision had
/// and this one dropped are deleted (uninstall order) unless `helm.sh/resource-policy: keep`.
public struct KubeDelivery: Delivery {
    public let client: KubeClient
    /// `--force-conflicts`: take over fields other field managers own.
    public let forceConflicts: Bool
    /// `--wait`: seconds to wait for the revision's resources to become ready (uninstall:
    /// for its deleted resources to be gone).
    public let waitSeconds: Double?
    public let pollSeconds: Double
    /// `--wait-for-jobs`: Jobs count as ready only once complete.
    public let waitForJobs: Bool
    /// `--take-ownership`: adopt existing objects whatever their ownership metadata says.
    public let takeOwnership: Bool
    /// Receives the wait's progress lines (the CLI prints them on stderr).
    public let progress: WaitProgress?
    /// `--timeout`: seconds each hook may take to complete (Helm's default 5m0s).
    public var hookTimeoutSeconds: Double = 300

    public init(client: KubeClient, forceConflicts: Bool = false, waitSeconds: Double? = nil, pollSeconds: Double = 2,
                waitForJobs: Bool = false, takeOwnership: Bool = false, progress: WaitProgress? = nil) {
        self.client = client
        self.forceConflicts = forceConflicts
        self.waitSeconds = waitSeconds
        self.pollSeconds = pollSeconds
        self.waitForJobs = waitForJobs
        self.takeOwnership = takeOwnership
        self.progress = progress
    }

    /// One object of a manifest, with where it goes.
    struct Resource {
        var object: Value
        var reference: ResourceReference
        var keep: Bool
    }

    public func deliver(_ release: Release, replacing previous: Release?) throws {
        try kubeCall {
            if previous == nil { try installCRDs(release) }
            let resources = try Self.resources(release.manifest, namespace: release.namespace)
            let previousResources = try previous.map { try Self.resources($0.manifest, namespace: $0.namespace) } ?? []
            let owned = Set(previousResources.map(\.reference))
            for resource in KubeResourceOrder.installSorted(resources, kind: \.reference.kind) {
                if !takeOwnership && !owned.contains(resource.reference) {
                    try checkOwnership(resource.reference, release: release)
                }
                try client.apply(Self.stamped(resource.object, release: release), reference: resource.reference,
                                 force: forceConflicts)
            }
            let current = Set(resources.map(\.reference))
            let dropped = previousResources.filter { !current.contains($0.reference) && !$0.keep }
            for resource in KubeResourceOrder.uninstallSorted(dropped, kind: \.reference.kind) {
                try client.delete(resource.reference)
            }
            if let waitSeconds {
                try client.waitUntilReady(resources.map(\.reference), timeoutSeconds: waitSeconds, pollSeconds: pollSeconds,
                                          waitForJobs: waitForJobs, progress: progress)
            }
        }
    }

    public func remove(_ release: Release) throws {
        try kubeCall {
            let resources = try Self.resources(release.manifest, namespace: release.namespace).filter { !$0.keep }
            var deleted: [ResourceReference] = []
            for resource in KubeResourceOrder.uninstallSorted(resources, kind: \.reference.kind) {
                if try client.delete(resource.reference) { deleted.append(resource.reference) }
            }
            if let waitSeconds {
                try client.waitUntilDeleted(deleted, timeoutSeconds: waitSeconds, pollSeconds: pollSeconds, progress: progress)
            }
        }
    }

    /// Creates the chart's CRDs (`crds/*.yaml|yml|json`, subcharts included) that do not exist yet.
    func installCRDs(_ release: Release) throws {
        var created = false
        let files = release.chart.files.filter { file in
            let isCRD = file.name.hasPrefix("crds/") || file.name.contains("/crds/")
            return isCRD && (file.name.hasSuffix(".yaml") || file.name.hasSuffix(".yml") || file.name.hasSuffix(".json"))
        }
        for file in files {
            let documents: [Value]
            do {
                documents = try YAML.loadAll(file.data, file: file.name)
            } catch {
                throw KubeError.invalidObject(resource: file.name, reason: "\(error)")
            }
            for object in documents where !object.isNull {
                let ref = try KubeClient.reference(of: object, defaultNamespace: release.namespace)
                if try client.get(ref) == nil {
                    try client.apply(object, reference: ref, force: forceConflicts)
                    created = true
                }
            }
        }
        if created { client.invalidateDiscovery() }
    }

    /// An existing object may only be taken over when it already belongs to this release.
    private func checkOwnership(_ ref: ResourceReference, release: Release) throws {
        guard let live = try client.get(ref) else { return }
        let annotations = live["metadata"]?["annotations"]
        let labels = live["metadata"]?["labels"]
        var problems: [String] = []
        if labels?["app.kubernetes.io/managed-by"]?.stringValue != "Helm" {
            problems.append("label validation error: missing key \"app.kubernetes.io/managed-by\": must be set to \"Helm\"")
        }
        let owner = annotations?["meta.helm.sh/release-name"]?.stringValue
        if owner != release.name {
            problems.append(owner.map { "annotation validation error: key \"meta.helm.sh/release-name\" must equal \"\(release.name)\": current value is \"\($0)\"" }
                ?? "annotation validation error: missing key \"meta.helm.sh/release-name\": must be set to \"\(release.name)\"")
        }
        let ownerNamespace = annotations?["meta.helm.sh/release-namespace"]?.stringValue
        if ownerNamespace != release.namespace {
            problems.append(ownerNamespace.map { "annotation validation error: key \"meta.helm.sh/release-namespace\" must equal \"\(release.namespace)\": current value is \"\($0)\"" }
                ?? "annotation validation error: missing key \"meta.helm.sh/release-namespace\": must be set to \"\(release.namespace)\"")
        }
        guard problems.isEmpty else {
            throw KubeError.invalidObject(resource: ref.description,
                                          reason: "exists and cannot be imported into the current release: invalid ownership metadata; " + problems.joined(separator: "; "))
        }
    }

    /// The parsed objects of a manifest (documents without content skipped).
    static func resources(_ manifest: String, namespace: String) throws -> [Resource] {
        var result: [Resource] = []
        for document in ResourceFileSplitter.documents(manifest) {
            let object: Value
            do {
                object = try YAML.load(Array(document.utf8), file: sourceName(document))
            } catch {
                throw KubeError.invalidObject(resource: sourceName(document), reason: "\(error)")
            }
            if object.isNull { continue }
            let reference = try KubeClient.reference(of: object, defaultNamespace: namespace)
            let policy = object["metadata"]?["annotations"]?["helm.sh/resource-policy"]?.stringValue
            result.append(Resource(object: object, reference: reference, keep: policy == "keep"))
        }
        return result
    }

    /// Adds Helm's ownership label and annotations to an object.
    static func stamped(_ object: Value, release: Release) -> Value {
        var top = object.mapValue ?? [:]
        var meta = top["metadata"]?.mapValue ?? [:]
        var labels = meta["labels"]?.mapValue ?? [:]
        labels["app.kubernetes.io/managed-by"] = .string("Helm")
        var annotations = meta["annotations"]?.mapValue ?? [:]
        annotations["meta.helm.sh/release-name"] = .string(release.name)
        annotations["meta.helm.sh/release-namespace"] = .string(release.namespace)
        meta["labels"] = Value.map(labels)
        meta["annotations"] = Value.map(annotations)
        top["metadata"] = Value.map(meta)
        return Value.map(top)
    }

    private static func sourceName(_ document: String) -> String {
        for line in document.split(separator: "\n") where line.hasPrefix("# Source: ") {
            return String(line.dropFirst("# Source: ".count))
        }
        return "manifest"
    }

    private func kubeCall(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as KubeError {
            throw ReleaseError.delivery(path: client.connection.server, reason: error.description)
        }
    }
}
