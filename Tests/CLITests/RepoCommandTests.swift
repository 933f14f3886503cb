import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built binary with repository config and cache in a fresh temporary folder (through
/// the SWIFTCHART_* overrides), reusing `CLIErrorTests`' binary location and result type.
struct RepoSandbox {
    let root: String
    var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = root + "/home"
        env["SWIFTCHART_REPOSITORY_CONFIG"] = root + "/config/repositories.yaml"
        env["SWIFTCHART_REPOSITORY_CACHE"] = root + "/cache"
        env["SWIFTCHART_CONFIG_HOME"] = root + "/config"
        env["SWIFTCHART_CACHE_HOME"] = root + "/cache-home"
        env["SOURCE_DATE_EPOCH"] = "1700000000"
        return env
    }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("swiftchart-repo-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    @discardableResult
    func run(_ arguments: [String], in directory: String? = nil) throws -> CLIErrorTests.Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLIErrorTests.binary ?? "")
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? root)
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIErrorTests.Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                                 stderr: String(decoding: errData, as: UTF8.self))
    }

    func write(_ path: String, _ content: String) throws {
        let full = root + "/" + path
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try content.write(toFile: full, atomically: true, encoding: .utf8)
    }

    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: root + "/" + path).map { String(decoding: $0, as: UTF8.self) }
    }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: root + "/" + path) }

    func list(_ path: String) -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: root + "/" + path)) ?? []).sorted() }

    /// A chart `name` made by `create`, packaged at `versions` into `repo/`, indexed.
    func publish(_ name: String, versions: [String]) throws {
        #expect(try run(["create", name]).status == 0)
        for v in versions { #expect(try run(["package", name, "-d", "repo", "--version", v]).status == 0) }
        #expect(try run(["repo", "index", "repo"]).status == 0)
    }
}

/// A minimal HTTP/1.0 file server on 127.0.0.1 (random port) for tests: serves files under
/// `root`, 404 otherwise, one request per connection, stopped by `stop()`.
final class LocalHTTPServer: @unchecked Sendable {
    let port: UInt16
    private let socketFD: Int32
    private let root: String
    private let thread: Thread

    init(root: String) throws {
        self.root = root
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var size = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, size) } }
        guard bound == 0, listen(fd, 16) == 0 else { close(fd); throw CocoaError(.fileWriteUnknown) }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &size) } }
        port = UInt16(bigEndian: address.sin_port)
        socketFD = fd
        let rootCopy = root
        thread = Thread {
            for _ in 0..<200 {
                let client = accept(fd, nil, nil)
                if client < 0 { return }
                LocalHTTPServer.serve(client, root: rootCopy)
            }
        }
        thread.start()
    }

    var url: String { "http://127.0.0.1:\(port)" }

    func stop() {
        shutdown(socketFD, Int32(SHUT_RDWR))
        close(socketFD)
    }

    private static func serve(_ client: Int32, root: String) {
        defer { close(client) }
        var buffer = [UInt8](repeating: 0, count: 8192)
        var request: [UInt8] = []
        while !request.containsHeaderEnd {
            let n = read(client, &buffer, buffer.count)
            if n <= 0 { return }
            request += buffer[0..<n]
        }
        let line = String(decoding: request.prefix { $0 != 0x0D }, as: UTF8.self).split(separator: " ")
        let path = line.count > 1 ? String(line[1]).removingPercentEncoding ?? "" : ""
        var response: [UInt8]
        if !path.contains(".."), let data = FileManager.default.contents(atPath: root + path) {
            response = Array("HTTP/1.1 200 OK\r\nContent-Length: \(data.count)\r\nConnection: close\r\n\r\n".utf8) + [UInt8](data)
        } else {
            response = Array("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8)
        }
        var sent = 0
        while sent < response.count {
            let n = response[sent...].withUnsafeBytes { write(client, $0.baseAddress, $0.count) }
            if n <= 0 { return }
            sent += n
        }
    }

    /// A port on 127.0.0.1 nothing listens on (bound, then closed).
    static func closedPort() -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var size = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, size) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &size) } }
        return UInt16(bigEndian: address.sin_port)
    }
}

extension [UInt8] {
    var containsHeaderEnd: Bool {
        guard count >= 4 else { return false }
        for i in 0...(count - 4) where self[i] == 0x0D && self[i + 1] == 0x0A && self[i + 2] == 0x0D && self[i + 3] == 0x0A { return true }
        return false
    }
}

@Suite(.enabled(if: CLIErrorTests.binary != nil, "build swiftchart first (swift build)"))
struct RepoCommandTests {
    @Test func addListSearchPullRemoveOverFileAndHTTP() throws {
        let box = try RepoSandbox()
        defer { box.remove() }
        try box.publish("webapp", versions: ["1.0.0", "1.1.0", "2.0.0-rc.1"])
        let server = try LocalHTTPServer(root: box.root + "/repo")
        defer { server.stop() }

        var r = try box.run(["repo", "add", "files", "file://" + box.root + "/repo"])
        #expect(r.status == 0 && r.stdout == "\"files\" has been added to your repositories\n", "\(r.stderr)")
        r = try box.run(["repo", "add", "web", server.url])
        #expect(r.status == 0 && r.stdout == "\"web\" has been added to your repositories\n", "\(r.stderr)")
        r = try box.run(["repo", "add", "web", server.url])
        #expect(r.stdout == "\"web\" already exists with the same configuration, skipping\n")
        #expect(box.read("cache/web-charts.txt") == "webapp\n")
        #expect(box.read("cache/web-index.yaml") == box.read("repo/index.yaml"))

        r = try box.run(["repo", "list"])
        let padded = "file://" + box.root + "/repo"
        let width = max(padded.count, server.url.count, 3)
        func cell(_ s: String) -> String { s + String(repeating: " ", count: width - s.count) }
        #expect(r.stdout == "NAME \t\(cell("URL"))\nfiles\t\(cell(padded))\nweb  \t\(cell(server.url))\n")
        r = try box.run(["repo", "list", "-o", "json"])
        #expect(r.stdout == "[{\"name\":\"files\",\"url\":\"\(padded)\"},{\"name\":\"web\",\"url\":\"\(server.url)\"}]\n")
        r = try box.run(["repo", "list", "-o", "yaml"])
        #expect(r.stdout == "- name: files\n  url: \(padded)\n- name: web\n  url: \(server.url)\n")

        r = try box.run(["repo", "update"])
        #expect(r.status == 0)
        #expect(r.stdout == """
        Hang tight while we grab the latest from your chart repositories...
        ...Successfully got an update from the "files" chart repository
        ...Successfully got an update from the "web" chart repository
        Update Complete. ⎈Happy Charting!⎈

        """)

        r = try box.run(["search", "repo", "webapp"])
        #expect(r.stdout == """
        NAME        \tCHART VERSION\tAPP VERSION\tDESCRIPTION                
        files/webapp\t1.1.0        \t1.16.0     \tA Helm chart for Kubernetes
        web/webapp  \t1.1.0        \t1.16.0     \tA Helm chart for Kubernetes

        """)
        r = try box.run(["search", "repo", "web/", "--versions", "--devel", "-o", "json"])
        #expect(r.stdout == #"[{"name":"web/webapp","version":"2.0.0-rc.1","app_version":"1.16.0","description":"A Helm chart for Kubernetes"},{"name":"web/webapp","version":"1.1.0","app_version":"1.16.0","description":"A Helm chart for Kubernetes"},{"name":"web/webapp","version":"1.0.0","app_version":"1.16.0","description":"A Helm chart for Kubernetes"}]"# + "\n")
        r = try box.run(["search", "repo", "nothing-like-this"])
        #expect(r.stdout == "No results found\n")

        r = try box.run(["pull", "web/webapp", "--version", "~1.0", "-d", "downloads"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(box.list("downloads") == ["webapp-1.0.0.tgz"])
        #expect(FileManager.default.contents(atPath: box.root + "/downloads/webapp-1.0.0.tgz") == FileManager.default.contents(atPath: box.root + "/repo/webapp-1.0.0.tgz"))
        r = try box.run(["pull", "webapp", "--repo", "file://" + box.root + "/repo", "--untar", "-d", "unpacked"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(box.read("unpacked/webapp/Chart.yaml")?.contains("version: 1.1.0") == true)
        r = try box.run(["pull", server.url + "/webapp-2.0.0-rc.1.tgz", "-d", "direct"])
        #expect(r.status == 0 && box.list("direct") == ["webapp-2.0.0-rc.1.tgz"], "\(r.stderr)")

        r = try box.run(["repo", "remove", "web", "files"])
        #expect(r.stdout == "\"web\" has been removed from your repositories\n\"files\" has been removed from your repositories\n")
        #expect(box.list("cache").isEmpty)
        r = try box.run(["repo", "list"])
        #expect(r.status == 1 && r.stderr == "Error: no repositories to show\n")
    }

    /// Failures print one error, exit 1 and leave nothing behind: (label, arguments, stderr).
    @Test func failuresAreCleanAndSingle() throws {
        let box = try RepoSandbox()
        defer { box.remove() }
        try box.publish("webapp", versions: ["1.0.0"])
        try box.write("corrupt/index.yaml", box.read("repo/index.yaml") ?? "")
        try box.write("corrupt/webapp-1.0.0.tgz", "not a gzip archive")
        let closed = LocalHTTPServer.closedPort()
        let cases: [(String, [String], String)] = [
            ("unreachable", ["repo", "add", "gone", "http://127.0.0.1:\(closed)"],
             "Error: looks like \"http://127.0.0.1:\(closed)\" is not a valid chart repository or cannot be reached: Get \"http://127.0.0.1:\(closed)/index.yaml\": dial tcp 127.0.0.1:\(closed): connect: connection refused\n"),
            ("not a repository", ["repo", "add", "x", "file://" + box.root + "/nothing"],
             "Error: looks like \"file://\(box.root)/nothing\" is not a valid chart repository or cannot be reached: open \(box.root)/nothing/index.yaml: no such file or directory\n"),
            ("corrupt archive", ["pull", "webapp", "--repo", "file://" + box.root + "/corrupt", "-d", "out"],
             "Error: digest mismatch for webapp-1.0.0.tgz"),
            ("unknown repo", ["pull", "nope/webapp", "-d", "out"], "Error: repo nope not found\n"),
            ("no such version", ["pull", "webapp", "--repo", "file://" + box.root + "/repo", "--version", "^3", "-d", "out"],
             "Error: chart \"webapp\" matching ^3 not found in file://\(box.root)/repo index. (try 'swiftchart repo update'): no chart version found for webapp-^3\n"),
        ]
        for (label, arguments, message) in cases {
            let r = try box.run(arguments)
            #expect(r.status == 1, "\(label)")
            #expect(r.stderr.hasPrefix(message), "\(label): \(r.stderr)")
            #expect(r.stderr.components(separatedBy: "Error:").count == 2, "\(label): one error")
            #expect(!box.exists("config/repositories.yaml") && !box.exists("cache") && !box.exists("out"), "\(label): nothing written")
        }
    }

    @Test(arguments: [["repo", "--help"], ["repo", "add", "--help"], ["repo", "list", "--help"], ["repo", "remove", "--help"],
                      ["repo", "update", "--help"], ["search", "repo", "--help"], ["pull", "--help"], ["dependency", "update", "--help"],
                      ["dependency", "build", "--help"], ["dependency", "list", "--help"], ["create", "--help"], ["lint", "--help"],
                      ["show", "all", "--help"], ["show", "values", "--help"]])
    func helpIsAvailable(_ arguments: [String]) throws {
        let box = try RepoSandbox()
        defer { box.remove() }
        let r = try box.run(arguments)
        #expect(r.status == 0)
        #expect(r.stdout.contains("USAGE: swiftchart"), "\(arguments)")
    }
}
