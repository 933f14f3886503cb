/// Helm's release name rule: a DNS-1123 subdomain of at most 53 characters.
public enum ReleaseName {
    static let maximumLength = 53
    /// The pattern Helm's message quotes.
    static let pattern = #"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"#

    /// Throws `ReleaseError.invalidName` (Helm's "release name check failed" error) unless
    /// `name` is a valid release name; `install` and `template` check it before rendering.
    public static func validate(_ name: String) throws {
        guard !name.isEmpty else { throw ReleaseError.invalidName(name, reason: "the name must not be empty") }
        guard name.utf8.count <= maximumLength else {
            throw ReleaseError.invalidName(name, reason: "the name must not be longer than \(maximumLength) characters")
        }
        for label in name.split(separator: ".", omittingEmptySubsequences: false) {
            let bytes = Array(label.utf8)
            let ok = !bytes.isEmpty && bytes.allSatisfy { isLowerAlnum($0) || $0 == UInt8(ascii: "-") }
                && isLowerAlnum(bytes[0]) && isLowerAlnum(bytes[bytes.count - 1])
            guard ok else {
                throw ReleaseError.invalidName(name, reason: "it must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character")
            }
        }
    }

    private static func isLowerAlnum(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
    }
}
