import Engine

/// Helm's `releaseutil.UninstallOrder`: kinds removed earlier come first; kinds not
/// listed go last, alphabetically; equal kinds keep their order.
enum KubeResourceOrder {
    static let uninstallKinds: [String] = [
        "APIService", "Ingress", "IngressClass", "Service", "CronJob", "Job", "StatefulSet",
        "HorizontalPodAutoscaler", "Deployment", "ReplicaSet", "ReplicationController", "Pod", "DaemonSet",
        "RoleBindingList", "RoleBinding", "RoleList", "Role", "ClusterRoleBindingList", "ClusterRoleBinding",
        "ClusterRoleList", "ClusterRole", "CustomResourceDefinition", "PersistentVolumeClaim", "PersistentVolume",
        "StorageClass", "ConfigMap", "SecretList", "Secret", "ServiceAccount", "PodDisruptionBudget",
        "PodSecurityPolicy", "LimitRange", "ResourceQuota", "NetworkPolicy", "Namespace", "PriorityClass",
    ]

    static func sorted<T>(_ items: [T], by order: [String], kind: (T) -> String) -> [T] {
        var rank: [String: Int] = [:]
        for (i, k) in order.enumerated() { rank[k] = i }
        func less(_ a: String, _ b: String) -> Bool {
            switch (rank[a], rank[b]) {
            case (nil, nil): return a < b
            case (nil, _): return false
            case (_, nil): return true
            case (let x?, let y?): return x < y
            }
        }
        return items.enumerated().sorted { lhs, rhs in
            let ka = kind(lhs.element), kb = kind(rhs.element)
            if less(ka, kb) { return true }
            if less(kb, ka) { return false }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }

    static func installSorted<T>(_ items: [T], kind: (T) -> String) -> [T] {
        sorted(items, by: InstallOrder.kinds, kind: kind)
    }

    static func uninstallSorted<T>(_ items: [T], kind: (T) -> String) -> [T] {
        sorted(items, by: uninstallKinds, kind: kind)
    }
}
