import ArgumentParser
import Release

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "list releases", aliases: ["ls"])

    @OptionGroup var storage: ReleaseStorageOptions
    @Flag(name: [.short, .long], help: "show all releases without any filter applied") var all = false
    @Flag(name: [.customShort("A"), .customLong("all-namespaces")], help: "list releases across all namespaces")
    var allNamespaces = false
    @Option(name: [.short, .long], help: "a regular expression; only releases whose name matches are listed")
    var filter: String?
    @Flag(name: [.short, .long], help: "output short (quiet) listing format") var short = false
    @Flag(name: .customLong("no-headers"), help: "don't print headers when using the default output format")
    var noHeaders = false
    @Flag(name: [.short, .long], help: "sort by release date") var date = false
    @Flag(name: [.short, .long], help: "reverse the sort order") var reverse = false
    @Flag(help: "show deployed releases") var deployed = false
    @Flag(help: "show failed releases") var failed = false
    @Flag(help: "show pending releases") var pending = false
    @Flag(help: "show superseded releases") var superseded = false
    @Flag(help: "show uninstalled releases (if 'uninstall --keep-history' was used)") var uninstalled = false
    @Flag(help: "show releases that are currently being uninstalled") var uninstalling = false
    @Option(name: [.short, .customLong("max")], help: "maximum number of releases to fetch") var max: Int = 256
    @Option(help: "next release index in the list, used to offset from start value") var offset: Int = 0
    @Option(name: [.short, .customLong("output")], help: "prints the output in the specified format (table, json, yaml)")
    var output: OutputFormat = .table

    func run() throws {
        try reportingFailures {
            let context = try storage.context()
            var options = ListOptions(namespace: allNamespaces ? nil : storage.namespace)
            options.all = all
            options.filter = filter
            options.byDate = date
            options.reverse = reverse
            options.max = max
            options.offset = offset
            if deployed { options.states.insert(.deployed) }
            if failed { options.states.insert(.failed) }
            if pending { options.states.formUnion([.pendingInstall, .pendingUpgrade, .pendingRollback]) }
            if superseded { options.states.insert(.superseded) }
            if uninstalled { options.states.insert(.uninstalled) }
            if uninstalling { options.states.insert(.uninstalling) }
            let releases = try context.list(options)
            switch output {
            case .table: emit(ReleasePrinter.listTable(releases, noHeaders: noHeaders, short: short))
            case .json, .yaml:
                let json = short ? GoJSON.array(releases.map { .string($0.name) }).encodedLine
                    : ReleasePrinter.listJSON(releases)
                emit(output == .json ? json : try ReleaseYAML.fromJSON(json))
            }
        }
    }
}
