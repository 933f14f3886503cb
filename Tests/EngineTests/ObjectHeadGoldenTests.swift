import Foundation
import Testing
import Values
@testable import Engine

/// Every document of the recorded Helm outputs (`Golden/**/*.yaml`): the byte
/// scan of `YAML.scanObjectHead` reads the same head as `YAML.load`, and it
/// reads most of them (the rest go to libyaml).
@Suite struct ObjectHeadGoldenTests {
    static func documents() throws -> [(file: String, text: String)] {
        let root = GoldenTests.golden
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var docs: [(file: String, text: String)] = []
        for case let file as String in walker where file.hasSuffix(".yaml") {
            let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
            for doc in ManifestSplitter.split(text) { docs.append((file, doc)) }
        }
        return docs
    }

    @Test func goldenDocumentsScanLikeLoad() throws {
        let docs = try Self.documents()
        #expect(docs.count > 200)
        var scanned = 0
        for (file, doc) in docs {
            let bytes = Array(doc.utf8)
            guard let head = YAML.scanObjectHead(bytes) else { continue }
            scanned += 1
            let loaded = try? YAML.load(bytes, file: file)
            if case .null? = loaded {
                #expect(head == ObjectHead(), "\(file)")
                continue
            }
            guard case .map(let full)? = loaded else {
                Issue.record("\(file): the scan read a document that load does not read as a map")
                continue
            }
            #expect(head == ObjectHead(apiVersion: full["apiVersion"], kind: full["kind"], metadata: full["metadata"]), "\(file)")
        }
        #expect(scanned * 10 >= docs.count * 9, "scanned \(scanned) of \(docs.count)")
    }
}
