import Testing
import Chart
import Values
@testable import Engine

/// Checks before rendering (values.schema.json, missing subcharts): Helm v4's messages, recorded with
/// ../shared/helm-oracle from the charts in Tests/EngineTests/Golden/data.
@Suite struct EngineSchemaTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let chart: String
        let set: [String: Value]
        let skip: Bool
        /// Helm's error (after `Error: `), nil when rendering succeeds.
        let error: String?
        var testDescription: String { "\(chart) \(set.keys.sorted()) skip=\(skip)" }
    }

    static let cases: [Case] = [
        Case(chart: "schema", set: [:], skip: false, error: """
            values don't meet the specifications of the schema(s) in the following chart(s):
            db:
            - at '/port': got string, want integer

            """),
        Case(chart: "schema", set: ["db": .map(["port": .int64(5)])], skip: false, error: nil),
        // One violation per chart: Helm orders sibling violations by Go map iteration.
        Case(chart: "schema", set: ["replicas": .int64(0)], skip: false, error: """
            values don't meet the specifications of the schema(s) in the following chart(s):
            schema:
            - at '/replicas': minimum: got 0, want 1
            db:
            - at '/port': got string, want integer

            """),
        Case(chart: "schema", set: ["replicas": .int64(0)], skip: true, error: nil),
        Case(chart: "schemabad", set: [:], skip: false, error: """
            values don't meet the specifications of the schema(s) in the following chart(s):
            schema:
            invalid character after top-level valuedb:
            - at '/port': got string, want integer

            """),
        // Missing subcharts are refused before values are looked at, enabled or not.
        Case(chart: "missingdeps", set: [:], skip: false, error: """
            an error occurred while checking for chart dependencies. You may need to run 'helm dependency build' \
            to fetch missing dependencies: found in Chart.yaml, but missing in charts/ directory: cache, store
            """),
    ]

    @Test(arguments: cases) func validatesLikeHelm(_ c: Case) throws {
        let chart = try ChartLoader.load(path: DataSharingTests.data + "/" + c.chart)
        let options = RenderOptions(release: ReleaseOptions(name: "release-name"), skipSchemaValidation: c.skip)
        do {
            _ = try Engine.render(chart: chart, values: .map(c.set), options: options)
            #expect(c.error == nil)
        } catch let e as RenderError {
            #expect(e.message == c.error)
        }
    }
}
