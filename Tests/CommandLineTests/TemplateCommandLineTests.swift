import ArgumentParser
import Testing
@testable import swiftchart

/// `TemplateCommandLine` reads `swiftchart template`'s usual command lines
/// without ArgumentParser; whenever it answers, ArgumentParser must read the
/// same line to the same request, and lines it cannot read with certainty
/// must be left to ArgumentParser (nil).
@Suite struct TemplateCommandLineTests {
    static func viaArgumentParser(_ words: [String]) throws -> TemplateRequest {
        try TemplateCommand.parse(words).request
    }

    static let acceptedLines: [[String]] = [
        ["./chart"],
        ["web", "./chart"],
        ["web", "./chart", "-n", "prod", "--kube-version", "v1.31.0"],
        ["--namespace=prod", "web", "./chart", "--kube-version=1.30"],
        ["-f", "a.yaml", "web", "--values", "b.yaml", "./chart", "-f", "c.yaml", "--values=d.yaml"],
        ["./chart", "--set", "a=1,b=2", "--set=c.d=x=y", "--set-string", "s=01", "--set-file", "k=f.txt",
         "--set-json", "j={\"a\":1}", "--set-literal", "l=a,b", "--set", "a=3"],
        ["./chart", "-a", "v1/Foo,x/v1", "--api-versions", "y/v2", "-s", "templates/a.yaml", "--show-only", "templates/b.yaml"],
        ["./chart", "--include-crds", "--skip-crds", "--skip-tests", "--no-hooks", "--skip-schema-validation",
         "--is-upgrade", "--strict", "--render-subchart-notes"],
        ["./chart", "-g", "--name-template", "{{ randAlpha 5 | lower }}"],
        ["./chart", "--generate-name"],
        ["./chart", "--post-renderer", "./hook.sh", "--post-renderer-args", "x", "--post-renderer-args=y", "--output-dir", "out"],
        ["a", "b", "c"],
        [],
    ]

    @Test(arguments: acceptedLines)
    func agreesWithArgumentParser(_ words: [String]) throws {
        let direct = try #require(TemplateCommandLine.request(words[...]))
        #expect(direct == (try Self.viaArgumentParser(words)))
    }

    @Test func readsEveryFlag() throws {
        let words = ["web", "./chart", "-n", "prod", "-f", "v.yaml", "--set", "a=1", "--set-string", "b=2", "--set-file", "c=f",
                     "--set-json", "d=1", "--set-literal", "e=x", "--kube-version", "1.29", "-a", "x/v1", "-s", "t.yaml",
                     "--include-crds", "--skip-crds", "--skip-tests", "--no-hooks", "--skip-schema-validation", "--is-upgrade",
                     "--strict", "--render-subchart-notes", "--name-template", "n", "-g", "--post-renderer", "p",
                     "--post-renderer-args", "q", "--output-dir", "o"]
        let request = try #require(TemplateCommandLine.request(words[...]))
        var expected = TemplateRequest()
        expected.arguments = ["web", "./chart"]
        expected.namespace = "prod"
        expected.valueOverrides = ValueOverrides(valueFiles: ["v.yaml"], values: ["a=1"], stringValues: ["b=2"], fileValues: ["c=f"],
                                                 jsonValues: ["d=1"], literalValues: ["e=x"])
        expected.kubeVersion = "1.29"
        expected.apiVersions = ["x/v1"]
        expected.showOnly = ["t.yaml"]
        expected.includeCRDs = true
        expected.skipCRDs = true
        expected.skipTests = true
        expected.noHooks = true
        expected.skipSchemaValidation = true
        expected.isUpgrade = true
        expected.strict = true
        expected.subchartNotes = true
        expected.nameTemplate = "n"
        expected.generateName = true
        expected.postRendererPath = "p"
        expected.postRendererArguments = ["q"]
        expected.outputDir = "o"
        #expect(request == expected)
        #expect(request == (try Self.viaArgumentParser(words)))
    }

    static let declinedLines: [[String]] = [
        ["--help"], ["-h"], ["help"], ["./chart", "--help"],
        ["./chart", "--unknown"], ["./chart", "-x"], ["./chart", "-nprod"], ["./chart", "-n=prod"],
        ["./chart", "-n"], ["./chart", "--namespace"], ["./chart", "--set"],
        ["./chart", "-n", "a", "--namespace", "b"], ["./chart", "--kube-version", "1", "--kube-version", "2"],
        ["./chart", "--strict", "--strict"], ["./chart", "--strict=true"],
        ["./chart", "--set", "-1"], ["./chart", "--post-renderer-args", "--flag"], ["./chart", "--set=-a"],
        ["--", "./chart"], ["-", "./chart"], ["", "./chart"], ["./chart", "--set", ""],
    ]

    @Test(arguments: declinedLines)
    func leavesUnusualLinesToArgumentParser(_ words: [String]) {
        #expect(TemplateCommandLine.request(words[...]) == nil)
    }
}
