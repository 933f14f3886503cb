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
