import Chart
import Foundation
import Synchronization
import Testing
import Values
@testable import Kube
@testable import Release

/// Helm hooks run against the fake cluster, whose controller stand-in completes or fails
/// Jobs and Pods by their `outcome` label. Expected messages are Helm v4's
/// (`pkg/action/hooks.go`, `install.go`, `upgrade.go`, `internal/statusreaders`).
@Suite struct HookTests {
    static let jobs = "/apis/batch/v1/namespaces/prod/jobs"
    static let configMaps = "/api/v1/namespaces/prod/configmaps"
    static let pods = "/api/v1/namespaces/prod/pods"

    /// A hook document: `kind` Job, Pod or ConfigMap, with events, weight, delete policy and
    /// an outcome label read from `.Values.outcomes.<name>` (default `pass`).
    static func hook(_ kind: String, _ name: String, events: String, weight: Int = 0, policy: String? = nil) -> String {
        let apiVersion = kind == "Job" ? "batch/v1" : "v1"
        var text = """
            apiVersion: \(apiVersion)
            kind: \(kind)
            metadata:
              name: {{ .Release.Name }}-\(name)
              labels:
                outcome: {{ dig "\(name)" "pass" .Values.outcomes | quote }}
              annotations:
                "helm.sh/hook": \(events)
                "helm.sh/hook-weight": "\(weight)"

            """
        if let policy { text += "    \"helm.sh/hook-delete-policy\": \(policy)\n" }
        return text
    }

    /// Writes a chart with one ConfigMap resource and the given hook templates (keys under
    /// `crds/` are written there instead).
    static func chart(_ hooks: [String: String]) throws -> String {
        let root = NSTemporaryDirectory() + "swiftchart-hooks-" + UUID().uuidString
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/templates", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: root + "/crds", withIntermediateDirectories: true)
        var files = hooks.mapKeys { $0.hasPrefix("crds/") ? $0 : "templates/" + $0 }
        files["Chart.yaml"] = "apiVersion: v2\nname: hooked\nversion: 0.1.0\n"
        files["values.yaml"] = "outcomes: {}\n"
        files["templates/config.yaml"] = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-config\ndata:\n  revision: {{ .Release.Revision | quote }}\n"
        for (name, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: root + "/" + name)) }
        return root
    }

    /// Completes Jobs and Pods as they are created, or fails those labelled `outcome: fail`;
    /// `outcome: hang` stays in progress.
    static func controller(_ server: FakeAPIServer) {
        server.setController { _, object in finished(object) }
    }

    /// The object with the status its controller would write once it finished.
    static func finished(_ object: Value) -> Value {
        guard var top = object.mapValue, object["status"] == nil,
              let outcome = object["metadata"]?["labels"]?["outcome"]?.stringValue, outcome != "hang" else { return object }
        switch object["kind"]?.stringValue {
        case "Job":
            let type = outcome == "fail" ? "Failed" : "Complete"
            top["status"] = Value.map([outcome == "fail" ? "failed" : "succeeded": .int(1), "conditions": .list([
                Value.map(["type": .string(type), "status": .string("True")]),
            ])])
        case "Pod":
            top["status"] = Value.map(["phase": .string(outcome == "fail" ? "Failed" : "Succeeded")])
        default:
            return object
        }
        return Value.map(top)
    }

    struct Cluster {
        var server: FakeAPIServer
        var context: ReleaseContext

        init(hookTimeout: Double = 5, wait: Double? = nil) throws {
            server = try FakeAPIServer()
            HookTests.controller(server)
            let client = try KubeClient(connection: KubeConnection(server: server.url))
            var delivery = KubeDelivery(client: client, waitSeconds: wait, pollSeconds: 0.02)
            delivery.hookTimeoutSeconds = hookTimeout
            context = ReleaseContext(store: MemoryReleaseStore(), delivery: delivery)
        }

        /// Writes to the cluster (not to the release store), in order, from request `start` on.
        func changes(from start: Int) -> [String] {
            server.requests.dropFirst(start).filter { ["POST", "PATCH", "DELETE", "PUT"].contains($0.method) }
                .map { "\($0.method) \($0.path)" }
        }

        func history() throws -> [Release] { try context.store.revisions(name: "demo", namespace: "prod") }
    }

    static func values(_ outcomes: [String: String]) -> Value {
        Value.map(["outcomes": Value.map(outcomes.mapValues { Value.string($0) })])
    }

    @Test func installRunsHooksByWeightAroundTheApply() throws {
        let cluster = try Cluster()
        defer { cluster.server.stop() }
        let path = try Self.chart([
            "pre-late.yaml": Self.hook("Job", "pre-late", events: "pre-install", weight: 5),
            "pre-early.yaml": Self.hook("Job", "pre-early", events: "pre-install", weight: -5),
            "pre-config.yaml": Self.hook("ConfigMap", "pre-config", events: "pre-install,pre-upgrade"),
            "post.yaml": Self.hook("Job", "post", events: "post-install", policy: "hook-succeeded"),
        ])
        let renderer = ChartRenderer(chart: try ChartLoader.load(path: path))
        let release = try cluster.context.install(InstallOptions(name: "demo", namespace: "prod", values: .null), renderer: renderer)
        #expect(release.info.status == .deployed)
        #expect(cluster.changes(from: 0) == [
            "DELETE \(Self.jobs)/demo-pre-early", "POST \(Self.jobs)",
            "DELETE \(Self.configMaps)/demo-pre-config", "POST \(Self.configMaps)",
            "DELETE \(Self.jobs)/demo-pre-late", "POST \(Self.jobs)",
            "PATCH \(Self.configMaps)/demo-config",
            "POST \(Self.jobs)", "DELETE \(Self.jobs)/demo-post",
        ])
        let present = cluster.server.objectPaths
        let expectedPresence: [(String, Bool)] = [
            ("\(Self.jobs)/demo-pre-early", true), ("\(Self.jobs)/demo-pre-late", true),
            ("\(Self.configMaps)/demo-pre-config", true), ("\(Self.jobs)/demo-post", false),
        ]
        for (path, expected) in expectedPresence { #expect(present.contains(path) == expected, "\(path)") }
        let hook = try #require(cluster.server.object(at: "\(Self.jobs)/demo-pre-early"))
        #expect(hook["metadata"]?["labels"]?["app.kubernetes.io/managed-by"] == nil)

        let stored = try #require(try cluster.history().last)
        let runs = stored.hooks.map { ($0.name, $0.lastRun.phase, $0.deletePolicies, $0.lastRun.completedAt != nil) }
        // Stored in install order by kind, then by template path; run order is by weight.
        #expect(runs.map(\.0) == ["demo-pre-config", "demo-post", "demo-pre-early", "demo-pre-late"])
        #expect(runs.allSatisfy { $0.1 == "Succeeded" && $0.3 })
        #expect(runs.map(\.2) == [["before-hook-creation"], ["hook-succeeded"], ["before-hook-creation"], ["before-hook-creation"]])

        let mark = cluster.server.requests.count
        _ = try cluster.context.upgrade(UpgradeOptions(name: "demo", namespace: "prod", values: .null), renderer: renderer)
        #expect(cluster.changes(from: mark) == [
            "DELETE \(Self.configMaps)/demo-pre-config", "POST \(Self.configMaps)", "PATCH \(Self.configMaps)/demo-config",
        ])
    }

    @Test func withWaitDeletedHooksAreWaitedForBeforeCreation() throws {
        let path = try Self.chart(["pre.yaml": Self.hook("Job", "pre", events: "pre-install")])
        let renderer = ChartRenderer(chart: try ChartLoader.load(path: path))
        let cases: [(wait: Double?, getsAfterDelete: Bool)] = [(nil, false), (5, true)]
        for entry in cases {
            let cluster = try Cluster(wait: entry.wait)
            defer { cluster.server.stop() }
            _ = try cluster.context.install(InstallOptions(name: "demo", namespace: "prod", values: .null), renderer: renderer)
            let requests = cluster.server.requests.map { "\($0.method) \($0.path)" }
            let delete = try #require(requests.firstIndex(of: "DELETE \(Self.jobs)/demo-pre"))
            #expect((requests[delete + 1] == "GET \(Self.jobs)/demo-pre") == entry.getsAfterDelete)
        }
    }

    @Test func chartCRDsExistBeforePreInstallHooks() throws {
        let cluster = try Cluster()
        defer { cluster.server.stop() }
        let crd = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: widgets.example.com
            spec:
              group: example.com
              scope: Namespaced
              names: {plural: widgets, kind: Widget}
              versions: [{name: v1, served: true, storage: true}]

            """
        let widget = "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: seed\n  annotations:\n    helm.sh/hook: pre-install\n"
        let path = try Self.chart(["crds/widget.yaml": crd, "seed.yaml": widget])
        let renderer = ChartRenderer(chart: try ChartLoader.load(path: path))
        _ = try cluster.context.install(InstallOptions(name: "demo", namespace: "prod", values: .null), renderer: renderer)
        #expect(cluster.changes(from: 0) == [
            "PATCH /apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com",
            "DELETE /apis/example.com/v1/namespaces/prod/widgets/seed", "POST /apis/example.com/v1/namespaces/prod/widgets",
            "PATCH \(Self.configMaps)/demo-config",
        ])
    }

    @Test func runningHookIsStoredWhileItRuns() throws {
        let cluster = try Cluster()
        defer { cluster.server.stop() }
        let store = cluster.context.store
        let seen = Mutex<[String]>([])
        cluster.server.setController { _, object in
            if object["kind"]?.stringValue == "Job", let stored = try? store.revisions(name: "demo", namespace: "prod").last {
                seen.withLock { $0.append(stored.info.status.rawValue + " " + stored.hooks.map(\.lastRun.phase).joined(separator: ",")) }
            }
            return HookTests.finished(object)
        }
        let path = try Self.chart([
            "a.yaml": Self.hook("Job", "a", events: "pre-install"),
            "b.yaml": Self.hook("Job", "b", events: "pre-install"),
        ])
        let renderer = ChartRenderer(chart: try ChartLoader.load(path: path))
        _ = try cluster.context.install(InstallOptions(name: "demo", namespace: "prod", values: .null), renderer: renderer)
        #expect(seen.withLock { $0 } == ["pending-install Running,", "pending-install Succeeded,Running"])
    }

    @Test func failingHookFailsTheRevision() throws {
        let cluster = try Cluster()
        defer { cluster.server.stop() }
        let path = try Self.chart([
            "pre.yaml": Self.hook("Job", "pre", events: "pre-install,pre-upgrade", policy: "hook-failed"),
            "post.yaml": Self.hook("Pod", "post", events: "post-install,post-upgrade"),
        ])
        let renderer = ChartRenderer(chart: try ChartLoader.load(path: path))
        // Hooks are stored in install order by kind: the Pod before the Job.
        let cases: [(outcomes: [String: String], message: String, configApplied: Bool, phases: [String], preJobLeft: Bool)] = [
            (["pre": "fail"],
             "failed pre-install: resource Job/prod/demo-pre not ready. status: Failed, message: Job Failed. failed: 1/1",
             false, ["", "Failed"], false),
            (["post": "fail"],
             "failed post-install: resource Pod/prod/demo-post not ready. status: Failed, message: pod demo-post failed",
             true, ["Failed", "Succeeded"], true),
        ]
        for (index, entry) in cases.enumerated() {
            var options = InstallOptions(name: "demo", namespace: "prod", values: Self.values(entry.outcomes))
            options.replace = index > 0
            #expect { _ = try cluster.context.install(options, renderer: renderer) } throws: { "\($0)" == entry.message }
            let last = try #require(try cluster.history().last)
            #expect(last.info.status == .failed)
            #expect(last.info.description == "Release \"demo\" failed: \(entry.message)")
            #expect(last.hooks.map(\.lastRun.phase) == entry.phases)
            #expect((cluster.server.object(at: "\(Self.configMaps)/demo-config") != nil) == entry.configApplied)
            #expect((cluster.server.object(at: "\(Self.jobs)/demo-pre") != nil) == entry.preJobLeft)
        }
    }

    @Test func timeoutNamesTheHookStillRunning() throws {
        let cluster = try Cluster(hookTimeout: 0.1)
        defer { cluster.server.stop() }
        let path = try Self.chart(["pre.yaml": Self.hook("Job", "pre", events: "pre-install")])
        let renderer = ChartRenderer(chart: try ChartLoader.load(path: path))
        #expect {
            _ = try cluster.context.install(InstallOptions(name: "demo", namespace: "prod", values: Self.values(["pre": "hang"])),
                                            renderer: renderer)
        } throws: { error in
            "\(error)" == "failed pre-install: resource Job/prod/demo-pre not ready. status: InProgress, message: Job in progress\ncontext deadline exceeded"
        }
    }

    @Test func upgradeWithRollbackOnFailureReturnsToTheDeployedRevision() throws {
        let cluster = try Cluster()
        defer { cluster.server.stop() }
        let path = try Self.chart([
            "pre.yaml": Self.hook("Job", "pre-upgrade", events: "pre-upgrade"),
            "rollback.yaml": Self.hook("ConfigMap", "rolled-back", events: "post-rollback"),
        ])
        let renderer = ChartRenderer(chart: try ChartLoader.load(path: path))
        _ = try cluster.context.install(InstallOptions(name: "demo", namespace: "prod", values: .null), renderer: renderer)
        let failure = "pre-upgrade hooks failed: resource Job/prod/demo-pre-upgrade not ready. status: Failed, message: Job Failed. failed: 1/1"

        var plain = UpgradeOptions(name: "demo", namespace: "prod", values: Self.values(["pre-upgrade": "fail"]))
        #expect { _ = try cluster.context.upgrade(plain, renderer: renderer) } throws: { "\($0)" == failure }
        #expect(try cluster.history().map(\.info.status) == [.deployed, .failed])
        #expect(try cluster.history().last?.info.description == "Upgrade \"demo\" failed: \(failure)")

        plain.rollbackOnFailure = true
        #expect { _ = try cluster.context.upgrade(plain, renderer: renderer) } throws: { error in
            "\(error)" == "release demo failed, and has been rolled back due to rollback-on-failure being set: \(failure)"
        }
        let history = try cluster.history()
        #expect(history.map(\.info.status) == [.superseded, .failed, .failed, .deployed])
        #expect(history.map(\.info.description) == [
            "Install complete", "Upgrade \"demo\" failed: \(failure)", "Upgrade \"demo\" failed: \(failure)", "Rollback to 1",
        ])
        #expect(history.last?.hooks.first { $0.name == "demo-rolled-back" }?.lastRun.phase == "Succeeded")
        #expect(cluster.server.object(at: "\(Self.configMaps)/demo-rolled-back") != nil)
        #expect(cluster.server.object(at: "\(Self.configMaps)/demo-config")?["data"]?["revision"]?.stringValue == "1")
    }

    @Test func installWithRollbackOnFailureUninstalls() throws {
        let cluster = try Cluster()
        defer { cluster.server.stop() }
        let path = try Self.chart([
            "post.yaml": Self.hook("Job", "post", events: "post-install"),
            "cleanup.yaml": Self.hook("ConfigMap", "cleanup", events: "post-delete"),
        ])
        let renderer = ChartRenderer(chart: try ChartLoader.load(path: path))
        var options = InstallOptions(name: "demo", namespace: "prod", values: Self.values(["post": "fail"]))
        options.rollbackOnFailure = true
        #expect { _ = try cluster.context.install(options, renderer: renderer) } throws: { error in
            "\(error)" == "release demo failed, and has been uninstalled due to rollback-on-failure being set: failed post-install: resource Job/prod/demo-post not ready. status: Failed, message: Job Failed. failed: 1/1"
        }
        #expect(try cluster.history().isEmpty)
        #expect(cluster.server.object(at: "\(Self.configMaps)/demo-config") == nil)
        #expect(cluster.server.object(at: "\(Self.configMaps)/demo-cleanup") != nil)
    }

    @Test func rollbackAndUninstallHookFailures() throws {
        let cluster = try Cluster()
        defer { cluster.server.stop() }
        let path = try Self.chart([
            "pre-rollback.yaml": Self.hook("Job", "pre-rollback", events: "pre-rollback"),
            "post-delete.yaml": Self.hook("Job", "post-delete", events: "post-delete"),
        ])
        let renderer = ChartRenderer(chart: try ChartLoader.load(path: path))
        let failing = Self.values(["pre-rollback": "fail", "post-delete": "fail"])
        _ = try cluster.context.install(InstallOptions(name: "demo", namespace: "prod", values: failing), renderer: renderer)
        _ = try cluster.context.upgrade(UpgradeOptions(name: "demo", namespace: "prod", values: Self.values([:])), renderer: renderer)
        let rollbackFailure = "resource Job/prod/demo-pre-rollback not ready. status: Failed, message: Job Failed. failed: 1/1"
        #expect { _ = try cluster.context.rollback(RollbackOptions(name: "demo", namespace: "prod", revision: 1)) } throws: {
            "\($0)" == rollbackFailure
        }
        #expect(try cluster.history().map(\.info.status) == [.superseded, .deployed, .failed])
        #expect(try cluster.history().last?.info.description == "Rollback \"demo\" failed: \(rollbackFailure)")
        #expect(cluster.server.object(at: "\(Self.configMaps)/demo-config")?["data"]?["revision"]?.stringValue == "2")

        var rollback = RollbackOptions(name: "demo", namespace: "prod", revision: 1)
        rollback.disableHooks = true
        _ = try cluster.context.rollback(rollback)
        #expect { try cluster.context.uninstall(UninstallOptions(name: "demo", namespace: "prod")) } throws: { error in
            "\(error)" == "uninstallation completed with 1 error(s): resource Job/prod/demo-post-delete not ready. status: Failed, message: Job Failed. failed: 1/1"
        }
        #expect(try cluster.history().isEmpty)
        #expect(cluster.server.object(at: "\(Self.configMaps)/demo-config") == nil)
    }

    @Test func noHooksRunsNone() throws {
        let cluster = try Cluster()
        defer { cluster.server.stop() }
        let path = try Self.chart([
            "pre.yaml": Self.hook("Job", "pre", events: "pre-install,pre-upgrade,pre-rollback,pre-delete"),
            "post.yaml": Self.hook("Job", "post", events: "post-install,post-upgrade,post-rollback,post-delete"),
        ])
        let renderer = ChartRenderer(chart: try ChartLoader.load(path: path))
        var install = InstallOptions(name: "demo", namespace: "prod", values: Self.values(["pre": "fail", "post": "fail"]))
        install.disableHooks = true
        _ = try cluster.context.install(install, renderer: renderer)
        var upgrade = UpgradeOptions(name: "demo", namespace: "prod", values: Self.values(["pre": "fail"]))
        upgrade.disableHooks = true
        _ = try cluster.context.upgrade(upgrade, renderer: renderer)
        var rollback = RollbackOptions(name: "demo", namespace: "prod")
        rollback.disableHooks = true
        _ = try cluster.context.rollback(rollback)
        var uninstall = UninstallOptions(name: "demo", namespace: "prod", keepHistory: true)
        uninstall.disableHooks = true
        try cluster.context.uninstall(uninstall)
        #expect(cluster.changes(from: 0).filter { $0.contains("/jobs") }.isEmpty)
        #expect(try cluster.history().flatMap(\.hooks).allSatisfy { $0.lastRun.startedAt == nil })
    }

    @Test func uninstallRunsDeleteHooksAroundTheRemoval() throws {
        let cluster = try Cluster()
        defer { cluster.server.stop() }
        let path = try Self.chart([
            "pre.yaml": Self.hook("Job", "pre-delete", events: "pre-delete", policy: "hook-succeeded"),
            "post.yaml": Self.hook("Job", "post-delete", events: "post-delete", policy: "hook-succeeded"),
        ])
        let renderer = ChartRenderer(chart: try ChartLoader.load(path: path))
        _ = try cluster.context.install(InstallOptions(name: "demo", namespace: "prod", values: .null), renderer: renderer)
        let mark = cluster.server.requests.count
        let removed = try cluster.context.uninstall(UninstallOptions(name: "demo", namespace: "prod", keepHistory: true))
        #expect(cluster.changes(from: mark) == [
            "POST \(Self.jobs)", "DELETE \(Self.jobs)/demo-pre-delete", "DELETE \(Self.configMaps)/demo-config",
            "POST \(Self.jobs)", "DELETE \(Self.jobs)/demo-post-delete",
        ])
        #expect(removed.info.status == .uninstalled)
        #expect(removed.info.description == "Uninstallation complete")
        #expect(removed.hooks.map(\.lastRun.phase) == ["Succeeded", "Succeeded"])
    }

    @Test func releaseTestsPassFailAndFilter() throws {
        let cluster = try Cluster()
        defer { cluster.server.stop() }
        let path = try Self.chart([
            "test-a.yaml": Self.hook("Pod", "test-a", events: "test", weight: 1),
            "test-b.yaml": Self.hook("Pod", "test-b", events: "test"),
            "pre.yaml": Self.hook("ConfigMap", "pre", events: "pre-install"),
        ])
        let renderer = ChartRenderer(chart: try ChartLoader.load(path: path))
        _ = try cluster.context.install(InstallOptions(name: "demo", namespace: "prod", values: .null), renderer: renderer)

        let passed = try cluster.context.test(TestOptions(name: "demo", namespace: "prod"))
        #expect(passed.failure == nil)
        #expect(passed.release.hooks.map { "\($0.name)=\($0.lastRun.phase)" } == ["demo-pre=Succeeded", "demo-test-a=Succeeded", "demo-test-b=Succeeded"])
        #expect(try cluster.history().last?.hooks.map(\.lastRun.phase) == ["Succeeded", "Succeeded", "Succeeded"])

        var filtered = TestOptions(name: "demo", namespace: "prod")
        filtered.excludeNames = ["demo-test-b"]
        let mark = cluster.server.requests.count
        let partial = try cluster.context.test(filtered)
        #expect(partial.release.hooks.map(\.name) == ["demo-test-b", "demo-pre", "demo-test-a"])
        #expect(cluster.changes(from: mark) == ["DELETE \(Self.pods)/demo-test-a", "POST \(Self.pods)"])
        let requests = cluster.server.requests.dropFirst(mark).map { "\($0.method) \($0.path)" }
        #expect(Array(requests.prefix(2)) == ["DELETE \(Self.pods)/demo-test-a", "GET \(Self.pods)/demo-test-a"],
                "test hooks wait for deletions, as Helm's status watcher does")

        _ = try cluster.context.upgrade(UpgradeOptions(name: "demo", namespace: "prod", values: Self.values(["test-b": "fail"])),
                                        renderer: renderer)
        let failed = try cluster.context.test(TestOptions(name: "demo", namespace: "prod"))
        #expect(failed.failure.map { "\($0)" } == "resource Pod/prod/demo-test-b not ready. status: Failed, message: pod demo-test-b failed")
        #expect(failed.release.hooks.map(\.lastRun.phase) == ["", "", "Failed"])
        let printed = ReleasePrinter.statusTable(failed.release, hideNotes: true)
        #expect(printed.contains("TEST SUITE:     demo-test-b\nLast Started:   "))
        #expect(printed.hasSuffix("Phase:          Failed\n"))
    }
}

extension Dictionary {
    fileprivate func mapKeys<T: Hashable>(_ transform: (Key) -> T) -> [T: Value] {
        Dictionary<T, Value>(uniqueKeysWithValues: map { (transform($0.key), $0.value) })
    }
}
