/// How serious a lint finding is (Helm's `support.Severity`).
public enum LintSeverity: Int, Sendable, Comparable {
    case info = 1
    case warning = 2
    case error = 3

    public var label: String {
        switch self {
        case .info: return "INFO"
        case .warning: return "WARNING"
        case .error: return "ERROR"
        }
    }

    public static func < (a: LintSeverity, b: LintSeverity) -> Bool { a.rawValue < b.rawValue }
}

/// One finding: `[SEVERITY] path: message`, path relative to the chart folder.
public struct LintMessage: Sendable, Equatable, CustomStringConvertible {
    public var severity: LintSeverity
    public var path: String
    public var message: String

    public init(_ severity: LintSeverity, _ path: String, _ message: String) {
        self.severity = severity
        self.path = path
        self.message = message
    }

    public var description: String { "[\(severity.label)] \(path): \(message)" }
}

/// The findings for one chart.
public struct LintReport: Sendable {
    /// The path as given on the command line.
    public var path: String
    public var messages: [LintMessage] = []

    public init(path: String) { self.path = path }

    /// Whether the chart fails: any error, or any warning when `strict`.
    public func failed(strict: Bool) -> Bool {
        messages.contains { $0.severity >= (strict ? .warning : .error) }
    }

    /// Records a finding when `message` is non-nil; returns true when there was none.
    @discardableResult
    mutating func check(_ severity: LintSeverity, _ path: String, _ message: String?) -> Bool {
        guard let message else { return true }
        messages.append(LintMessage(severity, path, message))
        return false
    }
}
