import Foundation
import Values

/// Whether a live object has reached the state `--wait` waits for (Deployments: rolled out
/// and available; Jobs: complete). Other kinds are ready once applied.
public enum Readiness: Sendable, Equatable {
    case ready
    case pending(String)
    case failed(String)

    public static func of(_ object: Value) -> Readiness {
        switch object["kind"]?.stringValue {
        case "Deployment": return deployment(object)
        case "Job": return job(object)
        default: return .ready
        }
    }

    /// The kinds whose readiness is judged by status.
    public static let watchedKinds: Set<String> = ["Deployment", "Job"]

    private static func number(_ value: Value?) -> Int? {
        switch value {
        case .int(let i)?: return i
        case .int64(let i)?: return Int(i)
        case .float(let f)?: return Int(f)
        default: return nil
        }
    }

    private static func condition(_ object: Value, _ type: String) -> Value? {
        object["status"]?["conditions"]?.listValue?.first { $0["type"]?.stringValue == type }
    }

    private static func deployment(_ object: Value) -> Readiness {
        if let progressing = condition(object, "Progressing"), progressing["reason"]?.stringValue == "ProgressDeadlineExceeded" {
            return .failed(progressing["message"]?.stringValue ?? "progress deadline exceeded")
        }
        let wanted = number(object["spec"]?["replicas"]) ?? 1
        let generation = number(object["metadata"]?["generation"]) ?? 0
        let observed = number(object["status"]?["observedGeneration"]) ?? 0
        if observed < generation { return .pending("waiting for the deployment spec update to be observed") }
        let updated = number(object["status"]?["updatedReplicas"]) ?? 0
        if updated < wanted { return .pending("\(updated) of \(wanted) updated replicas") }
        let available = number(object["status"]?["availableReplicas"]) ?? 0
        if available < wanted { return .pending("\(available) of \(wanted) updated replicas are available") }
        return .ready
    }

    private static func job(_ object: Value) -> Readiness {
        if let failed = condition(object, "Failed"), failed["status"]?.stringValue == "True" {
            return .failed(failed["message"]?.stringValue ?? failed["reason"]?.stringValue ?? "job failed")
        }
        if let complete = condition(object, "Complete"), complete["status"]?.stringValue == "True" { return .ready }
        return .pending("job not complete")
    }
}

extension KubeClient {
    /// Polls the Deployments and Jobs among `references` until all are ready; throws
    /// `notReady` naming the first one still pending at the deadline, or one that failed.
    public func waitUntilReady(_ references: [ResourceReference], timeoutSeconds: Double,
                               pollSeconds: Double = 2) throws {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        var waiting = references.filter { Readiness.watchedKinds.contains($0.kind) }
        while true {
            var still: [(ResourceReference, String)] = []
            for ref in waiting {
                guard let live = try get(ref) else {
                    still.append((ref, "not found"))
                    continue
                }
                switch Readiness.of(live) {
                case .ready: break
                case .pending(let reason): still.append((ref, reason))
                case .failed(let reason): throw KubeError.notReady(resource: ref.description, reason: reason)
                }
            }
            guard let first = still.first else { return }
            if Date() >= deadline {
                throw KubeError.notReady(resource: first.0.description,
                                         reason: "not ready after \(GoDuration.format(timeoutSeconds)): \(first.1)")
            }
            waiting = still.map(\.0)
            Thread.sleep(forTimeInterval: min(pollSeconds, max(0.01, deadline.timeIntervalSinceNow)))
        }
    }
}
