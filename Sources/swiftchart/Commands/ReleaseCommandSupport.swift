import ArgumentParser
import Foundation
import Kube
import Release

/// Flags every release command shares: where releases are stored and which namespace.
struct ReleaseStorageOptions: ParsableArguments {
    @Option(name: [.short, .customLong("namespace")],
            help: "namespace scope for this request (default: $SWIFTCHART_NAMESPACE, else the kube context's namespace in cluster mode, else default)")
    var namespaceOption: String?

    @Option(name: .customLong("storage"),
            help: "release storage: sqlite (default), sqlite:PATH, postgres://user:pass@host:port/db, memory, secrets (Helm's Secrets in the cluster) (env SWIFTCHART_STORAGE)")
    var storage: String?

    @OptionGroup var cluster: ClusterOptions

    /// `-n`, else `SWIFTCHART_NAMESPACE`, else in cluster mode the kube context's namespace, else `default`.
    var namespace: String {
        if let namespaceOption { return namespaceOption }
        let environment = ProcessInfo.processInfo.environment
        if let fromEnvironment = environment["SWIFTCHART_NAMESPACE"], !fromEnvironment.isEmpty { return fromEnvironment }
        if usesCluster(environment),
           let connection = try? KubeconfigLoader(explicitPath: cluster.kubeconfig, context: cluster.kubeContext).connection() {
            return connection.namespace
        }
        return "default"
    }

    private func storesInCluster(_ environment: [String: String]) -> Bool {
        (storage?.isEmpty == false ? storage : environment["SWIFTCHART_STORAGE"]) == "secrets"
    }

    func usesCluster(_ environment: [String: String]) -> Bool {
        storesInCluster(environment) || cluster.isRequested
    }

    /// `--create-namespace`: in cluster mode, creates the release namespace before anything is
    /// stored or applied there (the `secrets` store and its lock live in it); elsewhere a no-op.
    func createNamespace() throws {
        guard usesCluster(ProcessInfo.processInfo.environment) else { return }
        try cluster.client().ensureNamespace(namespace)
    }

    /// The cluster client in cluster mode (kubeconfig or context given, or secrets storage), else nil.
    func clusterClient() throws -> KubeClient? {
        usesCluster(ProcessInfo.processInfo.environment) ? try cluster.client() : nil
    }

    /// The context for an action: the chosen store, warnings on stderr, and the test
    /// hook `SWIFTCHART_TEST_PAUSE_WHILE_LOCKED` (seconds to hold the lock after a pending write).
    func context(delivery: any Delivery = RecordOnlyDelivery(), wait: WaitSettings? = nil,
                 adoption: AdoptionOptions? = nil) throws -> ReleaseContext {
        let environment = ProcessInfo.processInfo.environment
        let inCluster = storesInCluster(environment)
        let client = usesCluster(environment) ? try cluster.client() : nil
        let store: any ReleaseStore
        if inCluster, let client {
            store = KubeSecretsReleaseStore(client: client)
        } else {
            store = try StoreLocator.open(storage, environment: environment)
        }
        var delivery = delivery
        if let client, delivery is RecordOnlyDelivery {
            var kube = KubeDelivery(client: client, forceConflicts: cluster.forceConflicts, waitSeconds: wait?.seconds,
                                    waitForJobs: wait?.waitForJobs ?? false, takeOwnership: adoption?.takeOwnership ?? false,
                                    progress: { line in FileHandle.standardError.write(Data((line + "\n").utf8)) })
            if let timeout = wait?.timeoutSeconds { kube.hookTimeoutSeconds = timeout }
            delivery = kube
        } else if wait?.seconds != nil {
            throw ReleaseError.invalidStorage("--wait needs a cluster: pass --kubeconfig or --kube-context, or use --storage secrets")
        }
        let pause = environment["SWIFTCHART_TEST_PAUSE_WHILE_LOCKED"].flatMap(Double.init)
        let lease = environment["SWIFTCHART_LOCK_LEASE_SECONDS"].flatMap(Int64.init) ?? 600
        return ReleaseContext(store: store, delivery: delivery, leaseSeconds: lease,
                              warn: { message in FileHandle.standardError.write(Data((message + "\n").utf8)) },
                              pauseWhileLocked: pause)
    }
}

/// Helm's `-o/--output` formats.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, yaml
}

/// Writes command output to stdout unbuffered-safe.
func emit(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

/// A failure reported as Helm does: `Error: <prefix>: <message>` on stderr, exit status 1.
struct ReleaseCommandFailure: Error, CustomStringConvertible {
    var description: String

    init(_ prefix: String?, _ error: any Error) {
        let message = String(describing: error)
        description = prefix.map { "\($0): \(message)" } ?? message
    }
}

/// Runs a command body, turning release errors into Helm-style failures.
func reportingFailures<T>(_ prefix: String? = nil, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as ValidationError {
        throw error
    } catch let error as CleanExit {
        throw error
    } catch {
        throw ReleaseCommandFailure(prefix, error)
    }
}
