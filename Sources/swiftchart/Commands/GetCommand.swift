import ArgumentParser
import Release

struct GetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get", abstract: "download extended information of a named release",
        subcommands: [GetValuesCommand.self, GetManifestCommand.self, GetNotesCommand.self, GetHooksCommand.self,
                      GetMetadataCommand.self, GetAllCommand.self])
}

/// The release and revision every `get` subcommand reads.
struct GetTarget: ParsableArguments {
    @OptionGroup var storage: ReleaseStorageOptions
    @Argument(help: "release name") var name: String
    @Option(help: "get the named release with revision") var revision: Int = 0

    func release() throws -> Release {
        try storage.context().revision(name: name, namespace: storage.namespace, revision: revision)
    }
}

struct GetManifestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "manifest", abstract: "download the manifest for a named release")
    @OptionGroup var target: GetTarget

    func run() throws {
        try reportingFailures { emit(ReleasePrinter.manifest(try target.release())) }
    }
}

struct GetNotesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "notes", abstract: "download the notes for a named release")
    @OptionGroup var target: GetTarget

    func run() throws {
        try reportingFailures { emit(ReleasePrinter.notes(try target.release())) }
    }
}

struct GetHooksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "hooks", abstract: "download all hooks for a named release")
    @OptionGroup var target: GetTarget

    func run() throws {
        try reportingFailures { emit(ReleasePrinter.hooks(try target.release())) }
    }
}

struct GetMetadataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "metadata", abstract: "This command fetches metadata for a given release")
    @OptionGroup var target: GetTarget
    @Option(name: [.short, .customLong("output")], help: "prints the output in the specified format (table, json, yaml)")
    var output: OutputFormat = .table

    func run() throws {
        try reportingFailures {
            let release = try target.release()
            switch output {
            case .table: emit(ReleasePrinter.metadataTable(release))
            case .json: emit(ReleasePrinter.metadataJSON(release))
            case .yaml: emit(try ReleaseYAML.fromJSON(ReleasePrinter.metadataJSON(release)))
            }
        }
    }
}

struct GetValuesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "values", abstract: "download the values file for a named release")
    @OptionGroup var target: GetTarget
    @Flag(name: [.short, .long], help: "dump all (computed) values") var all = false
    @Option(name: [.short, .customLong("output")], help: "prints the output in the specified format (table, json, yaml)")
    var output: OutputFormat = .table

    func run() throws {
        try reportingFailures {
            let release = try target.release()
            let values = all ? release.computedValues : release.config
            switch output {
            case .json: emit(ReleasePrinter.goJSON(values).encodedLine)
            case .table, .yaml:
                let yaml = try ReleaseYAML.emit(values)
                emit((output == .table ? (all ? "COMPUTED VALUES:\n" : "USER-SUPPLIED VALUES:\n") : "") + yaml)
            }
        }
    }
}

struct GetAllCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "all", abstract: "download all information for a named release")
    @OptionGroup var target: GetTarget

    func run() throws {
        try reportingFailures {
            let release = try target.release()
            let values = (user: try ReleaseYAML.emit(release.config), computed: try ReleaseYAML.emit(release.computedValues))
            emit(ReleasePrinter.statusTable(release, debugValues: values))
        }
    }
}
