import Values

/// kstatus' rules for the replicated workloads of `apps/v1`; messages are kstatus' own.
extension ResourceStatus {
    static func deployment(_ object: Value) -> ResourceStatus {
        var progressing = integer(object["spec"]?["progressDeadlineSeconds"], default: Int(Int32.max)) == Int(Int32.max)
        var available = false
        for condition in conditions(object) {
            let isTrue = condition["status"]?.stringValue == "True"
            switch condition["type"]?.stringValue {
            case "Progressing":
                if condition["reason"]?.stringValue == "ProgressDeadlineExceeded" {
                    return ResourceStatus(.failed, "Progress deadline exceeded")
                }
                if isTrue && condition["reason"]?.stringValue == "NewReplicaSetAvailable" { progressing = true }
            case "Available":
                if isTrue { available = true }
            default:
                continue
            }
        }
        let status = object["status"]
        let spec = integer(object["spec"]?["replicas"], default: 1)
        let replicas = integer(status?["replicas"], default: 0)
        let updated = integer(status?["updatedReplicas"], default: 0)
        let ready = integer(status?["readyReplicas"], default: 0)
        let availableReplicas = integer(status?["availableReplicas"], default: 0)
        if spec > replicas { return ResourceStatus(.inProgress, "Replicas: \(replicas)/\(spec)") }
        if spec > updated { return ResourceStatus(.inProgress, "Updated: \(updated)/\(spec)") }
        if replicas > spec { return ResourceStatus(.inProgress, "Pending termination: \(replicas - spec)") }
        if updated > availableReplicas { return ResourceStatus(.inProgress, "Available: \(availableReplicas)/\(updated)") }
        if spec > ready { return ResourceStatus(.inProgress, "Ready: \(ready)/\(spec)") }
        if !progressing { return ResourceStatus(.inProgress, "ReplicaSet not Available") }
        if !available { return ResourceStatus(.inProgress, "Deployment not Available") }
        return ResourceStatus(.current, "Deployment is available. Replicas: \(replicas)")
    }

    static func statefulSet(_ object: Value) -> ResourceStatus {
        if object["spec"]?["updateStrategy"]?["type"]?.stringValue == "OnDelete" {
            return ResourceStatus(.current, "StatefulSet is using the ondelete update strategy")
        }
        let status = object["status"]
        let spec = integer(object["spec"]?["replicas"], default: 1)
        let ready = integer(status?["readyReplicas"], default: 0)
        let current = integer(status?["currentReplicas"], default: 0)
        let updated = integer(status?["updatedReplicas"], default: 0)
        let replicas = integer(status?["replicas"], default: 0)
        let partition = integer(object["spec"]?["updateStrategy"]?["rollingUpdate"]?["partition"], default: -1)
        if spec > replicas { return ResourceStatus(.inProgress, "Replicas: \(replicas)/\(spec)") }
        if spec > ready { return ResourceStatus(.inProgress, "Ready: \(ready)/\(spec)") }
        if replicas > spec { return ResourceStatus(.inProgress, "Pending termination: \(replicas - spec)") }
        if partition != -1 {
            if updated < spec - partition { return ResourceStatus(.inProgress, "updated: \(updated)/\(spec - partition)") }
            return ResourceStatus(.current, "Partition rollout complete. updated: \(updated)")
        }
        if spec > current { return ResourceStatus(.inProgress, "current: \(current)/\(spec)") }
        if string(status?["currentRevision"], default: "") != string(status?["updateRevision"], default: "") {
            return ResourceStatus(.inProgress, "Waiting for updated revision to match current")
        }
        return ResourceStatus(.current, "All replicas scheduled as expected. Replicas: \(replicas)")
    }

    static func daemonSet(_ object: Value) -> ResourceStatus {
        let kind = object["kind"]?.stringValue ?? "DaemonSet"
        if integer(object["metadata"]?["generation"]) == nil {
            return ResourceStatus(.inProgress, "\(kind) metadata.generation not found")
        }
        if integer(object["status"]?["observedGeneration"]) == nil {
            return ResourceStatus(.inProgress, "\(kind) status.observedGeneration not found")
        }
        let status = object["status"]
        let desired = integer(status?["desiredNumberScheduled"], default: -1)
        let current = integer(status?["currentNumberScheduled"], default: 0)
        let updated = integer(status?["updatedNumberScheduled"], default: 0)
        let available = integer(status?["numberAvailable"], default: 0)
        let ready = integer(status?["numberReady"], default: 0)
        if desired == -1 { return ResourceStatus(.inProgress, "Missing .status.desiredNumberScheduled") }
        if desired > current { return ResourceStatus(.inProgress, "Current: \(current)/\(desired)") }
        if desired > updated { return ResourceStatus(.inProgress, "Updated: \(updated)/\(desired)") }
        if desired > available { return ResourceStatus(.inProgress, "Available: \(available)/\(desired)") }
        if desired > ready { return ResourceStatus(.inProgress, "Ready: \(ready)/\(desired)") }
        return ResourceStatus(.current, "All replicas scheduled as expected. Replicas: \(desired)")
    }

    static func replicaSet(_ object: Value) -> ResourceStatus {
        if condition(object, type: "ReplicaFailure", status: "True") != nil {
            return ResourceStatus(.inProgress, "Replica Failure condition. Check Pods")
        }
        let status = object["status"]
        let spec = integer(object["spec"]?["replicas"], default: 1)
        let replicas = integer(status?["replicas"], default: 0)
        let ready = integer(status?["readyReplicas"], default: 0)
        let available = integer(status?["availableReplicas"], default: 0)
        let labelled = integer(status?["fullyLabeledReplicas"], default: 0)
        if spec > labelled { return ResourceStatus(.inProgress, "Labelled: \(labelled)/\(spec)") }
        if spec > available { return ResourceStatus(.inProgress, "Available: \(available)/\(spec)") }
        if spec > ready { return ResourceStatus(.inProgress, "Ready: \(ready)/\(spec)") }
        if replicas > spec { return ResourceStatus(.inProgress, "Pending termination: \(replicas - spec)") }
        return ResourceStatus(.current, "ReplicaSet is available. Replicas: \(replicas)")
    }
}
