import Semver
import Template
import Values

/// Sprig's `semver` and `semverCompare` (Masterminds/semver v3).
enum SemverFunctions {
    static func register(into t: inout FunctionTable, options: FunctionOptions) {
        t.add("semver", [.string]) { a, _ in
            do { return .object(GoSemver(version: try SemanticVersion(parsing: a.string(0)))) } catch let e as SemverError {
                throw FunctionError(e.message)
            }
        }
        t.add("semverCompare", [.string, .string]) { a, _ in
            do {
                let c = try VersionConstraint(parsing: a.string(0))
                let v = try SemanticVersion(parsing: a.string(1))
                return .bool(c.isSatisfied(by: v))
            } catch let e as SemverError {
                throw FunctionError(e.message)
            }
        }
    }
}

/// A `*semver.Version` in templates: prints as `String()`, with its methods.
struct GoSemver: GoObject {
    let version: SemanticVersion
    var goTypeName: String { "*semver.Version" }
    var goKind: String { "ptr" }
    func formatted() -> String { version.description }
    func jsonValue() -> Value { .string(version.description) }

    static func other(_ args: [Value]) throws -> SemanticVersion {
        guard case .object(let o)? = args.first, let s = o as? GoSemver else {
            throw FunctionError("wrong type for value; expected *semver.Version; got \(args.first?.goTypeName ?? "<nil>")")
        }
        return s.version
    }

    func member(_ name: String) -> GoMember? {
        let v = version
        switch name {
        case "Major": return .method(arity: 0) { _ in .int64(Int64(bitPattern: v.major)) }
        case "Minor": return .method(arity: 0) { _ in .int64(Int64(bitPattern: v.minor)) }
        case "Patch": return .method(arity: 0) { _ in .int64(Int64(bitPattern: v.patch)) }
        case "Prerelease": return .method(arity: 0) { _ in .string(v.prerelease) }
        case "Metadata": return .method(arity: 0) { _ in .string(v.metadata) }
        case "Original": return .method(arity: 0) { _ in .string(v.original) }
        case "String": return .method(arity: 0) { _ in .string(v.description) }
        case "IncPatch": return .method(arity: 0) { _ in .object(GoSemverValue(version: v.incrementingPatch())) }
        case "IncMinor": return .method(arity: 0) { _ in .object(GoSemverValue(version: v.incrementingMinor())) }
        case "IncMajor": return .method(arity: 0) { _ in .object(GoSemverValue(version: v.incrementingMajor())) }
        case "Compare": return .method(arity: 1) { a in .int(v.compare(try GoSemver.other(a))) }
        case "LessThan": return .method(arity: 1) { a in .bool(v.compare(try GoSemver.other(a)) < 0) }
        case "GreaterThan": return .method(arity: 1) { a in .bool(v.compare(try GoSemver.other(a)) > 0) }
        case "Equal": return .method(arity: 1) { a in .bool(v.compare(try GoSemver.other(a)) == 0) }
        default: return nil
        }
    }
}

/// A `semver.Version` value (what `IncMajor` and friends return).
struct GoSemverValue: GoObject {
    let version: SemanticVersion
    var goTypeName: String { "semver.Version" }
    func formatted() -> String { version.description }
    func jsonValue() -> Value { .string(version.description) }
    func member(_ name: String) -> GoMember? { GoSemver(version: version).member(name) }
}
