import ArgumentParser
import Foundation
import Kube
import Release

/// Flags that send releases to a Kubernetes cluster. Cluster mode is on when `--kubeconfig`
/// or `--kube-context` is given or the storage is `secrets` (Helm's storage in the cluster):
/// manifests are then server-side applied instead of only being recorded.
struct ClusterOptions: ParsableArguments {
    @Option(name: .customLong("kubeconfig"), help: "path to the kubeconfig file (default: $KUBECONFIG, else ~/.kube/config)")
    var kubeconfig: String?
    @Option(name: .customLong("kube-context"), help: "name of the kubeconfig context to use")
    var kubeContext: String?
    @Flag(name: .customLong("force-conflicts"), help: "server-side apply takes over fields owned by other field managers")
    var forceConflicts = false

    var isRequested: Bool { kubeconfig != nil || kubeContext != nil }

    func client() throws -> KubeClient {
        try KubeClient(connection: KubeconfigLoader(explicitPath: kubeconfig, context: kubeContext).connection())
    }
}

/// `--wait` / `--timeout` of install, upgrade and rollback: after applying, wait until the
/// revision's Deployments are rolled out and its Jobs complete (cluster mode only).
struct WaitOptions: ParsableArguments {
    @Flag(name: .customLong("wait"), help: "wait until the release's Deployments are available and Jobs complete, at most --timeout")
    var wait = false
    @Option(name: .customLong("timeout"), help: "time to wait for any individual Kubernetes operation (like Jobs for hooks)")
    var timeout: String = "5m0s"

    func validate() throws {
        guard let seconds = GoDuration.parse(timeout), seconds >= 0 else {
            throw ValidationError("invalid argument \"\(timeout)\" for \"--timeout\" flag: time: invalid duration \"\(timeout)\"")
        }
    }

    /// Seconds to wait, nil without `--wait`.
    var seconds: Double? { wait ? GoDuration.parse(timeout) : nil }
}
