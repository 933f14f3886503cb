import ArgumentParser

struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Print the swiftchart version.")

    func run() {
        print("swiftchart \(SwiftChartVersion.current) (Helm v4 compatible)")
    }
}

enum SwiftChartVersion {
    static let current = "0.1.0"
}
