import Semver

/// Helm's `chartutil.IsCompatibleRange`: whether `version` satisfies the
/// Masterminds/semver constraint; an unparsable constraint or version is "no".
enum KubeVersionConstraint {
    static func isCompatible(constraint: String, version: String) -> Bool {
        guard let c = try? VersionConstraint(parsing: constraint), let v = try? SemanticVersion(parsing: version) else { return false }
        return c.isSatisfied(by: v)
    }
}
