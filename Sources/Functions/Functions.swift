import Foundation
import Template
import Values

/// Knobs for the non-hermetic functions, so tests and reproducible renders
/// can pin them.
public struct FunctionOptions: Sendable {
    /// `getHostByName` resolves names only when true; otherwise it returns ""
    /// (what Helm v4's `helm template` prints without network access).
    public var allowDNSLookup: Bool
    /// The clock behind `now`, `ago`, `date` on non-time arguments.
    public var clock: @Sendable () -> GoTime
    /// Source of randomness for `rand*`, `uuidv4`, `shuffle`, key generation salts.
    public var randomBytes: @Sendable (Int) -> [UInt8]
    /// Zone used for Go's `time.Local` (`date`, `toDate`, `now`).
    public var localZone: GoTimeZone
    /// Helm's lint mode: `required` and `fail` do not stop the render (they yield "")
    /// so that lint goes on to check the rest of the chart.
    public var lintMode: Bool

    public init(
        allowDNSLookup: Bool = false,
        clock: (@Sendable () -> GoTime)? = nil,
        randomBytes: (@Sendable (Int) -> [UInt8])? = nil,
        localZone: GoTimeZone = .local,
        lintMode: Bool = false
    ) {
        self.allowDNSLookup = allowDNSLookup
        self.lintMode = lintMode
        self.localZone = localZone
        let zone = localZone
        self.clock = clock ?? { GoTime.now(in: zone) }
        self.randomBytes = randomBytes ?? { count in
            var generator = SystemRandomNumberGenerator()
            return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
        }
    }
}

/// The Sprig v3 and Helm v4 function library.
public enum Functions {
    /// Every function `helm template` offers (Sprig without `env`/`expandenv`,
    /// plus Helm's own), keyed by template name.
    public static func standard(options: FunctionOptions = FunctionOptions()) -> FunctionTable {
        var table = FunctionTable()
        StringFunctions.register(into: &table, options: options)
        ListFunctions.register(into: &table, options: options)
        DictFunctions.register(into: &table, options: options)
        DefaultFunctions.register(into: &table, options: options)
        MathFunctions.register(into: &table, options: options)
        ConversionFunctions.register(into: &table, options: options)
        DateFunctions.register(into: &table, options: options)
        EncodingFunctions.register(into: &table, options: options)
        CryptoFunctions.register(into: &table, options: options)
        CertificateFunctions.register(into: &table, options: options)
        SemverFunctions.register(into: &table, options: options)
        ReflectionFunctions.register(into: &table, options: options)
        PathFunctions.register(into: &table, options: options)
        URLFunctions.register(into: &table, options: options)
        RegexFunctions.register(into: &table, options: options)
        HelmFunctions.register(into: &table, options: options)
        return table
    }
}

typealias FunctionBody = @Sendable ([Value], FunctionContext) throws -> Value

extension Dictionary where Key == String, Value == TemplateFunction {
    mutating func add(
        _ name: String, _ parameters: [ParameterType], variadic: ParameterType? = nil,
        _ body: @escaping FunctionBody
    ) {
        self[name] = TemplateFunction(parameters, variadic: variadic, body)
    }
}

extension Array where Element == Value {
    /// Argument `i` (nil when absent).
    func arg(_ i: Int) -> Value { i < count ? self[i] : .null }
    func string(_ i: Int) -> String {
        if case .string(let s) = arg(i) { return s }
        return Cast.toString(arg(i))
    }
    func int(_ i: Int) -> Int {
        if case .int(let v) = arg(i) { return v }
        return Cast.toInt(arg(i))
    }
    func int64(_ i: Int) -> Int64 {
        if case .int64(let v) = arg(i) { return v }
        return Cast.toInt64(arg(i))
    }
    func bool(_ i: Int) -> Bool {
        if case .bool(let v) = arg(i) { return v }
        return arg(i).isTruthy
    }
    func list(_ i: Int) -> [Value] { arg(i).listValue ?? [] }
    func map(_ i: Int) -> [String: Value] { arg(i).mapValue ?? [:] }
    /// The map argument itself (shared, for functions that change it in place as Go's do).
    func mapRef(_ i: Int) -> ValueMap {
        if case .map(let m) = arg(i) { return m }
        return ValueMap()
    }
    /// Arguments from `i` on (the variadic tail).
    func rest(from i: Int) -> [Value] { i < count ? Array(self[i...]) : [] }
}

extension Value {
    /// A Go `[]string` result.
    static func strings(_ s: [String]) -> Value { .list(s.map { .string($0) }, elementType: .string) }
}
