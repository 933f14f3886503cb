import ArgumentParser
import Chart
import Foundation

/// `swiftchart package CHART...`: reproducible chart archives Helm accepts.
struct PackageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "package",
        abstract: "Package a chart directory into a chart archive.",
        discussion: """
        Writes <name>-<version>.tgz. The archive is reproducible: every entry gets the mtime from
        SOURCE_DATE_EPOCH (or 1970-01-01), so the same chart always gives the same bytes.
        """)

    @Argument(help: "Chart directories to package.") var charts: [String]
    @Option(name: [.short, .customLong("destination")], help: "Location to write the chart.") var destination: String = "."
    @Option(help: "Set the version on the chart to this semver version.") var version: String?
    @Option(name: .customLong("app-version"), help: "Set the appVersion on the chart to this version.") var appVersion: String?
    @Flag(name: [.customShort("u"), .customLong("dependency-update")], help: "Update dependencies from Chart.yaml to charts/ before packaging.") var dependencyUpdate = false

    func run() throws {
        try ErrorReporter.run {
            let mtime = try ArchiveWriter.mtime()
            for chart in charts {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: chart, isDirectory: &isDirectory) else {
                    throw ChartError("stat \(chart): no such file or directory")
                }
                if dependencyUpdate {
                    try DependencyCommand.manager(chart, skipRefresh: false).update(out: { writeOut($0 + "\n") })
                }
                let destinationPath = destination == "." ? FileManager.default.currentDirectoryPath : destination
                let options = ChartPackager.Options(destination: destinationPath, version: version, appVersion: appVersion, mtime: mtime)
                let path = try ChartPackager.package(directory: chart, options: options)
                print("Successfully packaged chart and saved it to: \(URL(fileURLWithPath: path).standardizedFileURL.path)")
            }
        }
    }
}
