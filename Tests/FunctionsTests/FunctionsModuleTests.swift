import Testing
@testable import Functions

@Suite struct FunctionsModuleTests {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
