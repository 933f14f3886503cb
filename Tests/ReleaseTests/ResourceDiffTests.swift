import Kube
import Release
import Testing
import Values

/// Resource-level diffs as `DiffPrinter` prints them (no colour). The YAML of each side is
/// Helm's `toYaml` of the normalised object (helm-oracle `--notes` with `toYaml`, Helm v4.3.0);
/// the hunks are GNU diffutils 3.8 `diff -U3` of those texts.
struct ResourceDiffTests {
    static let configMap = "---\n# Source: demo/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-config\ndata:\n  tag: \"prod\"\n  mode: fast\n"
    static let configMapV2 = "---\n# Source: demo/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-config\ndata:\n  tag: \"v2\"\n  mode: fast\n"
    static let otherConfigMap = "---\n# Source: demo/templates/old.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: old\n  namespace: other\ndata:\n  a: \"1\"\n"
    static let service = "---\n# Source: demo/templates/svc.yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n      targetPort: 8080\n"
    static let pdbBeta = "---\napiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  minAvailable: 1\n"
    static let pdb = "---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  minAvailable: 1\n"
    static let secret = "---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\ntype: Opaque\ndata:\n  a: YQ==\n  b: Yg==\n  gone: eA==\n"
    static let secretV2 = "---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\ntype: Opaque\nstringData:\n  a: a\ndata:\n  b: Yw==\n  new: bg==\n"

    static let cases: [(name: String, current: String, desired: String, showSecrets: Bool, expected: String)] = [
        ("a changed value", configMap, configMapV2, false,
         "default, web-config, ConfigMap (v1) has changed:\n"
            + "@@ -1,7 +1,7 @@\n apiVersion: v1\n data:\n   mode: fast\n-  tag: prod\n+  tag: v2\n kind: ConfigMap\n metadata:\n   name: web-config\n"
            + "1 changed, 0 added, 0 removed\n"),
        ("identical revisions", configMap + pdb, configMap + pdb, false, "No changes.\n"),
        ("install order, within a kind the new revision's resources first; unchanged omitted", configMap + service + otherConfigMap, configMap + service.replacingOccurrences(of: "name: web", with: "name: web2"), false,
         "other, old, ConfigMap (v1) has been removed:\n"
            + "@@ -1,7 +0,0 @@\n-apiVersion: v1\n-data:\n-  a: \"1\"\n-kind: ConfigMap\n-metadata:\n-  name: old\n-  namespace: other\n"
            + "default, web2, Service (v1) has been added:\n"
            + "@@ -0,0 +1,10 @@\n+apiVersion: v1\n+kind: Service\n+metadata:\n+  name: web2\n+spec:\n+  ports:\n+  - port: 80\n+    targetPort: 8080\n+  selector:\n+    app: web\n"
            + "default, web, Service (v1) has been removed:\n"
            + "@@ -1,10 +0,0 @@\n-apiVersion: v1\n-kind: Service\n-metadata:\n-  name: web\n-spec:\n-  ports:\n-  - port: 80\n-    targetPort: 8080\n-  selector:\n-    app: web\n"
            + "0 changed, 1 added, 2 removed\n"),
        ("an apiVersion bump within a group is a change", pdbBeta, pdb, false,
         "default, web, PodDisruptionBudget (policy/v1) has changed:\n"
            + "@@ -1,4 +1,4 @@\n-apiVersion: policy/v1beta1\n+apiVersion: policy/v1\n kind: PodDisruptionBudget\n metadata:\n   name: web\n"
            + "1 changed, 0 added, 0 removed\n"),
        ("secret values masked, stringData folded into data", secret, secretV2, false,
         "default, creds, Secret (v1) has changed:\n"
            + "@@ -1,8 +1,8 @@\n apiVersion: v1\n data:\n   a: '*** (unchanged)'\n-  b: '*** (old value)'\n-  gone: '***'\n+  b: '*** (new value)'\n+  new: '***'\n kind: Secret\n metadata:\n   name: creds\n"
            + "1 changed, 0 added, 0 removed\n"),
        ("secret values shown", secret, secretV2, true,
         "default, creds, Secret (v1) has changed:\n"
            + "@@ -1,8 +1,8 @@\n apiVersion: v1\n data:\n   a: YQ==\n-  b: Yg==\n-  gone: eA==\n+  b: Yw==\n+  new: bg==\n kind: Secret\n metadata:\n   name: creds\n"
            + "1 changed, 0 added, 0 removed\n"),
        ("only a masked secret value changed", secret, secret.replacingOccurrences(of: "gone: eA==", with: "gone: eQ=="), false,
         "default, creds, Secret (v1) has changed:\n"
            + "@@ -2,7 +2,7 @@\n data:\n   a: '*** (unchanged)'\n   b: '*** (unchanged)'\n-  gone: '*** (old value)'\n+  gone: '*** (new value)'\n kind: Secret\n metadata:\n   name: creds\n"
            + "1 changed, 0 added, 0 removed\n"),
    ]

    @Test(arguments: cases.indices)
    func storedRevisions(index: Int) throws {
        let c = Self.cases[index]
        let differences = try ResourceDiff.compare(
            current: try ResourceDiff.resources(manifest: c.current, namespace: "default"),
            desired: try ResourceDiff.resources(manifest: c.desired, namespace: "default"),
            showSecrets: c.showSecrets)
        #expect(DiffPrinter().render(differences) == c.expected, "\(c.name)")
    }

    static let deployment = """
        ---
        # Source: demo/templates/deploy.yaml
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels:
            app: web
        spec:
          replicas: 3
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
                - name: web
                  image: "nginx:1.25"

        """
    static let extraConfigMap = "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-extra\ndata:\n  k: v\n"

    /// A live Deployment as an API server returns it: server fields, defaults, Helm's stamps.
    static func liveDeployment(replicas: Double) -> Value {
        let json = """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"default",
             "uid":"0b7c","resourceVersion":"812","generation":2,"creationTimestamp":"2025-01-01T00:00:00Z",
             "labels":{"app":"web","app.kubernetes.io/managed-by":"Helm"},
             "annotations":{"meta.helm.sh/release-name":"web","meta.helm.sh/release-namespace":"default",
               "deployment.kubernetes.io/revision":"1"},
             "managedFields":[{"manager":"swiftchart","operation":"Apply"}]},
             "spec":{"replicas":\(replicas),"revisionHistoryLimit":10,"selector":{"matchLabels":{"app":"web"}},
               "template":{"metadata":{"labels":{"app":"web"}},"spec":{"dnsPolicy":"ClusterFirst",
                 "containers":[{"name":"web","image":"nginx:1.25","imagePullPolicy":"IfNotPresent",
                   "terminationMessagePath":"/dev/termination-log"}]}}},
             "status":{"replicas":3,"readyReplicas":3}}
            """
        return (try? JSON.decode(Array(json.utf8))) ?? .null
    }

    static let liveExtra: Value = .map([
        "apiVersion": .string("v1"), "kind": .string("ConfigMap"),
        "metadata": .map(["name": .string("web-extra"), "namespace": .string("default"), "uid": .string("77"),
                          "annotations": .map(["kubectl.kubernetes.io/last-applied-configuration": .string("{}")])]),
        "data": .map(["k": .string("v")]),
    ])

    static let liveCases: [(name: String, current: String, desired: String, live: [String: Value], expected: String)] = [
        ("live object matching the chart: server fields and defaults ignored", deployment, deployment,
         ["web": liveDeployment(replicas: 3)], "No changes.\n"),
        ("drift in a managed field", deployment, deployment, ["web": liveDeployment(replicas: 5)],
         "default, web, Deployment (apps/v1) has changed:\n"
            + "@@ -5,7 +5,7 @@\n     app: web\n   name: web\n spec:\n-  replicas: 5\n+  replicas: 3\n   selector:\n     matchLabels:\n       app: web\n"
            + "1 changed, 0 added, 0 removed\n"),
        ("missing from the cluster: added", deployment, deployment, [:],
         "default, web, Deployment (apps/v1) has been added:\n"
            + "@@ -0,0 +1,19 @@\n+apiVersion: apps/v1\n+kind: Deployment\n+metadata:\n+  labels:\n+    app: web\n+  name: web\n+spec:\n+  replicas: 3\n+  selector:\n+    matchLabels:\n+      app: web\n+  template:\n+    metadata:\n+      labels:\n+        app: web\n+    spec:\n+      containers:\n+      - image: nginx:1.25\n+        name: web\n"
            + "0 changed, 1 added, 0 removed\n"),
        ("dropped from the chart, still live: removed", deployment + extraConfigMap, deployment,
         ["web": liveDeployment(replicas: 3), "web-extra": liveExtra],
         "default, web-extra, ConfigMap (v1) has been removed:\n"
            + "@@ -1,6 +0,0 @@\n-apiVersion: v1\n-data:\n-  k: v\n-kind: ConfigMap\n-metadata:\n-  name: web-extra\n"
            + "0 changed, 0 added, 1 removed\n"),
        ("dropped from the chart and already gone: nothing to remove", deployment + extraConfigMap, deployment,
         ["web": liveDeployment(replicas: 3)], "No changes.\n"),
    ]

    @Test(arguments: liveCases.indices)
    func liveObjects(index: Int) throws {
        let c = Self.liveCases[index]
        var requested: [ResourceReference] = []
        let differences = try ResourceDiff.compare(
            current: try ResourceDiff.resources(manifest: c.current, namespace: "default"),
            desired: try ResourceDiff.resources(manifest: c.desired, namespace: "default"),
            live: { reference in
                requested.append(reference)
                return c.live[reference.name]
            })
        #expect(DiffPrinter().render(differences) == c.expected, "\(c.name)")
        #expect(requested.allSatisfy { $0.namespace == "default" })
    }

    @Test func colorsWrapHeadersHunksAndLines() throws {
        let differences = try ResourceDiff.compare(
            current: try ResourceDiff.resources(manifest: Self.configMap, namespace: "default"),
            desired: try ResourceDiff.resources(manifest: Self.configMapV2, namespace: "default"))
        let output = DiffPrinter(context: 0, color: true).render(differences)
        #expect(output == "\u{1B}[33mdefault, web-config, ConfigMap (v1) has changed:\u{1B}[0m\n"
            + "\u{1B}[36m@@ -4 +4 @@\u{1B}[0m\n\u{1B}[31m-  tag: prod\u{1B}[0m\n\u{1B}[32m+  tag: v2\u{1B}[0m\n"
            + "1 changed, 0 added, 0 removed\n")
    }

    static func hookRelease(image: String) -> Release {
        let hook = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\n  annotations:\n    \"helm.sh/hook\": pre-upgrade\nspec:\n  template:\n    spec:\n      containers:\n        - name: m\n          image: \(image)\n"
        return Release(name: "web", info: ReleaseInfo(status: .deployed), chart: ChartSnapshot(), config: .null,
                       manifest: configMap, hooks: [ReleaseHook(name: "migrate", kind: "Job", path: "demo/templates/job.yaml",
                                                                manifest: hook, events: ["pre-upgrade"])],
                       version: 1, namespace: "default")
    }

    static let hookCases: [(includeHooks: Bool, expected: String)] = [
        (false, "No changes.\n"),
        (true, "default, migrate, Job (batch/v1) has changed:\n"
            + "@@ -8,5 +8,5 @@\n   template:\n     spec:\n       containers:\n-      - image: app:1\n+      - image: app:2\n         name: m\n"
            + "1 changed, 0 added, 0 removed\n"),
    ]

    @Test(arguments: hookCases.indices)
    func hooksOnlyWhenIncluded(index: Int) throws {
        let c = Self.hookCases[index]
        var live: [ResourceReference] = []
        let differences = try ResourceDiff.compare(
            current: try ResourceDiff.resources(of: Self.hookRelease(image: "app:1"), includeHooks: c.includeHooks),
            desired: try ResourceDiff.resources(of: Self.hookRelease(image: "app:2"), includeHooks: c.includeHooks),
            live: { reference in
                live.append(reference)
                return reference.kind == "ConfigMap"
                    ? try ResourceDiff.resources(manifest: Self.configMap, namespace: "default").first?.object : nil
            })
        #expect(DiffPrinter().render(differences) == c.expected)
        #expect(live.map(\.kind) == ["ConfigMap"], "hooks are never read from the cluster")
    }

    static let invalidManifests: [(manifest: String, message: String)] = [
        ("---\n# Source: demo/templates/bad.yaml\nkind: ConfigMap\nmetadata:\n  name: x\n",
         "cannot compare x (demo/templates/bad.yaml): apiVersion not set"),
        ("---\n# Source: demo/templates/list.yaml\n- a\n- b\n",
         "cannot compare (unnamed) (demo/templates/list.yaml): a manifest document is not a mapping"),
    ]

    @Test(arguments: invalidManifests.indices)
    func invalidManifestsAreClearErrors(index: Int) {
        let c = Self.invalidManifests[index]
        #expect(throws: DiffError.self) { try ResourceDiff.resources(manifest: c.manifest, namespace: "default") }
        do {
            _ = try ResourceDiff.resources(manifest: c.manifest, namespace: "default")
        } catch {
            #expect("\(error)" == c.message)
        }
    }
}
