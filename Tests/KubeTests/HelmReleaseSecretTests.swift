import Foundation
import Testing
import Release
import Values

/// The `secrets` storage codec against a Secret built from the release record real Helm
/// printed (`helm-oracle template demo web --json`), and our own encode → decode.
@Suite struct HelmReleaseSecretTests {
    @Test func decodesHelmSecretFieldByField() throws {
        let secret = try JSON.decode(try Fixtures.bytes("demo-release-secret.json"))
        let expected = try JSON.decode(try Fixtures.bytes("demo-release.json"))
        let release = try HelmReleaseSecret.release(fromSecret: secret)
        let info = expected["info"]
        let chart = expected["chart"]
        let cases: [(field: String, actual: String?, expected: String?)] = [
            ("name", release.name, expected["name"]?.stringValue),
            ("namespace", release.namespace, expected["namespace"]?.stringValue),
            ("version", String(release.version), "1"),
            ("apply_method", release.applyMethod, expected["apply_method"]?.stringValue),
            ("manifest", release.manifest, expected["manifest"]?.stringValue),
            ("info.status", release.info.status.rawValue, info?["status"]?.stringValue),
            ("info.description", release.info.description, info?["description"]?.stringValue),
            ("info.notes", release.info.notes, info?["notes"]?.stringValue),
            ("info.first_deployed", release.info.firstDeployed?.rfc3339Nano(in: .utc), info?["first_deployed"]?.stringValue),
            ("info.last_deployed", release.info.lastDeployed?.rfc3339Nano(in: .utc), info?["last_deployed"]?.stringValue),
            ("chart.metadata.name", release.chart.metadata.name, chart?["metadata"]?["name"]?.stringValue),
            ("chart.metadata.version", release.chart.metadata.version, chart?["metadata"]?["version"]?.stringValue),
            ("chart.metadata.appVersion", release.chart.metadata.appVersion, chart?["metadata"]?["appVersion"]?.stringValue),
            ("chart.templates", release.chart.templates.map(\.name).joined(separator: ","),
             chart?["templates"]?.listValue?.compactMap { $0["name"]?.stringValue }.joined(separator: ",")),
            ("chart.templates[0].data", String(decoding: release.chart.templates.first?.data ?? [], as: UTF8.self),
             chart?["templates"]?.listValue?.first?["data"]?.stringValue
                .flatMap { Data(base64Encoded: $0) }.map { String(decoding: $0, as: UTF8.self) }),
            ("chart.files", release.chart.files.map(\.name).joined(separator: ","), "crds/widgets.yaml"),
            ("chart.values.message", release.chart.values["message"]?.stringValue, "hello"),
        ]
        for c in cases {
            #expect(c.actual == c.expected, "field \(c.field)")
        }
    }

    @Test func encodesSecretAsHelmDoesAndDecodesBack() throws {
        let helm = try HelmReleaseSecret.release(fromSecret: try JSON.decode(try Fixtures.bytes("demo-release-secret.json")))
        var release = helm
        release.version = 3
        release.info.status = .superseded
        let secret = try HelmReleaseSecret.secret(for: release, timestampLabels: ["modifiedAt": "1795000000"])
        let expectations: [(path: [String], expected: String)] = [
            (["metadata", "name"], "sh.helm.release.v1.demo.v3"),
            (["metadata", "namespace"], "default"),
            (["metadata", "labels", "name"], "demo"),
            (["metadata", "labels", "owner"], "helm"),
            (["metadata", "labels", "status"], "superseded"),
            (["metadata", "labels", "version"], "3"),
            (["metadata", "labels", "modifiedAt"], "1795000000"),
            (["type"], "helm.sh/release.v1"),
            (["kind"], "Secret"),
        ]
        for e in expectations {
            var node: Value? = secret
            for key in e.path { node = node?[key] }
            #expect(node?.stringValue == e.expected, "\(e.path.joined(separator: "."))")
        }
        // The stored bytes are gzip as Go writes it: magic, deflate, no mtime.
        let outer = try #require(secret["data"]?["release"]?.stringValue)
        let record = try #require(Data(base64Encoded: outer).flatMap { String(data: $0, encoding: .utf8) })
        let gzip = try #require(Data(base64Encoded: record))
        #expect(Array(gzip.prefix(4)) == [0x1F, 0x8B, 0x08, 0x00])
        let back = try HelmReleaseSecret.release(fromSecret: secret)
        #expect(back.version == 3)
        #expect(back.info.status == .superseded)
        #expect(back.manifest == helm.manifest)
        #expect(back.chart.templates.map(\.data) == helm.chart.templates.map(\.data))
        #expect(back.info.firstDeployed == helm.info.firstDeployed)
    }

    @Test func rejectsCorruptSecrets() throws {
        let cases: [(data: Value, message: String)] = [
            (Value.map([:]), "no data.release key"),
            (Value.map(["release": .string("%%%")]), "data.release is not base64"),
            (Value.map(["release": .string(Data("H4sI!!".utf8).base64EncodedString())]), "the release data is not base64"),
            (Value.map(["release": .string(Data(Data([0x1F, 0x8B, 0x08, 0, 1, 2]).base64EncodedString().utf8).base64EncodedString())]),
             "the release data is not valid gzip"),
        ]
        for c in cases {
            let secret = Value.map(["metadata": Value.map(["name": .string("sh.helm.release.v1.x.v1")]), "data": c.data])
            #expect {
                _ = try HelmReleaseSecret.release(fromSecret: secret)
            } throws: { error in
                "\(error)" == "the release store holds an unreadable record for Secret \"sh.helm.release.v1.x.v1\": \(c.message)"
            }
        }
    }
}
