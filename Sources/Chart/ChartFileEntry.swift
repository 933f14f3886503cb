/// One file of a chart as the loader sees it: a slash-separated path relative
/// to the chart root and its bytes. Directory and archive readers both produce
/// these, so every chart source goes through the same `ChartLoader.load(files:)`.
public struct ChartFileEntry: Sendable, Hashable, Codable {
    /// Path relative to the chart root, `/`-separated (`templates/deploy.yaml`).
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// The contents decoded as UTF-8 (invalid sequences replaced), as Go's `string(data)` would show them.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
