import Foundation
import Testing
@testable import Chart

@Suite struct ArchiveWriterTests {
    static let entries: [ArchiveEntry] = [
        .init(path: "Chart.yaml", bytes: Array("apiVersion: v2\nname: demo\nversion: 0.1.0\n".utf8)),
        .init(path: "values.yaml", bytes: Array("replicas: 1\n".utf8)),
        .init(path: "templates/cm.yaml", bytes: Array("kind: ConfigMap\n".utf8)),
        .init(path: "files/" + String(repeating: "long-directory-name/", count: 6) + "file.txt", bytes: [1, 2, 3]),
        .init(path: "files/" + String(repeating: "x", count: 120), bytes: []),
        .init(path: "files/ünïcode.txt", bytes: Array("é".utf8)),
    ]

    @Test func roundTripsEntriesInOrder() throws {
        let archive = try ArchiveWriter.tgz(chartName: "demo", entries: Self.entries, mtime: 1_700_000_000)
        #expect(try ArchiveReader.read(archive) == Self.entries)
    }

    @Test func isReproducible() throws {
        let first = try ArchiveWriter.tgz(chartName: "demo", entries: Self.entries)
        let second = try ArchiveWriter.tgz(chartName: "demo", entries: Self.entries)
        #expect(first == second)
        let later = try ArchiveWriter.tgz(chartName: "demo", entries: Self.entries, mtime: 1)
        #expect(first != later)
    }

    @Test func gzipHeaderHasNoTimestampOrNameAndMatchesHelm() throws {
        let ours = try ArchiveWriter.tgz(chartName: "demo", entries: Self.entries)
        let helm = try [UInt8](Data(contentsOf: URL(fileURLWithPath: fixturesDirectory + "/helm-demo-0.1.0.tgz")))
        let headerLength = 10 + 2 + 44 + 5
        #expect(Array(ours.prefix(headerLength)) == Array(helm.prefix(headerLength)))
        #expect(ours[4..<8].allSatisfy { $0 == 0 })
    }

    /// The tar stream under the gzip equals the one Helm wrote for the same entries and mtime.
    @Test func tarStreamEqualsHelmsForSameEntries() throws {
        let helmArchive = try [UInt8](Data(contentsOf: URL(fileURLWithPath: fixturesDirectory + "/helm-demo-0.1.0.tgz")))
        let helmTar = HostileArchive.gunzip(helmArchive)
        let mtimeField = String(decoding: helmTar[136..<147], as: UTF8.self)
        let mtime = try #require(Int64(mtimeField, radix: 8))
        let entries = try ArchiveReader.read(helmArchive)
        let ours = try ArchiveWriter.tgz(chartName: "demo", entries: entries, mtime: mtime)
        #expect(HostileArchive.gunzip(ours) == helmTar)
    }

    /// `SOURCE_DATE_EPOCH` handling: (environment value, expected mtime or error).
    static let epochCases: [(String?, Result<Int64, String>)] = [
        (nil, .success(ArchiveWriter.defaultEpoch)),
        ("", .success(ArchiveWriter.defaultEpoch)),
        ("1700000000", .success(1_700_000_000)),
        ("-5", .failure("invalid SOURCE_DATE_EPOCH \"-5\": negative value")),
        ("abc", .failure("invalid SOURCE_DATE_EPOCH \"abc\": strconv.ParseInt: parsing \"abc\": invalid syntax")),
    ]

    @Test(arguments: epochCases.indices)
    func sourceDateEpoch(_ index: Int) {
        let (value, expected) = Self.epochCases[index]
        let environment = value.map { ["SOURCE_DATE_EPOCH": $0] } ?? [:]
        switch expected {
        case .success(let mtime): #expect((try? ArchiveWriter.mtime(environment: environment)) == mtime)
        case .failure(let message):
            do { _ = try ArchiveWriter.mtime(environment: environment); Issue.record("accepted \(value ?? "")") } catch {
                #expect(error.description == message)
            }
        }
    }
}

extension String: @retroactive Error {}
