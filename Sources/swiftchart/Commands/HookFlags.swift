import ArgumentParser
import Foundation
import Kube
import Release

/// `--no-hooks`, `--rollback-on-failure` (and its deprecated name `--atomic`) of `install` and `upgrade`.
struct HookFlags: ParsableArguments {
    @Flag(name: .customLong("no-hooks"), help: "prevent hooks from running during the operation")
    var noHooks = false
    @Flag(name: .customLong("rollback-on-failure"),
          help: "if set, a failed install is uninstalled and a failed upgrade rolled back to the last successful revision; implies --wait")
    var rollbackOnFailure = false
    @Flag(name: .customLong("atomic"), help: .hidden)
    var atomic = false

    /// True with `--rollback-on-failure` or `--atomic` (Helm v4 warns about the old name).
    var rollsBackOnFailure: Bool {
        if atomic {
            FileHandle.standardError.write(Data("Flag --atomic has been deprecated, use --rollback-on-failure instead\n".utf8))
        }
        return rollbackOnFailure || atomic
    }

    /// The wait flags, with `--wait` turned on by `--rollback-on-failure` in cluster mode (as Helm).
    func waiting(_ options: WaitOptions, storage: ReleaseStorageOptions) -> WaitOptions {
        guard rollbackOnFailure || atomic, storage.usesCluster(ProcessInfo.processInfo.environment) else { return options }
        var waiting = options
        waiting.wait = true
        return waiting
    }
}

/// `--timeout` of commands that run hooks but have no `--wait` (`test`, `uninstall`).
struct HookTimeoutOption: ParsableArguments {
    @Option(name: .customLong("timeout"), help: "time to wait for any individual Kubernetes operation (like Jobs for hooks)")
    var timeout: String = "5m0s"

    func validate() throws {
        guard let seconds = GoDuration.parse(timeout), seconds >= 0 else {
            throw ValidationError("invalid argument \"\(timeout)\" for \"--timeout\" flag: time: invalid duration \"\(timeout)\"")
        }
    }

    /// The context with its cluster delivery's hook timeout set to `--timeout`.
    func applied(to context: ReleaseContext) -> ReleaseContext {
        guard var delivery = context.delivery as? KubeDelivery, let seconds = GoDuration.parse(timeout) else { return context }
        delivery.hookTimeoutSeconds = seconds
        var context = context
        context.delivery = delivery
        return context
    }
}
