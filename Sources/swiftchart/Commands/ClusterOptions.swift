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

/// `--wait` / `--wait-for-jobs` / `--timeout` of install, upgrade and rollback: after applying,
/// wait until the revision's resources are ready as Helm v4 judges them (cluster mode only).
struct WaitOptions: ParsableArguments {
    @Flag(name: .customLong("wait"), help: "wait until all resources of the release are ready (Deployments available, Pods ready, PVCs bound, ...), at most --timeout")
    var wait = false
    @Flag(name: .customLong("wait-for-jobs"), help: "if set and --wait enabled, will wait until all Jobs have been completed before marking the release as successful. It will wait for as long as --timeout")
    var waitForJobs = false
    @Option(name: .customLong("timeout"), help: "time to wait for any individual Kubernetes operation (like Jobs for hooks)")
    var timeout: String = "5m0s"

    func validate() throws {
        try validateTimeout(timeout)
    }

    /// What to wait for, nil seconds without `--wait`.
    var settings: WaitSettings {
        WaitSettings(seconds: wait ? GoDuration.parse(timeout) : nil, waitForJobs: waitForJobs, timeoutSeconds: GoDuration.parse(timeout))
    }
}

/// The parsed outcome of the wait flags of any command.
struct WaitSettings {
    /// Seconds to wait, nil without `--wait`.
    var seconds: Double?
    var waitForJobs = false
    /// `--timeout` whether or not waiting: also bounds each hook.
    var timeoutSeconds: Double?
}

/// `--wait` / `--timeout` of uninstall: wait until the deleted resources are gone.
struct DeletionWaitOptions: ParsableArguments {
    @Flag(name: .customLong("wait"), help: "if set, will wait until all the resources are deleted before returning. It will wait for as long as --timeout")
    var wait = false
    @Option(name: .customLong("timeout"), help: "time to wait for any individual Kubernetes operation (like Jobs for hooks)")
    var timeout: String = "5m0s"

    func validate() throws {
        try validateTimeout(timeout)
    }

    var settings: WaitSettings { WaitSettings(seconds: wait ? GoDuration.parse(timeout) : nil, timeoutSeconds: GoDuration.parse(timeout)) }
}

/// `--take-ownership` / `--create-namespace` of install and upgrade.
struct AdoptionOptions: ParsableArguments {
    @Flag(name: .customLong("take-ownership"), help: "if set, the release will ignore the check for helm annotations and take ownership of the existing resources")
    var takeOwnership = false
    @Flag(name: .customLong("create-namespace"), help: "create the release namespace if not present")
    var createNamespace = false
}

private func validateTimeout(_ timeout: String) throws {
    guard let seconds = GoDuration.parse(timeout), seconds >= 0 else {
        throw ValidationError("invalid argument \"\(timeout)\" for \"--timeout\" flag: time: invalid duration \"\(timeout)\"")
    }
}
