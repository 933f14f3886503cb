import ArgumentParser
import Foundation
import Repository
import RepositoryHTTP
import Values

extension ErrorReporter {
    /// Runs a command body; any error is printed once by the shared reporter and the command
    /// exits with status 1.
    static func run(_ body: () throws -> Void) throws {
        do { try body() } catch let exit as ExitCode { throw exit } catch {
            report(error)
            throw ExitCode(1)
        }
    }
}

/// The repository layer wired for the command line: paths from the environment, `file://`
/// and HTTP(S) fetchers, download progress on stderr.
enum RepositoryContext {
    static func manager() -> RepositoryManager {
        RepositoryManager(paths: RepositoryPaths(), fetchers: fetchers())
    }

    static func fetchers() -> FetcherSet {
        FetcherSet([FileFetcher(), HTTPFetcher(progress: { url, received, total, finished in
            let name = url.split(separator: "/").last.map(String.init) ?? url
            var line = "\rDownloading \(name): \(byteCount(received))"
            if let total { line += " / \(byteCount(total))" }
            if finished { line += "\n" }
            FileHandle.standardError.write(Data(line.utf8))
        })])
    }

    static func byteCount(_ n: Int) -> String {
        if n < 1024 { return "\(n) B" }
        if n < 1024 * 1024 { return String(format: "%.1f KiB", Double(n) / 1024) }
        return String(format: "%.1f MiB", Double(n) / (1024 * 1024))
    }
}

/// The `-o json|yaml` encodings of the repository commands' rows.
enum RowOutput {
    /// Helm's `EncodeJSON` (compact, HTML-escaped, newline) of objects whose keys keep `order`.
    static func json(_ rows: [[(String, String)]]) -> String {
        "[" + rows.map { row in
            "{" + row.map { JSON.encode(.string($0.0)) + ":" + JSON.encode(.string($0.1)) }.joined(separator: ",") + "}"
        }.joined(separator: ",") + "]\n"
    }

    /// Helm's `EncodeYAML` (keys sorted).
    static func yaml(_ rows: [[(String, String)]]) -> String {
        YAML.emit(.list(rows.map { row in .map(Dictionary(row.map { ($0.0, Value.string($0.1)) }, uniquingKeysWith: { a, _ in a })) }))
    }
}

func writeOut(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

func writeErr(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}
