import Values

/// Whether a live object has reached the state a wait waits for, in three outcomes: kstatus'
/// `Current` is ready, `Failed` is failed, everything else is pending with kstatus' message.
/// Jobs count as ready only once complete (Helm's `--wait-for-jobs` and hook rule).
public enum Readiness: Sendable, Equatable {
    case ready
    case pending(String)
    case failed(String)

    public static func of(_ object: Value, waitForJobs: Bool = true) -> Readiness {
        let status = ResourceStatus.of(object, waitForJobs: waitForJobs)
        switch status.state {
        case .current: return .ready
        case .failed: return .failed(status.message)
        case .inProgress, .terminating, .notFound, .unknown: return .pending(status.message)
        }
    }
}
