import Values

/// Helm's printed forms of releases (`pkg/cmd/status.go`, `history.go`, `list.go`,
/// `get_*.go`), so scripts written against Helm read swiftchart's output unchanged.
public enum ReleasePrinter {
    /// The status block `install`, `upgrade`, `status` and `get all` print.
    /// `debugValues` (user-supplied and computed values as YAML) is Helm's debug form,
    /// which also shows hooks and manifest, as a dry run does.
    public static func statusTable(_ release: Release, hideNotes: Bool = false,
                                   debugValues: (user: String, computed: String)? = nil) -> String {
        var out = "NAME: \(release.name)\n"
        if let deployed = release.info.lastDeployed { out += "LAST DEPLOYED: \(deployed.ansic)\n" }
        out += "NAMESPACE: \(release.namespace)\n"
        out += "STATUS: \(release.info.status.rawValue)\n"
        out += "REVISION: \(release.version)\n"
        out += "DESCRIPTION: \(release.info.description)\n"
        let tests = release.hooks.filter { $0.events.contains("test") }
        if tests.isEmpty {
            out += "TEST SUITE: None\n"
        } else {
            for hook in tests {
                guard let started = hook.lastRun.startedAt else { continue }
                out += "TEST SUITE:     \(hook.name)\nLast Started:   \(started.ansic)\n"
                out += "Last Completed: \(hook.lastRun.completedAt?.ansic ?? "")\nPhase:          \(hook.lastRun.phase)\n"
            }
        }
        if let debugValues {
            out += "USER-SUPPLIED VALUES:\n" + debugValues.user + "\n"
            out += "COMPUTED VALUES:\n" + debugValues.computed + "\n"
        }
        if debugValues != nil || release.info.description.lowercased() == "dry run complete" {
            out += "HOOKS:\n"
            for hook in release.hooks { out += "---\n# Source: \(hook.path)\n\(hook.manifest)\n" }
            out += "MANIFEST:\n\(release.manifest)\n"
        }
        if !hideNotes, !release.info.notes.isEmpty {
            out += "NOTES:\n\(release.info.notes.trimmingWhitespace())\n"
        }
        return out
    }

    /// `status -o json`: the release record without its chart, as Helm strips it.
    public static func statusJSON(_ release: Release) -> String {
        releaseJSON(release).encodedLine
    }

    static func releaseJSON(_ release: Release) -> GoJSON {
        var info: [(String, GoJSON)] = []
        if let t = release.info.firstDeployed { info.append(("first_deployed", .string(t.rfc3339Nano))) }
        if let t = release.info.lastDeployed { info.append(("last_deployed", .string(t.rfc3339Nano))) }
        if let t = release.info.deleted { info.append(("deleted", .string(t.rfc3339Nano))) }
        if !release.info.description.isEmpty { info.append(("description", .string(release.info.description))) }
        info.append(("status", .string(release.info.status.rawValue)))
        if !release.info.notes.isEmpty { info.append(("notes", .string(release.info.notes))) }
        var fields: [(String, GoJSON)] = [("name", .string(release.name)), ("info", .object(info))]
        if let config = release.config.nonEmptyMap { fields.append(("config", goJSON(.map(config)))) }
        if !release.manifest.isEmpty { fields.append(("manifest", .string(release.manifest))) }
        if !release.hooks.isEmpty { fields.append(("hooks", .array(release.hooks.map(hookJSON)))) }
        if release.version != 0 { fields.append(("version", .int(release.version))) }
        if !release.namespace.isEmpty { fields.append(("namespace", .string(release.namespace))) }
        if !release.applyMethod.isEmpty { fields.append(("apply_method", .string(release.applyMethod))) }
        return .object(fields)
    }

    static func hookJSON(_ hook: ReleaseHook) -> GoJSON {
        var fields: [(String, GoJSON)] = []
        if !hook.name.isEmpty { fields.append(("name", .string(hook.name))) }
        if !hook.kind.isEmpty { fields.append(("kind", .string(hook.kind))) }
        if !hook.path.isEmpty { fields.append(("path", .string(hook.path))) }
        if !hook.manifest.isEmpty { fields.append(("manifest", .string(hook.manifest))) }
        if !hook.events.isEmpty { fields.append(("events", .array(hook.events.map(GoJSON.string)))) }
        var run: [(String, GoJSON)] = []
        if let t = hook.lastRun.startedAt { run.append(("started_at", .string(t.rfc3339Nano))) }
        if let t = hook.lastRun.completedAt { run.append(("completed_at", .string(t.rfc3339Nano))) }
        run.append(("phase", .string(hook.lastRun.phase)))
        fields.append(("last_run", .object(run)))
        if hook.weight != 0 { fields.append(("weight", .int(hook.weight))) }
        if !hook.deletePolicies.isEmpty { fields.append(("delete_policies", .array(hook.deletePolicies.map(GoJSON.string)))) }
        if !hook.outputLogPolicies.isEmpty {
            fields.append(("output_log_policies", .array(hook.outputLogPolicies.map(GoJSON.string))))
        }
        return .object(fields)
    }

    /// A `Value` as `encoding/json` writes `map[string]interface{}` (keys sorted).
    public static func goJSON(_ value: Value) -> GoJSON {
        switch value {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .int64(let i): return .int(Int(i))
        case .float(let d): return .double(d)
        case .string(let s): return .string(s)
        case .bytes(let b): return .string(base64(b))
        case .list(let l, _): return .array(l.map(goJSON))
        case .map(let m): return .object(m.sortedKeys.map { ($0, goJSON(m[$0] ?? .null)) })
        case .object(let o): return goJSON(o.jsonValue())
        }
    }

    private static func base64(_ bytes: [UInt8]) -> String {
        let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            let b0 = bytes[i], b1 = i + 1 < bytes.count ? bytes[i + 1] : 0, b2 = i + 2 < bytes.count ? bytes[i + 2] : 0
            out.append(table[Int(b0 >> 2)])
            out.append(table[Int((b0 & 3) << 4 | b1 >> 4)])
            out.append(i + 1 < bytes.count ? table[Int((b1 & 15) << 2 | b2 >> 6)] : UInt8(ascii: "="))
            out.append(i + 2 < bytes.count ? table[Int(b2 & 63)] : UInt8(ascii: "="))
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: history

    private static func historyRow(_ r: Release) -> (updated: GoTime?, fields: [(String, GoJSON)]) {
        (r.info.lastDeployed, [
            ("revision", .int(r.version)),
            ("updated", .string((r.info.lastDeployed ?? GoTime(seconds: -62135596800)).rfc3339Nano)),
            ("status", .string(r.info.status.rawValue)),
            ("chart", .string(r.chartLabel)),
            ("app_version", .string(r.chart.metadata.appVersion ?? "")),
            ("description", .string(r.info.description)),
        ])
    }

    public static func historyTable(_ revisions: [Release]) -> String {
        var table = UITable()
        table.addRow("REVISION", "UPDATED", "STATUS", "CHART", "APP VERSION", "DESCRIPTION")
        for r in revisions {
            table.addRow(String(r.version), (r.info.lastDeployed ?? GoTime(seconds: -62135596800)).ansic,
                         r.info.status.rawValue, r.chartLabel, r.chart.metadata.appVersion ?? "", r.info.description)
        }
        return table.rendered
    }

    public static func historyJSON(_ revisions: [Release]) -> String {
        GoJSON.array(revisions.map { .object(historyRow($0).fields) }).encodedLine
    }

    // MARK: list

    public static func listTable(_ releases: [Release], noHeaders: Bool = false, short: Bool = false) -> String {
        if short { return releases.map { $0.name + "\n" }.joined() }
        var table = UITable()
        if !noHeaders { table.addRow("NAME", "NAMESPACE", "REVISION", "UPDATED", "STATUS", "CHART", "APP VERSION") }
        for r in releases {
            table.addRow(r.name, r.namespace, String(r.version), r.info.lastDeployed?.goString ?? "-",
                         r.info.status.rawValue, r.chartLabel, r.chart.metadata.appVersion ?? "")
        }
        return table.rendered
    }

    public static func listJSON(_ releases: [Release]) -> String {
        GoJSON.array(releases.map { r in
            .object([
                ("name", .string(r.name)),
                ("namespace", .string(r.namespace)),
                ("revision", .string(String(r.version))),
                ("updated", .string(r.info.lastDeployed?.goString ?? "-")),
                ("status", .string(r.info.status.rawValue)),
                ("chart", .string(r.chartLabel)),
                ("app_version", .string(r.chart.metadata.appVersion ?? "")),
            ])
        }).encodedLine
    }

    // MARK: get

    /// `get manifest`: the manifest and a newline (Go's `Fprintln`).
    public static func manifest(_ release: Release) -> String { release.manifest + "\n" }

    /// `get notes`.
    public static func notes(_ release: Release) -> String {
        release.info.notes.isEmpty ? "" : "NOTES:\n\(release.info.notes)\n"
    }

    /// `get hooks`.
    public static func hooks(_ release: Release) -> String {
        release.hooks.map { "---\n# Source: \($0.path)\n\($0.manifest)\n" }.joined()
    }

    private static func labelSet(_ map: [String: String]?) -> String {
        (map ?? [:]).keys.sorted().map { "\($0)=\(map?[$0] ?? "")" }.joined(separator: ",")
    }

    private static func dependencyNames(_ release: Release) -> String {
        (release.chart.metadata.dependencies ?? []).map(\.name).sorted().joined(separator: ",")
    }

    /// `get metadata` as a table.
    public static func metadataTable(_ r: Release) -> String {
        var out = "NAME: \(r.name)\nCHART: \(r.chart.metadata.name)\nVERSION: \(r.chart.metadata.version)\n"
        out += "APP_VERSION: \(r.chart.metadata.appVersion ?? "")\n"
        out += "ANNOTATIONS: \(labelSet(r.chart.metadata.annotations))\nLABELS: \nDEPENDENCIES: \(dependencyNames(r))\n"
        out += "NAMESPACE: \(r.namespace)\nREVISION: \(r.version)\nSTATUS: \(r.info.status.rawValue)\n"
        out += "DEPLOYED_AT: \(r.info.lastDeployed?.rfc3339 ?? "")\n"
        return out
    }

    /// `get metadata -o json`.
    public static func metadataJSON(_ r: Release) -> String {
        var fields: [(String, GoJSON)] = [
            ("name", .string(r.name)), ("chart", .string(r.chart.metadata.name)),
            ("version", .string(r.chart.metadata.version)), ("appVersion", .string(r.chart.metadata.appVersion ?? "")),
        ]
        if let a = r.chart.metadata.annotations, !a.isEmpty {
            fields.append(("annotations", .object(a.keys.sorted().map { ($0, .string(a[$0] ?? "")) })))
        }
        if let deps = r.chart.metadata.dependencies, !deps.isEmpty {
            fields.append(("dependencies", .array(deps.map { d in
                var f: [(String, GoJSON)] = [("name", .string(d.name))]
                if let v = d.version { f.append(("version", .string(v))) }
                if let v = d.repository { f.append(("repository", .string(v))) }
                if let v = d.condition { f.append(("condition", .string(v))) }
                if let v = d.alias { f.append(("alias", .string(v))) }
                return .object(f)
            })))
        }
        fields += [("namespace", .string(r.namespace)), ("revision", .int(r.version)),
                   ("status", .string(r.info.status.rawValue)), ("deployedAt", .string(r.info.lastDeployed?.rfc3339 ?? ""))]
        return GoJSON.object(fields).encodedLine
    }
}

extension String {
    /// Go's `strings.TrimSpace` for ASCII whitespace.
    func trimmingWhitespace() -> String {
        let bytes = Array(utf8)
        func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 || b == 11 || b == 12 }
        var start = 0, end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
