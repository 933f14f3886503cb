import Foundation
import Values

/// kstatus' rules for core kinds, Jobs and CRDs, plus Helm's `--wait-for-jobs` Job rule.
extension ResourceStatus {
    /// How long a Pod may stay unscheduled before kstatus reports it failed.
    static let scheduleWindowSeconds: Double = 15

    static func service(_ object: Value) -> ResourceStatus {
        let type = string(object["spec"]?["type"], default: "ClusterIP")
        if type == "LoadBalancer" && string(object["spec"]?["clusterIP"], default: "").isEmpty {
            return ResourceStatus(.inProgress, "ClusterIP not set. Service type: LoadBalancer")
        }
        return ResourceStatus(.current, "Service is ready")
    }

    static func persistentVolumeClaim(_ object: Value) -> ResourceStatus {
        let phase = string(object["status"]?["phase"], default: "unknown")
        if phase != "Bound" { return ResourceStatus(.inProgress, "PVC is not Bound. phase: \(phase)") }
        return ResourceStatus(.current, "PVC is Bound")
    }

    static func pod(_ object: Value, now: Date = Date()) -> ResourceStatus {
        let phase = string(object["status"]?["phase"], default: "")
        switch phase {
        case "Succeeded":
            return ResourceStatus(.current, "Pod has completed successfully")
        case "Failed":
            return ResourceStatus(.current, "Pod has completed, but not successfully")
        case "Running":
            if condition(object, type: "Ready", status: "True") != nil { return ResourceStatus(.current, "Pod is Ready") }
            let crashLooping = (object["status"]?["containerStatuses"]?.listValue ?? []).compactMap { container -> String? in
                guard container["state"]?["waiting"]?["reason"]?.stringValue == "CrashLoopBackOff" else { return nil }
                return container["name"]?.stringValue
            }
            if !crashLooping.isEmpty {
                return ResourceStatus(.failed, "Containers in CrashLoop state: " + crashLooping.joined(separator: ","))
            }
            return ResourceStatus(.inProgress, "Pod is running but is not Ready")
        case "Pending":
            if condition(object, type: "PodScheduled", status: "False")?["reason"]?.stringValue == "Unschedulable" {
                let created = object["metadata"]?["creationTimestamp"]?.stringValue.flatMap(parseTimestamp)
                if let created, now.addingTimeInterval(-scheduleWindowSeconds) < created {
                    return ResourceStatus(.inProgress, "Pod has not been scheduled")
                }
                return ResourceStatus(.failed, "Pod could not be scheduled")
            }
            return ResourceStatus(.inProgress, "Pod is in the Pending phase")
        case "":
            return ResourceStatus(.inProgress, "Pod phase not available")
        default:
            return ResourceStatus(.unknown, "unknown phase \(phase)")
        }
    }

    /// kstatus' Job rule: `Current` once started (complete, suspended or running), `Failed` on a Failed condition.
    static func startedJob(_ object: Value) -> ResourceStatus {
        let counts = JobCounts(object)
        for condition in conditions(object) where condition["status"]?.stringValue == "True" {
            switch condition["type"]?.stringValue {
            case "Complete":
                return ResourceStatus(.current, "Job Completed. succeeded: \(counts.succeeded)/\(counts.completions)")
            case "Failed":
                return ResourceStatus(.failed, "Job Failed. failed: \(counts.failed)/\(counts.completions)")
            case "Suspended":
                return ResourceStatus(.current, "Job is suspended")
            default:
                continue
            }
        }
        if string(object["status"]?["startTime"], default: "").isEmpty { return ResourceStatus(.inProgress, "Job not started") }
        return ResourceStatus(.current, "Job in progress. success:\(counts.succeeded), active: \(counts.active), failed: \(counts.failed)")
    }

    /// Helm's `--wait-for-jobs` Job rule: `Current` only once complete (also the rule of
    /// Helm's hook Job reader).
    public static func completedJob(_ object: Value) -> ResourceStatus {
        let counts = JobCounts(object)
        for condition in conditions(object) where condition["status"]?.stringValue == "True" {
            switch condition["type"]?.stringValue {
            case "Complete":
                return ResourceStatus(.current, "Job Completed. succeeded: \(counts.succeeded)/\(counts.completions)")
            case "Failed":
                return ResourceStatus(.failed, "Job Failed. failed: \(counts.failed)/\(counts.completions)")
            default:
                continue
            }
        }
        return ResourceStatus(.inProgress, "Job in progress")
    }

    static func customResourceDefinition(_ object: Value) -> ResourceStatus {
        for condition in conditions(object) {
            let status = condition["status"]?.stringValue
            let reason = condition["reason"]?.stringValue ?? ""
            let message = condition["message"]?.stringValue ?? ""
            switch condition["type"]?.stringValue {
            case "NamesAccepted" where status == "False":
                return ResourceStatus(.failed, message)
            case "Established" where status == "False" && reason != "Installing":
                return ResourceStatus(.failed, message)
            case "Established" where status == "True":
                return ResourceStatus(.current, "CRD is established")
            default:
                continue
            }
        }
        return ResourceStatus(.inProgress, "Install in progress")
    }

    private struct JobCounts {
        var completions: Int
        var succeeded: Int
        var active: Int
        var failed: Int

        init(_ object: Value) {
            let parallelism = integer(object["spec"]?["parallelism"], default: 1)
            completions = integer(object["spec"]?["completions"], default: parallelism)
            succeeded = integer(object["status"]?["succeeded"], default: 0)
            active = integer(object["status"]?["active"], default: 0)
            failed = integer(object["status"]?["failed"], default: 0)
        }
    }

    private static func parseTimestamp(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}
