import Foundation
import PostgresNIO

/// A store shared by a team: releases in PostgreSQL tables (`swiftchart_*`), locks
/// serialized per release with transaction-scoped advisory locks.
public final class PostgresReleaseStore: ReleaseStore {
    public let location: String
    private let connection: PostgresConnection
    private let logger = Logger(label: "swiftchart.release.postgres")
    /// One connection carries one transaction at a time.
    private let serial = NSLock()

    /// Connects to `postgres://user:password@host:port/database[?sslmode=disable]` (a
    /// `host=/socket/dir` query item selects a Unix socket) and applies pending migrations.
    /// Uses PostgresNIO's future API and waits on it: the store interface is synchronous
    /// and must never block Swift's cooperative thread pool.
    public init(url: String) throws {
        let target = try PostgresTarget(url: url)
        location = target.redacted
        do {
            connection = try PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.next(), configuration: target.configuration,
                id: 1, logger: logger
            ).wait()
        } catch {
            throw ReleaseError.storeUnavailable(location: target.redacted, reason: PostgresReleaseStore.reason(error))
        }
        try migrate()
    }

    deinit {
        try? connection.close().wait()
    }

    static func reason(_ error: any Error) -> String {
        if let release = error as? ReleaseError { return release.description }
        if let psql = error as? PSQLError {
            if let message = psql.serverInfo?[.message] {
                let code = psql.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
                return message + code
            }
            if let underlying = psql.underlying { return String(describing: underlying) }
            return String(describing: psql.code)
        }
        return String(describing: error)
    }

    /// The numbered schema migrations; each runs once, recorded in `swiftchart_schema_migrations`.
    static let migrations: [(version: Int, sql: [String])] = [
        (1, [
            """
            CREATE TABLE swiftchart_releases (
                namespace TEXT NOT NULL,
                name TEXT NOT NULL,
                revision INTEGER NOT NULL,
                status TEXT NOT NULL,
                body BYTEA NOT NULL,
                PRIMARY KEY (namespace, name, revision)
            )
            """,
            """
            CREATE TABLE swiftchart_release_locks (
                namespace TEXT NOT NULL,
                name TEXT NOT NULL,
                token TEXT NOT NULL,
                pid INTEGER NOT NULL,
                host TEXT NOT NULL,
                operation TEXT NOT NULL,
                acquired_seconds BIGINT NOT NULL,
                lease_expires_seconds BIGINT NOT NULL,
                PRIMARY KEY (namespace, name)
            )
            """,
        ]),
    ]

    @discardableResult
    private func query(_ query: PostgresQuery) throws -> PostgresQueryResult {
        try connection.query(query, logger: logger).wait()
    }

    private func migrate() throws {
        try transaction {
            try query("SELECT pg_advisory_xact_lock(7265017)")
            try query("""
                CREATE TABLE IF NOT EXISTS swiftchart_schema_migrations (
                    version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())
                """)
            var applied = Set<Int>()
            for row in try query("SELECT version FROM swiftchart_schema_migrations") {
                applied.insert(try row.decode(Int.self))
            }
            for migration in PostgresReleaseStore.migrations where !applied.contains(migration.version) {
                for statement in migration.sql { try query(PostgresQuery(unsafeSQL: statement)) }
                try query("INSERT INTO swiftchart_schema_migrations (version) VALUES (\(migration.version))")
            }
        }
    }

    /// Runs `body` in one transaction (BEGIN … COMMIT, ROLLBACK on error).
    @discardableResult
    private func transaction<T>(_ body: () throws -> T) throws -> T {
        serial.lock()
        defer { serial.unlock() }
        do {
            try query("BEGIN")
            do {
                let value = try body()
                try query("COMMIT")
                return value
            } catch {
                _ = try? query("ROLLBACK")
                throw error
            }
        } catch let error as ReleaseError {
            throw error
        } catch {
            throw ReleaseError.storeUnavailable(location: location, reason: PostgresReleaseStore.reason(error))
        }
    }

    private static func decodeRows(_ rows: PostgresQueryResult) throws -> [Release] {
        try rows.map { row in
            let (name, revision, body) = try row.decode((String, Int, ByteBuffer).self)
            return try ReleaseCoding.decode(Array(body.readableBytesView), origin: "release \"\(name)\" revision \(revision)")
        }
    }

    public func revisions(name: String, namespace: String) throws -> [Release] {
        try transaction {
            try PostgresReleaseStore.decodeRows(try query(
                "SELECT name, revision, body FROM swiftchart_releases WHERE namespace = \(namespace) AND name = \(name) ORDER BY revision"))
        }
    }

    public func allRevisions(namespace: String?) throws -> [Release] {
        try transaction {
            if let namespace {
                return try PostgresReleaseStore.decodeRows(try query(
                    "SELECT name, revision, body FROM swiftchart_releases WHERE namespace = \(namespace) ORDER BY namespace, name, revision"))
            }
            return try PostgresReleaseStore.decodeRows(try query(
                "SELECT name, revision, body FROM swiftchart_releases ORDER BY namespace, name, revision"))
        }
    }

    public func acquireLock(name: String, namespace: String, holder: LockHolder,
                            isStale: @escaping @Sendable (LockHolder) -> Bool) throws -> LockAttempt {
        try transaction {
            let key = namespace + "/" + name
            try query("SELECT pg_advisory_xact_lock(hashtext(\(key)))")
            var current: LockHolder?
            for row in try query("""
                SELECT token, pid, host, operation, acquired_seconds, lease_expires_seconds
                FROM swiftchart_release_locks WHERE namespace = \(namespace) AND name = \(name)
                """) {
                let (token, pid, host, operation, acquired, expires) =
                    try row.decode((String, Int32, String, String, Int64, Int64).self)
                current = LockHolder(token: token, pid: pid, host: host, operation: operation,
                                     acquiredAt: GoTime(seconds: acquired), leaseExpires: GoTime(seconds: expires))
            }
            var attempt = LockAttempt.acquired
            if let current {
                guard isStale(current) else { return LockAttempt.held(current) }
                attempt = .acquiredFromStale(current)
                try query("DELETE FROM swiftchart_release_locks WHERE namespace = \(namespace) AND name = \(name)")
            }
            try query("""
                INSERT INTO swiftchart_release_locks
                    (namespace, name, token, pid, host, operation, acquired_seconds, lease_expires_seconds)
                VALUES (\(namespace), \(name), \(holder.token), \(holder.pid), \(holder.host), \(holder.operation),
                        \(holder.acquiredAt.seconds), \(holder.leaseExpires.seconds))
                """)
            return attempt
        }
    }

    public func releaseLock(name: String, namespace: String, token: String) throws {
        try transaction {
            try query("""
                DELETE FROM swiftchart_release_locks WHERE namespace = \(namespace) AND name = \(name) AND token = \(token)
                """)
        }
    }

    public func apply(_ change: ReleaseChange) throws {
        let encoded = try change.writes.map { ($0.version, $0.info.status.rawValue, ByteBuffer(bytes: try ReleaseCoding.encode($0))) }
        let namespace = change.namespace, name = change.name
        try transaction {
            for revision in change.deletions {
                try query("""
                    DELETE FROM swiftchart_releases WHERE namespace = \(namespace) AND name = \(name) AND revision = \(revision)
                    """)
            }
            for (revision, status, body) in encoded {
                try query("""
                    INSERT INTO swiftchart_releases (namespace, name, revision, status, body)
                    VALUES (\(namespace), \(name), \(revision), \(status), \(body))
                    ON CONFLICT (namespace, name, revision) DO UPDATE SET status = EXCLUDED.status, body = EXCLUDED.body
                    """)
            }
            if let token = change.releasingLock {
                try query("""
                    DELETE FROM swiftchart_release_locks WHERE namespace = \(namespace) AND name = \(name) AND token = \(token)
                    """)
            }
        }
    }
}

/// A parsed `postgres://` URL.
struct PostgresTarget {
    var configuration: PostgresConnection.Configuration
    var redacted: String

    init(url: String) throws {
        guard let components = URLComponents(string: url),
              components.scheme == "postgres" || components.scheme == "postgresql" else {
            throw ReleaseError.invalidStorage("invalid PostgreSQL URL \"\(url)\": expected postgres://user:password@host:port/database")
        }
        let user = components.user.flatMap { $0.removingPercentEncoding } ?? "postgres"
        let password = components.password.flatMap { $0.removingPercentEncoding }
        var database = components.path
        if database.hasPrefix("/") { database.removeFirst() }
        let items = components.queryItems ?? []
        let socketDirectory = items.first { $0.name == "host" }?.value
        let port = components.port ?? 5432
        if let mode = items.first(where: { $0.name == "sslmode" })?.value, mode != "disable" {
            throw ReleaseError.invalidStorage("PostgreSQL sslmode \"\(mode)\" is not supported yet; use sslmode=disable")
        }
        if let socketDirectory, socketDirectory.hasPrefix("/") {
            configuration = .init(unixSocketPath: socketDirectory + "/.s.PGSQL.\(port)", username: user,
                                  password: password, database: database.isEmpty ? nil : database)
        } else {
            configuration = .init(host: components.host.flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1", port: port,
                                  username: user, password: password, database: database.isEmpty ? nil : database,
                                  tls: .disable)
        }
        var shown = components
        if shown.password != nil { shown.password = "xxxxx" }
        redacted = shown.string ?? "postgres"
    }
}
