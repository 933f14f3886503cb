extension ChartLoader {
    /// Loads a chart packaged as a gzip-compressed tar archive: the archive layer reads it safely
    /// (path checks, size limits, no links) and the entries go through `load(files:)`.
    static func loadArchive(_ bytes: [UInt8], origin: String) throws -> Chart {
        let entries: [ArchiveEntry]
        do {
            try ArchiveReader.ensureGzip(bytes, name: origin)
            entries = try ArchiveReader.read(bytes)
        } catch {
            throw ChartError(error.description, file: origin)
        }
        return try load(files: entries.map { ChartFileEntry(path: $0.path, bytes: $0.bytes) }, origin: origin)
    }

    /// Loads a `.tgz` chart archive from disk.
    public static func load(archive path: String) throws -> Chart {
        let entries: [ArchiveEntry]
        do { entries = try ArchiveReader.read(file: path) } catch { throw ChartError(error.description, file: path) }
        return try load(files: entries.map { ChartFileEntry(path: $0.path, bytes: $0.bytes) }, origin: path)
    }
}
