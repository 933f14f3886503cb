#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Word-at-a-time and `memchr` searches over UTF-8 bytes for the hot loops
/// (template lexing, output scans), where a per-byte Swift loop dominates.
public enum ByteSearch {
    /// The index of the first `byte` in `buffer[from...]`, or nil.
    @inlinable
    public static func firstIndex(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard from < buffer.count, let base = buffer.baseAddress else { return nil }
        guard let hit = memchr(base + from, Int32(byte), buffer.count - from) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// The index of the first occurrence of `pattern` in `buffer[from...]`, or nil.
    public static func firstIndex(of pattern: [UInt8], in buffer: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let first = pattern.first, buffer.count >= pattern.count else { return nil }
        let last = buffer.count - pattern.count
        var i = from
        while i <= last, let hit = firstIndex(of: first, in: buffer, from: i) {
            if hit > last { return nil }
            var k = 1
            while k < pattern.count && buffer[hit + k] == pattern[k] { k += 1 }
            if k == pattern.count { return hit }
            i = hit + 1
        }
        return nil
    }

    /// How many `byte`s `buffer[range]` holds.
    public static func count(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        let pattern = UInt64(byte) &* 0x0101_0101_0101_0101
        var n = 0
        var i = range.lowerBound
        while i + 8 <= range.upperBound {
            let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ pattern
            let zeroBytes = ~(((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x | 0x7F7F_7F7F_7F7F_7F7F)
            n += zeroBytes.nonzeroBitCount
            i += 8
        }
        while i < range.upperBound {
            if buffer[i] == byte { n += 1 }
            i += 1
        }
        return n
    }

    /// Whether every byte is below 0x80.
    public static func isASCII(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = buffer.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var i = 0
        var acc: UInt64 = 0
        while i + 8 <= buffer.count {
            acc |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            i += 8
        }
        var tail: UInt8 = 0
        while i < buffer.count {
            tail |= buffer[i]
            i += 1
        }
        return acc & 0x8080_8080_8080_8080 == 0 && tail < 0x80
    }

    /// Whether the 8 bytes at `offset` are all printable ASCII (0x20...0x7E).
    @inlinable
    public static func isPrintableASCIIWord(_ buffer: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        guard let base = buffer.baseAddress else { return false }
        let w = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        let high: UInt64 = 0x8080_8080_8080_8080
        let below20 = (w &- 0x2020_2020_2020_2020) & ~w & high
        let y = w ^ 0x7F7F_7F7F_7F7F_7F7F
        let is7F = (y &- 0x0101_0101_0101_0101) & ~y & high
        return (w & high) | below20 | is7F == 0
    }
}
