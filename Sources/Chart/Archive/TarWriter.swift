/// Writes tar streams the way Go's `archive/tar` writer does for Helm's `writeToTar`:
/// USTAR headers (name/prefix split when a path exceeds 100 bytes), PAX records only when USTAR
/// cannot hold the name, uid/gid 0, no owner names, two zero blocks at the end, no block padding.
///
/// With equal inputs and mtimes the tar stream equals Helm's byte for byte.
public struct TarWriter: Sendable {
    private static let blockSize = 512
    public private(set) var bytes: [UInt8] = []

    public init() {}

    /// Appends one regular file.
    public mutating func addFile(name: String, contents: [UInt8], mode: UInt32, mtime: Int64) {
        let utf8 = Array(name.utf8)
        let isASCII = !utf8.contains { $0 >= 0x80 }
        var nameField = utf8
        var prefixField: [UInt8] = []
        if utf8.count > 100 || !isASCII {
            if isASCII, let (prefix, suffix) = Self.splitUSTARPath(utf8) {
                prefixField = prefix
                nameField = suffix
            } else {
                writePAXHeader(name: utf8, mtime: mtime)
                nameField = Array(utf8.map { $0 >= 0x80 ? 0 : $0 }.filter { $0 != 0 }.prefix(100))
            }
        }
        var header = [UInt8](repeating: 0, count: Self.blockSize)
        put(&header, 0, 100, nameField)
        putOctal(&header, 100, 8, Int64(mode))
        putOctal(&header, 108, 8, 0)
        putOctal(&header, 116, 8, 0)
        putOctal(&header, 124, 12, Int64(contents.count))
        putOctal(&header, 136, 12, mtime)
        header[156] = UInt8(ascii: "0")
        put(&header, 257, 6, Array("ustar\0".utf8))
        put(&header, 263, 2, Array("00".utf8))
        putOctal(&header, 329, 8, 0)
        putOctal(&header, 337, 8, 0)
        put(&header, 345, 155, prefixField)
        Self.setChecksum(&header)
        bytes.append(contentsOf: header)
        appendPadded(contents)
    }

    /// Terminates the archive with two zero blocks.
    public mutating func finish() {
        bytes.append(contentsOf: [UInt8](repeating: 0, count: 2 * Self.blockSize))
    }

    private mutating func writePAXHeader(name: [UInt8], mtime: Int64) {
        let record = Self.paxRecord(key: "path", value: name)
        let (dir, file) = Self.splitDirectory(name)
        var headerName = dir + Array("PaxHeaders.0/".utf8) + file
        headerName = Array(headerName.map { $0 >= 0x80 ? 0 : $0 }.filter { $0 != 0 }.prefix(100))
        var header = [UInt8](repeating: 0, count: Self.blockSize)
        put(&header, 0, 100, headerName)
        putOctal(&header, 100, 8, 0)
        putOctal(&header, 108, 8, 0)
        putOctal(&header, 116, 8, 0)
        putOctal(&header, 124, 12, Int64(record.count))
        putOctal(&header, 136, 12, 0)
        header[156] = UInt8(ascii: "x")
        put(&header, 257, 6, Array("ustar\0".utf8))
        put(&header, 263, 2, Array("00".utf8))
        Self.setChecksum(&header)
        bytes.append(contentsOf: header)
        appendPadded(record)
    }

    private mutating func appendPadded(_ data: [UInt8]) {
        bytes.append(contentsOf: data)
        let remainder = data.count % Self.blockSize
        if remainder != 0 { bytes.append(contentsOf: [UInt8](repeating: 0, count: Self.blockSize - remainder)) }
    }

    /// A PAX record `"%d key=value\n"` whose length prefix counts itself.
    static func paxRecord(key: String, value: [UInt8]) -> [UInt8] {
        let body = Array(" \(key)=".utf8) + value + [UInt8(ascii: "\n")]
        var size = body.count + 1
        while String(size).utf8.count + body.count != size { size = String(size).utf8.count + body.count }
        return Array(String(size).utf8) + body
    }

    /// Go's `splitUSTARPath`.
    static func splitUSTARPath(_ name: [UInt8]) -> ([UInt8], [UInt8])? {
        var length = name.count
        if length <= 100 { return nil }
        if length > 156 { length = 156 } else if name[length - 1] == UInt8(ascii: "/") { length -= 1 }
        guard let slash = name[..<length].lastIndex(of: UInt8(ascii: "/")) else { return nil }
        let suffixLength = name.count - slash - 1
        if slash <= 0 || suffixLength > 100 || suffixLength == 0 || slash > 155 { return nil }
        return (Array(name[..<slash]), Array(name[(slash + 1)...]))
    }

    static func splitDirectory(_ name: [UInt8]) -> ([UInt8], [UInt8]) {
        guard let slash = name.lastIndex(of: UInt8(ascii: "/")) else { return ([], name) }
        return (Array(name[...slash]), Array(name[(slash + 1)...]))
    }

    private func put(_ header: inout [UInt8], _ offset: Int, _ width: Int, _ value: [UInt8]) {
        for (i, byte) in value.prefix(width).enumerated() { header[offset + i] = byte }
    }

    /// Go's `formatOctal`: zero-padded octal digits filling all but the last byte, then NUL.
    private func putOctal(_ header: inout [UInt8], _ offset: Int, _ width: Int, _ value: Int64) {
        let digits = Array(String(max(0, value), radix: 8).utf8)
        let padded = [UInt8](repeating: UInt8(ascii: "0"), count: max(0, width - 1 - digits.count)) + digits
        put(&header, offset, width - 1, padded)
    }

    /// Go writes the checksum as six octal digits, NUL, space.
    private static func setChecksum(_ header: inout [UInt8]) {
        for i in 148..<156 { header[i] = UInt8(ascii: " ") }
        let sum = header.reduce(0) { $0 + Int($1) }
        let digits = Array(String(sum, radix: 8).leftPadded(to: 6).utf8)
        for i in 0..<6 { header[148 + i] = digits[i] }
        header[154] = 0
        header[155] = UInt8(ascii: " ")
    }
}
