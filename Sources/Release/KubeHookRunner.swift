import Foundation
import Kube
import Values

extension KubeDelivery {
    /// Runs the hooks of one event in the cluster (Helm's `execHook`). Pre-install hooks
    /// see the chart's CRDs, which Helm installs before any hook runs.
    public func runHooks(_ event: HookEvent, on release: inout Release, clock: () -> GoTime,
                         record: (Release) throws -> Void) throws {
        if event == .preInstall, !release.hookIndices(for: event).isEmpty {
            do {
                try installCRDs(release)
            } catch let error as KubeError {
                throw HookError(error.description)
            }
        }
        // Helm's test action always uses the status watcher, which waits for deletions.
        let runner = KubeHookRunner(client: client, timeoutSeconds: hookTimeoutSeconds, pollSeconds: pollSeconds,
                                    waitsForDeletion: waitSeconds != nil || event == .test)
        try runner.run(event, on: &release, clock: clock, record: record)
    }
}

/// Helm's hook execution against a cluster: each hook of the event, by weight then name, has
/// an object of its name deleted first (`before-hook-creation`, the default policy), is created
/// as written (hooks carry no ownership metadata), and is watched until done (Jobs complete,
/// Pods succeeded, other kinds at once), at most `timeoutSeconds`. Then `hook-failed` or
/// `hook-succeeded` objects are deleted. `last_run` records each run.
struct KubeHookRunner {
    let client: KubeClient
    let timeoutSeconds: Double
    let pollSeconds: Double
    /// Helm waits for hook objects to disappear after deleting them only with `--wait` (and in `test`).
    let waitsForDeletion: Bool

    func run(_ event: HookEvent, on release: inout Release, clock: () -> GoTime,
             record: (Release) throws -> Void) throws {
        let order = release.hookIndices(for: event)
        for (position, index) in order.enumerated() {
            if release.hooks[index].deletePolicies.isEmpty {
                release.hooks[index].deletePolicies = [HookDeletePolicy.beforeHookCreation]
            }
            let hook = release.hooks[index]
            try deleteByPolicy(hook, HookDeletePolicy.beforeHookCreation, namespace: release.namespace)
            let objects: [KubeDelivery.Resource]
            do {
                objects = try KubeDelivery.resources(hook.manifest, namespace: release.namespace)
            } catch {
                throw HookError("unable to build kubernetes object for \(event.rawValue) hook \(hook.path): \(error)")
            }
            release.hooks[index].lastRun = HookExecution(startedAt: clock(), phase: HookPhase.running)
            try record(release)
            release.hooks[index].lastRun.phase = HookPhase.unknown
            do {
                for object in objects { try client.create(object.object, reference: object.reference) }
            } catch {
                release.hooks[index].lastRun.completedAt = clock()
                release.hooks[index].lastRun.phase = HookPhase.failed
                throw HookError("warning: Hook \(event.rawValue) \(hook.path) failed: \(error)")
            }
            do {
                try watchUntilReady(objects.map(\.reference))
            } catch {
                release.hooks[index].lastRun.completedAt = clock()
                release.hooks[index].lastRun.phase = HookPhase.failed
                // Helm only logs a failed `hook-failed` deletion: the hook's own failure is what is reported.
                try? deleteByPolicy(release.hooks[index], HookDeletePolicy.hookFailed, namespace: release.namespace)
                for earlier in order[..<position] {
                    try deleteByPolicy(release.hooks[earlier], HookDeletePolicy.hookSucceeded, namespace: release.namespace)
                }
                throw error
            }
            release.hooks[index].lastRun.completedAt = clock()
            release.hooks[index].lastRun.phase = HookPhase.succeeded
        }
        for index in order.reversed() {
            try deleteByPolicy(release.hooks[index], HookDeletePolicy.hookSucceeded, namespace: release.namespace)
        }
    }

    /// Deletes the hook's objects when it has `policy` (CustomResourceDefinitions never).
    private func deleteByPolicy(_ hook: ReleaseHook, _ policy: String, namespace: String) throws {
        guard hook.kind != "CustomResourceDefinition", hook.deletePolicies.contains(policy) else { return }
        let objects: [KubeDelivery.Resource]
        do {
            objects = try KubeDelivery.resources(hook.manifest, namespace: namespace)
        } catch {
            throw HookError("unable to build kubernetes object for deleting hook \(hook.path): \(error)")
        }
        var failures: [String] = []
        for object in objects {
            do {
                try client.delete(object.reference)
            } catch {
                failures.append("\(error)")
            }
        }
        guard failures.isEmpty else { throw HookError(failures.joined(separator: "; ")) }
        if waitsForDeletion { try waitUntilDeleted(objects.map(\.reference)) }
    }

    /// Polls until every object is done (or failed) or the timeout passes; throws Helm's
    /// `resource Kind/ns/name not ready. status: …, message: …` lines for the others.
    private func watchUntilReady(_ references: [ResourceReference]) throws {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while true {
            var statuses: [(ResourceReference, HookObjectStatus)] = []
            for ref in references {
                statuses.append((ref, try client.get(ref).map(HookObjectStatus.of) ?? .notFound))
            }
            let settled = statuses.allSatisfy { $0.1.isCurrent || $0.1.isFailed }
            let expired = Date() >= deadline
            if settled || expired {
                var errors = try statuses.filter { !$0.1.isCurrent }.map { ref, status in
                    "resource \(try identifier(ref)) not ready. status: \(status.name), message: \(status.message)"
                }
                if !settled { errors.append("context deadline exceeded") }
                if errors.isEmpty { return }
                throw HookError(errors.joined(separator: "\n"))
            }
            Thread.sleep(forTimeInterval: min(pollSeconds, max(0.01, deadline.timeIntervalSinceNow)))
        }
    }

    private func waitUntilDeleted(_ references: [ResourceReference]) throws {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while true {
            var remaining: [(ResourceReference, Value)] = []
            for ref in references {
                if let live = try client.get(ref) { remaining.append((ref, live)) }
            }
            if remaining.isEmpty { return }
            if Date() >= deadline {
                var errors = try remaining.map { ref, live in
                    let status = live["metadata"]?["deletionTimestamp"].map { _ in HookObjectStatus.terminating }
                        ?? HookObjectStatus.of(live)
                    return "resource \(try identifier(ref)) still exists. status: \(status.name), message: \(status.message)"
                }
                errors.append("context deadline exceeded")
                throw HookError(errors.joined(separator: "\n"))
            }
            Thread.sleep(forTimeInterval: min(pollSeconds, max(0.01, deadline.timeIntervalSinceNow)))
        }
    }

    /// `Kind/namespace/name` as Helm's status watcher names objects (empty namespace when cluster-scoped).
    private func identifier(_ ref: ResourceReference) throws -> String {
        let namespaced = try client.resource(for: ref).namespaced
        return "\(ref.kind)/\(namespaced ? ref.namespace : "")/\(ref.name)"
    }
}

/// The status Helm's hook watcher reads from a live object (its custom Job and Pod status
/// readers; every other kind is current once it exists).
enum HookObjectStatus: Equatable {
    case current(String)
    case inProgress(String)
    case failed(String)
    case notFound
    case terminating


    static func of(_ object: Value) -> HookObjectStatus {
        switch object["kind"]?.stringValue {
        case "Job": return job(object)
        case "Pod": return pod(object)
        default: return .current("Resource is current")
        }
    }

    var isCurrent: Bool {
        if case .current = self { return true }
        return false
    }

    var isFailed: Bool {
        if case .failed = self { return true }
        return false
    }

    /// kstatus's status names.
    var name: String {
        switch self {
        case .current: return "Current"
        case .inProgress: return "InProgress"
        case .failed: return "Failed"
        case .notFound: return "NotFound"
        case .terminating: return "Terminating"
        }
    }

    var message: String {
        switch self {
        case .current(let m), .inProgress(let m), .failed(let m): return m
        case .notFound: return "Resource not found"
        case .terminating: return "Resource scheduled for deletion"
        }
    }

    /// Helm's hook Job reader is its `--wait-for-jobs` rule: current only once complete.
    private static func job(_ object: Value) -> HookObjectStatus {
        let status = ResourceStatus.completedJob(object)
        switch status.state {
        case .current: return .current(status.message)
        case .failed: return .failed(status.message)
        default: return .inProgress(status.message)
        }
    }

    private static func pod(_ object: Value) -> HookObjectStatus {
        let name = object["metadata"]?["name"]?.stringValue ?? ""
        switch object["status"]?["phase"]?.stringValue {
        case "Succeeded": return .current("pod \(name) succeeded")
        case "Failed": return .failed("pod \(name) failed")
        default: return .inProgress("Pod in progress")
        }
    }
}
