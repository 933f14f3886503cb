import Testing
import Values
@testable import Functions

/// paths: expected values rendered by Helm v4 (helm-oracle, NOTES.txt).
@Suite struct PathsTests {
    static let rows: [Row] = [
        Row("base", [.string("/usr/lib/x.so")], "x.so"),
        Row("base", [.string("dir/")], "dir"),
        Row("base", [.string("//")], "/"),
        Row("dir", [.string("a/b/c")], "a/b"),
        Row("dir", [.string("/x")], "/"),
        Row("dir", [.string("x")], "."),
        Row("dir", [.string("a//b//")], "a/b"),
        Row("ext", [.string("archive.tar.gz")], ".gz"),
        Row("ext", [.string("a.b/c")], ""),
        Row("ext", [.string(".hidden")], ".hidden"),
        Row("clean", [.string("/a/./b/../../c/")], "/c"),
        Row("clean", [.string("a/../../b")], "../b"),
        Row("clean", [.string("//x//y")], "/x/y"),
        Row("clean", [.string(".")], "."),
        Row("isAbs", [.string("/")], "true"),
        Row("isAbs", [.string("./x")], "false"),
        Row("osBase", [.string("a/b")], "b"),
        Row("osDir", [.string("a/b")], "a"),
        Row("osExt", [.string("x.y")], ".y"),
        Row("osClean", [.string("a//b/./")], "a/b"),
        Row("osIsAbs", [.string("a")], "false"),
        Row("urlParse", [.string("https://user:pw@host.example:8443/p/a%20th?q=1&r=2#frag")], "map[fragment:frag host:host.example:8443 hostname:host.example opaque: path:/p/a th query:q=1&r=2 scheme:https userinfo:user:pw]"),
        Row("urlParse", [.string("mailto:someone@example.com")], "map[fragment: host: hostname: opaque:someone@example.com path: query: scheme:mailto userinfo:]"),
        Row("urlParse", [.string("/relative/path?x=y")], "map[fragment: host: hostname: opaque: path:/relative/path query:x=y scheme: userinfo:]"),
        Row("urlJoin", [.map(["scheme": .string("http"), "host": .string("h"), "path": .string("p q/r"), "query": .string("a=b")])], "http://h/p%20q/r?a=b"),
        Row("urlJoin", [.map(["path": .string("a:b")])], "./a:b"),
        Row("urlJoin", [.map(["scheme": .string("s"), "opaque": .string("op:x"), "fragment": .string("f g")])], "s:op:x#f%20g"),
        Row("urlJoin", [.map(["host": .string("h"), "path": .string("rel")])], "//h/rel"),
    ]

    @Test(arguments: rows) func matchesHelm(_ row: Row) throws {
        #expect(try row.render() == row.expected)
    }
}
