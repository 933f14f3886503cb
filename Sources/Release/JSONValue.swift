import Foundation
import Values

/// Carries a `Value` through `Codable` the way Go's `encoding/json` moves Helm's
/// `map[string]interface{}` in and out of a release record: numbers decode as
/// float64, `[]byte` encodes as base64, Go objects as their JSON view.
public struct JSONValue: Codable, Sendable {
    public var value: Value

    public init(_ value: Value) { self.value = value }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            value = .null
        } else if let b = try? container.decode(Bool.self) {
            value = .bool(b)
        } else if let d = try? container.decode(Double.self) {
            value = .float(d)
        } else if let s = try? container.decode(String.self) {
            value = .string(s)
        } else if let l = try? container.decode([JSONValue].self) {
            value = .list(l.map(\.value))
        } else if let m = try? container.decode([String: JSONValue].self) {
            value = .map(m.mapValues(\.value))
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unsupported JSON value")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch value {
        case .null: try container.encodeNil()
        case .bool(let b): try container.encode(b)
        case .int(let i): try container.encode(i)
        case .int64(let i): try container.encode(i)
        case .float(let d):
            if d == d.rounded(), abs(d) < 1e15 {
                try container.encode(Int64(d))
            } else {
                try container.encode(d)
            }
        case .string(let s): try container.encode(s)
        case .bytes(let bytes): try container.encode(Data(bytes).base64EncodedString())
        case .list(let l, _): try container.encode(l.map(JSONValue.init))
        case .map(let m): try container.encode(m.dictionary.mapValues(JSONValue.init))
        case .object(let o): try container.encode(JSONValue(o.jsonValue()))
        }
    }
}

extension Value {
    /// A map value's entries, or nil: how Helm's record reads an optional `map[string]interface{}`.
    var nonEmptyMap: [String: Value]? {
        if case .map(let m) = self, !m.isEmpty { return m.dictionary }
        return nil
    }
}
