import Testing
@testable import Engine

@Suite struct EngineModuleTests {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
