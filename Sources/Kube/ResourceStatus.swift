import Foundation
import Values

/// The status of one live object as kstatus (`sigs.k8s.io/cli-utils/pkg/kstatus/status`)
/// computes it, which is what Helm v4's `--wait` watches: generic rules first (deletion,
/// observed generation, `Reconciling`/`Stalled` conditions), then the rules of the built-in
/// kind, else `Current` once the object exists.
public struct ResourceStatus: Sendable, Equatable {
    /// kstatus' statuses, spelled as Helm prints them (`status: InProgress`).
    public enum State: String, Sendable, Equatable {
        case current = "Current"
        case inProgress = "InProgress"
        case failed = "Failed"
        case terminating = "Terminating"
        case notFound = "NotFound"
        case unknown = "Unknown"
    }

    public var state: State
    public var message: String

    public init(_ state: State, _ message: String) {
        self.state = state
        self.message = message
    }

    /// kstatus' `Compute`; with `waitForJobs` Jobs follow Helm's `--wait-for-jobs` reader
    /// (`Current` only when complete) instead of kstatus' (`Current` once started).
    public static func of(_ object: Value, waitForJobs: Bool = false) -> ResourceStatus {
        let kind = object["kind"]?.stringValue ?? ""
        let group = groupOf(object["apiVersion"]?.stringValue ?? "")
        if waitForJobs && group == "batch" && kind == "Job" { return completedJob(object) }
        if let generic = genericStatus(object) { return generic }
        switch (group, kind) {
        case ("", "Service"): return service(object)
        case ("", "Pod"): return pod(object)
        case ("", "PersistentVolumeClaim"): return persistentVolumeClaim(object)
        case ("", "Secret"), ("", "ConfigMap"), ("batch", "CronJob"):
            return ResourceStatus(.current, "Resource is always ready")
        case ("apps", "StatefulSet"): return statefulSet(object)
        case ("apps", "DaemonSet"), ("extensions", "DaemonSet"): return daemonSet(object)
        case ("apps", "Deployment"), ("extensions", "Deployment"): return deployment(object)
        case ("apps", "ReplicaSet"), ("extensions", "ReplicaSet"): return replicaSet(object)
        case ("policy", "PodDisruptionBudget"): return ResourceStatus(.current, "AllowedDisruptions has been computed.")
        case ("batch", "Job"): return startedJob(object)
        case ("apiextensions.k8s.io", "CustomResourceDefinition"): return customResourceDefinition(object)
        default: return ResourceStatus(.current, "Resource is current")
        }
    }

    /// `apps/v1` → `apps`, `v1` → the core group `""`.
    static func groupOf(_ apiVersion: String) -> String {
        guard let slash = apiVersion.firstIndex(of: "/") else { return "" }
        return String(apiVersion[..<slash])
    }

    /// kstatus' `checkGenericProperties`: a decision from fields every kind may have, or nil.
    static func genericStatus(_ object: Value) -> ResourceStatus? {
        if let deletion = object["metadata"]?["deletionTimestamp"]?.stringValue, !deletion.isEmpty {
            return ResourceStatus(.terminating, "Resource scheduled for deletion")
        }
        if let generation = integer(object["metadata"]?["generation"]),
           let observed = integer(object["status"]?["observedGeneration"]), observed != generation {
            let kind = object["kind"]?.stringValue ?? ""
            return ResourceStatus(.inProgress, "\(kind) generation is \(generation), but latest observed generation is \(observed)")
        }
        for condition in conditions(object) where condition["status"]?.stringValue == "True" {
            switch condition["type"]?.stringValue {
            case "Reconciling": return ResourceStatus(.inProgress, condition["message"]?.stringValue ?? "")
            case "Stalled": return ResourceStatus(.failed, condition["message"]?.stringValue ?? "")
            default: continue
            }
        }
        return nil
    }

    // MARK: field access with kstatus' defaults (GetIntField / GetStringField)

    /// A whole number as JSON or YAML decoding gives it, nil when absent or not a number.
    static func integer(_ value: Value?) -> Int? {
        switch value {
        case .int(let i)?: return i
        case .int64(let i)?: return Int(i)
        case .float(let f)? where f.isFinite && f == f.rounded(): return Int(f)
        default: return nil
        }
    }

    static func integer(_ value: Value?, default fallback: Int) -> Int {
        integer(value) ?? fallback
    }

    static func string(_ value: Value?, default fallback: String) -> String {
        value?.stringValue ?? fallback
    }

    static func conditions(_ object: Value) -> [Value] {
        object["status"]?["conditions"]?.listValue ?? []
    }

    static func condition(_ object: Value, type: String, status: String) -> Value? {
        conditions(object).first { $0["type"]?.stringValue == type && $0["status"]?.stringValue == status }
    }
}
