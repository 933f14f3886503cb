import Testing
import Values
@testable import Functions

/// dates: expected values rendered by Helm v4 (helm-oracle, NOTES.txt).
@Suite struct DatesTests {
    static let rows: [Row] = [
        Row("dateInZone", [.string("Mon Jan _2 15:04:05 MST 2006"), .int(1700000000), .string("UTC")], "Tue Nov 14 22:13:20 UTC 2023"),
        Row("dateInZone", [.string("2006-01-02T15:04:05.000000Z07:00"), .int64(1234567890), .string("Asia/Tokyo")], "2009-02-14T08:31:30.000000+09:00"),
        Row("dateInZone", [.string("3:04PM pm Monday January 06 __2 002"), .int(86399), .string("UTC")], "11:59PM pm Thursday January 70   1 001"),
        Row("dateInZone", [.string("-07:00:00 Z0700 -07 MST"), .int(1700000000), .string("America/St_Johns")], "-03:30:00 -0330 -03 NST"),
        Row("dateInZone", [.string("2006-01-02 15:04 MST"), .int(1720000000), .string("Europe/Berlin")], "2024-07-03 11:46 CEST"),
        Row("dateInZone", [.string("2006-01-02 15:04 MST"), .int(1700000000), .string("Europe/Berlin")], "2023-11-14 23:13 CET"),
        Row("dateInZone", [.string("15:04 MST"), .int(0), .string("Not/AZone")], "00:00 UTC"),
        Row("dateInZone", [.string("Jan 2 2006 .999"), .int(5), .string("UTC")], "Jan 1 1970 "),
        Row("htmlDateInZone", [.int(1700000000), .string("Australia/Sydney")], "2023-11-15"),
        Row("duration", [.string("3725")], "1h2m5s"),
        Row("duration", [.int64(59)], "59s"),
        Row("duration", [.string("-90")], "-1m30s"),
        Row("duration", [.int(5)], "0s"),
        Row("durationRound", [.string("1h59m")], "1h"),
        Row("durationRound", [.string("-3h")], "3h"),
        Row("durationRound", [.string("800h")], "1mo"),
        Row("durationRound", [.string("1s")], "0s"),
        Row("durationRound", [.int64(2000000000)], "2s"),
        Row("durationSeconds", [.string("1m30s")], "90"),
        Row("durationSeconds", [.string("2.5")], "2.5"),
        Row("durationSeconds", [.int(3)], "3"),
        Row("durationSeconds", [.string("bogus")], "0"),
        Row("durationMilliseconds", [.string("1.5s")], "1500"),
        Row("durationMicroseconds", [.string("3ms")], "3000"),
        Row("durationNanoseconds", [.float(1.5)], "1500000000"),
        Row("durationMinutes", [.string("90s")], "1.5"),
        Row("durationHours", [.string("45m")], "0.75"),
        Row("durationDays", [.string("36h")], "1.5"),
        Row("durationWeeks", [.string("84h")], "0.5"),
        Row("durationRoundTo", [.string("1h29m31s"), .string("1m")], "1h30m0s"),
        Row("durationRoundTo", [.string("90s"), .string("bad")], "1m30s"),
        Row("durationTruncateTo", [.string("1h59m"), .string("1h")], "1h0m0s"),
        Row("mustToDuration", [.string("1h2m3.5s")], "1h2m3.5s"),
        Row("mustToDuration", [.string("1.5ms")], "1.5ms"),
        Row("mustToDuration", [.float(2e-06)], "2µs"),
        Row("mustToDuration", [.string("-2h0m")], "-2h0m0s"),
        Row("mustToDuration", [.int(90061)], "25h1m1s"),
    ]

    @Test(arguments: rows) func matchesHelm(_ row: Row) throws {
        #expect(try row.render() == row.expected)
    }
}
