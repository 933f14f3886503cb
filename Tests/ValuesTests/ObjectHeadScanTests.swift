import Testing
@testable import Values

/// `YAML.scanObjectHead` must read exactly the head `YAML.load` reads, and give
/// up (nil) on every document `load` rejects, does not read as a map, or that
/// the byte scan cannot decide. The reference is `YAML.load` itself (its own
/// tests compare it with Helm).
enum ObjectHeadScanCases {
    /// (document, whether the byte scan reads it without libyaml)
    static let documents: [(String, Bool)] = [
        // plain block documents, hooks, quoting, flow values skipped
        ("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: prod\ndata:\n  x: '1'\n", true),
        ("apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: \"j\"\n  annotations:\n    \"helm.sh/hook\": pre-install,pre-upgrade\n    helm.sh/hook-weight: \"-5\"\n    helm.sh/hook-delete-policy: before-hook-creation\n    n: 5\n    b: yes\n    t: ~\n    f: 1.50\n    'single': 'it''s'\nspec:\n  template:\n    spec:\n      containers:\n      - name: c\n        args: [\"--a\", \"--b=1\"]\n        env: []\n        resources: {}\n", true),
        ("kind: K\nspec: [a, {b: c}, [d]]\nx: {a: [1, 2], 'q': \"v\"}\ny: [ 1 , 2, ]\n", true),
        ("# Source: chart/templates/a.yaml\n# second comment\nkind: A # trailing\nmetadata: # c\n  # inner\n  name: n #x\n", true),
        ("kind: A\nmetadata:\n  name: n", true),
        ("\"kind\": A\n'apiVersion': v1\nkey with spaces: v\nx: a#b\ny: c # comment\nz: 'it''s' # c\n", true),
        // block scalars
        ("kind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  a.conf: |\n    line1\n\n      indented\n    # not a comment\n  b: >-\n    folded\n    text\n  c: |+2\n     x\n  d: |\n  e: end\n", true),
        ("kind: K\nspec: |\n  a\tb\n  ---\n  ...\nother: 1\n", true),
        ("kind: K\nlist:\n- |\n  in a sequence\n- >\n  folded\nlast: 1\n", true),
        // multi-line plain and quoted scalars outside the head
        ("kind: CRD\nmetadata:\n  name: x\nspec:\n  description: this is\n    continued here\n\n    and here\n  other: 'single\n    quoted'\n  dq: \"double \\\n    escaped\\tbreak\"\n", true),
        ("kind: K\nspec:\n- a\n  - b\n", true),
        ("kind: K\nspec:\n  own:\n    line scalar\n    continued\n  next: 1\n", true),
        // sequences and nesting
        ("kind: K\nmetadata:\n  name: n\nitems:\n- a\n- - b\n  - c\n-\n  x: 1\n- k: v\n  k2: v2\n-   spaced: 1\n    more: 2\nafter: x\n", true),
        ("kind: K\nspec:\n- a\nmetadata:\n  name: n\n", true),
        ("kind: K\nmetadata:\n  name: n\n  annotations:\n  - a\n", true),
        ("kind: K\nmetadata:\n  labels:\n    a: b\n  annotations:\n    x: y\n  name: late\n", true),
        // duplicate keys: the last one wins, null and collections clear
        ("kind: A\nmetadata:\n  name: first\n  annotations:\n    a: x\nkind: B\nmetadata:\n  name: second\n", true),
        ("kind: A\nmetadata:\n  annotations:\n    a: x\n    a:\n    b: y\n    b: [1]\n    c: {}\n    d: z\n", true),
        ("kind: A\nmetadata:\n  name: n\n  annotations:\n    a: x\n  annotations:\n", true),
        ("kind: A\nmetadata:\nspec: {}\n", true),
        ("kind: A\nmetadata: {}\n", true),
        ("kind: A\nmetadata: []\napiVersion: [a]\n", true),
        ("kind:\n  nested: map\napiVersion:\n- x\n", true),
        // scalar types of head fields and annotation keys
        ("apiVersion: 1.5\nkind: 10\nmetadata:\n  name: 2020-01-01\n", true),
        ("kind: 1e3\nmetadata:\n  name: 0x1F\n", true),
        ("kind: true\napiVersion: Off\nmetadata:\n  name: null\n", true),
        ("kind: K\nmetadata:\n  annotations:\n    yes: on\n    12: 013\n    \"\": empty\n    -1: 1_000\n", true),
        ("kind: \"A\\tB\\\\\\\"\"\nmetadata:\n  name: ünï\n  annotations:\n    note: \"caf\\u00e9 \\x41 \\U0001F600 \\N\"\n", true),
        ("kind: K\nmetadata:\n  name: n\nspec:\n  1: int key\n  true: bool key\n  \"~\": quoted null\n", true),
        // what load rejects or reads specially
        ("kind: K\nspec:\n  x: .inf\n", false),
        ("kind: K\nspec: [-.Inf]\n", false),
        ("kind: K\nmetadata:\n  annotations:\n    a: .nan\n", false),
        ("kind: K\nspec:\n  ~: null key\n", false),
        ("kind: K\nspec:\n  null: null key\n", false),
        ("kind: K\nspec:\n  : empty key\n", false),
        ("kind: K\nspec:\n  18446744073709551615: uint key\n", false),
        ("kind: K\nspec:\n  1.5: float key\n", false),
        ("kind: K\nbase: &b {a: 1}\nspec:\n  <<: *b\n", false),
        ("kind: !!str K\n", false),
        ("kind: K\nspec: {? [a]\n  : 1}\n", false),
        ("- a\n- b\n", false),
        ("just a scalar\n", false),
        ("", true),
        ("# only a comment\n\n  # indented comment\n", true),
        // syntax errors
        ("kind: K\nspec: [a, b\n", false),
        ("kind: K\n  bad: indent\n", false),
        ("kind: K\nspec:\n  a: 1\n   b: 2\n", false),
        ("kind: K\nspec:\n    a: 1\n  b: 2\n", false),
        ("kind: K\nkey: value: other\n", false),
        ("kind: K\nspec:\n  - a\n  b: 1\n", false),
        ("kind: K\nspec: |\n  text\n bad\n", false),
        ("kind: K\nspec: \"unterminated\n", false),
        ("kind: K\nspec: 'a' b\n", false),
        ("kind: K\nspec: \"bad \\q escape\"\n", false),
        ("kind: K\nspec: \"\\ud800\"\n", false),
        ("kind: K\nspec: |\n\ttab before the indentation\n", false),
        ("kind: K\nspec: |0\n  x\n", false),
        ("kind: K\nnot a key\n", false),
        ("kind: K\nspec: - a\n", false),
        ("kind: K\n- a\n", false),
        ("kind: K\nspec: @x\n", false),
        // what the scan leaves to libyaml although load reads it
        ("kind: K\n\tx: 1\n", false),
        ("kind: K\r\nmetadata: {}\r\n", false),
        ("kind: K\n...\n", false),
        ("%YAML 1.1\n---\nkind: K\n", false),
        ("kind: K\nmetadata:\n  name: a\n    b\n", false),
        ("kind: K\nmetadata:\n  annotations:\n    x: |\n      block\n", false),
        ("kind: K\nmetadata:\n  name: \"a\n    b\"\n", false),
        ("kind: K\nmetadata: {name: x}\n", false),
        ("kind: K\nspec: [http://x]\n", false),
        ("kind: K\nspec: [a,\n  b]\n", false),
        ("kind: K\nspec:\n  k: |\n\n      leading blank line deeper than the text\n    text\n", false),
        ("kind: K\n? complex\n: key\n", false),
        ("kind: K\nrecord: :node:sum\nq: ?x\nmetadata:\n  annotations:\n    {}\n  name:\n    own-line\n", true),
        ("kind: K\nmetadata:\n  name:\n    own\n    line\n", false),
        ("kind: K\nspec: *alias\n", false),
        ("kind: K\nspec:\n  key:\n  value\n", false),
        ("\u{FEFF}kind: K\n", false),
        ("kind: K\u{85}\n", false),
    ]
}

@Suite struct ObjectHeadScanTests {
    @Test(arguments: ObjectHeadScanCases.documents)
    func readsWhatLoadReads(document: String, scanned: Bool) {
        let bytes = Array(document.utf8)
        let head = YAML.scanObjectHead(bytes)
        #expect((head != nil) == scanned)
        guard let head else { return }
        let loaded = try? YAML.load(bytes, file: "doc.yaml")
        if case .null? = loaded {
            #expect(head == ObjectHead())
            return
        }
        guard case .map(let full)? = loaded else {
            Issue.record("the scan read a document that load does not read as a map")
            return
        }
        #expect(head == ObjectHead(apiVersion: full["apiVersion"], kind: full["kind"], metadata: full["metadata"]))
    }
}
