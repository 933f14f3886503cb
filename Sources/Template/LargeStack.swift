#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs deeply recursive work (parsing nested actions, executing nested
/// templates) on a thread with a large stack so that Go's own limits
/// (100000 nested `template` calls, 10000 nested parentheses) are reached
/// and reported as errors instead of overflowing the stack.
/// Callers that parse or execute many templates wrap the whole batch in one
/// `run`: nested calls then run inline instead of starting a thread each.
public enum LargeStack {
    static let stackSize = 1 << 30

    private final class Job: @unchecked Sendable {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    private final class ResultBox<T>: @unchecked Sendable {
        var result: Result<T, any Error>?
    }

    /// Set while the current thread is a large-stack worker (nested calls run inline).
    nonisolated(unsafe) private static var workerKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    public static var onLargeStack: Bool { pthread_getspecific(workerKey) != nil }

    /// Runs `work(0)`, …, `work(count - 1)` at the same time, each on a
    /// large-stack thread (`work(0)` on the calling thread when it is one),
    /// and returns when all have finished. A thread that cannot be started
    /// runs its part on the calling thread afterwards.
    static func concurrently(_ count: Int, _ work: @escaping @Sendable (Int) -> Void) {
        var started: [(pthread_t, Unmanaged<Job>)] = []
        var notStarted: [Int] = []
        for k in 1..<max(count, 1) {
            let unmanaged = Unmanaged.passRetained(Job { work(k) })
            if let thread = start(unmanaged) {
                started.append((thread, unmanaged))
            } else {
                unmanaged.release()
                notStarted.append(k)
            }
        }
        _ = try? run {
            work(0)
            for k in notStarted { work(k) }
        }
        for (thread, unmanaged) in started {
            pthread_join(thread, nil)
            unmanaged.release()
        }
    }

    /// Starts a large-stack thread running `job` (retained by the caller until joined).
    private static func start(_ job: Unmanaged<Job>) -> pthread_t? {
        var attr = pthread_attr_t()
        pthread_attr_init(&attr)
        defer { pthread_attr_destroy(&attr) }
        pthread_attr_setstacksize(&attr, stackSize)
        #if canImport(Glibc)
        var thread = pthread_t()
        #else
        var thread: pthread_t? = nil
        #endif
        let rc = pthread_create(&thread, &attr, { raw in
            #if canImport(Glibc)
            guard let ptr = raw else { return nil }
            #else
            let ptr = raw
            #endif
            pthread_setspecific(LargeStack.workerKey, ptr)
            Unmanaged<Job>.fromOpaque(ptr).takeUnretainedValue().body()
            return nil
        }, job.toOpaque())
        guard rc == 0 else { return nil }
        return thread
    }

    public static func run<T>(_ work: @escaping () throws -> T) throws -> T {
        if onLargeStack { return try work() }
        let box = ResultBox<T>()
        let unmanaged = Unmanaged.passRetained(Job { box.result = Result { try work() } })
        guard let thread = start(unmanaged) else {
            unmanaged.release()
            return try work()
        }
        pthread_join(thread, nil)
        unmanaged.release()
        guard let result = box.result else { return try work() }
        return try result.get()
    }
}
