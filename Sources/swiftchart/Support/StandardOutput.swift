#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes command output straight to file descriptor 1: the rendered text's
/// UTF-8 bytes as they are, no Foundation `Data` conversion on the way.
enum StandardOutput {
    static func emit(_ text: inout String) {
        text.withUTF8 { bytes in
            guard var next = bytes.baseAddress else { return }
            var remaining = bytes.count
            while remaining > 0 {
                let n = write(1, next, remaining)
                if n < 0 {
                    if errno == EINTR { continue }
                    return
                }
                next += n
                remaining -= n
            }
        }
    }
}
