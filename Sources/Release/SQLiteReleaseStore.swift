import Foundation
import GRDB

/// The default store: one SQLite file (via GRDB), safe for concurrent processes on one
/// machine. Writers serialize through SQLite's file lock (immediate transactions, busy timeout).
public final class SQLiteReleaseStore: ReleaseStore {
    public let location: String
    private let queue: DatabaseQueue

    /// Opens (creating when missing) the store at `path` and applies pending schema migrations.
    public init(path: String) throws {
        location = path
        do {
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
            var configuration = Configuration()
            configuration.busyMode = .timeout(60)
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try SQLiteReleaseStore.migrator.migrate(queue)
        } catch {
            throw ReleaseError.storeUnavailable(location: path, reason: SQLiteReleaseStore.reason(error))
        }
    }

    /// Versioned schema: each migration runs once, in order, recorded by GRDB in `grdb_migrations`.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-releases-and-locks") { db in
            try db.execute(sql: """
                CREATE TABLE releases (
                    namespace TEXT NOT NULL,
                    name TEXT NOT NULL,
                    revision INTEGER NOT NULL,
                    status TEXT NOT NULL,
                    body BLOB NOT NULL,
                    PRIMARY KEY (namespace, name, revision)
                );
                CREATE TABLE release_locks (
                    namespace TEXT NOT NULL,
                    name TEXT NOT NULL,
                    token TEXT NOT NULL,
                    pid INTEGER NOT NULL,
                    host TEXT NOT NULL,
                    operation TEXT NOT NULL,
                    acquired_seconds INTEGER NOT NULL,
                    lease_expires_seconds INTEGER NOT NULL,
                    PRIMARY KEY (namespace, name)
                );
                """)
        }
        return migrator
    }

    static func reason(_ error: any Error) -> String {
        if let db = error as? DatabaseError {
            return db.message ?? db.description
        }
        if let release = error as? ReleaseError { return release.description }
        return error.localizedDescription
    }

    private func run<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.write(body)
        } catch let error as ReleaseError {
            throw error
        } catch {
            throw ReleaseError.storeUnavailable(location: location, reason: SQLiteReleaseStore.reason(error))
        }
    }

    private func decode(_ rows: [Row]) throws -> [Release] {
        try rows.map { row in
            let bytes: Data = row["body"]
            let name: String = row["name"], revision: Int = row["revision"]
            return try ReleaseCoding.decode([UInt8](bytes), origin: "release \"\(name)\" revision \(revision)")
        }
    }

    public func revisions(name: String, namespace: String) throws -> [Release] {
        let rows = try run { db in
            try Row.fetchAll(db, sql: "SELECT name, revision, body FROM releases WHERE namespace = ? AND name = ? ORDER BY revision",
                             arguments: [namespace, name])
        }
        return try decode(rows)
    }

    public func allRevisions(namespace: String?) throws -> [Release] {
        let rows = try run { db in
            if let namespace {
                return try Row.fetchAll(db, sql: "SELECT name, revision, body FROM releases WHERE namespace = ? ORDER BY namespace, name, revision",
                                        arguments: [namespace])
            }
            return try Row.fetchAll(db, sql: "SELECT name, revision, body FROM releases ORDER BY namespace, name, revision")
        }
        return try decode(rows)
    }

    public func acquireLock(name: String, namespace: String, holder: LockHolder,
                            isStale: @escaping @Sendable (LockHolder) -> Bool) throws -> LockAttempt {
        try run { db in
            var attempt = LockAttempt.acquired
            if let row = try Row.fetchOne(db, sql: "SELECT * FROM release_locks WHERE namespace = ? AND name = ?",
                                          arguments: [namespace, name]) {
                let current = LockHolder(token: row["token"], pid: row["pid"], host: row["host"], operation: row["operation"],
                                         acquiredAt: GoTime(seconds: row["acquired_seconds"]),
                                         leaseExpires: GoTime(seconds: row["lease_expires_seconds"]))
                guard isStale(current) else { return .held(current) }
                attempt = .acquiredFromStale(current)
                try db.execute(sql: "DELETE FROM release_locks WHERE namespace = ? AND name = ?", arguments: [namespace, name])
            }
            try db.execute(sql: """
                INSERT INTO release_locks (namespace, name, token, pid, host, operation, acquired_seconds, lease_expires_seconds)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [namespace, name, holder.token, holder.pid, holder.host, holder.operation,
                                 holder.acquiredAt.seconds, holder.leaseExpires.seconds])
            return attempt
        }
    }

    public func releaseLock(name: String, namespace: String, token: String) throws {
        try run { db in
            try db.execute(sql: "DELETE FROM release_locks WHERE namespace = ? AND name = ? AND token = ?",
                           arguments: [namespace, name, token])
        }
    }

    public func apply(_ change: ReleaseChange) throws {
        let encoded = try change.writes.map { ($0, Data(try ReleaseCoding.encode($0))) }
        try run { db in
            for revision in change.deletions {
                try db.execute(sql: "DELETE FROM releases WHERE namespace = ? AND name = ? AND revision = ?",
                               arguments: [change.namespace, change.name, revision])
            }
            for (release, body) in encoded {
                try db.execute(sql: """
                    INSERT OR REPLACE INTO releases (namespace, name, revision, status, body) VALUES (?, ?, ?, ?, ?)
                    """, arguments: [change.namespace, change.name, release.version, release.info.status.rawValue, body])
            }
            if let token = change.releasingLock {
                try db.execute(sql: "DELETE FROM release_locks WHERE namespace = ? AND name = ? AND token = ?",
                               arguments: [change.namespace, change.name, token])
            }
        }
    }
}
