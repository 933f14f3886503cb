import Foundation

/// Writes archive entries to disk as `<directory>/<chartName>/…` (Helm's `chartutil.Expand`),
/// never outside that folder: files are first written into a fresh private staging folder inside
/// `directory`, which is renamed into place only when every file was written.
public enum ArchiveExtractor {
    /// Extracts `entries` into `directory/chartName`. Fails if that path already exists.
    public static func extract(_ entries: [ArchiveEntry], chartName: String, into directory: String) throws(ArchiveError) {
        guard !chartName.isEmpty, chartName != ".", chartName != "..", !chartName.contains("/"), !chartName.contains("\\") else {
            throw .illegalName(chartName)
        }
        for entry in entries { try validate(entry.path) }
        let destination = directory + "/" + chartName
        var info = stat()
        if lstat(destination, &info) == 0 {
            throw .io("failed to untar: a file or directory with the name \(destination) already exists")
        }
        do { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
            throw .io("mkdir \(directory): \(error.localizedDescription)")
        }
        var template = Array((directory + "/." + chartName + ".untar-XXXXXX").utf8CString)
        guard let staged = template.withUnsafeMutableBufferPointer({ buf in buf.baseAddress.flatMap { mkdtemp($0) } })
            .map({ String(cString: $0) }) else {
            throw .io("mkdir \(directory): \(String(cString: strerror(errno)))")
        }
        do throws(ArchiveError) {
            chmod(staged, 0o755)
            for entry in entries { try writeEntry(entry, root: staged) }
            if rename(staged, destination) != 0 { throw .io("rename \(destination): \(String(cString: strerror(errno)))") }
        } catch {
            try? FileManager.default.removeItem(atPath: staged)
            throw error
        }
    }

    /// Entry paths must be clean, relative and free of `..` — re-checked here because entries may
    /// come from any source, not only `ArchiveReader`.
    static func validate(_ path: String) throws(ArchiveError) {
        if path.hasPrefix("/") { throw .absolutePath(path) }
        if ArchivePath.hasDrivePrefix(path) || path.contains("\\") || path.utf8.contains(0) { throw .illegalName(path) }
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        if components.contains("..") { throw .parentReference(path) }
        if components.contains(where: { $0.isEmpty || $0 == "." }) { throw .outsideBase(path) }
    }

    private static func writeEntry(_ entry: ArchiveEntry, root: String) throws(ArchiveError) {
        let components = entry.path.split(separator: "/")
        var current = root
        for component in components.dropLast() {
            current += "/" + component
            var info = stat()
            if lstat(current, &info) == 0 {
                guard (info.st_mode & S_IFMT) == S_IFDIR else { throw .io("\(entry.path): \(current) is not a directory") }
            } else if mkdir(current, 0o755) != 0 {
                throw .io("mkdir \(current): \(String(cString: strerror(errno)))")
            }
        }
        let target = root + "/" + entry.path
        let fd = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        if fd < 0 { throw .io("open \(target): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var written = 0
        let failure: Int32? = entry.bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return nil }
            while written < raw.count {
                let n = Foundation.write(fd, base + written, raw.count - written)
                if n < 0 { if errno == EINTR { continue }; return errno }
                written += n
            }
            return nil
        }
        if let code = failure { throw .io("write \(target): \(String(cString: strerror(code)))") }
    }
}
