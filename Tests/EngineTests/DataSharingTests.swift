import Foundation
import Testing
import Chart
import Values
@testable import Engine

/// How templates share data, checked against `helm template` output recorded
/// from Helm v4 (Tests/EngineTests/Golden/data, produced by ../shared/helm-oracle):
/// one data map per chart shared by its templates, a subchart's `.Values` being
/// the parent's `.Values.<name>`, and nested `tpl` calls (an empty inner text
/// renders nothing).
@Suite struct DataSharingTests {
    static let data = GoldenTests.golden + "/data"

    @Test(arguments: ["shared", "tplnest"])
    func rendersLikeHelm(chart: String) throws {
        let output = try GoldenTests.render(chart: Self.data + "/" + chart, release: "release-name", valuesFile: nil, kubeVersion: nil)
        let expected = try String(contentsOfFile: Self.data + "/" + chart + ".out", encoding: .utf8)
        #expect(output == expected)
    }

    /// Templates change their values in place; neither the loaded chart nor the
    /// values recorded in the result see it (Helm renders a copy).
    @Test func templateChangesDoNotLeak() throws {
        let chart = try ChartLoader.load(path: Self.data + "/shared")
        let before = YAML.emit(chart.values)
        let result = try Engine.render(chart: chart, values: .map([:]), options: RenderOptions(release: ReleaseOptions(name: "x")))
        #expect(YAML.emit(chart.values) == before)
        #expect(result.values["greeting"]?.stringValue == "hello")
        #expect(result.values["setByFirst"] == nil)
        #expect(result.values["nested"]?["added"] == nil)
        #expect(result.values["sub"]?["parentSet"] == nil)
        #expect(result.values["sub"]?["subSet"] == nil)
    }

    /// Go types of the data (`common.Values` for dot, `.Values`, `.Template`;
    /// plain maps elsewhere), from `helm-oracle template --notes`.
    @Test func goTypesMatchHelm() throws {
        let chart = try ChartLoader.load(path: Self.data + "/types")
        let result = try Engine.render(chart: chart, values: .map([:]), options: RenderOptions(release: ReleaseOptions(name: "release-name")))
        let expected = try String(contentsOfFile: Self.data + "/types.notes", encoding: .utf8)
        #expect(result.notes == expected)
    }

    /// Sprig `dig` asserts a plain map: `.Values` (a `common.Values`) is refused.
    @Test func digOnValuesRootFails() throws {
        let chart = try ChartLoader.load(path: Self.data + "/typesdig")
        #expect {
            _ = try Engine.render(chart: chart, values: .map([:]), options: RenderOptions(release: ReleaseOptions(name: "release-name")))
        } throws: { error in
            "\(error)".contains("error calling dig: interface conversion: interface {} is common.Values, not map[string]interface {}")
        }
    }
}
