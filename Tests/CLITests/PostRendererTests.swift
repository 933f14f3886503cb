import Foundation
import Testing

/// `template --post-renderer`: the manifests (not the hooks) go through the
/// executable. Expected output: `helm template h --set a=1` from helm-oracle,
/// with the post-renderer's edit applied to the manifest part, which is what
/// Helm's exec post-renderer does with it.
@Suite struct PostRendererTests {
    static let chart: [String: String] = [
        "h/templates/hook.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: hook-x\n  annotations:\n    \"helm.sh/hook\": pre-install\n",
        "rename.sh": "#!/bin/sh\nsed \"s/kind: ConfigMap/kind: $1/\"\n",
        "fail.sh": "#!/bin/sh\ncat >/dev/null\necho boom >&2\nexit 3\n",
        "empty.sh": "#!/bin/sh\ncat >/dev/null\n",
    ]

    static let expected = """
        ---
        # Source: h/templates/cm.yaml
        apiVersion: v1
        kind: Secret
        metadata:
          name: x
        data:
          a: "1"
        ---
        # Source: h/templates/hook.yaml
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: hook-x
          annotations:
            "helm.sh/hook": pre-install


        """

    /// (post-renderer script, its arguments, expected stdout or nil, phrases stderr must contain).
    static let cases: [(String, [String], String?, [String])] = [
        ("./rename.sh", ["Secret"], expected, []),
        ("./fail.sh", [], nil, ["Error: error while running post render on files: error while running command", "boom", "exit status 3"]),
        ("./empty.sh", [], nil, ["produced empty output"]),
        ("./absent.sh", [], nil, ["unable to find binary at ./absent.sh"]),
    ]

    @Test(arguments: cases.indices) func postRenders(_ index: Int) throws {
        guard CLIErrorTests.binary != nil else { return }
        let (script, args, stdout, phrases) = Self.cases[index]
        let dir = try CLIErrorTests.makeChart(Self.chart)
        for name in ["rename.sh", "fail.sh", "empty.sh"] {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir + "/" + name)
        }
        var arguments = ["template", "h", "--set", "a=1", "--post-renderer", script]
        for a in args { arguments += ["--post-renderer-args", a] }
        let run = try CLIErrorTests.run(arguments, in: dir)
        if let stdout {
            #expect(run.status == 0)
            #expect(run.stdout == stdout)
        } else {
            #expect(run.status == 1)
            for p in phrases { #expect(run.stderr.contains(p), "\(run.stderr)") }
        }
    }
}
