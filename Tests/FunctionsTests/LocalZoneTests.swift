import Testing
import Values
@testable import Functions

/// Go's `time.Local` from `$TZ`: expected values rendered by Helm v4
/// (helm-oracle run with that `TZ`, `{{ date "2006-01-02 15:04 MST -0700" 1700000000 }}`).
@Suite struct LocalZoneTests {
    static let rows: [(tz: String?, expected: String)] = [
        ("UTC", "2023-11-14 22:13 UTC +0000"),
        ("Asia/Tokyo", "2023-11-15 07:13 JST +0900"),
        (":Europe/Berlin", "2023-11-14 23:13 CET +0100"),
        ("Nowhere/Bogus", "2023-11-14 22:13 UTC +0000"),
        ("", "2023-11-14 22:13 UTC +0000"),
        ("/usr/share/zoneinfo/America/New_York", "2023-11-14 17:13 EST -0500"),
    ]

    @Test(arguments: rows) func dateUsesLocalZone(_ row: (tz: String?, expected: String)) throws {
        let zone = GoTimeZone.local(tz: row.tz)
        let functions = Functions.standard(options: FunctionOptions(localZone: zone))
        let date = try #require(functions["date"])
        let result = try date.body([.string("2006-01-02 15:04 MST -0700"), .int(1_700_000_000)], TestContext())
        #expect(result.stringValue == row.expected)
    }

    @Test func loadingLocalDoesNotRecurse() {
        #expect(GoTimeZone.load("Local", local: .utc) != nil)
        #expect(GoTimeZone.load("UTC") != nil)
    }
}
