import Chart
import Engine
import Foundation
import Testing
import Values
@testable import Repository

let repositoryGolden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden").path

/// `create` from the starters in Templates/: the default starter is `helm create`'s chart, so it
/// must render byte for byte as Helm renders a `helm create mychart` chart (goldens from the
/// oracle), and both starters must lint without errors.
@Suite struct StarterTests {
    static let starters = ChartStarter.startersDirectory()

    static func create(_ name: String, starter: String) throws -> (String, String) {
        let dir = NSTemporaryDirectory() + "swiftchart-create-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return (dir, try ChartStarter.create(name: name, in: dir, starter: starter, startersDirectory: starters))
    }

    @Test func defaultStarterHasHelmCreateFiles() throws {
        let (dir, chart) = try Self.create("mychart", starter: "default")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(ChartStarter.files(under: chart) == [
            ".helmignore", "Chart.yaml", "templates/NOTES.txt", "templates/_helpers.tpl", "templates/deployment.yaml",
            "templates/hpa.yaml", "templates/httproute.yaml", "templates/ingress.yaml", "templates/service.yaml",
            "templates/serviceaccount.yaml", "templates/tests/test-connection.yaml", "values.yaml",
        ])
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: chart + "/charts", isDirectory: &isDirectory) && isDirectory.boolValue)
        let helpers = try String(contentsOfFile: chart + "/templates/_helpers.tpl", encoding: .utf8)
        #expect(helpers.contains("{{- define \"mychart.fullname\" -}}") && !helpers.contains("<CHARTNAME>"))
        #expect(try String(contentsOfFile: chart + "/values.yaml", encoding: .utf8).hasPrefix("# Default values for mychart.\n"))
    }

    /// (starter, chart name, release, --set overrides, golden manifest file, golden notes file).
    static let renderCases: [(String, String, String, [String: Value], String, String?)] = [
        ("default", "mychart", "rel", [:], "default-starter.yaml", "default-starter-notes.txt"),
        ("default", "mychart", "web", ["ingress": .map(["enabled": .bool(true)]), "autoscaling": .map(["enabled": .bool(true)]),
                                       "httpRoute": .map(["enabled": .bool(true)])], "default-starter-all.yaml", nil),
        ("cronjob-batch", "batch", "nightly", [:], "cronjob-batch-starter.yaml", nil),
    ]

    @Test(arguments: renderCases.indices)
    func startersRenderAsHelm(_ i: Int) throws {
        let (starter, name, release, values, golden, notesGolden) = Self.renderCases[i]
        let (dir, chartDir) = try Self.create(name, starter: starter)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let chart = try ChartLoader.load(directory: chartDir)
        var capabilities = Capabilities()
        capabilities.kubeVersion = try KubeVersion(parsing: "v1.31.0")
        let options = RenderOptions(release: ReleaseOptions(name: release, namespace: "default", revision: 1, isInstall: true, isUpgrade: false),
                                    capabilities: capabilities)
        let result = try Engine.render(chart: chart, values: .map(values), options: options)
        let expected = try String(contentsOfFile: repositoryGolden + "/" + golden, encoding: .utf8)
        #expect(try result.templateOutput(TemplateOutputOptions()) == expected)
        if let notesGolden {
            #expect(result.notes == (try String(contentsOfFile: repositoryGolden + "/" + notesGolden, encoding: .utf8)))
        }
    }

    @Test(arguments: ["default", "cronjob-batch"])
    func startersLintCleanly(_ starter: String) throws {
        let (dir, chart) = try Self.create("made-by-\(starter)", starter: starter)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let report = ChartLinter.lint(path: chart, values: .map([:]))
        #expect(report.messages == [LintMessage(.info, "Chart.yaml", "icon is recommended")])
    }

    /// Names `create` refuses: (name, message).
    static let badNames: [(String, String)] = [
        ("", "chart name must be between 1 and 250 characters"),
        ("my chart", "chart name must match the regular expression \"^[a-zA-Z0-9._-]+$\""),
        ("a$b", "chart name must match the regular expression \"^[a-zA-Z0-9._-]+$\""),
        (String(repeating: "a", count: 251), "chart name must be between 1 and 250 characters"),
    ]

    @Test(arguments: badNames.indices)
    func refusesBadNames(_ i: Int) {
        let (name, message) = Self.badNames[i]
        #expect(throws: RepositoryError(message)) { try ChartStarter.validate(name: name) }
    }

    @Test func unknownStarterListsTheAvailableOnes() throws {
        let dir = NSTemporaryDirectory() + "swiftchart-create-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        do {
            try ChartStarter.create(name: "x", in: dir, starter: "nope", startersDirectory: Self.starters)
            Issue.record("unknown starter accepted")
        } catch {
            #expect("\(error)".contains("available starters: cronjob-batch, default"))
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/x"))
    }
}

/// `show chart` and `show values` of a `helm create mychart` chart, against Helm v4's
/// `show chart`/`show values` output (libhelm_sdkpy).
@Suite struct ShowTests {
    static let cases: [(ChartShow.Part, String)] = [
        (.chart, "default-starter-show-chart.txt"), (.values, "default-starter-show-values.txt"),
    ]

    @Test(arguments: cases.indices)
    func showMatchesHelm(_ i: Int) throws {
        let (part, golden) = Self.cases[i]
        let (dir, chartDir) = try StarterTests.create("mychart", starter: "default")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let chart = try ChartLoader.load(directory: chartDir)
        #expect(ChartShow.render(chart, part) == (try String(contentsOfFile: repositoryGolden + "/" + golden, encoding: .utf8)))
    }

    /// Where `create` finds its starters: (environment, executable, expected).
    @Test func startersFolderLookup() throws {
        let root = NSTemporaryDirectory() + "swiftchart-starters-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/pkg/Templates/default", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/pkg/.build/x86_64/debug", withIntermediateDirectories: true)
        try "name: x\n".write(toFile: root + "/pkg/Templates/default/Chart.yaml", atomically: true, encoding: .utf8)
        #expect(ChartStarter.startersDirectory(environment: ["SWIFTCHART_STARTERS": "/custom"], executablePath: nil) == "/custom")
        let found = ChartStarter.startersDirectory(environment: [:], executablePath: root + "/pkg/.build/x86_64/debug/swiftchart")
        #expect(found.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
                == URL(fileURLWithPath: root + "/pkg/Templates").resolvingSymlinksInPath().path)
    }
}
