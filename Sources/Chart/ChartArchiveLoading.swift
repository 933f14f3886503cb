extension ChartLoader {
    /// Loads a chart packaged as a gzip-compressed tar archive.
    static func loadArchive(_ bytes: [UInt8], origin: String) throws -> Chart {
        throw ChartError("\(origin): loading chart archives (.tgz) is not supported yet", file: origin)
    }
}
