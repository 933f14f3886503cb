import Foundation
import Values

/// Runs a `client.authentication.k8s.io` exec credential plugin and reads its
/// `ExecCredential` status: a bearer token, or a client certificate and key.
public enum ExecCredentialPlugin {
    public struct Result: Sendable, Equatable {
        public var token: String?
        public var clientCertificate: [UInt8]?
        public var clientKey: [UInt8]?
    }

    public static func run(_ config: Kubeconfig.ExecConfig, environment: [String: String]) throws -> Result {
        let process = Process()
        let command = config.command
        if command.contains("/") {
            process.executableURL = URL(fileURLWithPath: command)
            process.arguments = config.args
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [command] + config.args
        }
        var env = environment
        for entry in config.env { env[entry.name] = entry.value }
        let request = Value.map([
            "apiVersion": .string(config.apiVersion), "kind": .string("ExecCredential"),
            "spec": Value.map(["interactive": .bool(false)]),
        ])
        env["KUBERNETES_EXEC_INFO"] = JSON.encode(request)
        process.environment = env
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw KubeError.credentialPlugin(command: command, reason: "cannot start it: \(error.localizedDescription)")
        }
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errors, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw KubeError.credentialPlugin(command: command, reason: "exit status \(process.terminationStatus)" + (message.isEmpty ? "" : ": \(message)"))
        }
        let credential: Value
        do {
            credential = try JSON.decode([UInt8](output))
        } catch {
            throw KubeError.credentialPlugin(command: command, reason: "output is not an ExecCredential JSON object: \(error)")
        }
        guard credential["kind"]?.stringValue == "ExecCredential" else {
            throw KubeError.credentialPlugin(command: command, reason: "output kind is not ExecCredential")
        }
        if let version = credential["apiVersion"]?.stringValue, version != config.apiVersion {
            throw KubeError.credentialPlugin(command: command, reason: "output apiVersion \(version) differs from the configured \(config.apiVersion)")
        }
        let status = credential["status"]
        let result = Result(token: status?["token"]?.stringValue,
                            clientCertificate: status?["clientCertificateData"]?.stringValue.map { Array($0.utf8) },
                            clientKey: status?["clientKeyData"]?.stringValue.map { Array($0.utf8) })
        guard result.token != nil || (result.clientCertificate != nil && result.clientKey != nil) else {
            throw KubeError.credentialPlugin(command: command, reason: "status has neither a token nor clientCertificateData and clientKeyData")
        }
        return result
    }
}
