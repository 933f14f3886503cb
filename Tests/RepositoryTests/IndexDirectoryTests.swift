import Foundation
import Semver
import Testing
@testable import Repository

let repositoryFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

/// `repo index` over `Fixtures/repo` (archives made by `helm package`), expected text written by
/// Helm's rules (sigs.k8s.io/yaml key order, versions newest first, `urls` joined to `--url`,
/// relative URLs keep the sub-folder when no URL is given); digests are `sha256sum` of the fixtures.
@Suite struct IndexDirectoryTests {
    static let created = GoTime(seconds: 1_700_000_000, nanoseconds: 123_456_000)
    static let digests = [
        "alpha-1.0.0": "d0018f3450c899fb30c083f69c0b4ac9f984b8997d30470388c060cef1219cb8",
        "alpha-1.10.0": "e1244aa524c7d06b93d2d4318b829e8984d95ce6b01d1c68c754d6a3e6546167",
        "alpha-1.2.0-rc.1": "2a728b9f4492bc158b386bd5aae1322bc10b3c8f0e2530b26a35a84303ca0f23",
    ]

    static func expected(url: String, nestedPrefix: String, betaDigest: String) -> String {
        func alpha(_ version: String, _ app: String) -> String {
            """
              - apiVersion: v2
                appVersion: "\(app)"
                created: "2023-11-14T22:13:20.123456Z"
                description: Alpha chart
                digest: \(digests["alpha-\(version)"] ?? "")
                keywords:
                - web
                - alpha
                name: alpha
                urls:
                - \(url)alpha-\(version).tgz
                version: \(version)

            """
        }
        return "apiVersion: v1\nentries:\n  alpha:\n" + alpha("1.10.0", "1.10") + alpha("1.2.0-rc.1", "1.2") + alpha("1.0.0", "1.0") + """
          beta:
          - apiVersion: v2
            created: "2023-11-14T22:13:20.123456Z"
            description: 'Beta: the second'
            digest: \(betaDigest)
            keywords:
            - db
            maintainers:
            - name: Ann
            name: beta
            urls:
            - \(url)\(nestedPrefix)beta-0.1.0.tgz
            version: 0.1.0
        generated: "2023-11-14T22:13:20.123456Z"

        """
    }

    static let cases: [(label: String, url: String, expectedURLPrefix: String, nestedPrefix: String)] = [
        ("with --url", "https://charts.example.com/stable/", "https://charts.example.com/stable/", "nested/"),
        ("without --url (relative URLs)", "", "", "nested/"),
    ]

    @Test(arguments: cases.indices)
    func indexMatchesHelmFormat(_ index: Int) throws {
        let c = Self.cases[index]
        let work = NSTemporaryDirectory() + "/repo-index-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: repositoryFixtures + "/repo", toPath: work)
        try IndexDirectory.run(dir: work, url: c.url, merge: nil, now: Self.created)
        let text = try String(contentsOfFile: work + "/index.yaml", encoding: .utf8)
        let betaDigest = try IndexDirectory.digestFile(repositoryFixtures + "/repo/nested/beta-0.1.0.tgz")
        #expect(text == Self.expected(url: c.expectedURLPrefix, nestedPrefix: c.nestedPrefix, betaDigest: betaDigest), "\(c.label)")
    }

    @Test func readsBackAndMerges() throws {
        let work = NSTemporaryDirectory() + "/repo-merge-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: repositoryFixtures + "/repo", toPath: work)
        try IndexDirectory.run(dir: work, url: "", merge: nil, now: Self.created)
        let old = try ChartIndex.load(file: work + "/index.yaml")
        #expect(old.entries["alpha"]?.map(\.version) == ["1.10.0", "1.2.0-rc.1", "1.0.0"])
        let mergeFile = work + "/old-index.yaml"
        var older = ChartIndex(generated: Self.created)
        older.add(.init(), filename: "ignored.tgz", baseURL: "", digest: "")
        var gamma = old.entries["beta"]?[0]
        gamma?.fields["name"] = .string("gamma")
        if let gamma { older.entries["gamma"] = [gamma] }
        try older.write(to: mergeFile)
        try FileManager.default.removeItem(atPath: work + "/alpha-1.0.0.tgz")
        try IndexDirectory.run(dir: work, url: "", merge: mergeFile, now: Self.created)
        let merged = try ChartIndex.load(file: work + "/index.yaml")
        #expect(merged.entries.keys.sorted() == ["alpha", "beta", "gamma"])
        #expect(merged.entries["alpha"]?.map(\.version) == ["1.10.0", "1.2.0-rc.1"])
    }

    /// Index files that cannot be used: (label, content, message).
    static let badIndexes: [(String, String, String)] = [
        ("empty", "", "error loading x/index.yaml: empty index.yaml file"),
        ("no apiVersion", "entries: {}\n", "error loading x/index.yaml: no API version specified"),
    ]

    @Test(arguments: badIndexes.indices)
    func refusesBadIndex(_ index: Int) {
        let (label, content, message) = Self.badIndexes[index]
        do { _ = try ChartIndex.load(Array(content.utf8), file: "x/index.yaml"); Issue.record("\(label) accepted") } catch {
            #expect("\(error)" == message, "\(label)")
        }
    }

    static let versionOrder: [(String, String, Bool)] = [
        ("1.2.0", "1.10.0", true), ("1.0.0-rc.1", "1.0.0", true), ("1.0.0-alpha", "1.0.0-alpha.1", true),
        ("1.0.0-alpha.1", "1.0.0-alpha.beta", true), ("1.0.0-2", "1.0.0-11", true), ("v1.2", "1.2.1", true),
        ("1.0.0+b2", "1.0.0+b1", false),
    ]

    @Test(arguments: versionOrder.indices)
    func semverOrder(_ index: Int) throws {
        let (a, b, less) = Self.versionOrder[index]
        let x = try SemanticVersion(parsing: a), y = try SemanticVersion(parsing: b)
        #expect((x < y) == less, "\(a) < \(b)")
    }
}
