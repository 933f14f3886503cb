import CArchive
import CZlib
import Foundation

/// Builds tar.gz archives with arbitrary member kinds through libarchive, for hostile-input tests.
struct HostileMember {
    enum Kind { case file, directory, symlink(String), hardlink(String), characterDevice, fifo }
    var name: String
    var kind: Kind = .file
    var bytes: [UInt8] = []
}

enum HostileArchive {
    static func tgz(_ members: [HostileMember], gzip: Bool = true) -> [UInt8] {
        let capacity = members.reduce(64 * 1024) { $0 + $1.bytes.count + 4096 }
        var buffer = [UInt8](repeating: 0, count: capacity)
        var used = 0
        guard let archive = archive_write_new() else { return [] }
        defer { archive_write_free(archive) }
        archive_write_set_format_pax_restricted(archive)
        if gzip { archive_write_add_filter_gzip(archive) } else { archive_write_add_filter_none(archive) }
        buffer.withUnsafeMutableBytes { raw in
            _ = archive_write_open_memory(archive, raw.baseAddress, raw.count, &used)
            for member in members {
                guard let entry = archive_entry_new() else { continue }
                archive_entry_set_pathname(entry, member.name)
                archive_entry_set_perm(entry, 0o644)
                switch member.kind {
                case .file:
                    archive_entry_set_filetype(entry, 0o100000)
                    archive_entry_set_size(entry, la_int64_t(member.bytes.count))
                case .directory:
                    archive_entry_set_filetype(entry, 0o040000)
                case .symlink(let target):
                    archive_entry_set_filetype(entry, 0o120000)
                    archive_entry_set_symlink(entry, target)
                case .hardlink(let target):
                    archive_entry_set_filetype(entry, 0o100000)
                    archive_entry_set_hardlink(entry, target)
                case .characterDevice:
                    archive_entry_set_filetype(entry, 0o020000)
                    archive_entry_set_rdev(entry, 0x0103)
                case .fifo:
                    archive_entry_set_filetype(entry, 0o010000)
                }
                archive_write_header(archive, entry)
                if case .file = member.kind, !member.bytes.isEmpty {
                    member.bytes.withUnsafeBytes { _ = archive_write_data(archive, $0.baseAddress, $0.count) }
                }
                archive_entry_free(entry)
            }
            archive_write_close(archive)
        }
        return Array(buffer[0..<used])
    }

    /// Gunzips a whole gzip stream (used to compare tar streams under the compression).
    static func gunzip(_ bytes: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, 16 + 15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return [] }
        defer { inflateEnd(&stream) }
        var input = bytes
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        input.withUnsafeMutableBufferPointer { inBuf in
            stream.next_in = inBuf.baseAddress
            stream.avail_in = uInt(inBuf.count)
            while true {
                let status: Int32 = chunk.withUnsafeMutableBufferPointer { outBuf in
                    stream.next_out = outBuf.baseAddress
                    stream.avail_out = uInt(outBuf.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                output.append(contentsOf: chunk[0..<(chunk.count - Int(stream.avail_out))])
                if status != Z_OK { break }
            }
        }
        return output
    }
}

enum TestDirectory {
    static func make() -> String {
        var template = Array((NSTemporaryDirectory() + "/archive-test-XXXXXX").utf8CString)
        let path = template.withUnsafeMutableBufferPointer { buf in buf.baseAddress.flatMap { mkdtemp($0) } }
        return path.map { String(cString: $0) } ?? NSTemporaryDirectory()
    }

    /// Every path under `root`, relative, sorted — to prove what an operation wrote.
    static func listing(_ root: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        return walker.compactMap { $0 as? String }.sorted()
    }
}

let fixturesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
