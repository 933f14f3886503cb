import Foundation
import Testing

/// Drives the built binary through a release's life on each durable store. Expected
/// manifests and notes are `helm-oracle template` output (Helm v4.3.0) for the demo chart;
/// the surrounding layout is Helm v4's `pkg/cmd` printers.
@Suite(.serialized) struct CLILifecycleTests {
    static var storages: [String] {
        var list = ["sqlite"]
        if StoreKind.postgresURL != nil { list.append("postgres") }
        return list
    }

    func storageSpec(_ kind: String, directory: String) -> String {
        kind == "postgres" ? (StoreKind.postgresURL ?? "") : "sqlite:" + directory + "/releases.sqlite"
    }

    /// The release manifests Helm stores for the demo chart (helm-oracle `--json`, `.manifest`).
    static let manifestProd = "---\n# Source: demo/templates/configmap.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-config\ndata:\n  tag: \"prod\"\n\n"
    static let manifestV2 = "---\n# Source: demo/templates/configmap.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-config\ndata:\n  tag: \"v2\"\n\n"
    /// The engine's message for the broken template, which the failed revision's description carries.
    static let failure = "demo/templates/configmap.yaml:8:18"

    /// Replaces the engine's one-line template error (its wording is the engine's to test) with a marker.
    func maskingFailure(_ text: String) -> String {
        text.replacingOccurrences(of: #"template: [^\n]*"# + NSRegularExpression.escapedPattern(for: CLILifecycleTests.failure) + #"[^\n]*"#,
                                  with: "<FAILURE>", options: .regularExpression)
    }

    @Test(arguments: storages)
    func installUpgradeFailRollbackHistoryUninstall(storage: String) throws {
        let directory = temporaryDirectory()
        let (chart, prod) = try writeDemoChart(in: directory)
        let cli = try CLI(storage: storageSpec(storage, directory: directory))
        let ns = uniqueNamespace()

        // Each step: arguments, expected exit status, expected stdout (times masked), expected stderr.
        let steps: [(args: [String], status: Int32, stdout: String, stderr: String)] = [
            (["install", "web", chart, "-f", prod, "-n", ns], 0, """
                NAME: web
                LAST DEPLOYED: <ANSIC>
                NAMESPACE: \(ns)
                STATUS: deployed
                REVISION: 1
                DESCRIPTION: Install complete
                TEST SUITE: None
                NOTES:
                Release web runs tag prod at revision 1.

                """, ""),
            (["upgrade", "web", chart, "--set", "tag=v2", "-n", ns], 0, """
                Release "web" has been upgraded. Happy Helming!
                NAME: web
                LAST DEPLOYED: <ANSIC>
                NAMESPACE: \(ns)
                STATUS: deployed
                REVISION: 2
                DESCRIPTION: Upgrade complete
                TEST SUITE: None
                NOTES:
                Release web runs tag v2 at revision 2.

                """, ""),
            (["upgrade", "web", chart, "--set", "broken=true", "-n", ns], 1, "", "Error: UPGRADE FAILED: <FAILURE>\n"),
            (["status", "web", "-n", ns], 0, """
                NAME: web
                LAST DEPLOYED: <ANSIC>
                NAMESPACE: \(ns)
                STATUS: failed
                REVISION: 3
                DESCRIPTION: Upgrade "web" failed: <FAILURE>
                TEST SUITE: None

                """, ""),
            (["rollback", "web", "1", "-n", ns], 0, "Rollback was a success! Happy Helming!\n", ""),
            (["history", "web", "-n", ns], 0, """
                REVISION\tUPDATED\tSTATUS\tCHART\tAPP VERSION\tDESCRIPTION
                1\t<ANSIC>\tsuperseded\tdemo-0.1.0\t1.16.0\tInstall complete
                2\t<ANSIC>\tsuperseded\tdemo-0.1.0\t1.16.0\tUpgrade complete
                3\t<ANSIC>\tfailed\tdemo-0.1.0\t1.16.0\tUpgrade "web" failed: <FAILURE>
                4\t<ANSIC>\tdeployed\tdemo-0.1.0\t1.16.0\tRollback to 1

                """, ""),
            (["get", "manifest", "web", "--revision", "2", "-n", ns], 0, Self.manifestV2 + "\n", ""),
            (["get", "manifest", "web", "-n", ns], 0, Self.manifestProd + "\n", ""),
            (["get", "values", "web", "-n", ns], 0, "USER-SUPPLIED VALUES:\ntag: prod\n", ""),
            (["get", "notes", "web", "--revision", "2", "-n", ns], 0, "NOTES:\nRelease web runs tag v2 at revision 2.\n\n", ""),
            (["uninstall", "web", "--keep-history", "-n", ns], 0, "release \"web\" uninstalled\n", ""),
            (["list", "-n", ns], 0, "NAME\tNAMESPACE\tREVISION\tUPDATED\tSTATUS\tCHART\tAPP VERSION\n", ""),
            (["list", "-a", "-n", ns], 0, """
                NAME\tNAMESPACE\tREVISION\tUPDATED\tSTATUS\tCHART\tAPP VERSION
                web\t\(ns)\t4\t<TIME>\tuninstalled\tdemo-0.1.0\t1.16.0

                """, ""),
        ]
        for step in steps {
            let result = CLI.finish(try cli.start(step.args))
            let label = Comment(rawValue: step.args.joined(separator: " "))
            #expect(result.status == step.status, label)
            #expect(unpaddedTable(maskingTimes(maskingFailure(result.stdout))) == step.stdout, label)
            #expect(maskingFailure(result.stderr) == step.stderr, label)
        }
    }

    @Test(arguments: storages)
    func errorsAreClearAndChangeNothing(storage: String) throws {
        let directory = temporaryDirectory()
        let (chart, _) = try writeDemoChart(in: directory)
        let cli = try CLI(storage: storageSpec(storage, directory: directory))
        let ns = uniqueNamespace()
        try #require(try cli.run("install", "api", chart, "-n", ns).status == 0)
        let cases: [(args: [String], stderr: String)] = [
            (["status", "nope", "-n", ns], "Error: release \"nope\" not found in namespace \"\(ns)\"\n"),
            (["get", "manifest", "api", "--revision", "9", "-n", ns],
             "Error: release \"api\" has no revision 9 (revisions: 1)\n"),
            (["rollback", "api", "5", "-n", ns], "Error: release \"api\" has no revision 5 (revisions: 1)\n"),
            (["history", "nope", "-n", ns], "Error: release \"nope\" not found in namespace \"\(ns)\"\n"),
            (["upgrade", "nope", chart, "-n", ns], "Error: UPGRADE FAILED: \"nope\" has no deployed releases\n"),
            (["install", "api", chart, "-n", ns],
             "Error: INSTALLATION FAILED: cannot re-use a name that is still in use: release \"api\" exists\n"),
        ]
        for c in cases {
            let result = CLI.finish(try cli.start(c.args))
            let label = Comment(rawValue: c.args.joined(separator: " "))
            #expect(result.status == 1, label)
            #expect(result.stdout == "", label)
            #expect(result.stderr == c.stderr, label)
        }
        let history = try cli.run("history", "api", "-n", ns, "-o", "json")
        #expect(history.stdout.components(separatedBy: "\"revision\":").count == 2)
    }

    @Test func corruptStoreFileIsReportedAndLeftAlone() throws {
        let directory = temporaryDirectory()
        let path = directory + "/releases.sqlite"
        let junk = Data(String(repeating: "definitely not sqlite\n", count: 100).utf8)
        try junk.write(to: URL(fileURLWithPath: path))
        let cli = try CLI(storage: "sqlite:" + path)
        let result = try cli.run("list")
        #expect(result.status == 1)
        #expect(result.stderr == "Error: cannot use the release store at \(path): file is not a database\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == junk)
    }
}
