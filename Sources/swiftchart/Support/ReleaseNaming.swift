import Foundation
import Functions
import Template
import Values

/// Helm's `Install.NameAndChart`: the release name from the arguments,
/// `--name-template` (a template rendered with the Sprig functions) or
/// `--generate-name` (`<chart base name>-<unix time>`).
enum ReleaseNaming {
    static func nameAndChart(_ args: [String], nameTemplate: String?, generateName: Bool, defaultName: String?) throws -> (String, String) {
        if args.count > 2 {
            throw CLIError(message: "expected at most two arguments, unexpected arguments: " + args[2...].joined(separator: ", "))
        }
        guard let chart = args.last else {
            throw CLIError(message: "\"swiftchart template\" requires at least 1 argument")
        }
        if args.count == 2 {
            if generateName { throw CLIError(message: "cannot set --generate-name and also specify a name") }
            if nameTemplate != nil { throw CLIError(message: "cannot set --name-template and also specify a name") }
            return (args[0], chart)
        }
        if let nameTemplate, !nameTemplate.isEmpty {
            var set = TemplateSet(name: "name-template", functions: Functions.standard())
            try set.parse(name: "name-template", text: nameTemplate)
            return (try set.execute(name: "name-template", data: .null), chart)
        }
        if generateName {
            var base = (chart as NSString).lastPathComponent
            if base == "." || base.isEmpty { base = "chart" }
            if let dot = base.firstIndex(of: ".") { base = String(base[..<dot]) }
            return ("\(base)-\(Int(Date().timeIntervalSince1970))", chart)
        }
        guard let defaultName else { throw CLIError(message: "must either provide a name or specify --generate-name") }
        return (defaultName, chart)
    }
}
