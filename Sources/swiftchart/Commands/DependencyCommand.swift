import ArgumentParser
import Chart
import Foundation
import Repository

/// `swiftchart dependency list|update|build CHART`.
struct DependencyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dependency", abstract: "Manage a chart's dependencies.",
        discussion: """
        Dependencies are declared in Chart.yaml. repository: may be file://PATH (a chart folder,
        relative to the chart), an http(s) URL, @name or alias:name (a configured repository),
        or empty (already unpacked in charts/). version: is a Masterminds/semver constraint
        (^1.2, ~1.2.3, >=1.0 <2.0 || 3.x, 1.2.*, pre-releases with -0).
        """,
        subcommands: [DependencyListCommand.self, DependencyUpdateCommand.self, DependencyBuildCommand.self],
        aliases: ["dep", "dependencies"])
}

struct DependencyListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the dependencies for the given chart.",
        discussion: "STATUS is ok, missing, wrong version, misnamed, corrupt, unpacked, invalid version or too many matches.",
        aliases: ["ls"])

    @Argument(help: "Chart folder.") var chart: String = "."

    func run() throws {
        try ErrorReporter.run { writeOut(try DependencyList.render(chartPath: chart)) }
    }
}

struct DependencyUpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update", abstract: "Update charts/ based on the contents of Chart.yaml.",
        discussion: """
        Resolves every dependency to the newest version satisfying its constraint, downloads (or,
        for file:// dependencies, packages) them into charts/, removes older archives of the same
        charts and writes Chart.lock. Nothing in charts/ changes unless every dependency succeeded.
        """,
        aliases: ["up"])

    @Argument(help: "Chart folder.") var chart: String = "."
    @Flag(name: .customLong("skip-refresh"), help: "Do not refresh the local repository cache.") var skipRefresh = false

    func run() throws {
        try ErrorReporter.run { try DependencyCommand.manager(chart, skipRefresh: skipRefresh).update(out: { writeOut($0 + "\n") }) }
    }
}

struct DependencyBuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Rebuild the charts/ directory based on the Chart.lock file.",
        discussion: "Fetches exactly the versions of Chart.lock; fails if Chart.yaml changed since the lock was written. Without a lock, acts as 'dependency update'.")

    @Argument(help: "Chart folder.") var chart: String = "."
    @Flag(name: .customLong("skip-refresh"), help: "Do not refresh the local repository cache.") var skipRefresh = false

    func run() throws {
        try ErrorReporter.run { try DependencyCommand.manager(chart, skipRefresh: skipRefresh).build(out: { writeOut($0 + "\n") }) }
    }
}

extension DependencyCommand {
    static func manager(_ chart: String, skipRefresh: Bool) throws -> DependencyManager {
        var manager = DependencyManager(chartPath: chart, repositories: RepositoryContext.manager())
        manager.skipRefresh = skipRefresh
        manager.mtime = try ArchiveWriter.mtime()
        return manager
    }
}
