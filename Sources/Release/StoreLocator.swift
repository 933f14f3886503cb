import Foundation

/// Chooses the release store from `--storage` / `SWIFTCHART_STORAGE`:
/// - empty or `sqlite`: `$SWIFTCHART_SQLITE_PATH`, else `$XDG_DATA_HOME/swiftchart/releases.sqlite`
///   (`~/.local/share/swiftchart/releases.sqlite` without XDG_DATA_HOME);
/// - `sqlite:PATH` or `sqlite://PATH`: that file;
/// - `postgres://…` / `postgresql://…`: a PostgreSQL database;
/// - `memory`: in-process (nothing persists).
public enum StoreLocator {
    public static func open(_ spec: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> any ReleaseStore
    {
        let value = (spec?.isEmpty == false ? spec : environment["SWIFTCHART_STORAGE"]) ?? ""
        if value.isEmpty || value == "sqlite" {
            return try SQLiteReleaseStore(path: defaultSQLitePath(environment))
        }
        if value == "memory" { return MemoryReleaseStore() }
        if value.hasPrefix("postgres://") || value.hasPrefix("postgresql://") {
            return try PostgresReleaseStore(url: value)
        }
        if value.hasPrefix("sqlite://") { return try SQLiteReleaseStore(path: String(value.dropFirst(9))) }
        if value.hasPrefix("sqlite:") { return try SQLiteReleaseStore(path: String(value.dropFirst(7))) }
        throw ReleaseError.invalidStorage(
            "unknown storage \"\(value)\": use sqlite, sqlite:PATH, postgres://user:password@host:port/database or memory")
    }

    public static func defaultSQLitePath(_ environment: [String: String]) -> String {
        if let path = environment["SWIFTCHART_SQLITE_PATH"], !path.isEmpty { return path }
        if let data = environment["XDG_DATA_HOME"], !data.isEmpty { return data + "/swiftchart/releases.sqlite" }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/share/swiftchart/releases.sqlite"
    }
}
