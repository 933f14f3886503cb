import Foundation
import Release
import Testing
import Values

@Suite struct PrinterTests {
    /// gosuri/uitable as Helm configures it: right-padded cells, tab separators, trailing newline.
    @Test func uitableLayout() {
        let cases: [(rows: [[String]], expected: String)] = [
            ([["REVISION", "STATUS"], ["1", "deployed"], ["10", "failed"]],
             "REVISION\tSTATUS  \n1       \tdeployed\n10      \tfailed  \n"),
            ([["NAME"]], "NAME\n"),
            ([["a", "", "ccc"], ["bb", "x", ""]], "a \t \tccc\nbb\tx\t   \n"),
        ]
        for c in cases {
            var table = UITable()
            for row in c.rows { table.addRow(row) }
            #expect(table.rendered == c.expected)
        }
    }

    /// Go's time layouts (RFC 3339 with trimmed nanoseconds, ANSIC, Time.String) in UTC.
    @Test func goTimeLayouts() throws {
        let cases: [(text: String, rfc3339Nano: String, ansic: String, goString: String)] = [
            ("2026-11-21T20:42:56.282285252Z", "2026-11-21T20:42:56.282285252Z", "Sat Nov 21 20:42:56 2026",
             "2026-11-21 20:42:56.282285252 +0000 UTC"),
            ("2024-02-05T03:04:05.5+01:00", "2024-02-05T02:04:05.5Z", "Mon Feb  5 02:04:05 2024",
             "2024-02-05 02:04:05.5 +0000 UTC"),
            ("1999-12-31T23:59:59Z", "1999-12-31T23:59:59Z", "Fri Dec 31 23:59:59 1999", "1999-12-31 23:59:59 +0000 UTC"),
        ]
        for c in cases {
            let time = try #require(GoTime.parse(rfc3339: c.text))
            #expect(time.rfc3339Nano(in: .utc) == c.rfc3339Nano)
            #expect(time.ansic(in: .utc) == c.ansic)
            #expect(time.goString(in: .utc) == c.goString)
        }
        for bad in ["", "2024-13-01T00:00:00Z", "2024-01-01 00:00:00Z", "2024-01-01T00:00:00", "2024-01-01T00:00:00.Z"] {
            #expect(GoTime.parse(rfc3339: bad) == nil, Comment(rawValue: bad))
        }
    }

    private func sample() throws -> Release {
        var info = ReleaseInfo(description: "Install complete", status: .deployed, notes: "  Visit <http://x> & enjoy\n\n")
        info.firstDeployed = GoTime.parse(rfc3339: "2026-11-21T20:42:56.282285252Z")
        info.lastDeployed = info.firstDeployed
        return Release(name: "web", info: info,
                       chart: ChartSnapshot(metadata: ChartMetadata(name: "demo", version: "0.1.0", appVersion: "1.16.0"),
                                            values: .map(["tag": .string("stable")])),
                       config: .map(["tag": .string("prod"), "replicas": .float(2)]), manifest: "---\nkind: A\n",
                       hooks: [], version: 1, namespace: "default", applyMethod: "csa")
    }

    @Test func statusTableAndJSON() throws {
        let release = try sample()
        let deployed = try #require(release.info.lastDeployed)
        #expect(ReleasePrinter.statusTable(release) == """
            NAME: web
            LAST DEPLOYED: \(deployed.ansic)
            NAMESPACE: default
            STATUS: deployed
            REVISION: 1
            DESCRIPTION: Install complete
            TEST SUITE: None
            NOTES:
            Visit <http://x> & enjoy

            """)
        #expect(ReleasePrinter.statusJSON(release) == #"{"name":"web","info":{"first_deployed":""# + deployed.rfc3339Nano + #"","last_deployed":""# + deployed.rfc3339Nano + #"","description":"Install complete","status":"deployed","notes":"  Visit \u003chttp://x\u003e \u0026 enjoy\n\n"},"config":{"replicas":2,"tag":"prod"},"manifest":"---\nkind: A\n","version":1,"namespace":"default","apply_method":"csa"}"# + "\n")
    }

    /// The stored record uses Helm's json tags and round-trips.
    @Test func recordRoundTripsWithHelmFieldNames() throws {
        let release = try sample()
        let bytes = try ReleaseCoding.encode(release)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(object.keys.sorted() == ["apply_method", "chart", "config", "info", "manifest", "name", "namespace", "version"])
        let info = try #require(object["info"] as? [String: Any])
        #expect(info.keys.sorted() == ["description", "first_deployed", "last_deployed", "notes", "status"])
        let chart = try #require(object["chart"] as? [String: Any])
        #expect(chart.keys.sorted() == ["files", "lock", "metadata", "schema", "templates", "values"])
        let decoded = try ReleaseCoding.decode(bytes, origin: "test")
        #expect(try ReleaseCoding.encode(decoded) == bytes)
        #expect(decoded.info.lastDeployed == release.info.lastDeployed)
        #expect(decoded.config["replicas"]?.goTypeName == "float64")
    }

    @Test func folderDeliveryMirrorsTheRevision() throws {
        let directory = temporaryDirectory() + "/out"
        let delivery = FolderDelivery(directory: directory)
        var release = try sample()
        release.manifest = """
            ---
            # Source: demo/templates/cm.yaml
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: web-config
              labels:
                name: not-this
            ---
            # Source: demo/templates/svc.yaml
            apiVersion: v1
            kind: Service
            metadata:
              namespace: prod
              name: "web"

            """
        try delivery.deliver(release, replacing: nil)
        try Data("mine\n".utf8).write(to: URL(fileURLWithPath: directory + "/README.md"))
        let listing = { try FileManager.default.contentsOfDirectory(atPath: directory).sorted() }
        #expect(try listing() == [".swiftchart-manifest", "README.md", "configmap-web-config.yaml", "prod-service-web.yaml"])
        #expect(try String(contentsOfFile: directory + "/prod-service-web.yaml", encoding: .utf8)
                == "# Source: demo/templates/svc.yaml\napiVersion: v1\nkind: Service\nmetadata:\n  namespace: prod\n  name: \"web\"\n")

        var next = release
        next.manifest = "---\n# Source: demo/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-config\n"
        try delivery.deliver(next, replacing: release)
        #expect(try listing() == [".swiftchart-manifest", "README.md", "configmap-web-config.yaml"])
        try delivery.remove(next)
        #expect(try listing() == [".swiftchart-manifest", "README.md"])
    }
}
