import Foundation
import Testing
import Chart
import Values
@testable import Engine

/// `helm template` flag behaviours on small fixture charts, each compared with
/// Helm v4's output recorded by ../shared/helm-oracle. The cases live in
/// `Golden/flags/cases.txt` (one line: name | arguments, as given to the oracle
/// from `Golden/flags/charts`); the expected stdout is `<name>.out`, or Helm's
/// error (first line of stderr) in `<name>.err`.
@Suite struct TemplateFlagGoldenTests {
    static let root = GoldenTests.golden + "/flags"
    static let charts = root + "/charts"

    /// The `helm template` arguments of one case, split as the CLI reads them.
    struct Invocation: Sendable, CustomStringConvertible {
        var name: String
        var release = "release-name"
        var chart = ""
        var namespace = "default"
        var valueFiles: [String] = []
        var set: [String] = []
        var setString: [String] = []
        var setJSON: [String] = []
        var setFile: [String] = []
        var setLiteral: [String] = []
        var kubeVersion: String?
        var apiVersions: [String] = []
        var showOnly: [String] = []
        var includeCRDs = false
        var skipTests = false
        var noHooks = false
        var description: String { name }

        init(line: String) throws {
            let parts = line.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            name = parts[0]
            var positional: [String] = []
            var tokens = parts.count > 1 ? parts[1].split(separator: " ").map(String.init)[...] : []
            while let token = tokens.popFirst() {
                switch token {
                case "--include-crds": includeCRDs = true
                case "--skip-tests": skipTests = true
                case "--no-hooks": noHooks = true
                case _ where token.hasPrefix("-"):
                    guard let value = tokens.popFirst() else { throw FixtureError(message: "\(name): \(token) needs a value") }
                    switch token {
                    case "-n", "--namespace": namespace = value
                    case "-f", "--values": valueFiles.append(value)
                    case "--set": set.append(value)
                    case "--set-string": setString.append(value)
                    case "--set-json": setJSON.append(value)
                    case "--set-file": setFile.append(value)
                    case "--set-literal": setLiteral.append(value)
                    case "--kube-version": kubeVersion = value
                    case "-a", "--api-versions": apiVersions += value.split(separator: ",").map(String.init)
                    case "-s", "--show-only": showOnly.append(value)
                    default: throw FixtureError(message: "\(name): unknown flag \(token)")
                    }
                default: positional.append(token)
                }
            }
            if positional.count == 2 { release = positional[0] }
            chart = positional.last ?? ""
        }
    }

    struct FixtureError: Error { var message: String }

    static let cases: [Invocation] = {
        guard let text = try? String(contentsOfFile: root + "/cases.txt", encoding: .utf8) else { return [] }
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { try? Invocation(line: String($0)) }
    }()

    /// Renders as `swiftchart template` does: values from files then the `--set` family, capabilities, output options.
    static func render(_ c: Invocation) throws -> String {
        func path(_ p: String) -> String { charts + "/" + p }
        var values: [String: Value] = [:]
        for file in c.valueFiles {
            let bytes = [UInt8](FileManager.default.contents(atPath: path(file)) ?? Data())
            values = Merge.mergeMaps(values, try YAML.loadValues(bytes, file: file))
        }
        let chartsRoot = charts
        values = try SetParser.apply(
            json: c.setJSON, set: c.set, setString: c.setString, setFile: c.setFile,
            readFile: { file throws(ValuesError) in
                guard let data = FileManager.default.contents(atPath: chartsRoot + "/" + file) else {
                    throw ValuesError(message: "open \(file): no such file or directory")
                }
                return .string(String(decoding: data, as: UTF8.self))
            },
            setLiteral: c.setLiteral, onto: values)
        var capabilities = Capabilities(extraAPIVersions: c.apiVersions)
        if let kubeVersion = c.kubeVersion { capabilities.kubeVersion = try KubeVersion(parsing: kubeVersion) }
        let chart = try ChartLoader.load(path: path(c.chart))
        let result = try Engine.render(chart: chart, values: .map(values), options: RenderOptions(
            release: ReleaseOptions(name: c.release, namespace: c.namespace), capabilities: capabilities))
        return try result.templateOutput(TemplateOutputOptions(
            includeCRDs: c.includeCRDs, skipTests: c.skipTests, noHooks: c.noHooks, showOnly: c.showOnly))
    }

    @Test func casesAreLoaded() {
        #expect(Self.cases.count >= 30)
    }

    @Test(arguments: cases)
    func templateFlagsMatchHelm(_ c: Invocation) throws {
        let expectedOutput = Self.root + "/" + c.name + ".out"
        if FileManager.default.fileExists(atPath: expectedOutput) {
            let expected = try String(contentsOfFile: expectedOutput, encoding: .utf8)
            #expect(try Self.render(c) == expected)
        } else {
            let helmError = try String(contentsOfFile: Self.root + "/" + c.name + ".err", encoding: .utf8)
            let firstLine = helmError.split(separator: "\n").first.map(String.init) ?? ""
            do {
                _ = try Self.render(c)
                Issue.record("\(c.name): rendered, but Helm fails with \(firstLine)")
            } catch let error as RenderError {
                #expect("Error: " + error.message == firstLine)
            }
        }
    }

    /// NOTES.txt is rendered into the release but never printed by `helm template`.
    @Test func notesAreRenderedButNotPrinted() throws {
        let chart = try ChartLoader.load(path: Self.charts + "/hooks")
        let result = try Engine.render(chart: chart, values: .map([:]), options: RenderOptions(release: ReleaseOptions(name: "release-name")))
        let output = try result.templateOutput(TemplateOutputOptions())
        #expect(result.notes == "These notes are never printed by helm template (release-name).\n")
        #expect(!output.contains("NOTES.txt"))
        #expect(!output.contains("never printed"))
    }
}
