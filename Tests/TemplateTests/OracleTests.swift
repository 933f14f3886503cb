import Testing
@testable import Template

@Suite struct OracleTests {
    @Test(arguments: OracleCase.oracleBasics)
    func basics(_ c: OracleCase) { check(c) }

    @Test(arguments: OracleCase.oracleDefines.filter { !$0.template.contains(".Capabilities") && !$0.template.contains(".Chart") && !$0.template.contains(".Release") && !$0.template.contains(".Template") })
    func definesIncludeTpl(_ c: OracleCase) { check(c) }
}
