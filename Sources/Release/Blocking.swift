import Dispatch

private final class ResultSlot<T>: @unchecked Sendable {
    var result: Result<T, any Error>?
}

/// Runs async work to completion from synchronous code. Used only at the edge where an
/// async client library (PostgresNIO) serves the synchronous `ReleaseStore` interface;
/// the work runs on the global executor and NIO's own threads, never on the waiting thread.
func waitFor<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
    let slot = ResultSlot<T>()
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        do {
            slot.result = .success(try await work())
        } catch {
            slot.result = .failure(error)
        }
        done.signal()
    }
    done.wait()
    guard let result = slot.result else {
        throw ReleaseError.storeUnavailable(location: "postgres", reason: "operation finished without a result")
    }
    return try result.get()
}
