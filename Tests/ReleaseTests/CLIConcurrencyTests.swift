import Foundation
import Testing

/// Separate processes contending for one release, and a process killed mid-operation.
@Suite(.serialized) struct CLIConcurrencyTests {
    static var storages: [String] {
        var list = ["sqlite"]
        if StoreKind.postgresURL != nil { list.append("postgres") }
        return list
    }

    func storageSpec(_ kind: String, directory: String) -> String {
        kind == "postgres" ? (StoreKind.postgresURL ?? "") : "sqlite:" + directory + "/releases.sqlite"
    }

    @Test(arguments: storages)
    func twentyConcurrentUpgradesSerializeWithConsecutiveRevisions(storage: String) throws {
        let directory = temporaryDirectory()
        let (chart, _) = try writeDemoChart(in: directory)
        let cli = try CLI(storage: storageSpec(storage, directory: directory))
        let ns = uniqueNamespace()
        try #require(try cli.run("install", "web", chart, "-n", ns).status == 0)

        // Each upgrade holds the lock a little while after storing its pending revision,
        // so the processes overlap.
        let started = try (0..<20).map { i in
            try cli.start(["upgrade", "web", chart, "--set", "tag=t\(i)", "-n", ns, "--history-max", "0"],
                          extraEnvironment: ["SWIFTCHART_TEST_PAUSE_WHILE_LOCKED": "0.1"])
        }
        let results = started.map(CLI.finish)
        let succeeded = results.filter { $0.status == 0 }
        let refused = results.filter { $0.status != 0 }
        #expect(succeeded.count >= 1)
        #expect(refused.count >= 1)
        for result in refused {
            #expect(result.stderr.hasPrefix("Error: UPGRADE FAILED: another operation (install/upgrade/rollback) is in progress on release \"web\""),
                    Comment(rawValue: result.stderr))
        }
        let history = try cli.run("history", "web", "-n", ns, "-o", "json")
        let revisions = try revisionsAndStatuses(history.stdout)
        #expect(revisions.map(\.0) == Array(1...(1 + succeeded.count)))
        #expect(revisions.last?.1 == "deployed")
        #expect(revisions.dropLast().allSatisfy { $0.1 == "superseded" })
    }

    @Test(arguments: storages)
    func installKilledWhileHoldingTheLockIsRecoveredByTheNextUpgrade(storage: String) throws {
        let directory = temporaryDirectory()
        let (chart, _) = try writeDemoChart(in: directory)
        let cli = try CLI(storage: storageSpec(storage, directory: directory))
        let ns = uniqueNamespace()

        let install = try cli.start(["install", "web", chart, "-n", ns],
                                    extraEnvironment: ["SWIFTCHART_TEST_PAUSE_WHILE_LOCKED": "30"])
        var pending = false
        for _ in 0..<100 where !pending {
            Thread.sleep(forTimeInterval: 0.05)
            let status = try cli.run("status", "web", "-n", ns)
            pending = status.stdout.contains("STATUS: pending-install")
        }
        #expect(pending)
        let blocked = try cli.run("upgrade", "web", chart, "-n", ns)
        #expect(blocked.stderr.hasPrefix("Error: UPGRADE FAILED: another operation (install/upgrade/rollback) is in progress"))

        kill(install.0.processIdentifier, SIGKILL)
        let killed = CLI.finish(install)
        #expect(killed.status == SIGKILL)

        let upgrade = try cli.run("upgrade", "web", chart, "--set", "tag=after", "-n", ns)
        #expect(upgrade.status == 0)
        #expect(upgrade.stderr.hasPrefix("warning: release \"web\" revision 1 was left pending-install (the install by pid \(install.0.processIdentifier) on "),
                Comment(rawValue: upgrade.stderr))
        #expect(upgrade.stderr.hasSuffix("was interrupted); marked failed\n"))
        let history = try cli.run("history", "web", "-n", ns, "-o", "json")
        let revisions = try revisionsAndStatuses(history.stdout)
        #expect(revisions.map { "\($0.0) \($0.1)" } == ["1 failed", "2 deployed"])
    }

    private func revisionsAndStatuses(_ json: String) throws -> [(Int, String)] {
        let rows = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]] ?? []
        return rows.map { (($0["revision"] as? Int) ?? -1, ($0["status"] as? String) ?? "") }
    }
}

/// `--output-dir`: the folder mirrors the deployed revision, and rollback rewrites it.
@Suite struct CLIOutputDirTests {
    @Test func folderFollowsUpgradeAndRollback() throws {
        let directory = temporaryDirectory()
        let (chart, _) = try writeDemoChart(in: directory)
        let extra = "{{- if .Values.extra }}\napiVersion: v1\nkind: Secret\nmetadata:\n  name: {{ .Release.Name }}-extra\n{{- end }}\n"
        try Data(extra.utf8).write(to: URL(fileURLWithPath: chart + "/templates/secret.yaml"))
        let cli = try CLI(storage: "sqlite:" + directory + "/releases.sqlite")
        let out = directory + "/gitops"
        let listing = { try FileManager.default.contentsOfDirectory(atPath: out).filter { !$0.hasPrefix(".") }.sorted() }

        let steps: [(args: [String], files: [String])] = [
            (["install", "web", chart, "--output-dir", out], ["configmap-web-config.yaml"]),
            (["upgrade", "web", chart, "--set", "extra=true", "--output-dir", out],
             ["configmap-web-config.yaml", "secret-web-extra.yaml"]),
            (["rollback", "web", "1", "--output-dir", out], ["configmap-web-config.yaml"]),
            (["uninstall", "web", "--output-dir", out], []),
        ]
        for step in steps {
            let result = CLI.finish(try cli.start(step.args))
            #expect(result.status == 0, Comment(rawValue: result.stderr))
            #expect(try listing() == step.files, Comment(rawValue: step.args.joined(separator: " ")))
        }
    }
}
