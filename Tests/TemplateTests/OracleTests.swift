import Testing
@testable import Template

@Suite struct OracleTests {
    @Test(arguments: OracleCase.oracleBasics)
    func basics(_ c: OracleCase) { check(c) }
}
