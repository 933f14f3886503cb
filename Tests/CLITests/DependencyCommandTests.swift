import Foundation
import Testing

/// The whole workflow through the binary: create → package into a file:// repository → index →
/// repo add → search → use as a constrained dependency → dependency update/list/build →
/// template the umbrella chart; and the failures that must leave charts/ and Chart.lock alone.
@Suite(.enabled(if: CLIErrorTests.binary != nil, "build swiftchart first (swift build)"))
struct DependencyCommandTests {
    static func umbrella(_ box: RepoSandbox, libVersion: String, extra: String = "") throws {
        #expect(try box.run(["create", "app"]).status == 0)
        #expect(try box.run(["create", "util", "--starter", "cronjob-batch"]).status == 0)
        let chart = box.read("app/Chart.yaml") ?? ""
        try box.write("app/Chart.yaml", chart + """
        dependencies:
        - name: lib
          version: "\(libVersion)"
          repository: "@local"
        - name: util
          version: ">=0.1.0"
          repository: file://../util
        \(extra)
        """)
    }

    @Test func endToEnd() throws {
        let box = try RepoSandbox()
        defer { box.remove() }
        try box.publish("lib", versions: ["1.0.0", "1.4.2", "2.0.0"])
        #expect(try box.run(["repo", "add", "local", "file://" + box.root + "/repo"]).status == 0)
        #expect(try box.run(["search", "repo", "local/lib", "--version", "^1"]).stdout.contains("local/lib\t1.4.2"))
        try Self.umbrella(box, libVersion: "^1.0.0")

        var r = try box.run(["dependency", "update", "app"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == """
        Hang tight while we grab the latest from your chart repositories...
        ...Successfully got an update from the "local" chart repository
        Update Complete. ⎈Happy Charting!⎈
        Saving 2 charts
        Downloading lib from repo file://\(box.root)/repo
        Deleting outdated charts

        """)
        #expect(box.list("app/charts") == ["lib-1.4.2.tgz", "util-0.1.0.tgz"])
        let lock = box.read("app/Chart.lock") ?? ""
        #expect(lock.hasPrefix("""
        dependencies:
        - name: lib
          repository: file://\(box.root)/repo
          version: 1.4.2
        - name: util
          repository: file://../util
          version: 0.1.0
        digest: sha256:
        """), "\(lock)")
        #expect(lock.contains("\ngenerated: \""))
        #expect(!box.list("app").contains { $0.hasPrefix("tmpcharts") })

        r = try box.run(["dependency", "list", "app"])
        #expect(r.stdout == """
        NAME\tVERSION\tREPOSITORY    \tSTATUS
        lib \t^1.0.0 \t@local        \tok    
        util\t>=0.1.0\tfile://../util\tok    


        """)

        r = try box.run(["template", "rel", "app"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("# Source: app/charts/lib/templates/deployment.yaml\n"))
        #expect(r.stdout.contains("# Source: app/charts/util/templates/cronjob.yaml\n"))
        #expect(r.stdout.contains("  name: rel-lib\n"))

        // Same requirements: update keeps the lock; build restores deleted archives from it.
        try FileManager.default.removeItem(atPath: box.root + "/app/charts/lib-1.4.2.tgz")
        r = try box.run(["dependency", "build", "app", "--skip-refresh"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(box.list("app/charts") == ["lib-1.4.2.tgz", "util-0.1.0.tgz"])
        #expect(box.read("app/Chart.lock") == lock)

        // Chart.yaml changed after the lock was written.
        try box.write("app/Chart.yaml", (box.read("app/Chart.yaml") ?? "").replacingOccurrences(of: "^1.0.0", with: "~1.0.0"))
        r = try box.run(["dependency", "build", "app"])
        #expect(r.status == 1)
        #expect(r.stderr == "Error: the lock file (Chart.lock) is out of sync with the dependencies file (Chart.yaml). Please update the dependencies\n")
        r = try box.run(["dependency", "update", "app", "--skip-refresh"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(box.list("app/charts") == ["lib-1.0.0.tgz", "util-0.1.0.tgz"])
        #expect(box.read("app/Chart.lock")?.contains("version: 1.0.0") == true)
        r = try box.run(["lint", "app"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout == "==> Linting app\n[INFO] Chart.yaml: icon is recommended\n\n1 chart(s) linted, 0 chart(s) failed\n")
    }

    /// (label, constraint, expected stderr): each fails once, and neither charts/ nor Chart.lock change.
    @Test func failuresLeaveTheChartAlone() throws {
        let box = try RepoSandbox()
        defer { box.remove() }
        try box.publish("lib", versions: ["1.0.0"])
        #expect(try box.run(["repo", "add", "local", "file://" + box.root + "/repo"]).status == 0)
        let closed = LocalHTTPServer.closedPort()
        let cases: [(String, String, String, String)] = [
            ("unresolvable constraint", "^9.0.0", "",
             "Error: can't get a valid version for 1 subchart(s): \"lib\" (repository \"file://\(box.root)/repo\", version \"^9.0.0\"). Make sure a matching chart version exists in the repo, or change the version constraint in Chart.yaml\n  available versions of lib: 1.0.0\n"),
            ("unreachable repository", "1.0.0", "- name: other\n  version: 1.0.0\n  repository: http://127.0.0.1:\(closed)\n",
             "Error: looks like \"http://127.0.0.1:\(closed)\" is not a valid chart repository or cannot be reached: Get \"http://127.0.0.1:\(closed)/index.yaml\": dial tcp 127.0.0.1:\(closed): connect: connection refused\n"),
            ("invalid constraint", "not-a-version", "", "Error: dependency \"lib\" has an invalid version/constraint format: improper constraint: \"not-a-version\"\n"),
        ]
        for (label, constraint, extra, message) in cases {
            try? FileManager.default.removeItem(atPath: box.root + "/app")
            try? FileManager.default.removeItem(atPath: box.root + "/util")
            try Self.umbrella(box, libVersion: constraint, extra: extra)
            #expect(try box.run(["package", "lib", "-d", "app/charts", "--version", "0.0.9"]).status == 0)
            let r = try box.run(["dependency", "update", "app"])
            #expect(r.status == 1, "\(label)")
            #expect(r.stderr == message, "\(label): \(r.stderr)")
            #expect(box.list("app/charts") == ["lib-0.0.9.tgz"], "\(label)")
            #expect(!box.exists("app/Chart.lock"), "\(label)")
            #expect(!box.list("app").contains { $0.hasPrefix("tmpcharts") }, "\(label)")
        }

        // A corrupt archive in the repository: digest mismatch, nothing replaced.
        try? FileManager.default.removeItem(atPath: box.root + "/app")
        try? FileManager.default.removeItem(atPath: box.root + "/util")
        try Self.umbrella(box, libVersion: "1.0.0")
        try box.write("repo/lib-1.0.0.tgz", "garbage")
        var r = try box.run(["dependency", "update", "app"])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("Error: could not download file://\(box.root)/repo/lib-1.0.0.tgz: digest mismatch for lib-1.0.0.tgz"), "\(r.stderr)")
        #expect(!box.exists("app/charts/util-0.1.0.tgz") && !box.exists("app/Chart.lock"))

        // No Chart.yaml at all.
        try box.write("empty/values.yaml", "a: 1\n")
        r = try box.run(["dependency", "update", "empty"])
        #expect(r.status == 1)
        #expect(r.stderr.components(separatedBy: "Error:").count == 2 && r.stderr.contains("Chart.yaml"), "\(r.stderr)")
        #expect(box.list("empty") == ["values.yaml"])
    }

    @Test func packageWithDependencyUpdate() throws {
        let box = try RepoSandbox()
        defer { box.remove() }
        try box.publish("lib", versions: ["1.0.0"])
        #expect(try box.run(["repo", "add", "local", "file://" + box.root + "/repo"]).status == 0)
        try Self.umbrella(box, libVersion: "1.x")
        let r = try box.run(["package", "app", "-u", "-d", "dist"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(box.list("dist") == ["app-0.1.0.tgz"])
        #expect(box.list("app/charts") == ["lib-1.0.0.tgz", "util-0.1.0.tgz"])
    }
}
