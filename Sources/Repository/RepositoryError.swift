/// An error of the repository layer (index files, repository config, downloads, dependencies),
/// worded as Helm words it where Helm has a message for the condition.
public struct RepositoryError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
