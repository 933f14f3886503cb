import ArgumentParser
import Foundation

/// Prints an error of the archive/repository commands as Helm does (`Error: <message>` on stderr)
/// and exits with status 1.
enum CommandFailure {
    static func reporting(_ body: () throws -> Void) throws {
        do { try body() } catch let exit as ExitCode { throw exit } catch {
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }

    static func reporting(_ body: () async throws -> Void) async throws {
        do { try await body() } catch let exit as ExitCode { throw exit } catch {
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
