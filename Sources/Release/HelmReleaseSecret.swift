import Foundation
import Values

/// Helm's `secrets` storage format (`pkg/storage/driver/secrets.go`, `util.go`): a revision
/// lives in the Secret `sh.helm.release.v1.<name>.v<revision>` of type `helm.sh/release.v1`
/// whose `release` key holds base64(gzip(JSON of the release record)), labelled so Helm
/// and swiftchart can list a release's revisions by selector.
public enum HelmReleaseSecret {
    public static let type = "helm.sh/release.v1"
    public static let owner = "helm"

    /// `sh.helm.release.v1.<name>.v<revision>`: Helm's storage key.
    public static func secretName(release: String, revision: Int) -> String {
        "sh.helm.release.v1.\(release).v\(revision)"
    }

    /// The label selector Helm uses to find all revisions of a release.
    public static func selector(release: String) -> String { "owner=helm,name=\(release)" }

    /// Base64 of the gzipped JSON record: the string Helm stores under the `release` key.
    public static func encodeRecord(_ release: Release) throws -> String {
        let json = try ReleaseCoding.encode(release)
        return Data(try HelmReleaseGzip.compress(json)).base64EncodedString()
    }

    /// Reads the string under the `release` key; records stored uncompressed (before
    /// Helm 3 compressed them) are accepted as Helm does.
    public static func decodeRecord(_ text: String, origin: String) throws -> Release {
        guard let data = Data(base64Encoded: text) else {
            throw ReleaseError.corruptRecord(origin: origin, reason: "the release data is not base64")
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0x1F, 0x8B, 0x08]) {
            guard let inflated = HelmReleaseGzip.decompress(bytes) else {
                throw ReleaseError.corruptRecord(origin: origin, reason: "the release data is not valid gzip")
            }
            bytes = inflated
        }
        return try ReleaseCoding.decode(bytes, origin: origin)
    }

    /// The Secret object (as the API server's JSON) holding `release`. `labels` adds Helm's
    /// timestamp labels: `createdAt` on create, `modifiedAt` on update (Unix seconds).
    public static func secret(for release: Release, timestampLabels: [String: String]) throws -> Value {
        var labels = timestampLabels.mapValues { Value.string($0) }
        labels["name"] = .string(release.name)
        labels["owner"] = .string(owner)
        labels["status"] = .string(release.info.status.rawValue)
        labels["version"] = .string(String(release.version))
        let record = try encodeRecord(release)
        return Value.map([
            "apiVersion": .string("v1"),
            "kind": .string("Secret"),
            "metadata": Value.map([
                "name": .string(secretName(release: release.name, revision: release.version)),
                "namespace": .string(release.namespace),
                "labels": Value.map(labels),
            ]),
            "type": .string(type),
            // The API's JSON carries Secret data base64-encoded: the record string is encoded once more.
            "data": Value.map(["release": .string(Data(record.utf8).base64EncodedString())]),
        ])
    }

    /// The release held by a Secret object as the API server returns it.
    public static func release(fromSecret secret: Value) throws -> Release {
        let name = secret["metadata"]?["name"]?.stringValue ?? "(unnamed Secret)"
        let origin = "Secret \"\(name)\""
        guard let encoded = secret["data"]?["release"]?.stringValue else {
            throw ReleaseError.corruptRecord(origin: origin, reason: "no data.release key")
        }
        guard let outer = Data(base64Encoded: encoded), let record = String(data: outer, encoding: .utf8) else {
            throw ReleaseError.corruptRecord(origin: origin, reason: "data.release is not base64")
        }
        return try decodeRecord(record, origin: origin)
    }
}
