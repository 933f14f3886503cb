import Testing
@testable import Chart

@Suite struct ChartModuleTests {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
