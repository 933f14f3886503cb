#if canImport(Glibc)
import Glibc
#endif
import MallocCounter

/// Monotonic wall-clock time in milliseconds.
func nowMilliseconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) * 1000 + Double(t.tv_nsec) / 1_000_000
}

/// The process's peak resident set size so far, in KiB (`getrusage`).
func peakRSSKiB() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss
}

/// CPU time (user + system, all threads) of the process so far, in milliseconds:
/// steadier than wall time on a shared machine.
func cpuMilliseconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func ms(_ t: timeval) -> Double { Double(t.tv_sec) * 1000 + Double(t.tv_usec) / 1000 }
    return ms(usage.ru_utime) + ms(usage.ru_stime)
}

/// Allocation calls and requested bytes counted so far (the counting allocator front, while counting is on).
func allocationSnapshot() -> (calls: UInt64, bytes: UInt64) {
    let s = malloc_counter_read()
    return (s.calls, s.bytes)
}

/// Order statistics of a sample, nearest-rank.
struct Summary {
    let median: Double
    let p95: Double
    let min: Double

    init(_ samples: [Double]) {
        let sorted = samples.sorted()
        min = sorted.first ?? 0
        if sorted.isEmpty {
            median = 0
            p95 = 0
        } else if sorted.count % 2 == 1 {
            median = sorted[sorted.count / 2]
            p95 = sorted[Swift.min(sorted.count - 1, Int((Double(sorted.count) * 0.95).rounded(.up)) - 1)]
        } else {
            median = (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
            p95 = sorted[Swift.min(sorted.count - 1, Int((Double(sorted.count) * 0.95).rounded(.up)) - 1)]
        }
    }
}
