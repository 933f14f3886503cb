import Foundation

/// Where a revision's manifests go once it is recorded. Today: nowhere but the record
/// (`RecordOnlyDelivery`) or a GitOps folder (`FolderDelivery`); later: a cluster.
public protocol Delivery: Sendable {
    /// Makes `release` the delivered state, replacing what `previous` delivered.
    func deliver(_ release: Release, replacing previous: Release?) throws
    /// Removes what `release` delivered (uninstall).
    func remove(_ release: Release) throws
    /// Runs the hooks of `release` for `event` (Helm's `execHook`), recording each hook's
    /// `last_run` (and its default delete policy) on `release.hooks`, also when it throws;
    /// `record` stores the release each time a hook starts, as Helm does.
    func runHooks(_ event: HookEvent, on release: inout Release, clock: () -> GoTime,
                  record: (Release) throws -> Void) throws
}

extension Delivery {
    /// Deliveries without a cluster have nothing to run hooks in.
    public func runHooks(_ event: HookEvent, on release: inout Release, clock: () -> GoTime,
                         record: (Release) throws -> Void) throws {}
}

/// The default: manifests live only in the release record (`get manifest` prints them).
public struct RecordOnlyDelivery: Delivery {
    public init() {}
    public func deliver(_ release: Release, replacing previous: Release?) throws {}
    public func remove(_ release: Release) throws {}
}

/// Writes one file per resource of the revision into a folder and deletes the files
/// of resources the revision no longer has, so the folder always mirrors the deployed
/// revision (rollback rewrites it). Only files listed in the folder's index
/// (`.swiftchart-manifest`) are ever deleted.
public struct FolderDelivery: Delivery {
    public let directory: String
    static let indexName = ".swiftchart-manifest"

    public init(directory: String) {
        self.directory = directory
    }

    public func deliver(_ release: Release, replacing previous: Release?) throws {
        let files = ResourceFileSplitter.resourceFiles(release.manifest)
        let fm = FileManager.default
        do {
            try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let old = try readIndex()
            let keep = Set(files.map(\.name))
            for name in old where !keep.contains(name) {
                let path = directory + "/" + name
                if fm.fileExists(atPath: path) { try fm.removeItem(atPath: path) }
            }
            for file in files {
                try Data(file.content.utf8).write(to: URL(fileURLWithPath: directory + "/" + file.name), options: .atomic)
            }
            try writeIndex(files.map(\.name))
        } catch let error as ReleaseError {
            throw error
        } catch {
            throw ReleaseError.delivery(path: directory, reason: error.localizedDescription)
        }
    }

    public func remove(_ release: Release) throws {
        let fm = FileManager.default
        do {
            for name in try readIndex() {
                let path = directory + "/" + name
                if fm.fileExists(atPath: path) { try fm.removeItem(atPath: path) }
            }
            try writeIndex([])
        } catch {
            throw ReleaseError.delivery(path: directory, reason: error.localizedDescription)
        }
    }

    private func readIndex() throws -> [String] {
        let path = directory + "/" + FolderDelivery.indexName
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.contains("/") && $0 != ".." }
    }

    private func writeIndex(_ names: [String]) throws {
        let text = names.map { $0 + "\n" }.joined()
        try Data(text.utf8).write(to: URL(fileURLWithPath: directory + "/" + FolderDelivery.indexName), options: .atomic)
    }
}
