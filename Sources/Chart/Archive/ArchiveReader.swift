import CArchive
import Foundation

/// Reads gzipped tar chart archives into memory with Helm's safety rules.
///
/// Refuses absolute paths, parent references, Windows drive names, links, device files and
/// archives that decompress beyond `ArchiveLimits` — the checks Helm's `LoadArchiveFiles` does,
/// plus link and special-file refusal (Helm turns those into empty files; we reject them).
public enum ArchiveReader {
    private static let fileTypeMask: UInt32 = 0o170000
    private static let regularFile: UInt32 = 0o100000
    private static let directory: UInt32 = 0o040000
    private static let symbolicLink: UInt32 = 0o120000
    private static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Reads the archive file at `path`, checking first that it is gzip (Helm's `EnsureArchive`).
    public static func read(file path: String, limits: ArchiveLimits = .helmDefaults) throws(ArchiveError) -> [ArchiveEntry] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .io("open \(path): no such file or directory")
        }
        let bytes = [UInt8](data)
        try ensureGzip(bytes, name: path)
        return try read(bytes, limits: limits)
    }

    /// Helm's `EnsureArchive`: an informative error when the bytes are not gzip.
    public static func ensureGzip(_ bytes: [UInt8], name: String) throws(ArchiveError) {
        if bytes.count >= 3 && bytes[0] == 0x1F && bytes[1] == 0x8B && bytes[2] == 0x08 { return }
        if name.hasSuffix(".yml") || name.hasSuffix(".yaml") { throw .yamlNotArchive(file: name) }
        throw .notGzip(file: name, contentType: sniffContentType(bytes.prefix(512)))
    }

    /// Decompresses and reads every regular file of a `.tgz`, stripping the top-level folder.
    /// The gzip checksum is verified, so truncated or damaged archives are refused.
    public static func read(_ tgz: [UInt8], limits: ArchiveLimits = .helmDefaults) throws(ArchiveError) -> [ArchiveEntry] {
        // zlib first: it verifies the gzip CRC and bounds the output; the tar headers add at most
        // a few blocks per file on top of the content budget.
        let tarLimit = Int(min(Int64(Int.max / 2), limits.maxChartSize + limits.maxChartSize / 4 + 1024 * 1024))
        let tar = try Gzip.decompress(tgz, limit: tarLimit, tooLarge: .chartTooLarge(limit: limits.maxChartSize))
        guard let archive = archive_read_new() else { throw .io("libarchive: out of memory") }
        defer { archive_read_free(archive) }
        archive_read_support_format_tar(archive)
        let result: Result<[ArchiveEntry], ArchiveError> = tar.withUnsafeBytes { raw in
            guard archive_read_open_memory(archive, raw.baseAddress, raw.count) == ARCHIVE_OK else {
                return .failure(.corrupt(errorString(archive)))
            }
            do throws(ArchiveError) { return .success(try readEntries(archive, limits: limits)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    private static func readEntries(_ archive: OpaquePointer, limits: ArchiveLimits) throws(ArchiveError) -> [ArchiveEntry] {
        var entries: [ArchiveEntry] = []
        var remaining = limits.maxChartSize
        var header: OpaquePointer?
        while true {
            let status = archive_read_next_header(archive, &header)
            if status == ARCHIVE_EOF { break }
            guard status == ARCHIVE_OK || status == ARCHIVE_WARN, let entry = header else {
                throw .corrupt(errorString(archive))
            }
            let memberName = pathname(entry)
            let type = UInt32(archive_entry_filetype(entry)) & fileTypeMask
            if type == directory { continue }
            let (name, _) = try ArchivePath.chartRelative(memberName)
            if let target = archive_entry_hardlink(entry) {
                throw .link(memberName, target: String(cString: target))
            }
            if type == symbolicLink {
                let target = archive_entry_symlink(entry).map { String(cString: $0) } ?? ""
                throw .link(memberName, target: target)
            }
            if type != regularFile { throw .specialFile(memberName) }
            let declared = archive_entry_size(entry)
            if declared > remaining { throw .chartTooLarge(limit: limits.maxChartSize) }
            if declared > limits.maxFileSize { throw .fileTooLarge(memberName, limit: limits.maxFileSize) }
            var data = try readData(archive, budget: min(remaining, limits.maxFileSize), limits: limits, name: memberName)
            remaining -= Int64(data.count)
            if Int64(data.count) < declared || remaining <= 0 { throw .chartTooLarge(limit: limits.maxChartSize) }
            if data.starts(with: utf8BOM) { data.removeFirst(3) }
            entries.append(ArchiveEntry(path: name, bytes: data, mode: UInt32(archive_entry_perm(entry))))
        }
        if entries.isEmpty { throw .noFiles }
        return entries
    }

    /// Reads one member's data, never holding more than `budget` bytes (the header size may lie).
    private static func readData(_ archive: OpaquePointer, budget: Int64, limits: ArchiveLimits, name: String) throws(ArchiveError) -> [UInt8] {
        var data: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = chunk.withUnsafeMutableBytes { archive_read_data(archive, $0.baseAddress, $0.count) }
            if n == 0 { return data }
            if n < 0 { throw .corrupt(errorString(archive)) }
            if Int64(data.count + n) > budget {
                if Int64(data.count + n) > limits.maxFileSize { throw .fileTooLarge(name, limit: limits.maxFileSize) }
                throw .chartTooLarge(limit: limits.maxChartSize)
            }
            data.append(contentsOf: chunk[0..<n])
        }
    }

    private static func pathname(_ entry: OpaquePointer) -> String {
        if let utf8 = archive_entry_pathname_utf8(entry) { return String(cString: utf8) }
        if let raw = archive_entry_pathname(entry) { return String(cString: raw) }
        return ""
    }

    static func errorString(_ archive: OpaquePointer) -> String {
        archive_error_string(archive).map { String(cString: $0) } ?? "unreadable archive"
    }

    /// A coarse version of Go's `http.DetectContentType` for the cases a chart path can hit.
    static func sniffContentType(_ head: ArraySlice<UInt8>) -> String {
        if head.isEmpty { return "text/plain; charset=utf-8" }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return "application/zip" }
        if head.starts(with: Array("%PDF-".utf8)) { return "application/pdf" }
        let binary = head.contains { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0C && $0 != 0x0D && $0 != 0x1B }
        return binary ? "application/octet-stream" : "text/plain; charset=utf-8"
    }
}
