import ArgumentParser
import Foundation
import Release

/// `diff`: what an upgrade or a rollback would change, as helm-diff shows it.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff", abstract: "show what an upgrade or a rollback would change",
        subcommands: [DiffUpgradeCommand.self, DiffRollbackCommand.self])
}

/// Output flags `diff upgrade` and `diff rollback` share.
struct DiffOutputOptions: ParsableArguments {
    @Option(name: [.customShort("C"), .customLong("context")], help: "output NUM lines of context around changes")
    var context: Int = 3
    @Flag(name: .customLong("detailed-exitcode"), help: "return a non-zero exit code (2) when there are changes")
    var detailedExitCode = false
    @Flag(name: .customLong("color"), help: "color output even when stdout is not a terminal")
    var color = false
    @Flag(name: .customLong("no-color"), help: "remove colors from the output (also when NO_COLOR is set)")
    var noColor = false
    @Flag(name: .customLong("show-secrets"), help: "do not mask the values of Secrets")
    var showSecrets = false
    @Flag(name: .customLong("include-hooks"), help: "compare the releases' hooks too")
    var includeHooks = false

    func validate() throws {
        if context < 0 { throw ValidationError("--context must not be negative") }
        if color && noColor { throw ValidationError("--color and --no-color cannot be used together") }
    }

    var diffOptions: DiffOptions { DiffOptions(includeHooks: includeHooks, showSecrets: showSecrets) }

    /// `--no-color` never colors, `--color` always; otherwise colors go to a terminal unless
    /// `NO_COLOR` is set (any value).
    var usesColor: Bool {
        if noColor { return false }
        if color { return true }
        if ProcessInfo.processInfo.environment["NO_COLOR"] != nil { return false }
        return isatty(STDOUT_FILENO) == 1
    }

    /// Prints the differences, then ends with exit status 2 when asked to signal changes.
    func report(_ differences: [ResourceDifference]) throws {
        emit(DiffPrinter(context: context, color: usesColor).render(differences))
        if detailedExitCode && !differences.isEmpty { throw ExitCode(2) }
    }
}
