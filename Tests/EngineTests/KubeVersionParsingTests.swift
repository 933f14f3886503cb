import Testing
@testable import Engine

/// `--kube-version` as Helm v4 reads it (Kubernetes' generic version syntax): the text is kept
/// as given with a `v` prefixed, Major/Minor are its first two numbers, and bad input fails with
/// the Kubernetes parser's message. Expected values recorded with ../shared/helm-oracle
/// (`.Capabilities.KubeVersion.Version|Major|Minor`, or the text after `invalid kube version '…': `).
@Suite struct KubeVersionParsingTests {
    static let parsed: [(String, String, String, String)] = [
        ("1.32", "v1.32", "1", "32"),
        ("v1.30.4-gke.1", "v1.30.4-gke.1", "1", "30"),
        ("1.29.3.1", "v1.29.3.1", "1", "29"),
        (" 1.28", "v 1.28", "1", "28"),
        ("1.27.x", "v1.27.x", "1", "27"),
        ("v2.0+meta", "v2.0+meta", "2", "0"),
        ("1.2.3abc", "v1.2.3abc", "1", "2"),
        ("1.02.03", "v1.02.03", "1", "2"),
        ("v1.31.0", "v1.31.0", "1", "31"),
        ("99999999999999999999.1", "v99999999999999999999.1", "99999999999999999999", "1"),
    ]

    static let failures: [(String, String)] = [
        ("1", "illegal version string \"1\""),
        ("v1", "illegal version string \"v1\""),
        ("1.", "illegal version string \"1.\""),
        ("x1.2", "could not parse \"x1.2\" as version"),
        ("01.2", "illegal zero-prefixed version component \"01\" in \"01.2\""),
    ]

    @Test(arguments: parsed)
    func keepsTheTextAndReadsMajorMinor(input: String, version: String, major: String, minor: String) throws {
        let kube = try KubeVersion(parsing: input)
        #expect(kube.version == version)
        #expect(kube.major == major)
        #expect(kube.minor == minor)
    }

    @Test(arguments: failures)
    func rejectsWithTheKubernetesMessage(input: String, message: String) {
        do {
            let kube = try KubeVersion(parsing: input)
            Issue.record("\(input): expected an error, got \(kube)")
        } catch {
            #expect((error as? RenderError)?.message == message)
        }
    }
}
