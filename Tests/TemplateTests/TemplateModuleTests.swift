import Testing
@testable import Template

@Suite struct TemplateModuleTests {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
