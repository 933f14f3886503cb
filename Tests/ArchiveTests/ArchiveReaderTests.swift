import Foundation
import Testing
@testable import Chart

@Suite struct ArchiveReaderTests {
    static let chartYaml = Array("apiVersion: v2\nname: demo\nversion: 0.1.0\n".utf8)

    /// Hostile archives and the error each must produce (Helm's wording where Helm has one).
    static let hostileCases: [(String, [HostileMember], String)] = [
        ("absolute path", [.init(name: "demo//etc/passwd", bytes: [1])], "chart illegally contains absolute paths"),
        ("parent traversal", [.init(name: "demo/../../etc/passwd", bytes: [1])], "chart illegally references parent directory"),
        ("traversal after clean", [.init(name: "demo/templates/../../x", bytes: [1])], "chart illegally references parent directory"),
        ("file at top level", [.init(name: "demo", bytes: [1])], "chart illegally contains content outside the base directory: \"demo\""),
        ("windows drive", [.init(name: "demo/c:/evil", bytes: [1])], "chart contains illegally named files"),
        ("Chart.yaml at top", [.init(name: "Chart.yaml/x", bytes: [1])], "chart yaml not in base directory"),
        ("symlink escaping", [.init(name: "demo/templates/cm.yaml", kind: .symlink("../../../etc/passwd"))],
         "chart illegally contains a link: \"demo/templates/cm.yaml\" -> \"../../../etc/passwd\""),
        ("hard link", [.init(name: "demo/a", bytes: [1]), .init(name: "demo/b", kind: .hardlink("/etc/shadow"))],
         "chart illegally contains a link: \"demo/b\" -> \"/etc/shadow\""),
        ("device file", [.init(name: "demo/tty", kind: .characterDevice)],
         "chart illegally contains a special file (device, fifo or socket): \"demo/tty\""),
        ("fifo", [.init(name: "demo/pipe", kind: .fifo)],
         "chart illegally contains a special file (device, fifo or socket): \"demo/pipe\""),
        ("only directories", [.init(name: "demo/", kind: .directory)], "no files in chart archive"),
    ]

    @Test(arguments: hostileCases.indices)
    func refusesHostileArchive(_ index: Int) {
        let (label, members, message) = Self.hostileCases[index]
        let archive = HostileArchive.tgz(members)
        #expect(throws: Error.self, "\(label)") { _ = try ArchiveReader.read(archive) }
        do { _ = try ArchiveReader.read(archive); Issue.record("\(label) accepted") } catch {
            #expect(error.description == message, "\(label)")
        }
    }

    /// Size limits: (label, members, limits, expected message).
    static let sizeCases: [(String, [HostileMember], ArchiveLimits, String)] = [
        ("single file over the default 5 MiB", [.init(name: "demo/big", bytes: [UInt8](repeating: 0, count: 5 * 1024 * 1024 + 1))],
         .helmDefaults, "decompressed chart file \"demo/big\" is larger than the maximum file size 5242880"),
        ("file over a small limit", [.init(name: "demo/a", bytes: [UInt8](repeating: 7, count: 2000))],
         ArchiveLimits(maxChartSize: 100_000, maxFileSize: 1000), "decompressed chart file \"demo/a\" is larger than the maximum file size 1000"),
        ("gzip bomb: many small files over the total", (0..<10).map { .init(name: "demo/f\($0)", bytes: [UInt8](repeating: 0, count: 900)) },
         ArchiveLimits(maxChartSize: 5000, maxFileSize: 1000), "decompressed chart is larger than the maximum size 5000"),
        ("exactly the total is refused (Helm: remaining <= 0)", [.init(name: "demo/a", bytes: [UInt8](repeating: 0, count: 1000))],
         ArchiveLimits(maxChartSize: 1000, maxFileSize: 1000), "decompressed chart is larger than the maximum size 1000"),
    ]

    @Test(arguments: sizeCases.indices)
    func enforcesSizeLimits(_ index: Int) {
        let (label, members, limits, message) = Self.sizeCases[index]
        let archive = HostileArchive.tgz(members)
        #expect(archive.count < 200_000, "\(label): the compressed archive is small")
        do { _ = try ArchiveReader.read(archive, limits: limits); Issue.record("\(label) accepted") } catch {
            #expect(error.description == message, "\(label)")
        }
    }

    @Test func stripsTopFolderBOMAndDirectories() throws {
        let archive = HostileArchive.tgz([
            .init(name: "demo/", kind: .directory),
            .init(name: "demo/Chart.yaml", bytes: Self.chartYaml),
            .init(name: "demo/./templates//a.yaml", bytes: [0xEF, 0xBB, 0xBF] + Array("x: 1\n".utf8)),
            .init(name: "demo\\templates\\win.yaml", bytes: [1]),
        ])
        let entries = try ArchiveReader.read(archive)
        #expect(entries.map(\.path) == ["Chart.yaml", "templates/a.yaml", "templates/win.yaml"])
        #expect(entries[1].bytes == Array("x: 1\n".utf8))
        #expect(entries[0].mode == 0o644)
    }

    /// Inputs that are not chart archives: (label, bytes, file name, message).
    static let notArchiveCases: [(String, [UInt8], String, String)] = [
        ("yaml given as chart", Array("replicas: 1\n".utf8), "values.yaml", "file 'values.yaml' seems to be a YAML file, but expected a gzipped archive"),
        ("text file", Array("hello\n".utf8), "notes.tgz", "file 'notes.tgz' does not appear to be a gzipped archive; got 'text/plain; charset=utf-8'"),
        ("binary file", [0x00, 0x01, 0x02, 0xFF], "blob.tgz", "file 'blob.tgz' does not appear to be a gzipped archive; got 'application/octet-stream'"),
    ]

    @Test(arguments: notArchiveCases.indices)
    func explainsNonArchives(_ index: Int) {
        let (label, bytes, name, message) = Self.notArchiveCases[index]
        do { try ArchiveReader.ensureGzip(bytes, name: name); Issue.record("\(label) accepted") } catch {
            #expect(error.description == message, "\(label)")
        }
    }

    @Test func corruptArchivesFailWithOneClearError() {
        let good = HostileArchive.tgz([.init(name: "demo/Chart.yaml", bytes: Self.chartYaml)])
        let truncated = Array(good.prefix(good.count / 2))
        var flipped = good
        flipped[flipped.count - 12] ^= 0xFF
        for (label, bytes) in [("truncated", truncated), ("bit flip", flipped), ("gzip of non-tar", HostileArchive.tgz([], gzip: true).prefix(10) + [0, 0])] {
            do { _ = try ArchiveReader.read(Array(bytes)); Issue.record("\(label) accepted") } catch {
                #expect(error.description.hasPrefix("invalid chart archive: ") || error == .noFiles, "\(label): \(error)")
            }
        }
    }
}
