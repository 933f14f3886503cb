import CZlib

/// Gzip compression with Helm's header: no mtime, no file name, the `Extra` field and the
/// `Helm` comment Helm's `chartutil.Save` writes, OS byte 255 as Go writes it.
public enum Gzip {
    static let helmExtra: [UInt8] = Array("rr".utf8) + [0x28, 0x00] + Array("aHR0cHM6Ly95b3V0dS5iZS96OVV6MWljandyTQo=".utf8)

    public static func compress(_ input: [UInt8]) throws(ArchiveError) -> [UInt8] {
        var out: [UInt8] = [0x1F, 0x8B, 0x08, 0x14, 0, 0, 0, 0, 0, 0xFF]
        out.append(UInt8(helmExtra.count & 0xFF))
        out.append(UInt8(helmExtra.count >> 8))
        out.append(contentsOf: helmExtra)
        out.append(contentsOf: Array("Helm".utf8) + [0])
        out.append(contentsOf: try deflateRaw(input))
        let crc = input.withUnsafeBufferPointer { buf in
            crc32(0, buf.baseAddress, uInt(buf.count))
        }
        appendLittleEndian(&out, UInt32(truncatingIfNeeded: crc))
        appendLittleEndian(&out, UInt32(truncatingIfNeeded: input.count))
        return out
    }

    private static func deflateRaw(_ input: [UInt8]) throws(ArchiveError) -> [UInt8] {
        var stream = z_stream()
        let initStatus = deflateInit2_(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY,
                                       ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard initStatus == Z_OK else { throw .io("zlib: deflateInit failed (\(initStatus))") }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 64)
        var input = input
        let status: Int32 = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                stream.next_in = inBuf.baseAddress
                stream.avail_in = uInt(inBuf.count)
                stream.next_out = outBuf.baseAddress
                stream.avail_out = uInt(outBuf.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw .io("zlib: deflate failed (\(status))") }
        output.removeLast(output.count - Int(stream.total_out))
        return output
    }

    private static func appendLittleEndian(_ out: inout [UInt8], _ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
}

extension Gzip {
    /// Decompresses a (possibly multi-member) gzip stream, verifying each member's CRC and size,
    /// and stopping with `tooLarge` as soon as the output would exceed `limit` bytes.
    public static func decompress(_ input: [UInt8], limit: Int, tooLarge: ArchiveError) throws(ArchiveError) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, 16 + 15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .io("zlib: inflateInit failed")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 256 * 1024)
        var input = input
        let outcome: ArchiveError? = input.withUnsafeMutableBufferPointer { inBuf in
            stream.next_in = inBuf.baseAddress
            stream.avail_in = uInt(inBuf.count)
            while true {
                let status: Int32 = chunk.withUnsafeMutableBufferPointer { outBuf in
                    stream.next_out = outBuf.baseAddress
                    stream.avail_out = uInt(outBuf.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                if output.count + produced > limit { return tooLarge }
                output.append(contentsOf: chunk[0..<produced])
                switch status {
                case Z_OK: continue
                case Z_STREAM_END:
                    if stream.avail_in == 0 { return nil }
                    guard inflateReset(&stream) == Z_OK else { return .corrupt("gzip: invalid header") }
                case Z_BUF_ERROR:
                    return .corrupt("unexpected EOF")
                default:
                    let message = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                    return .corrupt("gzip: \(message)")
                }
            }
        }
        if let error = outcome { throw error }
        return output
    }
}
