/// A line diff (Myers' O(ND) shortest edit script) and its unified rendering with the
/// hunk layout of GNU `diff -U N`: `@@ -a,b +c,d @@` ranges (a count of 1 is omitted, an
/// empty range names the line before it), changes within a block printed deletions first,
/// hunks merged when at most `2N` unchanged lines separate them, and
/// `\ No newline at end of file` after a last line without its newline.
public enum LineDiff {
    public enum Operation: Sendable, Equatable {
        case equal, delete, insert
    }

    /// One line of a hunk.
    public struct Line: Sendable, Equatable {
        public var operation: Operation
        public var text: Substring
        /// The input's last line had no terminating newline.
        public var missingNewline: Bool
    }

    /// A group of changes with their context lines. Starts are 1-based; an empty side's
    /// start is the line before the change (0 at the top), as GNU diff prints it.
    public struct Hunk: Sendable, Equatable {
        public var oldStart: Int
        public var oldCount: Int
        public var newStart: Int
        public var newCount: Int
        public var lines: [Line]

        /// `@@ -a,b +c,d @@`.
        public var header: String {
            func range(_ start: Int, _ count: Int) -> String { count == 1 ? "\(start)" : "\(start),\(count)" }
            return "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@"
        }
    }

    /// The shortest edit script turning `old` into `new`, with each run of changes
    /// ordered deletions first.
    public static func operations<Element: Hashable>(_ old: [Element], _ new: [Element]) -> [Operation] {
        var ids: [Element: Int] = [:]
        let a = old.map { element -> Int in
            if let id = ids[element] { return id }
            ids[element] = ids.count
            return ids.count - 1
        }
        let b = new.map { element -> Int in
            if let id = ids[element] { return id }
            ids[element] = ids.count
            return ids.count - 1
        }
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix,
              a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let middle = myers(Array(a[prefix..<(a.count - suffix)]), Array(b[prefix..<(b.count - suffix)]))
        return reorderedDeletionsFirst(Array(repeating: .equal, count: prefix) + middle
            + Array(repeating: .equal, count: suffix))
    }

    /// Myers' greedy forward search, keeping each round's furthest points to walk back the path.
    private static func myers(_ a: [Int], _ b: [Int]) -> [Operation] {
        let n = a.count, m = b.count
        if n == 0 { return Array(repeating: .insert, count: m) }
        if m == 0 { return Array(repeating: .delete, count: n) }
        let maxD = n + m
        let offset = maxD
        var furthest = [Int](repeating: 0, count: 2 * maxD + 2)
        var trace: [[Int]] = []
        search: for d in 0...maxD {
            trace.append(furthest)
            for k in stride(from: -d, through: d, by: 2) {
                var x: Int
                if k == -d || (k != d && furthest[offset + k - 1] < furthest[offset + k + 1]) {
                    x = furthest[offset + k + 1]
                } else {
                    x = furthest[offset + k - 1] + 1
                }
                var y = x - k
                while x < n, y < m, a[x] == b[y] {
                    x += 1
                    y += 1
                }
                furthest[offset + k] = x
                if x >= n, y >= m { break search }
            }
        }
        var operations: [Operation] = []
        operations.reserveCapacity(n + m)
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let previousK: Int
            if d == 0 {
                previousK = k
            } else if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                previousK = k + 1
            } else {
                previousK = k - 1
            }
            let previousX = d == 0 ? 0 : v[offset + previousK]
            let previousY = previousX - previousK
            while x > previousX, y > previousY {
                operations.append(.equal)
                x -= 1
                y -= 1
            }
            if d > 0 {
                operations.append(x == previousX ? .insert : .delete)
                x = previousX
                y = previousY
            }
        }
        return operations.reversed()
    }

    private static func reorderedDeletionsFirst(_ operations: [Operation]) -> [Operation] {
        var result: [Operation] = []
        result.reserveCapacity(operations.count)
        var deletions = 0, insertions = 0
        func flush() {
            result.append(contentsOf: repeatElement(.delete, count: deletions))
            result.append(contentsOf: repeatElement(.insert, count: insertions))
            deletions = 0
            insertions = 0
        }
        for operation in operations {
            switch operation {
            case .delete: deletions += 1
            case .insert: insertions += 1
            case .equal:
                flush()
                result.append(.equal)
            }
        }
        flush()
        return result
    }

    /// The lines of a text; the flag says whether the last one lacks its newline.
    static func lines(_ text: String) -> (lines: [Substring], lastMissingNewline: Bool) {
        if text.isEmpty { return ([], false) }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if text.hasSuffix("\n") {
            lines.removeLast()
            return (lines, false)
        }
        return (lines, true)
    }

    private struct LineKey: Hashable {
        var text: Substring
        var missingNewline: Bool
    }

    /// The hunks of a unified diff of two texts with `context` unchanged lines around changes.
    public static func hunks(old: String, new: String, context: Int = 3) -> [Hunk] {
        let (oldLines, oldMissing) = lines(old)
        let (newLines, newMissing) = lines(new)
        let oldKeys = oldLines.enumerated().map {
            LineKey(text: $0.element, missingNewline: oldMissing && $0.offset == oldLines.count - 1)
        }
        let newKeys = newLines.enumerated().map {
            LineKey(text: $0.element, missingNewline: newMissing && $0.offset == newLines.count - 1)
        }
        let operations = operations(oldKeys, newKeys)
        let context = max(0, context)

        // Positions (old line index, new line index) before each operation.
        var positions: [(old: Int, new: Int)] = []
        positions.reserveCapacity(operations.count + 1)
        var o = 0, n = 0
        for operation in operations {
            positions.append((o, n))
            if operation != .insert { o += 1 }
            if operation != .delete { n += 1 }
        }
        positions.append((o, n))

        var hunks: [Hunk] = []
        var index = 0
        while index < operations.count {
            guard operations[index] != .equal else {
                index += 1
                continue
            }
            let start = max(0, index - context)
            var end = index
            while true {
                while end < operations.count, operations[end] != .equal { end += 1 }
                var next = end
                while next < operations.count, operations[next] == .equal { next += 1 }
                if next < operations.count, next - end <= 2 * context {
                    end = next
                } else {
                    end = min(end + context, operations.count)
                    break
                }
            }
            var hunkLines: [Line] = []
            hunkLines.reserveCapacity(end - start)
            var oldCount = 0, newCount = 0
            for i in start..<end {
                let operation = operations[i]
                let key = operation == .insert ? newKeys[positions[i].new] : oldKeys[positions[i].old]
                hunkLines.append(Line(operation: operation, text: key.text, missingNewline: key.missingNewline))
                if operation != .insert { oldCount += 1 }
                if operation != .delete { newCount += 1 }
            }
            let first = positions[start]
            hunks.append(Hunk(oldStart: oldCount == 0 ? first.old : first.old + 1, oldCount: oldCount,
                              newStart: newCount == 0 ? first.new : first.new + 1, newCount: newCount,
                              lines: hunkLines))
            index = end
        }
        return hunks
    }

    /// The hunks as `diff -U context` prints them (without the `---`/`+++` file header).
    public static func unified(old: String, new: String, context: Int = 3) -> String {
        var output = ""
        for hunk in hunks(old: old, new: new, context: context) {
            output += hunk.header
            output += "\n"
            for line in hunk.lines {
                switch line.operation {
                case .equal: output += " "
                case .delete: output += "-"
                case .insert: output += "+"
                }
                output += line.text
                output += "\n"
                if line.missingNewline { output += "\\ No newline at end of file\n" }
            }
        }
        return output
    }
}
