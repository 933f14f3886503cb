import Testing
import Values
@testable import Engine

/// `.Files.Lines`: one trailing newline is dropped before splitting on "\n"; an empty or
/// missing file has no lines. Expected JSON recorded with ../shared/helm-oracle
/// (`{{ .Files.Lines "f" | toJson }}`).
@Suite struct FilesLinesTests {
    static let cases: [(String, [UInt8]?, String)] = [
        ("empty", [], "[]"),
        ("missing", nil, "[]"),
        ("newline", Array("\n".utf8), "[\"\"]"),
        ("one", Array("a\n".utf8), "[\"a\"]"),
        ("two-without-final-newline", Array("a\nb".utf8), "[\"a\",\"b\"]"),
        ("crlf", Array("a\r\nb\r\n".utf8), "[\"a\\r\",\"b\\r\"]"),
        ("two-blank-lines", Array("\n\n".utf8), "[\"\",\"\"]"),
        ("space", Array(" ".utf8), "[\" \"]"),
    ]

    @Test(arguments: cases)
    func linesMatchHelm(name: String, contents: [UInt8]?, expectedJSON: String) throws {
        let files = FilesObject(files: contents.map { ["f": $0] } ?? [:])
        guard case .method(_, let lines)? = files.member("Lines") else {
            Issue.record("Files has no Lines method")
            return
        }
        #expect(JSON.encode(try lines([.string("f")])) == expectedJSON, "\(name)")
    }
}
