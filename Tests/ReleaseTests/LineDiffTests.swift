import Release
import Testing

/// Unified line diffs. Expected hunks are GNU diffutils 3.8 `diff -U<context>` output for
/// the same two texts (its `---`/`+++` file header left off), computed once and kept here.
/// Where several shortest edit scripts exist GNU diff's bidirectional search may align
/// differently from Myers' forward search; such inputs are checked for minimality only.
struct LineDiffTests {
    static let cases: [(name: String, old: String, new: String, context: Int, expected: String)] = [
        ("identical", "a\nb\nc\n", "a\nb\nc\n", 3,
         ""),
        ("both empty", "", "", 3,
         ""),
        ("empty old side", "", "a\nb\n", 3,
         "@@ -0,0 +1,2 @@\n+a\n+b\n"),
        ("empty new side", "a\nb\n", "", 3,
         "@@ -1,2 +0,0 @@\n-a\n-b\n"),
        ("middle change", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n", 3,
         "@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n"),
        ("insert at start", "1\n2\n3\n4\n5\n6\n", "zero\n1\n2\n3\n4\n5\n6\n", 3,
         "@@ -1,3 +1,4 @@\n+zero\n 1\n 2\n 3\n"),
        ("insert at end", "1\n2\n3\n4\n5\n6\n", "1\n2\n3\n4\n5\n6\nseven\n", 3,
         "@@ -4,3 +4,4 @@\n 4\n 5\n 6\n+seven\n"),
        ("delete at start", "1\n2\n3\n4\n5\n6\n", "2\n3\n4\n5\n6\n", 3,
         "@@ -1,4 +1,3 @@\n-1\n 2\n 3\n 4\n"),
        ("delete at end", "1\n2\n3\n4\n5\n6\n", "1\n2\n3\n4\n5\n", 3,
         "@@ -3,4 +3,3 @@\n 3\n 4\n 5\n-6\n"),
        ("gap of six merges", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n", "1\n2\nX\n4\n5\n6\n7\n8\n9\nY\n11\n12\n13\n14\n", 3,
         "@@ -1,13 +1,13 @@\n 1\n 2\n-3\n+X\n 4\n 5\n 6\n 7\n 8\n 9\n-10\n+Y\n 11\n 12\n 13\n"),
        ("gap of seven splits", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n", "1\n2\nX\n4\n5\n6\n7\n8\n9\n10\nY\n12\n13\n14\n15\n16\n", 3,
         "@@ -1,6 +1,6 @@\n 1\n 2\n-3\n+X\n 4\n 5\n 6\n@@ -8,7 +8,7 @@\n 8\n 9\n 10\n-11\n+Y\n 12\n 13\n 14\n"),
        ("context zero", "1\n2\n3\n4\n5\n6\n7\n8\n", "1\nX\n3\n4\n5\n7\n8\nZ\n", 0,
         "@@ -2 +2 @@\n-2\n+X\n@@ -6 +5,0 @@\n-6\n@@ -8,0 +8 @@\n+Z\n"),
        ("context one", "1\n2\n3\n4\n5\n6\n7\n8\n", "1\nX\n3\n4\n5\n7\n8\n", 1,
         "@@ -1,3 +1,3 @@\n 1\n-2\n+X\n 3\n@@ -5,3 +5,2 @@\n 5\n-6\n 7\n"),
        ("pure insertion with context zero", "a\nb\nc\n", "a\nb\nnew\nc\n", 0,
         "@@ -2,0 +3 @@\n+new\n"),
        ("pure deletion with context zero", "a\nb\nc\n", "a\nc\n", 0,
         "@@ -2 +1,0 @@\n-b\n"),
        ("old lacks final newline", "a\nb", "a\nb\n", 3,
         "@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n"),
        ("new lacks final newline", "a\nb\n", "a\nc", 3,
         "@@ -1,2 +1,2 @@\n a\n-b\n+c\n\\ No newline at end of file\n"),
        ("block replaced by longer block", "x\na\nb\ny\n", "x\nc\nd\ne\ny\n", 3,
         "@@ -1,4 +1,5 @@\n x\n-a\n-b\n+c\n+d\n+e\n y\n"),
        ("yaml value change", "apiVersion: v1\ndata:\n  tag: prod\nkind: ConfigMap\nmetadata:\n  name: web-config\n", "apiVersion: v1\ndata:\n  tag: v2\nkind: ConfigMap\nmetadata:\n  name: web-config\n", 3,
         "@@ -1,6 +1,6 @@\n apiVersion: v1\n data:\n-  tag: prod\n+  tag: v2\n kind: ConfigMap\n metadata:\n   name: web-config\n"),
    ]

    @Test(arguments: cases.indices)
    func unifiedDiffMatchesGNUDiff(index: Int) {
        let c = Self.cases[index]
        #expect(LineDiff.unified(old: c.old, new: c.new, context: c.context) == c.expected, "\(c.name)")
    }

    /// Operations account for every line of both sides, whatever the inputs.
    static let scripts: [(old: [String], new: [String], deletions: Int, insertions: Int)] = [
        ([], [], 0, 0),
        (["a"], [], 1, 0),
        ([], ["a"], 0, 1),
        (["a", "b", "c", "a", "b", "b", "a"], ["c", "b", "a", "b", "a", "c"], 3, 2),
        (["x", "y"], ["y", "x"], 1, 1),
        (["-", "a", "-", "b", "-"], ["-", "b", "-", "a", "-"], 2, 2),
    ]

    @Test(arguments: scripts.indices)
    func shortestEditScript(index: Int) {
        let c = Self.scripts[index]
        let operations = LineDiff.operations(c.old, c.new)
        #expect(operations.count { $0 == .delete } == c.deletions)
        #expect(operations.count { $0 == .insert } == c.insertions)
        #expect(operations.count { $0 != .insert } == c.old.count)
        #expect(operations.count { $0 != .delete } == c.new.count)
    }
}
