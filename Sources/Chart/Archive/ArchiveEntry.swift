/// One regular file of a chart archive, held in memory.
///
/// `path` is relative to the chart root (the top-level `<chartname>/` folder of the
/// archive is stripped on reading and added on writing), always `/`-separated.
public struct ArchiveEntry: Sendable, Equatable {
    public var path: String
    public var bytes: [UInt8]
    /// Permission bits as stored in the archive (Helm writes 0644).
    public var mode: UInt32

    public init(path: String, bytes: [UInt8], mode: UInt32 = 0o644) {
        self.path = path
        self.bytes = bytes
        self.mode = mode
    }
}

/// Size limits applied while decompressing a chart archive (guards against gzip bombs).
///
/// The defaults are Helm v4's `MaxDecompressedChartSize` (100 MiB) and
/// `MaxDecompressedFileSize` (5 MiB).
public struct ArchiveLimits: Sendable, Equatable {
    public var maxChartSize: Int64
    public var maxFileSize: Int64

    public init(maxChartSize: Int64 = 100 * 1024 * 1024, maxFileSize: Int64 = 5 * 1024 * 1024) {
        self.maxChartSize = maxChartSize
        self.maxFileSize = maxFileSize
    }

    public static let helmDefaults = ArchiveLimits()
}
