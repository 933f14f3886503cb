import Foundation

/// Builds reproducible chart archives: entries under `<chartname>/`, mode 0644, one fixed mtime,
/// uid/gid 0, gzip without timestamp. Same entries and mtime → byte-identical archive.
public enum ArchiveWriter {
    /// The mtime used when `SOURCE_DATE_EPOCH` is not set (Helm uses each file's mtime instead,
    /// which makes its archives differ between checkouts).
    public static let defaultEpoch: Int64 = 0

    /// Tar + gzip of `entries` placed under `<chartName>/`, in the given order.
    public static func tgz(chartName: String, entries: [ArchiveEntry], mtime: Int64 = defaultEpoch) throws(ArchiveError) -> [UInt8] {
        var tar = TarWriter()
        for entry in entries {
            tar.addFile(name: chartName + "/" + entry.path, contents: entry.bytes, mode: entry.mode, mtime: mtime)
        }
        tar.finish()
        return try Gzip.compress(tar.bytes)
    }

    /// The archive mtime from `SOURCE_DATE_EPOCH` (Helm's `ParseSourceDateEpoch` rules), else `defaultEpoch`.
    public static func mtime(environment: [String: String] = ProcessInfo.processInfo.environment) throws(ArchiveError) -> Int64 {
        guard let raw = environment["SOURCE_DATE_EPOCH"], !raw.isEmpty else { return defaultEpoch }
        guard let epoch = Int64(raw) else {
            throw .io("invalid SOURCE_DATE_EPOCH \(goQuote(raw)): strconv.ParseInt: parsing \(goQuote(raw)): invalid syntax")
        }
        if epoch < 0 { throw .io("invalid SOURCE_DATE_EPOCH \(goQuote(raw)): negative value") }
        return epoch
    }
}
