import Testing
@testable import Chart

/// Cases from Helm's own `pkg/ignore` test table (pattern, path, is a directory, ignored).
@Suite struct HelmIgnoreTests {
    static let cases: [(String, String, Bool, Bool)] = [
        ("helm.txt", "helm.txt", false, true),
        ("helm.*", "helm.txt", false, true),
        ("helm.*", "rudder.txt", false, false),
        ("*.txt", "tiller.txt", false, true),
        ("*.txt", "cargo/a.txt", false, true),
        ("cargo/*.txt", "cargo/a.txt", false, true),
        ("cargo/*.*", "cargo/a.txt", false, true),
        ("cargo/*.txt", "mast/a.txt", false, false),
        ("ru[c-e]?er.txt", "rudder.txt", false, true),
        ("templates/.?*", "templates/.dotfile", false, true),
        (".*", ".", true, false),
        (".*", "./", true, false),
        (".*", ".joonix", false, true),
        (".*", "helm.txt", false, false),
        (".*", "", false, false),
        ("cargo/", "cargo", true, true),
        ("cargo/", "cargo/", true, true),
        ("cargo/", "mast/", true, false),
        ("helm.txt/", "helm.txt", false, false),
        ("!helm.txt", "helm.txt", false, false),
        ("!helm.txt", "tiller.txt", false, true),
        ("!*.txt", "cargo", true, true),
        ("!cargo/", "mast/", true, true),
        ("/a.txt", "a.txt", false, true),
        ("/a.txt", "cargo/a.txt", false, false),
        ("/cargo/a.txt", "cargo/a.txt", false, true),
    ]

    @Test(arguments: cases)
    func ignore(pattern: String, path: String, isDirectory: Bool, ignored: Bool) throws {
        let rules = try HelmIgnore(parsing: pattern)
        #expect(rules.ignores(path, isDirectory: isDirectory) == ignored)
    }

    /// `?` and classes take one rune (not one byte) of a UTF-8 name; expected
    /// from helm-oracle rendering a chart whose templates have these names.
    static let runeCases: [(String, String, Bool)] = [
        ("?.yaml", "templates/ä.yaml", true),
        ("?.yaml", "templates/ab.yaml", false),
        ("[ü-ÿ]1.yaml", "templates/ü1.yaml", true),
        ("\\é3.yaml", "templates/é3.yaml", true),
        ("x-?.yaml", "templates/x-日.yaml", true),
        ("keep-[a-z].yaml", "templates/keep-ü.yaml", false),
        ("[^a-p].yaml", "templates/q.yaml", true),
        ("[^a-p].yaml", "templates/plain.yaml", false),
    ]

    @Test func runesInNames() throws {
        for (pattern, path, ignored) in Self.runeCases {
            let rules = try HelmIgnore(parsing: pattern)
            #expect(rules.ignores(path, isDirectory: false) == ignored, "\(pattern) on \(path)")
        }
    }

    @Test(arguments: ["foo/**/bar", "[z-"])
    func invalidPatternsFail(pattern: String) {
        #expect(throws: ChartError.self) { try HelmIgnore(parsing: pattern) }
    }

    @Test func commentsAndBlankLinesAreSkipped() throws {
        let rules = try HelmIgnore(parsing: "#ignore\n\n\t#ignore\nfoo\nbar/*\nbaz/bar/foo.txt\n\none/more\n")
        #expect(rules.patterns.map(\.raw) == ["foo", "bar/*", "baz/bar/foo.txt", "one/more", "templates/.?*"])
    }
}
