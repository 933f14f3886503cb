import Values

/// What templates see as `.Release` (Helm's `chartutil.ReleaseOptions` plus `Service`).
public struct ReleaseOptions: Sendable, Equatable {
    public var name: String
    public var namespace: String
    /// 1 for an install, incremented by each upgrade or rollback.
    public var revision: Int
    public var isInstall: Bool
    public var isUpgrade: Bool

    public init(name: String, namespace: String = "default", revision: Int = 1, isInstall: Bool = true, isUpgrade: Bool = false) {
        self.name = name
        self.namespace = namespace
        self.revision = revision
        self.isInstall = isInstall
        self.isUpgrade = isUpgrade
    }

    /// `.Release` as a Go `map[string]interface{}` (Revision is a Go `int`).
    var value: Value {
        .map([
            "Name": .string(name),
            "Namespace": .string(namespace),
            "Revision": .int(revision),
            "Service": .string("Helm"),
            "IsInstall": .bool(isInstall),
            "IsUpgrade": .bool(isUpgrade),
        ])
    }
}
