import Foundation
import Values

/// Brings the objects `diff` compares into one comparable form, so only what a user
/// changed shows up:
/// - fields the API server fills in are dropped (`status`, `metadata.managedFields`,
///   `resourceVersion`, `uid`, `creationTimestamp`, `generation`, `selfLink`, and the
///   `kubectl.kubernetes.io/last-applied-configuration` annotation), as are null values
///   (the server stores none);
/// - a Secret's `stringData` is folded into `data` (base64), as the server stores it;
/// - a live object is restricted to the fields the release manages: the keys its last
///   stored manifest or the new one set (lists element by element), so server defaults
///   do not show while fields removed from the chart or changed in the cluster do;
/// - Secret values are masked unless asked for (see `maskingSecrets`).
enum ResourceNormalizer {
    static let serverMetadataFields: Set<String> = [
        "managedFields", "resourceVersion", "uid", "creationTimestamp", "generation", "selfLink",
    ]
    static let serverAnnotations: Set<String> = ["kubectl.kubernetes.io/last-applied-configuration"]

    /// The object without server-populated fields and nulls, Secret `stringData` folded into `data`.
    static func normalized(_ object: Value) -> Value {
        guard var top = withoutNulls(object).mapValue else { return object }
        top["status"] = nil
        if var metadata = top["metadata"]?.mapValue {
            for field in serverMetadataFields { metadata[field] = nil }
            if var annotations = metadata["annotations"]?.mapValue,
               annotations.keys.contains(where: serverAnnotations.contains) {
                for annotation in serverAnnotations { annotations[annotation] = nil }
                metadata["annotations"] = annotations.isEmpty ? nil : Value.map(annotations)
            }
            top["metadata"] = Value.map(metadata)
        }
        if top["kind"]?.stringValue == "Secret", let stringData = top["stringData"]?.mapValue {
            var data = top["data"]?.mapValue ?? [:]
            for (key, value) in stringData {
                let text = value.stringValue ?? YAML.emit(value).trimmingCharacters(in: .newlines)
                data[key] = .string(Data(text.utf8).base64EncodedString())
            }
            top["stringData"] = nil
            top["data"] = Value.map(data)
        }
        return Value.map(top)
    }

    private static func withoutNulls(_ value: Value) -> Value {
        switch value {
        case .map(let map):
            var result: [String: Value] = [:]
            for (key, entry) in map.dictionary where !entry.isNull { result[key] = withoutNulls(entry) }
            return Value.map(result)
        case .list(let list, _):
            return .list(list.map(withoutNulls))
        default:
            return value
        }
    }

    /// Every key either object sets (lists merged element by element): the fields the release manages.
    static func shape(_ a: Value?, _ b: Value?) -> Value? {
        guard let a, !a.isNull else { return b }
        guard let b, !b.isNull else { return a }
        switch (a, b) {
        case (.map(let x), .map(let y)):
            var merged = x.dictionary
            for (key, value) in y.dictionary { merged[key] = shape(merged[key], value) }
            return Value.map(merged)
        case (.list(let x, _), .list(let y, _)):
            return .list((0..<max(x.count, y.count)).compactMap { i in
                shape(i < x.count ? x[i] : nil, i < y.count ? y[i] : nil)
            })
        default:
            return b
        }
    }

    /// `live` with only the map keys `shape` has; list elements beyond the shape's stay whole.
    static func restricted(_ live: Value, to shape: Value) -> Value {
        switch (live, shape) {
        case (.map(let object), .map(let wanted)):
            var result: [String: Value] = [:]
            for (key, value) in object.dictionary {
                guard let inner = wanted[key] else { continue }
                result[key] = restricted(value, to: inner)
            }
            return Value.map(result)
        case (.list(let items, _), .list(let wanted, _)):
            return .list(items.enumerated().map { i, item in i < wanted.count ? restricted(item, to: wanted[i]) : item })
        default:
            return live
        }
    }

    static let unchangedSecret = "*** (unchanged)"
    static let oldSecret = "*** (old value)"
    static let newSecret = "*** (new value)"
    static let maskedSecret = "***"

    /// Both sides of a Secret with each `data` value replaced by a mask that still tells
    /// whether it changed: `*** (unchanged)`, `*** (old value)`/`*** (new value)`, or `***`
    /// for a key only one side has. Other kinds are returned as they are.
    static func maskingSecrets(current: Value?, desired: Value?) -> (current: Value?, desired: Value?) {
        let isSecret = (desired ?? current)?["kind"]?.stringValue == "Secret"
        guard isSecret else { return (current, desired) }
        let currentData = current?["data"]?.mapValue ?? [:]
        let desiredData = desired?["data"]?.mapValue ?? [:]
        func mask(_ object: Value?, _ data: [String: Value], _ other: [String: Value], changedMarker: String) -> Value? {
            guard let object, var top = object.mapValue, top["data"]?.mapValue != nil else { return object }
            var masked: [String: Value] = [:]
            for (key, value) in data {
                guard let counterpart = other[key] else {
                    masked[key] = .string(maskedSecret)
                    continue
                }
                masked[key] = .string(counterpart == value ? unchangedSecret : changedMarker)
            }
            top["data"] = Value.map(masked)
            return Value.map(top)
        }
        return (mask(current, currentData, desiredData, changedMarker: oldSecret),
                mask(desired, desiredData, currentData, changedMarker: newSecret))
    }
}
