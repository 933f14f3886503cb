import Foundation
import Values

/// What a wait reports while it polls: one line naming the resources still awaited and why,
/// emitted only when that set or a reason changes.
public typealias WaitProgress = @Sendable (String) -> Void

extension KubeClient {
    /// Polls `references` until every one is kstatus-`Current` (Helm v4's `--wait`), skipping
    /// paused Deployments. A `Failed` resource stops being awaited; once nothing else is
    /// pending the wait fails naming it. At the deadline the error lists every resource not
    /// current, then `context deadline exceeded`, as Helm's status waiter does.
    public func waitUntilReady(_ references: [ResourceReference], timeoutSeconds: Double, pollSeconds: Double = 2,
                               waitForJobs: Bool = true, progress: WaitProgress? = nil) throws {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        var reporter = ProgressReporter(progress: progress)
        while true {
            var observed: [(ResourceReference, ResourceStatus)] = []
            for ref in references {
                guard let live = try get(ref) else {
                    observed.append((ref, ResourceStatus(.notFound, "Resource not found")))
                    continue
                }
                if ref.kind == "Deployment", live["spec"]?["paused"] == .bool(true) { continue }
                observed.append((ref, ResourceStatus.of(live, waitForJobs: waitForJobs)))
            }
            let pending = observed.filter { $0.1.state != .current && $0.1.state != .failed }
            let unready = observed.filter { $0.1.state != .current }
            if pending.isEmpty {
                guard unready.isEmpty else { throw KubeError.waitFailed(problems: try notReadyLines(unready)) }
                return
            }
            if Date() >= deadline {
                throw KubeError.waitFailed(problems: try notReadyLines(unready) + ["context deadline exceeded"])
            }
            reporter.report(pending)
            Thread.sleep(forTimeInterval: min(pollSeconds, max(0.001, deadline.timeIntervalSinceNow)))
        }
    }

    /// Polls until none of `references` exists any more (`uninstall --wait`, Helm's
    /// `WaitForDelete`); at the deadline names each one still there.
    public func waitUntilDeleted(_ references: [ResourceReference], timeoutSeconds: Double, pollSeconds: Double = 2,
                                 progress: WaitProgress? = nil) throws {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        var reporter = ProgressReporter(progress: progress, verb: "deleted")
        while true {
            var remaining: [(ResourceReference, ResourceStatus)] = []
            for ref in references {
                if let live = try get(ref) { remaining.append((ref, ResourceStatus.of(live))) }
            }
            if remaining.isEmpty { return }
            if Date() >= deadline {
                let lines = try remaining.map { ref, status in
                    "resource \(try identifier(ref)) still exists. status: \(status.state.rawValue), message: \(status.message)"
                }
                throw KubeError.waitFailed(problems: lines + ["context deadline exceeded"])
            }
            reporter.report(remaining)
            Thread.sleep(forTimeInterval: min(pollSeconds, max(0.001, deadline.timeIntervalSinceNow)))
        }
    }

    private func notReadyLines(_ statuses: [(ResourceReference, ResourceStatus)]) throws -> [String] {
        try statuses.map { ref, status in
            "resource \(try identifier(ref)) not ready. status: \(status.state.rawValue), message: \(status.message)"
        }
    }

    /// Helm's `Kind/namespace/name`, the namespace empty for cluster-scoped kinds.
    private func identifier(_ ref: ResourceReference) throws -> String {
        let namespace = try resource(for: ref).namespaced ? ref.namespace : ""
        return "\(ref.kind)/\(namespace)/\(ref.name)"
    }
}

/// Emits `waiting for N resources: Kind/name (reason), …` when the line differs from the last one.
struct ProgressReporter {
    var progress: WaitProgress?
    var verb = "ready"
    private var last: String?

    init(progress: WaitProgress?, verb: String = "ready") {
        self.progress = progress
        self.verb = verb
    }

    mutating func report(_ pending: [(ResourceReference, ResourceStatus)]) {
        guard let progress else { return }
        let noun = pending.count == 1 ? "resource" : "resources"
        let purpose = verb == "ready" ? "" : " to be \(verb)"
        let line = "waiting for \(pending.count) \(noun)\(purpose): "
            + pending.map { "\($0.0.kind)/\($0.0.name) (\($0.1.message))" }.joined(separator: ", ")
        guard line != last else { return }
        last = line
        progress(line)
    }
}
