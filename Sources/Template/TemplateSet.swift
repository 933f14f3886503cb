#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Values

/// How a missing map key reads (Go's `missingkey` option).
public enum MissingKeyMode: Sendable {
    /// Go's default: no value (prints `<no value>`).
    case invalid
    /// `missingkey=zero`, Helm's normal mode: the map's zero value (nil interface).
    case zero
    /// `missingkey=error`, Helm's `--strict` mode.
    case error
}

/// Parse and execution options of a template set.
public struct TemplateOptions: Sendable {
    public var missingKey: MissingKeyMode
    public var leftDelimiter: String
    public var rightDelimiter: String

    public init(missingKey: MissingKeyMode = .zero, leftDelimiter: String = "{{", rightDelimiter: String = "}}") {
        self.missingKey = missingKey
        self.leftDelimiter = leftDelimiter
        self.rightDelimiter = rightDelimiter
    }
}

/// A set of named templates sharing definitions, like Go's `*template.Template`
/// with its associated templates: every parsed file and every `define`/`block`
/// is a template of the set; later definitions replace earlier ones unless the
/// later one is empty (Go's `AddParseTree` rule). Parse once, execute many times.
public struct TemplateSet: Sendable {
    /// Name of the set as Go's error messages show it (Helm: `gotpl`).
    public let name: String
    public var functions: FunctionTable { didSet { inlineTrees = InlineTreeCache() } }
    public var options: TemplateOptions { didSet { inlineTrees = InlineTreeCache() } }
    private(set) var templates: [String: TemplateTree] = [:]
    /// Definitions `tpl` added on top of `templates` in this copy of the set:
    /// a small overlay, so that `tpl` does not copy the whole set's tables.
    private var inlineTemplates: [String: TemplateTree] = [:]
    /// Trees parsed from `tpl` texts, shared by all copies of the set.
    private var inlineTrees = InlineTreeCache()
    private var fileOrder: [String] = []
    private var fileTrees: [String: [TemplateTree]] = [:]

    public init(name: String = "gotpl", functions: FunctionTable = [:], options: TemplateOptions = TemplateOptions()) {
        self.name = name
        self.functions = functions
        self.options = options
    }

    /// Names of all templates (files and definitions), sorted.
    public var templateNames: [String] { templates.keys.sorted() }

    public func hasTemplate(named name: String) -> Bool { tree(named: name) != nil }

    /// The template `name`: a `tpl` definition of this copy, else a parsed one.
    func tree(named name: String) -> TemplateTree? {
        if !inlineTemplates.isEmpty, let t = inlineTemplates[name] { return t }
        return templates[name]
    }

    /// Parses `text` as the template `name` (a file) and adds it and its
    /// definitions to the set. Errors are Go's parse errors (`TemplateError.kind == .parse`).
    public mutating func parse(name: String, text: String) throws {
        try parse(name: name, utf8: Array(text.utf8))
    }

    /// `parse(name:text:)` for a file's bytes, read as `String(decoding:as: UTF8.self)`
    /// reads them; valid UTF-8 (the usual case) is parsed in place, without a copy.
    public mutating func parse(name: String, bytes: [UInt8]) throws {
        try parse(name: name, utf8: Self.isValidUTF8(bytes) ? bytes : Array(String(decoding: bytes, as: UTF8.self).utf8))
    }

    private mutating func parse(name: String, utf8: [UInt8]) throws {
        register(name: name, try parseTrees(name: name, utf8: utf8))
    }

    private mutating func register(name: String, _ trees: [TemplateTree]) {
        if fileTrees[name] == nil { fileOrder.append(name) }
        fileTrees[name] = trees
        for t in trees { associate(t) }
    }

    /// `parse(name:bytes:)` for each file in order, with the files parsed
    /// concurrently (one large-stack thread per core) and then added to the
    /// set in order: the set ends up exactly as after the sequential calls,
    /// and the error thrown is the one of the earliest failing file (the
    /// files before it are added, the ones after it are not).
    public mutating func parse(files: [(name: String, bytes: [UInt8])]) throws {
        let results = parseConcurrently(files)
        for (i, result) in results.enumerated() {
            register(name: files[i].name, try result.get())
        }
    }

    private func parseConcurrently(_ files: [(name: String, bytes: [UInt8])]) -> [Result<[TemplateTree], any Error>] {
        let batch = ParseBatch(count: files.count)
        let set = self
        let parseOne: @Sendable (Int) -> Result<[TemplateTree], any Error> = { i in
            Result {
                let bytes = files[i].bytes
                return try set.parseTrees(name: files[i].name,
                                          utf8: Self.isValidUTF8(bytes) ? bytes : Array(String(decoding: bytes, as: UTF8.self).utf8))
            }
        }
        let workers = min(files.count, ParseBatch.processorCount)
        if workers < 2 {
            return files.indices.map(parseOne)
        }
        LargeStack.concurrently(workers) { _ in
            while let i = batch.claim() { batch.store(i, parseOne(i)) }
        }
        return batch.results().enumerated().map { i, result in result ?? parseOne(i) }
    }

    private static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        if bytes.withUnsafeBufferPointer(ByteSearch.isASCII) { return true }
        return String(validating: bytes, as: UTF8.self) != nil
    }

    private func parseTrees(name: String, text: String) throws -> [TemplateTree] {
        try parseTrees(name: name, utf8: Array(text.utf8))
    }

    private func parseTrees(name: String, utf8 text: [UInt8]) throws -> [TemplateTree] {
        let functions = self.functions
        let left = Array(options.leftDelimiter.utf8)
        let right = Array(options.rightDelimiter.utf8)
        do {
            return try LargeStack.run {
                try Parser.parse(name: name, text: text, leftDelim: left, rightDelim: right,
                                 hasFunction: { functions[$0] != nil || Builtin(rawValue: $0) != nil })
            }
        } catch let f as ParseFailure {
            throw TemplateError(kind: .parse, file: f.parseName, templateName: f.parseName, line: f.line,
                                column: nil, context: nil, message: f.message)
        }
    }

    private mutating func associate(_ tree: TemplateTree) {
        if templates[tree.name] != nil && tree.isEmpty { return }
        templates[tree.name] = tree
    }

    /// Helm v4's `tpl`: the text is parsed as template `name` into a copy of
    /// this set (its definitions replace existing ones, Go's `AddParseTree`
    /// rule) and the freshly parsed top-level tree is returned. Go executes that
    /// tree itself, not the set's entry for `name`: an empty text leaves a
    /// non-empty template of the same name in the set, yet renders nothing.
    /// The parse of a text is cached: charts call `tpl` with the same few texts.
    mutating func parseInline(name: String, text: String) throws -> TemplateTree? {
        let trees: [TemplateTree]
        if let cached = inlineTrees.get(name: name, text: text) {
            trees = cached
        } else {
            trees = try parseTrees(name: name, text: text)
            inlineTrees.put(name: name, text: text, trees)
        }
        for t in trees where !(t.isEmpty && tree(named: t.name) != nil) {
            inlineTemplates[t.name] = t
        }
        return trees.first { $0.name == name } ?? tree(named: name)
    }

    func noTemplateError(_ template: String) -> TemplateError {
        TemplateError(kind: .lookup, file: template, templateName: template, line: 0, column: nil, context: nil,
                      message: "template: no template \(GoStrconv.quote(template)) associated with template \(GoStrconv.quote(name))")
    }

    /// Executes the template `name` with `data` as dot and returns its output.
    public func execute(name: String, data: Value) throws -> String {
        let (output, failure) = try run(name: name, data: data)
        if let failure { throw failure }
        return String(decoding: output, as: UTF8.self)
    }

    /// Executes the template `name`, appending its output to `buffer`. On error,
    /// the output produced before the failure is appended as well (as Go writes it).
    public func execute(name: String, data: Value, into buffer: inout [UInt8]) throws {
        let (output, failure) = try run(name: name, data: data)
        buffer.append(contentsOf: output)
        if let failure { throw failure }
    }

    private func run(name: String, data: Value) throws -> ([UInt8], TemplateError?) {
        guard let tree = tree(named: name) else { throw noTemplateError(name) }
        let set = self
        return try LargeStack.run { () -> ([UInt8], TemplateError?) in
            let executor = Executor(set: set, tree: tree)
            do {
                try executor.run(tree: tree, data: data)
                return (executor.out, nil)
            } catch let e as TemplateError {
                return (executor.out, e)
            }
        }
    }
}

/// `tpl` parse results by (name, text), behind a lock: copies of a set share it.
final class InlineTreeCache: @unchecked Sendable {
    private let lock = MutexLock()
    private var trees: [String: [TemplateTree]] = [:]
    private static let capacity = 4096

    func get(name: String, text: String) -> [TemplateTree]? {
        lock.withLock { trees[name + "\u{0}" + text] }
    }

    func put(name: String, text: String, _ value: [TemplateTree]) {
        lock.withLock {
            if trees.count >= Self.capacity { trees.removeAll(keepingCapacity: true) }
            trees[name + "\u{0}" + text] = value
        }
    }
}

/// The work list of `TemplateSet.parse(files:)`: workers claim file indexes
/// in order and store each file's result in its slot.
private final class ParseBatch: @unchecked Sendable {
    private let lock = MutexLock()
    private var nextIndex = 0
    private var slots: [Result<[TemplateTree], any Error>?]

    static let processorCount: Int = max(1, min(Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), 8))

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func claim() -> Int? {
        lock.withLock {
            guard nextIndex < slots.count else { return nil }
            nextIndex += 1
            return nextIndex - 1
        }
    }

    func store(_ i: Int, _ result: Result<[TemplateTree], any Error>) {
        lock.withLock { slots[i] = result }
    }

    /// The stored results (all of them once the workers have finished).
    func results() -> [Result<[TemplateTree], any Error>?] {
        lock.withLock { slots }
    }
}

/// A pthread mutex (the Template module does without Foundation).
final class MutexLock: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }
}
