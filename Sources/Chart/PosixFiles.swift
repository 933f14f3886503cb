#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file-system calls chart loading needs, made directly (one
/// `readdir` pass per folder, one `stat` per entry only when the folder entry
/// does not say its type, one `open`/`read` per file) instead of through
/// Foundation's `FileManager`, whose per-call overhead dominated loading.
enum PosixFiles {
    enum Kind: Equatable { case directory, file, missing }

    /// What `path` is, following symbolic links (a dangling link is `.missing`).
    static func kind(_ path: String) -> Kind {
        var st = stat()
        guard stat(path, &st) == 0 else { return .missing }
        return (st.st_mode & S_IFMT) == S_IFDIR ? .directory : .file
    }

    /// One folder entry: its name's bytes and its type when `readdir` knew it
    /// without following a link.
    struct Entry {
        var name: [UInt8]
        var kind: Kind?
    }

    /// The entries of a folder (without `.` and `..`), nil when it cannot be read.
    static func entries(of path: String) -> [Entry]? {
        guard let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        var out: [Entry] = []
        while let ent = readdir(dir) {
            let name: [UInt8] = withUnsafeBytes(of: &ent.pointee.d_name) { raw in
                let bytes = raw.bindMemory(to: UInt8.self)
                let length = bytes.firstIndex(of: 0) ?? bytes.count
                return Array(bytes[0..<length])
            }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            let kind: Kind?
            switch Int32(ent.pointee.d_type) {
            case Int32(DT_DIR): kind = .directory
            case Int32(DT_REG): kind = .file
            default: kind = nil
            }
            out.append(Entry(name: name, kind: kind))
        }
        return out
    }

    /// The whole content of a file, nil when it cannot be opened or read.
    static func contents(of path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        // One byte more than the size, so that the read reaching the end sees it.
        var capacity = fstat(fd, &st) == 0 && st.st_size > 0 ? Int(st.st_size) + 1 : 4096
        var result: [UInt8] = []
        while true {
            var ended = false, failed = false
            let chunk = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                count = 0
                guard let base = buffer.baseAddress else { return }
                while count < capacity {
                    let n = read(fd, base + count, capacity - count)
                    if n < 0 {
                        if errno == EINTR { continue }
                        failed = true
                        return
                    }
                    if n == 0 {
                        ended = true
                        return
                    }
                    count += n
                }
            }
            if failed { return nil }
            if result.isEmpty { result = chunk } else { result += chunk }
            if ended { return result }
            capacity = max(capacity, 65536)
        }
    }
}
