import Foundation

/// Writes files so that readers never see a partial file: data goes to a temporary file in the
/// destination folder, is flushed, then renamed over the final name.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String, mode: Int = 0o644) throws(ArchiveError) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let temporary = directory + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode_t(mode))
        if fd < 0 { throw .io("open \(path): \(String(cString: strerror(errno)))") }
        var written = 0
        let failure: Int32? = bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return fsync(fd) == 0 ? nil : errno }
            while written < raw.count {
                let n = Foundation.write(fd, base + written, raw.count - written)
                if n < 0 { if errno == EINTR { continue }; return errno }
                written += n
            }
            return fsync(fd) == 0 ? nil : errno
        }
        close(fd)
        if let code = failure {
            unlink(temporary)
            throw .io("write \(path): \(String(cString: strerror(code)))")
        }
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw .io("rename \(path): \(String(cString: strerror(code)))")
        }
    }
}
