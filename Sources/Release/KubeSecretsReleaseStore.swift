import Foundation
import Kube
import Values

/// Helm's `secrets` storage driver on a live cluster: every revision is the Secret
/// `sh.helm.release.v1.<name>.v<revision>` in the release's namespace, readable by Helm
/// itself. Helm has no cross-process lock; ours is one more Secret
/// (`swiftchart.lock.<name>`) created atomically by the API server (a second create fails).
/// A change's writes and deletions are separate API calls, not one transaction.
public struct KubeSecretsReleaseStore: ReleaseStore {
    public let client: KubeClient
    static let lockType = "swiftchart.io/release-lock"

    public init(client: KubeClient) {
        self.client = client
    }

    public var location: String { "secrets in \(client.connection.server)" }

    static func secretReference(_ name: String, namespace: String) -> ResourceReference {
        ResourceReference(apiVersion: "v1", kind: "Secret", name: name, namespace: namespace)
    }

    public func revisions(name: String, namespace: String) throws -> [Release] {
        try storeCall {
            try client.list(apiVersion: "v1", kind: "Secret", namespace: namespace,
                            labelSelector: HelmReleaseSecret.selector(release: name))
                .map(HelmReleaseSecret.release(fromSecret:))
                .filter { $0.name == name }
                .sorted { $0.version < $1.version }
        }
    }

    public func allRevisions(namespace: String?) throws -> [Release] {
        try storeCall {
            try client.list(apiVersion: "v1", kind: "Secret", namespace: namespace ?? "", labelSelector: "owner=helm")
                .filter { $0["type"]?.stringValue == HelmReleaseSecret.type }
                .map(HelmReleaseSecret.release(fromSecret:))
                .sorted { ($0.namespace, $0.name, $0.version) < ($1.namespace, $1.name, $1.version) }
        }
    }

    public func apply(_ change: ReleaseChange) throws {
        try storeCall {
            for revision in change.deletions {
                try client.delete(Self.secretReference(HelmReleaseSecret.secretName(release: change.name, revision: revision),
                                                       namespace: change.namespace))
            }
            let now = String(Int(Date().timeIntervalSince1970))
            for release in change.writes {
                let ref = Self.secretReference(HelmReleaseSecret.secretName(release: release.name, revision: release.version),
                                               namespace: change.namespace)
                if let live = try client.get(ref) {
                    var labels = ["modifiedAt": now]
                    if let created = live["metadata"]?["labels"]?["createdAt"]?.stringValue { labels["createdAt"] = created }
                    let secret = try HelmReleaseSecret.secret(for: release, timestampLabels: labels)
                    try client.update(withResourceVersion(secret, from: live), reference: ref)
                } else {
                    try client.create(try HelmReleaseSecret.secret(for: release, timestampLabels: ["createdAt": now]), reference: ref)
                }
            }
            if let token = change.releasingLock {
                try releaseLock(name: change.name, namespace: change.namespace, token: token)
            }
        }
    }

    public func acquireLock(name: String, namespace: String, holder: LockHolder,
                            isStale: @escaping @Sendable (LockHolder) -> Bool) throws -> LockAttempt {
        try storeCall {
            let ref = Self.secretReference("swiftchart.lock." + name, namespace: namespace)
            let secret = lockSecret(ref, holder: holder)
            do {
                try client.create(secret, reference: ref)
                return .acquired
            } catch KubeError.requestFailed(_, _, 409, _) {
                guard let live = try client.get(ref) else { return try acquireLock(name: name, namespace: namespace, holder: holder, isStale: isStale) }
                guard let current = Self.holder(of: live) else {
                    throw ReleaseError.corruptRecord(origin: ref.description, reason: "the lock Secret has no holder annotations")
                }
                guard isStale(current) else { return .held(current) }
                // The resourceVersion makes the takeover fail if another process took it first.
                try client.update(withResourceVersion(secret, from: live), reference: ref)
                return .acquiredFromStale(current)
            }
        }
    }

    public func releaseLock(name: String, namespace: String, token: String) throws {
        try storeCall {
            let ref = Self.secretReference("swiftchart.lock." + name, namespace: namespace)
            if let live = try client.get(ref), Self.holder(of: live)?.token == token {
                try client.delete(ref)
            }
        }
    }

    private func lockSecret(_ ref: ResourceReference, holder: LockHolder) -> Value {
        Value.map([
            "apiVersion": .string("v1"), "kind": .string("Secret"), "type": .string(Self.lockType),
            "metadata": Value.map([
                "name": .string(ref.name), "namespace": .string(ref.namespace),
                "annotations": Value.map([
                    "swiftchart.io/lock-token": .string(holder.token),
                    "swiftchart.io/lock-pid": .string(String(holder.pid)),
                    "swiftchart.io/lock-host": .string(holder.host),
                    "swiftchart.io/lock-operation": .string(holder.operation),
                    "swiftchart.io/lock-acquired-at": .string(holder.acquiredAt.rfc3339Nano(in: .utc)),
                    "swiftchart.io/lock-lease-expires": .string(holder.leaseExpires.rfc3339Nano(in: .utc)),
                ]),
            ]),
        ])
    }

    static func holder(of secret: Value) -> LockHolder? {
        guard let a = secret["metadata"]?["annotations"],
              let token = a["swiftchart.io/lock-token"]?.stringValue,
              let pid = a["swiftchart.io/lock-pid"]?.stringValue.flatMap({ Int32($0) }),
              let acquired = a["swiftchart.io/lock-acquired-at"]?.stringValue.flatMap({ GoTime.parse(rfc3339: $0) }),
              let expires = a["swiftchart.io/lock-lease-expires"]?.stringValue.flatMap({ GoTime.parse(rfc3339: $0) })
        else { return nil }
        return LockHolder(token: token, pid: pid, host: a["swiftchart.io/lock-host"]?.stringValue ?? "",
                          operation: a["swiftchart.io/lock-operation"]?.stringValue ?? "", acquiredAt: acquired,
                          leaseExpires: expires)
    }

    private func withResourceVersion(_ object: Value, from live: Value) -> Value {
        guard let version = live["metadata"]?["resourceVersion"]?.stringValue,
              var top = object.mapValue, var meta = top["metadata"]?.mapValue else { return object }
        meta["resourceVersion"] = .string(version)
        top["metadata"] = Value.map(meta)
        return Value.map(top)
    }

    private func storeCall<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as KubeError {
            throw ReleaseError.storeUnavailable(location: location, reason: error.description)
        }
    }
}
