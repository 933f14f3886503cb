import Testing
@testable import Values

/// `YAML.loadTopLevel` must read exactly what `YAML.load` reads for the wanted
/// keys, and give up (nil) on every document `load` rejects or reads specially.
/// The reference is `YAML.load` itself (its own tests compare it with Helm).
enum TopLevelCases {
    static let keys: Set<String> = ["apiVersion", "kind", "metadata"]

    /// (document, whether the scan reads it without the full loader)
    static let documents: [(String, Bool)] = [
        ("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  x: '1'\n", true),
        ("kind: Job\nmetadata:\n  name: j\n  annotations:\n    helm.sh/hook: pre-install\n    helm.sh/hook-weight: \"-5\"\n    n: 5\n    b: yes\n    t: ~\nspec: {a: [1, {b: c}], d: [[1], [2]]}\n", true),
        ("metadata: {name: x, labels: {a: b}, finalizers: [f1, f2]}\nkind: A\nkind: B\n", true),
        ("apiVersion: 1.5\nkind: 10\nmetadata: {name: 2020-01-01}\n", true),
        ("kind: K\nspec:\n  10-file.conf: |\n    text\n  \"\": quoted empty key\n  y: bool key\n", true),
        ("kind: K\nspec:\n  x: .inf\n", false),
        ("kind: K\nspec:\n  x: [-.Inf]\n", false),
        ("kind: K\nspec:\n  ~: null key\n", false),
        ("kind: K\nspec:\n  null: null key\n", false),
        ("kind: K\nspec:\n  : empty key\n", false),
        ("kind: K\nspec:\n  18446744073709551615: uint key\n", false),
        ("kind: K\nbase: &b {a: 1}\nspec:\n  <<: *b\n", false),
        ("kind: !!str K\n", false),
        ("kind: K\nspec: {? [a]\n  : 1}\n", false),
        ("- a\n- b\n", false),
        ("just a scalar\n", false),
        ("", false),
        ("# only a comment\n", false),
        ("kind: K\nspec: [a, b\n", false),
        ("kind: K\n  bad: indent\n", false),
        ("kind: K\n---\nkind: L\n", true),
    ]
}

@Suite struct YAMLTopLevelTests {
    @Test(arguments: TopLevelCases.documents)
    func readsWhatLoadReads(document: String, scanned: Bool) {
        let bytes = Array(document.utf8)
        let head = YAML.loadTopLevel(bytes, keys: TopLevelCases.keys)
        #expect((head != nil) == scanned)
        guard let head else { return }
        guard case .map(let full)? = try? YAML.load(bytes, file: "doc.yaml") else {
            Issue.record("the scan read a document that load does not read as a map")
            return
        }
        var expected: [String: Value] = [:]
        for key in TopLevelCases.keys { if let v = full[key] { expected[key] = v } }
        #expect(Value.map(head) == Value.map(expected))
    }
}
