import Foundation
import Release
import Testing
import Values

@Suite struct LifecycleTests {
    @Test(arguments: StoreKind.available)
    func installUpgradeFailRollbackUninstall(kind: StoreKind) throws {
        let context = ReleaseContext(store: try kind.open())
        let ns = uniqueNamespace()
        let renderer = ConfigMapRenderer()

        let installed = try context.install(InstallOptions(name: "web", namespace: ns, values: .map([:])), renderer: renderer)
        #expect(installed.version == 1)
        #expect(installed.info.status == .deployed)
        #expect(installed.info.description == "Install complete")
        #expect(installed.manifest.contains("tag: stable"))

        let upgraded = try context.upgrade(
            UpgradeOptions(name: "web", namespace: ns, values: .map(["tag": .string("v2")])), renderer: renderer)
        #expect(upgraded.version == 2)
        #expect(upgraded.manifest.contains("tag: v2"))
        #expect(upgraded.info.firstDeployed == installed.info.firstDeployed)

        #expect(throws: ConfigMapRenderer.Broken.self) {
            try context.upgrade(UpgradeOptions(name: "web", namespace: ns, values: .map(["broken": .bool(true)])),
                                renderer: renderer)
        }
        let rolledBack = try context.rollback(RollbackOptions(name: "web", namespace: ns, revision: 1))
        #expect(rolledBack.version == 4)
        #expect(rolledBack.manifest == installed.manifest)

        let history = try context.history(name: "web", namespace: ns)
        let rows = history.map { [String($0.version), $0.info.status.rawValue, $0.info.description] }
        #expect(rows == [
            ["1", "superseded", "Install complete"],
            ["2", "superseded", "Upgrade complete"],
            ["3", "failed", "Upgrade \"web\" failed: " + ConfigMapRenderer.Broken().description],
            ["4", "deployed", "Rollback to 1"],
        ])

        try context.uninstall(UninstallOptions(name: "web", namespace: ns, keepHistory: true))
        var listing = ListOptions(namespace: ns)
        #expect(try context.list(listing).isEmpty)
        listing.all = true
        let all = try context.list(listing)
        #expect(all.map { [$0.name, String($0.version), $0.info.status.rawValue] } == [["web", "4", "uninstalled"]])
        #expect(all.first?.info.description == "Uninstallation complete")
        #expect(all.first?.info.deleted != nil)

        try context.uninstall(UninstallOptions(name: "web", namespace: ns))
        #expect(throws: ReleaseError.releaseNotFound(name: "web", namespace: ns)) {
            try context.history(name: "web", namespace: ns)
        }
    }

    @Test(arguments: StoreKind.available)
    func errorsChangeNothing(kind: StoreKind) throws {
        let context = ReleaseContext(store: try kind.open())
        let ns = uniqueNamespace()
        let renderer = ConfigMapRenderer()
        _ = try context.install(InstallOptions(name: "api", namespace: ns, values: .null), renderer: renderer)
        let cases: [(String, () throws -> Void, ReleaseError)] = [
            ("status of a missing release", { _ = try context.revision(name: "nope", namespace: ns, revision: nil) },
             .releaseNotFound(name: "nope", namespace: ns)),
            ("unknown revision", { _ = try context.revision(name: "api", namespace: ns, revision: 9) },
             .revisionNotFound(name: "api", revision: 9, available: [1])),
            ("rollback to an unknown revision", { _ = try context.rollback(RollbackOptions(name: "api", namespace: ns, revision: 7)) },
             .revisionNotFound(name: "api", revision: 7, available: [1])),
            ("rollback of a missing release", { _ = try context.rollback(RollbackOptions(name: "nope", namespace: ns)) },
             .releaseNotFound(name: "nope", namespace: ns)),
            ("upgrade of a missing release", {
                _ = try context.upgrade(UpgradeOptions(name: "nope", namespace: ns, values: .null), renderer: renderer)
            }, .noDeployedReleases(name: "nope")),
            ("install over an existing release", {
                _ = try context.install(InstallOptions(name: "api", namespace: ns, values: .null), renderer: renderer)
            }, .alreadyExists(name: "api")),
            ("invalid name", {
                _ = try context.install(InstallOptions(name: "Bad_Name", namespace: ns, values: .null), renderer: renderer)
            }, .invalidName("Bad_Name", reason: "it must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character")),
        ]
        for (label, action, expected) in cases {
            #expect(throws: expected, Comment(rawValue: label)) { try action() }
        }
        let history = try context.history(name: "api", namespace: ns)
        #expect(history.map(\.version) == [1])
        #expect(history.first?.info.status == .deployed)
    }

    @Test func valuesReuseModes() throws {
        let context = ReleaseContext(store: MemoryReleaseStore())
        let renderer = ConfigMapRenderer()
        _ = try context.install(InstallOptions(name: "r", namespace: "default",
                                               values: .map(["tag": .string("one"), "extra": .bool(true)])), renderer: renderer)
        let cases: [(ValuesReuse, Value, [String])] = [
            (.automatic, .map([:]), ["extra", "tag"]),
            (.automatic, .map(["replicas": .float(3)]), ["replicas"]),
            (.reset, .map([:]), []),
            (.reuse, .map(["replicas": .float(3)]), ["extra", "replicas", "tag"]),
            (.resetThenReuse, .map(["tag": .string("two")]), ["extra", "tag"]),
        ]
        for (mode, supplied, expectedKeys) in cases {
            var options = UpgradeOptions(name: "r", namespace: "default", values: supplied)
            options.valuesReuse = mode
            let release = try context.upgrade(options, renderer: renderer)
            #expect((release.config.mapValue ?? [:]).keys.sorted() == expectedKeys, "\(mode)")
            // Put the original values back for the next case.
            _ = try context.upgrade(UpgradeOptions(name: "r", namespace: "default",
                                                   values: .map(["tag": .string("one"), "extra": .bool(true)])),
                                    renderer: renderer)
        }
    }

    @Test func historyMaxPrunesOldestButKeepsDeployed() throws {
        let cases: [(max: Int, upgrades: Int, expected: [Int])] = [
            (3, 5, [4, 5, 6]),
            (0, 4, [1, 2, 3, 4, 5]),
            (1, 2, [3]),
        ]
        for c in cases {
            let context = ReleaseContext(store: MemoryReleaseStore())
            let renderer = ConfigMapRenderer()
            var install = InstallOptions(name: "p", namespace: "default", values: .null)
            install.maxHistory = c.max
            _ = try context.install(install, renderer: renderer)
            for i in 0..<c.upgrades {
                var options = UpgradeOptions(name: "p", namespace: "default", values: .map(["tag": .string("v\(i)")]))
                options.maxHistory = c.max
                _ = try context.upgrade(options, renderer: renderer)
            }
            let kept = try context.history(name: "p", namespace: "default").map(\.version)
            #expect(kept == c.expected, "max \(c.max)")
        }
    }

    @Test func dryRunStoresNothing() throws {
        let context = ReleaseContext(store: MemoryReleaseStore())
        var options = InstallOptions(name: "dry", namespace: "default", values: .null)
        options.dryRun = true
        let release = try context.install(options, renderer: ConfigMapRenderer())
        #expect(release.info.description == "Dry run complete")
        #expect(release.info.status == .pendingInstall)
        #expect(try context.list(ListOptions(namespace: nil)).isEmpty)
    }
}
