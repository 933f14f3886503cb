import Foundation
import Testing

/// `swiftchart template` flags the oracle cannot run (`--name-template`,
/// `--generate-name`, `--is-upgrade`, `--output-dir`), checked against Helm's
/// documented semantics: the release name a flag produces, `.Release.IsUpgrade`,
/// and `--output-dir`'s `DIR/<chart>/templates/<file>` layout (Helm v4 keeps
/// each document's trailing newline, so a written document ends in a blank line).
@Suite struct TemplateNamingAndOutputTests {
    static let chart: [String: String] = [
        "h/templates/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  upgrade: {{ .Release.IsUpgrade | quote }}\n  install: {{ .Release.IsInstall | quote }}\n",
    ]

    /// (arguments before the chart, expected `metadata.name` pattern, expected upgrade flag)
    static let cases: [([String], String, String)] = [
        (["template"], "^release-name$", "false"),
        (["template", "web"], "^web$", "false"),
        (["template", "--name-template", "{{ printf \"%s-%s\" \"pre\" \"fix\" }}"], "^pre-fix$", "false"),
        (["template", "--generate-name"], "^h-[0-9]+$", "false"),
        (["template", "web", "--is-upgrade"], "^web$", "true"),
    ]

    @Test(arguments: cases)
    func releaseNameAndUpgradeFlags(_ arguments: [String], namePattern: String, upgrade: String) throws {
        guard CLIErrorTests.binary != nil else { return }
        let dir = try CLIErrorTests.makeChart(Self.chart)
        let run = try CLIErrorTests.run(arguments + ["h"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        let name = try #require(lines.first { $0.hasPrefix("  name: ") }).dropFirst("  name: ".count)
        #expect(String(name).range(of: namePattern, options: .regularExpression) != nil, "name \(name)")
        #expect(lines.contains("  upgrade: \"\(upgrade)\""))
        #expect(lines.contains("  install: \"\(upgrade == "true" ? "false" : "true")\""))
    }

    @Test func nameTemplateAndNameTogetherIsAnError() throws {
        guard CLIErrorTests.binary != nil else { return }
        let dir = try CLIErrorTests.makeChart(Self.chart)
        let run = try CLIErrorTests.run(["template", "web", "h", "--name-template", "x"], in: dir)
        #expect(run.status == 1)
        #expect(run.stderr.contains("cannot set --name-template and also specify a name"))
        #expect(run.stdout.isEmpty)
    }

    /// Helm checks the release name before rendering (message recorded from Helm v4).
    @Test func invalidReleaseNameIsRefused() throws {
        guard CLIErrorTests.binary != nil else { return }
        let dir = try CLIErrorTests.makeChart(Self.chart)
        let run = try CLIErrorTests.run(["template", "Bad_Name", "h"], in: dir)
        #expect(run.status == 1)
        #expect(run.stderr.contains(#"Error: release name check failed: release name "Bad_Name": invalid release name, must match regex ^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$ and the length must not be longer than 53"#))
        #expect(run.stdout.isEmpty)
    }

    @Test func outputDirWritesOneFilePerTemplate() throws {
        guard CLIErrorTests.binary != nil else { return }
        let dir = try CLIErrorTests.makeChart(Self.chart)
        let run = try CLIErrorTests.run(["template", "web", "h", "--output-dir", "out"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "wrote out/h/templates/cm.yaml\n")
        let written = try String(contentsOfFile: dir + "/out/h/templates/cm.yaml", encoding: .utf8)
        #expect(written == "---\n# Source: h/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\ndata:\n  upgrade: \"false\"\n  install: \"true\"\n\n")
    }
}
