import ArgumentParser
import Foundation

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
