import Foundation

/// Encodes and decodes release records as Helm's JSON (sorted keys, as Go's
/// `encoding/json` writes maps; struct fields follow Helm's json tags).
public enum ReleaseCoding {
    public static func encode(_ release: Release) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return [UInt8](try encoder.encode(release))
    }

    /// Decodes one stored revision; `origin` names it in the error (e.g. `release "web" revision 3`).
    public static func decode(_ bytes: [UInt8], origin: String) throws -> Release {
        do {
            return try JSONDecoder().decode(Release.self, from: Data(bytes))
        } catch {
            throw ReleaseError.corruptRecord(origin: origin, reason: describe(error))
        }
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context):
            return context.debugDescription + path(context.codingPath)
        case DecodingError.keyNotFound(let key, let context):
            return "missing field \"\(key.stringValue)\"" + path(context.codingPath)
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return context.debugDescription + path(context.codingPath)
        default:
            return String(describing: error)
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.isEmpty ? "" : " at " + keys.map(\.stringValue).joined(separator: ".")
    }
}
