import Values

/// `.Files`: the chart's non-special files (Helm's `engine.files`, a
/// `map[string][]byte` with methods Get, GetBytes, Glob, Lines, AsConfig, AsSecrets).
struct FilesObject: GoObject {
    /// Path → contents, paths relative to the chart root.
    let files: [String: [UInt8]]

    var goTypeName: String { "engine.files" }
    var goKind: String { "map" }
    var isTruthy: Bool { !files.isEmpty }

    func member(_ name: String) -> GoMember? {
        let files = self.files
        switch name {
        case "Get":
            return .method(arity: 1) { args in
                .string(files[Self.stringArg(args)].map { GoBytes.string($0) } ?? "")
            }
        case "GetBytes":
            return .method(arity: 1) { args in .bytes(files[Self.stringArg(args)] ?? []) }
        case "Glob":
            return .method(arity: 1) { args in
                let glob = try FileGlob(Self.stringArg(args))
                return .object(FilesObject(files: files.filter { glob.matches($0.key) }))
            }
        case "Lines":
            return .method(arity: 1) { args in
                // Helm returns no lines for a missing file and for an empty one (its data is nil).
                guard let data = files[Self.stringArg(args)], !data.isEmpty else { return .list([], elementType: .string) }
                var bytes = data[...]
                if bytes.last == UInt8(ascii: "\n") { bytes = bytes.dropLast() }
                return .list(bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map {
                    .string(GoBytes.string($0))
                }, elementType: .string)
            }
        case "AsConfig":
            return .method(arity: 0) { _ in
                var m: [String: Value] = [:]
                for (k, v) in files { m[baseName(k)] = .string(String(decoding: v, as: UTF8.self)) }
                return .string(Self.toYAML(.map(m)))
            }
        case "AsSecrets":
            return .method(arity: 0) { _ in
                var m: [String: Value] = [:]
                for (k, v) in files { m[baseName(k)] = .string(Base64.encode(v)) }
                return .string(Self.toYAML(.map(m)))
            }
        default:
            return nil
        }
    }

    /// Helm's `toYAML` used by AsConfig/AsSecrets (no trailing newline).
    static func toYAML(_ value: Value) -> String {
        var text = YAML.emit(value)
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    static func stringArg(_ args: [Value]) -> String {
        if case .string(let s)? = args.first { return s }
        return ""
    }

    func formatted() -> String {
        let parts = files.keys.sorted(by: goLess).map { key in
            key + ":[" + (files[key] ?? []).map { String($0) }.joined(separator: " ") + "]"
        }
        return "map[" + parts.joined(separator: " ") + "]"
    }

    /// A `map[string][]byte`: ranging yields the bytes, JSON shows them base64-encoded.
    func jsonValue() -> Value {
        .map(files.mapValues { .bytes($0) })
    }
}

/// Standard base64 with padding (Go's `base64.StdEncoding`).
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 2 < bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(alphabet[Int(n >> 6 & 63)])
            out.append(alphabet[Int(n & 63)])
            i += 3
        }
        let rest = bytes.count - i
        if rest == 1 {
            let n = UInt32(bytes[i]) << 16
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(UInt8(ascii: "="))
            out.append(UInt8(ascii: "="))
        } else if rest == 2 {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(alphabet[Int(n >> 6 & 63)])
            out.append(UInt8(ascii: "="))
        }
        return String(decoding: out, as: UTF8.self)
    }
}
