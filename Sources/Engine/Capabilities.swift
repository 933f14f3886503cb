import Values

/// What templates see as `.Capabilities` (Helm's `common.Capabilities`):
/// the Kubernetes version, the API versions of the cluster and Helm's version.
/// `helm template` uses `DefaultVersionSet` plus `--api-versions`, and the
/// kube version from `--kube-version` (default v1.37.0 in Helm v4.3).
public struct Capabilities: Sendable {
    public var kubeVersion: KubeVersion
    /// Group/versions (and `group/version/Kind` entries), in Helm's order.
    public var apiVersions: [String]

    public init(kubeVersion: KubeVersion = .helmDefault, extraAPIVersions: [String] = []) {
        self.kubeVersion = kubeVersion
        var versions = Capabilities.defaultVersionSet
        for extra in extraAPIVersions {
            versions.append(extra)
            // A `group/version/Kind` entry also makes its group/version known, as cluster discovery reports it.
            let parts = extra.split(separator: "/", omittingEmptySubsequences: false)
            if parts.count == 3 {
                let groupVersion = parts[0] + "/" + parts[1]
                if !versions.contains(String(groupVersion)) { versions.append(String(groupVersion)) }
            }
        }
        self.apiVersions = versions
    }

    /// Helm v4.3's `DefaultVersionSet` (from its client-go scheme), in order.
    public static let defaultVersionSet: [String] = [
        "v1", "admissionregistration.k8s.io/v1", "admissionregistration.k8s.io/v1alpha1",
        "admissionregistration.k8s.io/v1beta1", "internal.apiserver.k8s.io/v1alpha1", "apps/v1", "apps/v1beta1",
        "apps/v1beta2", "authentication.k8s.io/v1", "authentication.k8s.io/v1alpha1", "authentication.k8s.io/v1beta1",
        "authorization.k8s.io/v1", "authorization.k8s.io/v1beta1", "autoscaling/v1", "autoscaling/v2", "batch/v1",
        "batch/v1beta1", "certificates.k8s.io/v1", "certificates.k8s.io/v1beta1", "certificates.k8s.io/v1alpha1",
        "coordination.k8s.io/v1alpha2", "coordination.k8s.io/v1beta1", "coordination.k8s.io/v1",
        "discovery.k8s.io/v1", "discovery.k8s.io/v1beta1", "events.k8s.io/v1", "events.k8s.io/v1beta1",
        "extensions/v1beta1", "flowcontrol.apiserver.k8s.io/v1", "flowcontrol.apiserver.k8s.io/v1beta1",
        "flowcontrol.apiserver.k8s.io/v1beta2", "flowcontrol.apiserver.k8s.io/v1beta3", "lifecycle.k8s.io/v1alpha1",
        "networking.k8s.io/v1", "networking.k8s.io/v1beta1", "node.k8s.io/v1", "node.k8s.io/v1alpha1",
        "node.k8s.io/v1beta1", "policy/v1", "policy/v1beta1", "rbac.authorization.k8s.io/v1",
        "rbac.authorization.k8s.io/v1beta1", "rbac.authorization.k8s.io/v1alpha1", "resource.k8s.io/v1",
        "resource.k8s.io/v1beta2", "resource.k8s.io/v1beta1", "resource.k8s.io/v1alpha3",
        "scheduling.k8s.io/v1alpha3", "scheduling.k8s.io/v1beta1", "scheduling.k8s.io/v1", "storage.k8s.io/v1beta1",
        "storage.k8s.io/v1", "storage.k8s.io/v1alpha1", "storagemigration.k8s.io/v1",
        "storagemigration.k8s.io/v1beta1", "apiextensions.k8s.io/v1beta1", "apiextensions.k8s.io/v1",
    ]

    /// Helm's version as `.Capabilities.HelmVersion` reports it for this compatibility level.
    static let helmVersion = "v4.3"
    static let kubeClientVersion = "v1.37"
}

/// `.Capabilities.KubeVersion`: `Version` (`v1.31.0`), `Major`, `Minor`.
public struct KubeVersion: Sendable, Equatable {
    public var version: String
    public var major: String
    public var minor: String

    /// Helm v4.3's default for `helm template` without `--kube-version`.
    public static let helmDefault = KubeVersion(version: "v1.37.0", major: "1", minor: "37")

    public init(version: String, major: String, minor: String) {
        self.version = version
        self.major = major
        self.minor = minor
    }

    /// Parses `--kube-version` as Helm v4 does (`common.ParseKubeVersion`): Kubernetes'
    /// generic version syntax (`k8s.io/apimachinery/pkg/util/version.ParseGeneric`: optional
    /// leading spaces and `v`, at least two dot-separated numbers, anything after them ignored);
    /// `Version` keeps the text as given, with a `v` prefixed when it has none.
    /// The error message is the Kubernetes parser's.
    public init(parsing text: String) throws {
        let components = try Self.genericComponents(text)
        self.init(version: text.hasPrefix("v") ? text : "v" + text,
                  major: components[0], minor: components[1])
    }

    /// `ParseGeneric`'s numeric components (`versionMatchRE = ^\s*v?([0-9]+(?:\.[0-9]+)*)(.*)*$`).
    private static func genericComponents(_ text: String) throws -> [String] {
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count, [0x20, 0x09, 0x0A, 0x0C, 0x0D].contains(bytes[i]) { i += 1 }
        if i < bytes.count, bytes[i] == UInt8(ascii: "v") { i += 1 }
        func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        var numbers: [[UInt8]] = []
        var current: [UInt8] = []
        while i < bytes.count, isDigit(bytes[i]) { current.append(bytes[i]); i += 1 }
        guard !current.isEmpty else {
            throw RenderError(message: "could not parse \(GoStrconv.quote(text)) as version")
        }
        numbers.append(current)
        while i + 1 < bytes.count, bytes[i] == UInt8(ascii: "."), isDigit(bytes[i + 1]) {
            current = []
            i += 1
            while i < bytes.count, isDigit(bytes[i]) { current.append(bytes[i]); i += 1 }
            numbers.append(current)
        }
        guard numbers.count >= 2 else {
            throw RenderError(message: "illegal version string \(GoStrconv.quote(text))")
        }
        var components: [String] = []
        for (index, digits) in numbers.enumerated() {
            if index == 0, digits.count > 1, digits[0] == UInt8(ascii: "0") {
                let component = String(decoding: digits, as: UTF8.self)
                throw RenderError(message: "illegal zero-prefixed version component \(GoStrconv.quote(component)) in \(GoStrconv.quote(text))")
            }
            // Decimal text without leading zeros (Helm v4.3 also keeps numbers past 64 bits).
            let significant = digits.drop { $0 == UInt8(ascii: "0") }
            components.append(significant.isEmpty ? "0" : String(decoding: significant, as: UTF8.self))
        }
        return components
    }
}

/// `.Capabilities` as a Go value (`*common.Capabilities`).
struct CapabilitiesObject: GoObject {
    let capabilities: Capabilities
    var goTypeName: String { "*common.Capabilities" }
    var goKind: String { "ptr" }

    func member(_ name: String) -> GoMember? {
        switch name {
        case "KubeVersion": return .field(.object(KubeVersionObject(version: capabilities.kubeVersion)))
        case "APIVersions": return .field(.object(VersionSetObject(versions: capabilities.apiVersions)))
        case "HelmVersion": return .field(.object(HelmVersionObject()))
        default: return nil
        }
    }

    func formatted() -> String {
        let kv = capabilities.kubeVersion
        return "&{{\(kv.version)  \(kv.major) \(kv.minor)} "
            + VersionSetObject(versions: capabilities.apiVersions).formatted() + " "
            + HelmVersionObject().formatted() + "}"
    }

    var jsonFieldOrder: [String]? { ["KubeVersion", "APIVersions", "HelmVersion"] }

    func jsonValue() -> Value {
        .map([
            "KubeVersion": KubeVersionObject(version: capabilities.kubeVersion).jsonValue(),
            "APIVersions": VersionSetObject(versions: capabilities.apiVersions).jsonValue(),
            "HelmVersion": HelmVersionObject().jsonValue(),
        ])
    }
}

/// `common.KubeVersion`: fields plus the `String`, `GitVersion` methods.
struct KubeVersionObject: GoObject {
    let version: KubeVersion
    var goTypeName: String { "common.KubeVersion" }

    func member(_ name: String) -> GoMember? {
        switch name {
        case "Version": return .field(.string(version.version))
        case "Major": return .field(.string(version.major))
        case "Minor": return .field(.string(version.minor))
        case "String", "GitVersion":
            let v = version.version
            return .method(arity: 0) { _ in .string(v) }
        default: return nil
        }
    }

    /// A template prints the field through its `String()` method (pointer receiver on an addressable field).
    func formatted() -> String { version.version }

    var jsonFieldOrder: [String]? { ["Version", "Major", "Minor"] }

    func jsonValue() -> Value {
        .map(["Version": .string(version.version), "Major": .string(version.major), "Minor": .string(version.minor)])
    }
}

/// `common.VersionSet` (a `[]string` with a `Has` method).
struct VersionSetObject: GoObject {
    let versions: [String]
    var goTypeName: String { "common.VersionSet" }
    var goKind: String { "slice" }
    var isTruthy: Bool { !versions.isEmpty }

    func member(_ name: String) -> GoMember? {
        switch name {
        case "Has":
            let set = Set(versions)
            return .method(arity: 1) { args in
                guard case .string(let s)? = args.first else { return .bool(false) }
                return .bool(set.contains(s))
            }
        default: return nil
        }
    }

    func formatted() -> String { "[" + versions.joined(separator: " ") + "]" }
    func jsonValue() -> Value { .list(versions.map { .string($0) }) }
}

/// `version.BuildInfo` of the Helm whose behaviour swiftchart reproduces.
struct HelmVersionObject: GoObject {
    var goTypeName: String { "version.BuildInfo" }

    func member(_ name: String) -> GoMember? {
        switch name {
        case "Version": return .field(.string(Capabilities.helmVersion))
        case "GitCommit", "GitTreeState", "GoVersion": return .field(.string(""))
        case "KubeClientVersion": return .field(.string(Capabilities.kubeClientVersion))
        default: return nil
        }
    }

    func formatted() -> String { "{\(Capabilities.helmVersion)    \(Capabilities.kubeClientVersion)}" }

    var jsonFieldOrder: [String]? { ["version", "git_commit", "git_tree_state", "go_version", "kube_client_version"] }

    func jsonValue() -> Value {
        .map(["version": .string(Capabilities.helmVersion), "go_version": .string(""),
              "kube_client_version": .string(Capabilities.kubeClientVersion)])
    }
}
