import Foundation
import GRDB
import Release
import Testing
import Values

@Suite struct StoreFailureTests {
    @Test func corruptOrUnusableSQLiteFilesGiveClearErrorsAndStayUntouched() throws {
        let directory = temporaryDirectory()
        let garbage = directory + "/garbage.sqlite"
        let bytes = Data(String(repeating: "not a database, just text\n", count: 200).utf8)
        try bytes.write(to: URL(fileURLWithPath: garbage))
        let folderAsFile = directory + "/a-folder"
        try FileManager.default.createDirectory(atPath: folderAsFile, withIntermediateDirectories: true)

        let cases: [(path: String, reason: String)] = [
            (garbage, "file is not a database"),
            (folderAsFile, "unable to open database file"),
        ]
        for c in cases {
            #expect(throws: ReleaseError.storeUnavailable(location: c.path, reason: c.reason)) {
                _ = try SQLiteReleaseStore(path: c.path)
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: garbage)) == bytes)
    }

    @Test func unreadableRecordNamesTheRevisionAndChangesNothing() throws {
        let path = temporaryDirectory() + "/releases.sqlite"
        let store = try SQLiteReleaseStore(path: path)
        let context = ReleaseContext(store: store)
        _ = try context.install(InstallOptions(name: "db", namespace: "default", values: .null), renderer: ConfigMapRenderer())
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO releases (namespace, name, revision, status, body) VALUES ('default', 'db', 2, 'deployed', ?)",
                           arguments: [Data("{\"name\": \"db\", \"info\": {\"status\": 7}}".utf8)])
        }
        let expected = ReleaseError.corruptRecord(
            origin: "release \"db\" revision 2",
            reason: "Expected to decode String but found number instead. at info.status")
        #expect(throws: expected) { _ = try context.history(name: "db", namespace: "default") }
        #expect(throws: expected) {
            _ = try context.upgrade(UpgradeOptions(name: "db", namespace: "default", values: .null), renderer: ConfigMapRenderer())
        }
        let count = try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM releases") }
        #expect(count == 2)
        let locks = try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM release_locks") }
        #expect(locks == 0)
    }

    @Test func storageSelection() throws {
        let directory = temporaryDirectory()
        let cases: [(spec: String?, env: [String: String], location: String)] = [
            (nil, ["XDG_DATA_HOME": directory + "/xdg"], directory + "/xdg/swiftchart/releases.sqlite"),
            ("sqlite", ["HOME": directory + "/home"], directory + "/home/.local/share/swiftchart/releases.sqlite"),
            (nil, ["SWIFTCHART_STORAGE": "sqlite:" + directory + "/env.sqlite"], directory + "/env.sqlite"),
            ("sqlite://" + directory + "/flag.sqlite", ["SWIFTCHART_STORAGE": "memory"], directory + "/flag.sqlite"),
            (nil, ["SWIFTCHART_SQLITE_PATH": directory + "/override.sqlite"], directory + "/override.sqlite"),
            ("memory", [:], "memory"),
        ]
        for c in cases {
            #expect(try StoreLocator.open(c.spec, environment: c.env).location == c.location)
        }
        #expect(throws: ReleaseError.self) { _ = try StoreLocator.open("mysql://x", environment: [:]) }
    }
}
