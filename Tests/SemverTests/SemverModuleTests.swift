import Testing
@testable import Semver

@Suite struct SemverModuleTests {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
