import Foundation
import Testing

/// `diff upgrade` / `diff rollback` through the built binary on a SQLite store. The YAML
/// of each side is Helm's `toYaml` of the demo chart's ConfigMap (helm-oracle, Helm v4.3.0);
/// hunks are GNU diffutils 3.8 `diff -U3` of those texts.
@Suite(.serialized) struct CLIDiffTests {
    static func configMapDiff(namespace: String, from old: String, to new: String) -> String {
        "\(namespace), web-config, ConfigMap (v1) has changed:\n"
            + "@@ -1,6 +1,6 @@\n apiVersion: v1\n data:\n-  tag: \(old)\n+  tag: \(new)\n kind: ConfigMap\n metadata:\n   name: web-config\n"
            + "1 changed, 0 added, 0 removed\n"
    }

    @Test func upgradeAndRollbackDiffs() throws {
        let directory = temporaryDirectory()
        let (chart, prod) = try writeDemoChart(in: directory)
        let cli = try CLI(storage: "sqlite:" + directory + "/releases.sqlite")
        let ns = uniqueNamespace()
        try #require(try cli.run("install", "web", chart, "-f", prod, "-n", ns).status == 0)
        let changeToV2 = Self.configMapDiff(namespace: ns, from: "prod", to: "v2")

        // Each step: arguments, extra environment, expected exit status, stdout, stderr.
        let steps: [(args: [String], env: [String: String], status: Int32, stdout: String, stderr: String)] = [
            (["diff", "upgrade", "web", chart, "--set", "tag=v2", "-n", ns], [:], 0, changeToV2, ""),
            (["diff", "upgrade", "web", chart, "--set", "tag=v2", "-n", ns, "--detailed-exitcode"], [:], 2, changeToV2, ""),
            (["diff", "upgrade", "web", chart, "-n", ns, "--detailed-exitcode"], [:], 0, "No changes.\n", ""),
            (["diff", "upgrade", "web", chart, "-f", prod, "-n", ns, "--detailed-exitcode"], [:], 0, "No changes.\n", ""),
            (["diff", "upgrade", "web", chart, "--reset-values", "-n", ns], [:], 0,
             Self.configMapDiff(namespace: ns, from: "prod", to: "stable"), ""),
            (["diff", "upgrade", "web", chart, "--set", "tag=v2", "-n", ns, "--context", "0"], [:], 0,
             "\(ns), web-config, ConfigMap (v1) has changed:\n@@ -3 +3 @@\n-  tag: prod\n+  tag: v2\n1 changed, 0 added, 0 removed\n", ""),
            (["diff", "upgrade", "web", chart, "--set", "tag=v2", "-n", ns], ["NO_COLOR": "1"], 0, changeToV2, ""),
            (["diff", "upgrade", "web", chart, "--set", "tag=v2", "-n", ns, "--no-color"], [:], 0, changeToV2, ""),
            (["diff", "upgrade", "web", chart, "--set", "tag=v2", "-n", ns, "--context", "0", "--color"], ["NO_COLOR": ""], 0,
             "\u{1B}[33m\(ns), web-config, ConfigMap (v1) has changed:\u{1B}[0m\n\u{1B}[36m@@ -3 +3 @@\u{1B}[0m\n"
                + "\u{1B}[31m-  tag: prod\u{1B}[0m\n\u{1B}[32m+  tag: v2\u{1B}[0m\n1 changed, 0 added, 0 removed\n", ""),
            (["diff", "upgrade", "web", chart, "--set", "broken=true", "-n", ns], [:], 1, "", "<TEMPLATE ERROR>"),
            (["diff", "upgrade", "web", directory + "/nochart", "-n", ns], [:], 1, "", "<CHART ERROR>"),
            (["diff", "upgrade", "db", chart, "-n", ns], [:], 1, "", "Error: \"db\" has no deployed releases\n"),
            (["diff", "upgrade", "db", chart, "-n", ns, "--allow-unreleased", "--detailed-exitcode"], [:], 2,
             "\(ns), db-config, ConfigMap (v1) has been added:\n"
                + "@@ -0,0 +1,6 @@\n+apiVersion: v1\n+data:\n+  tag: stable\n+kind: ConfigMap\n+metadata:\n+  name: db-config\n"
                + "0 changed, 1 added, 0 removed\n", ""),
            (["upgrade", "web", chart, "--set", "tag=v2", "-n", ns], [:], 0, "<IGNORED>", ""),
            (["diff", "rollback", "web", "-n", ns, "--detailed-exitcode"], [:], 2,
             Self.configMapDiff(namespace: ns, from: "v2", to: "prod"), ""),
            (["diff", "rollback", "web", "1", "-n", ns], [:], 0, Self.configMapDiff(namespace: ns, from: "v2", to: "prod"), ""),
            (["diff", "rollback", "web", "2", "-n", ns, "--detailed-exitcode"], [:], 0, "No changes.\n", ""),
            (["diff", "rollback", "web", "9", "-n", ns], [:], 1, "",
             "Error: release \"web\" has no revision 9 (revisions: 1, 2)\n"),
            (["diff", "rollback", "nope", "-n", ns], [:], 1, "",
             "Error: release \"nope\" not found in namespace \"\(ns)\"\n"),
        ]
        for step in steps {
            let result = try cli.run(step.args, extraEnvironment: step.env)
            let context = step.args.joined(separator: " ")
            #expect(result.status == step.status, "\(context): \(result.stderr)")
            if step.stdout != "<IGNORED>" { #expect(result.stdout == step.stdout, "\(context)") }
            switch step.stderr {
            case "<TEMPLATE ERROR>":
                #expect(result.stderr.hasPrefix("Error: ") && result.stderr.contains("demo/templates/configmap.yaml:8:18"), "\(context): \(result.stderr)")
            case "<CHART ERROR>":
                #expect(result.stderr.hasPrefix("Error: ") && result.stderr.contains("nochart"), "\(context): \(result.stderr)")
            default:
                #expect(result.stderr == step.stderr, "\(context)")
            }
        }
    }
}

extension CLI {
    @discardableResult
    func run(_ arguments: [String], extraEnvironment: [String: String] = [:]) throws -> Result {
        CLI.finish(try start(arguments, extraEnvironment: extraEnvironment))
    }
}
