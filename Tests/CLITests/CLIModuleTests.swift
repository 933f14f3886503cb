import Testing


@Suite struct CLIModuleTests {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
