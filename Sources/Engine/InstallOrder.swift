/// Helm's `releaseutil.InstallOrder`: the order in which kinds are installed.
/// Kinds not listed come last, sorted alphabetically; equal kinds keep their order.
public enum InstallOrder {
    public static let kinds: [String] = [
        "PriorityClass", "Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange", "PodSecurityPolicy",
        "PodDisruptionBudget", "ServiceAccount", "Secret", "SecretList", "ConfigMap", "StorageClass",
        "PersistentVolume", "PersistentVolumeClaim", "CustomResourceDefinition", "ClusterRole",
        "ClusterRoleList", "ClusterRoleBinding", "ClusterRoleBindingList", "Role", "RoleList", "RoleBinding",
        "RoleBindingList", "Service", "DaemonSet", "Pod", "ReplicationController", "ReplicaSet", "Deployment",
        "HorizontalPodAutoscaler", "StatefulSet", "Job", "CronJob", "IngressClass", "Ingress", "APIService",
        "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration",
    ]

    private static let rank: [String: Int] = {
        var r: [String: Int] = [:]
        for (i, k) in kinds.enumerated() { r[k] = i }
        return r
    }()

    /// Helm's `lessByKind`.
    static func less(_ a: String, _ b: String) -> Bool {
        let ra = rank[a], rb = rank[b]
        switch (ra, rb) {
        case (nil, nil): return a != b && a < b
        case (nil, _): return false
        case (_, nil): return true
        case (let x?, let y?): return x < y
        }
    }

    /// A stable sort by kind (Go's `sort.SliceStable` with `lessByKind`).
    static func stableSorted<T>(_ items: [T], kind: (T) -> String) -> [T] {
        let indexed = items.enumerated().map { ($0.offset, $0.element) }
        return indexed.sorted { lhs, rhs in
            let ka = kind(lhs.1), kb = kind(rhs.1)
            if less(ka, kb) { return true }
            if less(kb, ka) { return false }
            return lhs.0 < rhs.0
        }.map { $0.1 }
    }
}
