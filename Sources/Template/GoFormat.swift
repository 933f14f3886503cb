import Values

/// Go's `fmt` package for template values: `Sprint`, `Sprintln`, `Sprintf`
/// with Go's verbs, flags, widths, precisions and error notations
/// (`%!d(string=x)`, `%!(EXTRA …)`, `%!v(MISSING)`).
public enum GoFormat {
    /// `fmt.Sprint`: operands formatted with `%v`, a space between two operands
    /// when neither is a string.
    public static func sprint(_ args: [Value]) -> String {
        var p = GoPrinter()
        p.doPrint(args)
        return String(decoding: p.buf, as: UTF8.self)
    }

    /// `fmt.Sprintln`: operands with `%v`, always space-separated, newline at the end.
    public static func sprintln(_ args: [Value]) -> String {
        var p = GoPrinter()
        p.doPrintln(args)
        return String(decoding: p.buf, as: UTF8.self)
    }

    /// `fmt.Sprintf`.
    public static func sprintf(_ format: String, _ args: [Value]) -> String {
        var p = GoPrinter()
        p.doPrintf(Array(format.utf8), args)
        return String(decoding: p.buf, as: UTF8.self)
    }

    /// Appends the `%v` form of one value (what an action prints).
    static func appendValue(_ v: Value, to out: inout [UInt8]) {
        switch v {
        case .string(let s): out.append(contentsOf: s.utf8)
        case .int(let i): appendInt(Int64(i), to: &out)
        case .int64(let i): appendInt(i, to: &out)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        default:
            var p = GoPrinter()
            swap(&p.buf, &out)
            p.printArg(v, 0x76)
            swap(&p.buf, &out)
        }
    }

    static func appendInt(_ i: Int64, to out: inout [UInt8]) {
        if i >= 0 && i < 10 { out.append(UInt8(i) + 0x30); return }
        out.append(contentsOf: String(i).utf8)
    }

    /// `%#U` of a rune, as Go's lexer errors print it: `U+002D '-'`.
    static func unicodeRuneDescription(_ r: UInt32) -> String {
        var p = GoPrinter()
        p.sharp = true
        p.fmtUnicode(UInt64(r))
        return String(decoding: p.buf, as: UTF8.self)
    }
}

/// A Go complex128 constant (`{{ 2+3i }}`); templates can print and compare it.
struct GoComplex: GoObject, Equatable {
    let real: Double
    let imag: Double
    var goTypeName: String { "complex128" }
    var goKind: String { "complex128" }
    func member(_ name: String) -> GoMember? { nil }
    func formatted() -> String {
        var p = GoPrinter()
        p.fmtComplex(self, 0x76)
        return String(decoding: p.buf, as: UTF8.self)
    }
    func jsonValue() -> Value { .string(formatted()) }
    var isTruthy: Bool { real != 0 || imag != 0 }
}

struct GoPrinter {
    var buf: [UInt8] = []
    var wid = 0
    var prec = 0
    var widPresent = false
    var precPresent = false
    var minus = false
    var plus = false
    var sharp = false
    var space = false
    var zero = false
    var plusV = false
    var sharpV = false
    private var erroring = false
    private var reordered = false
    private var goodArgNum = true

    private static let ldigits: [UInt8] = Array("0123456789abcdefx".utf8)
    private static let udigits: [UInt8] = Array("0123456789ABCDEFX".utf8)

    mutating func clearFlags() {
        wid = 0; prec = 0
        widPresent = false; precPresent = false
        minus = false; plus = false; sharp = false; space = false; zero = false
        plusV = false; sharpV = false
    }

    // MARK: padding

    mutating func writePadding(_ n: Int) {
        guard n > 0 else { return }
        let b: UInt8 = (zero && !minus) ? 0x30 : 0x20
        buf.append(contentsOf: repeatElement(b, count: n))
    }

    mutating func pad(_ b: [UInt8]) {
        if !widPresent || wid == 0 {
            buf.append(contentsOf: b)
            return
        }
        let width = wid - GoStrconv.runeCount(b[...])
        if !minus {
            writePadding(width)
            buf.append(contentsOf: b)
        } else {
            buf.append(contentsOf: b)
            writePadding(width)
        }
    }

    mutating func padString(_ s: String) { pad(Array(s.utf8)) }

    // MARK: basic formatters

    mutating func fmtBoolean(_ v: Bool) { padString(v ? "true" : "false") }

    mutating func fmtInteger(_ u0: UInt64, base: Int, isSigned: Bool, verb: UInt8, upper: Bool) {
        let digits = upper ? GoPrinter.udigits : GoPrinter.ldigits
        let negative = isSigned && Int64(bitPattern: u0) < 0
        var u = negative ? (~u0 &+ 1) : u0
        var out: [UInt8] = []
        var precision = 0
        if precPresent {
            precision = prec
            if precision == 0 && u == 0 {
                let oldZero = zero
                zero = false
                writePadding(wid)
                zero = oldZero
                return
            }
        } else if zero && !minus && widPresent {
            precision = wid
            if negative || plus || space { precision -= 1 }
        }
        let b = UInt64(base)
        while u >= b {
            out.append(digits[Int(u % b)])
            u /= b
        }
        out.append(digits[Int(u)])
        while out.count < precision { out.append(0x30) }
        if sharp {
            switch base {
            case 2: out.append(0x62); out.append(0x30)
            case 8: if out.last != 0x30 { out.append(0x30) }
            case 16: out.append(digits[16]); out.append(0x30)
            default: break
            }
        }
        if verb == 0x4F { out.append(0x6F); out.append(0x30) }
        if negative { out.append(0x2D) } else if plus { out.append(0x2B) } else if space { out.append(0x20) }
        out.reverse()
        let oldZero = zero
        zero = false
        pad(out)
        zero = oldZero
    }

    mutating func fmtUnicode(_ u0: UInt64) {
        var u = u0
        var precision = 4
        if precPresent && prec > 4 { precision = prec }
        var tail: [UInt8] = []
        if sharp && u <= 0x10FFFF && GoStrconv.isPrint(UInt32(u)) {
            tail.append(0x20); tail.append(0x27)
            GoStrconv.appendRune(UInt32(u), to: &tail)
            tail.append(0x27)
        }
        var hex: [UInt8] = []
        while u >= 16 {
            hex.append(GoPrinter.udigits[Int(u & 0xF)])
            precision -= 1
            u >>= 4
        }
        hex.append(GoPrinter.udigits[Int(u)])
        precision -= 1
        while precision > 0 { hex.append(0x30); precision -= 1 }
        hex.append(0x2B); hex.append(0x55)
        hex.reverse()
        let oldZero = zero
        zero = false
        pad(hex + tail)
        zero = oldZero
    }

    mutating func fmtC(_ c: UInt64) {
        var r = c > 0x10FFFF ? 0xFFFD : UInt32(c)
        if r >= 0xD800 && r <= 0xDFFF { r = 0xFFFD }
        var out: [UInt8] = []
        GoStrconv.appendRune(r, to: &out)
        pad(out)
    }

    mutating func fmtQc(_ c: UInt64) {
        let r = c > 0x10FFFF ? 0xFFFD : UInt32(c)
        var out: [UInt8] = []
        GoStrconv.quoteRune(r, asciiOnly: plus, into: &out)
        pad(out)
    }

    private func truncate(_ s: [UInt8]) -> ArraySlice<UInt8> {
        if precPresent {
            var n = prec
            var i = 0
            while i < s.count {
                if s[i] & 0xC0 != 0x80 {
                    n -= 1
                    if n < 0 { return s[0..<i] }
                }
                i += 1
            }
        }
        return s[...]
    }

    mutating func fmtS(_ s: [UInt8]) { pad(Array(truncate(s))) }

    mutating func fmtSbx(_ s: [UInt8], upper: Bool) {
        let digits = upper ? GoPrinter.udigits : GoPrinter.ldigits
        var length = s.count
        if precPresent && prec < length { length = prec }
        var width = 2 * length
        if width > 0 {
            if space {
                if sharp { width *= 2 }
                width += length - 1
            } else if sharp {
                width += 2
            }
        } else {
            if widPresent { writePadding(wid) }
            return
        }
        if widPresent && wid > width && !minus { writePadding(wid - width) }
        if sharp { buf.append(0x30); buf.append(digits[16]) }
        for i in 0..<length {
            if space && i > 0 {
                buf.append(0x20)
                if sharp { buf.append(0x30); buf.append(digits[16]) }
            }
            let c = s[i]
            buf.append(digits[Int(c >> 4)]); buf.append(digits[Int(c & 0xF)])
        }
        if widPresent && wid > width && minus { writePadding(wid - width) }
    }

    mutating func fmtQ(_ s: [UInt8]) {
        let t = truncate(s)
        if sharp && GoStrconv.canBackquote(t) {
            pad([0x60] + Array(t) + [0x60])
            return
        }
        var out: [UInt8] = []
        GoStrconv.quote(t, asciiOnly: plus, into: &out)
        pad(out)
    }

    mutating func fmtFloatRaw(_ v: Double, verb: UInt8, prec defaultPrecision: Int) {
        let precision = precPresent ? prec : defaultPrecision
        var num: [UInt8] = [0x2B]
        GoFloatFormat.append(v, fmt: verb, precision: precision, to: &num)
        if num[1] == 0x2D || num[1] == 0x2B {
            num.removeFirst()
        }
        if space && num[0] == 0x2B && !plus { num[0] = 0x20 }
        if num[1] == 0x49 || num[1] == 0x4E {
            let oldZero = zero
            zero = false
            if num[1] == 0x4E && !space && !plus { num.removeFirst() }
            pad(num)
            zero = oldZero
            return
        }
        if sharp && verb != 0x62 {
            var digits = 0
            switch verb {
            case 0x76, 0x67, 0x47, 0x78:
                digits = precision
                if digits == -1 { digits = 6 }
            default: break
            }
            var tail: [UInt8] = []
            var hasDecimalPoint = false
            var sawNonzeroDigit = false
            var i = 1
            while i < num.count {
                let c = num[i]
                if c == 0x2E {
                    hasDecimalPoint = true
                } else if c == 0x70 || c == 0x50 {
                    tail.append(contentsOf: num[i...])
                    num.removeSubrange(i...)
                    break
                } else if (c == 0x65 || c == 0x45) && verb != 0x78 && verb != 0x58 {
                    tail.append(contentsOf: num[i...])
                    num.removeSubrange(i...)
                    break
                } else {
                    if c != 0x30 { sawNonzeroDigit = true }
                    if sawNonzeroDigit { digits -= 1 }
                }
                i += 1
            }
            if !hasDecimalPoint {
                if num.count == 2 && num[1] == 0x30 { digits -= 1 }
                num.append(0x2E)
            }
            while digits > 0 { num.append(0x30); digits -= 1 }
            num.append(contentsOf: tail)
        }
        if plus || num[0] != 0x2B {
            if zero && !minus && widPresent && wid > num.count {
                buf.append(num[0])
                writePadding(wid - num.count)
                buf.append(contentsOf: num[1...])
                return
            }
            pad(num)
            return
        }
        pad(Array(num[1...]))
    }

    // MARK: typed printers

    mutating func fmtBool(_ v: Bool, _ verb: UInt8, _ arg: Value) {
        switch verb {
        case 0x74, 0x76: fmtBoolean(v)
        default: badVerb(verb, arg)
        }
    }

    mutating func fmtIntegerVerb(_ v: UInt64, signed: Bool, _ verb: UInt8, _ arg: Value) {
        switch verb {
        case 0x76:
            if sharpV && !signed {
                let s = sharp
                sharp = true
                fmtInteger(v, base: 16, isSigned: false, verb: 0x76, upper: false)
                sharp = s
            } else {
                fmtInteger(v, base: 10, isSigned: signed, verb: verb, upper: false)
            }
        case 0x64: fmtInteger(v, base: 10, isSigned: signed, verb: verb, upper: false)
        case 0x62: fmtInteger(v, base: 2, isSigned: signed, verb: verb, upper: false)
        case 0x6F, 0x4F: fmtInteger(v, base: 8, isSigned: signed, verb: verb, upper: false)
        case 0x78: fmtInteger(v, base: 16, isSigned: signed, verb: verb, upper: false)
        case 0x58: fmtInteger(v, base: 16, isSigned: signed, verb: verb, upper: true)
        case 0x63: fmtC(v)
        case 0x71: fmtQc(v)
        case 0x55: fmtUnicode(v)
        default: badVerb(verb, arg)
        }
    }

    mutating func fmtFloat(_ v: Double, _ verb: UInt8, _ arg: Value) {
        switch verb {
        case 0x76: fmtFloatRaw(v, verb: 0x67, prec: -1)
        case 0x62, 0x67, 0x47, 0x78, 0x58: fmtFloatRaw(v, verb: verb, prec: -1)
        case 0x66, 0x65, 0x45: fmtFloatRaw(v, verb: verb, prec: 6)
        case 0x46: fmtFloatRaw(v, verb: 0x66, prec: 6)
        default: badVerb(verb, arg)
        }
    }

    mutating func fmtComplex(_ c: GoComplex, _ verb: UInt8) {
        switch verb {
        case 0x76, 0x62, 0x67, 0x47, 0x78, 0x58, 0x66, 0x46, 0x65, 0x45:
            let oldPlus = plus
            buf.append(0x28)
            fmtFloat(c.real, verb, .null)
            plus = true
            fmtFloat(c.imag, verb, .null)
            buf.append(contentsOf: [0x69, 0x29])
            plus = oldPlus
        default:
            badVerb(verb, .object(c))
        }
    }

    mutating func fmtString(_ s: [UInt8], _ verb: UInt8, _ arg: Value) {
        switch verb {
        case 0x76:
            if sharpV { fmtQ(rawBytes(s)) } else { fmtS(s) }
        case 0x73: fmtS(s)
        case 0x78: fmtSbx(rawBytes(s), upper: false)
        case 0x58: fmtSbx(rawBytes(s), upper: true)
        case 0x71: fmtQ(rawBytes(s))
        default: badVerb(verb, arg)
        }
    }

    /// Hex and quoting see a Go string's bytes: escaped invalid bytes (`GoBytes`) become
    /// the bytes they stand for; other verbs keep them so the output round-trips.
    private func rawBytes(_ s: [UInt8]) -> [UInt8] {
        s.contains(0xF4) ? GoBytes.bytes(of: String(decoding: s, as: UTF8.self)) : s
    }

    mutating func fmtBytes(_ v: [UInt8], _ verb: UInt8, depth: Int) {
        switch verb {
        case 0x76, 0x64:
            if sharpV {
                buf.append(contentsOf: "[]byte{".utf8)
                for (i, c) in v.enumerated() {
                    if i > 0 { buf.append(contentsOf: ", ".utf8) }
                    let s = sharp
                    sharp = true
                    fmtInteger(UInt64(c), base: 16, isSigned: false, verb: 0x76, upper: false)
                    sharp = s
                }
                buf.append(0x7D)
            } else {
                buf.append(0x5B)
                for (i, c) in v.enumerated() {
                    if i > 0 { buf.append(0x20) }
                    fmtInteger(UInt64(c), base: 10, isSigned: false, verb: verb, upper: false)
                }
                buf.append(0x5D)
            }
        case 0x73: fmtS(v)
        case 0x78: fmtSbx(v, upper: false)
        case 0x58: fmtSbx(v, upper: true)
        case 0x71: fmtQ(v)
        default:
            buf.append(0x5B)
            for (i, c) in v.enumerated() {
                if i > 0 { buf.append(0x20) }
                fmtIntegerVerb(UInt64(c), signed: false, verb, .int(Int(c)))
            }
            buf.append(0x5D)
        }
    }

    /// Go's `badVerb`: `%!verb(type=value)`.
    mutating func badVerb(_ verb: UInt8, _ arg: Value) {
        erroring = true
        buf.append(contentsOf: [0x25, 0x21])
        GoStrconv.appendRune(UInt32(verb), to: &buf)
        buf.append(0x28)
        if case .null = arg {
            buf.append(contentsOf: "<nil>".utf8)
        } else {
            buf.append(contentsOf: arg.goTypeName.utf8)
            buf.append(0x3D)
            printArg(arg, 0x76)
        }
        buf.append(0x29)
        erroring = false
    }

    mutating func badVerbRune(_ verb: UInt32, _ arg: Value) {
        if verb < 0x80 { badVerb(UInt8(verb), arg); return }
        erroring = true
        buf.append(contentsOf: [0x25, 0x21])
        GoStrconv.appendRune(verb, to: &buf)
        buf.append(0x28)
        if case .null = arg {
            buf.append(contentsOf: "<nil>".utf8)
        } else {
            buf.append(contentsOf: arg.goTypeName.utf8)
            buf.append(0x3D)
            printArg(arg, 0x76)
        }
        buf.append(0x29)
        erroring = false
    }

    /// Go's `printArg` for an interface value.
    mutating func printArg(_ arg: Value, _ verb: UInt8) {
        if case .null = arg {
            switch verb {
            case 0x54, 0x76: padString("<nil>")
            default: badVerb(verb, arg)
            }
            return
        }
        switch verb {
        case 0x54:
            fmtS(Array(arg.goTypeName.utf8))
            return
        case 0x70:
            badVerb(verb, arg)
            return
        default: break
        }
        printValue(arg, verb, depth: 0)
    }

    mutating func printValue(_ value: Value, _ verb: UInt8, depth: Int) {
        switch value {
        case .null:
            if sharpV { buf.append(contentsOf: "interface {}(nil)".utf8) } else { buf.append(contentsOf: "<nil>".utf8) }
        case .bool(let b): fmtBool(b, verb, value)
        case .int(let i): fmtIntegerVerb(UInt64(bitPattern: Int64(i)), signed: true, verb, value)
        case .int64(let i): fmtIntegerVerb(UInt64(bitPattern: i), signed: true, verb, value)
        case .float(let f): fmtFloat(f, verb, value)
        case .string(let s): fmtString(Array(s.utf8), verb, value)
        case .bytes(let b): fmtBytes(b, verb, depth: depth)
        case .list(let l, let type):
            if sharpV {
                buf.append(contentsOf: type.sliceTypeName.utf8)
                buf.append(0x7B)
                for (i, e) in l.enumerated() {
                    if i > 0 { buf.append(contentsOf: ", ".utf8) }
                    printValue(e, verb, depth: depth + 1)
                }
                buf.append(0x7D)
            } else {
                buf.append(0x5B)
                for (i, e) in l.enumerated() {
                    if i > 0 { buf.append(0x20) }
                    printValue(e, verb, depth: depth + 1)
                }
                buf.append(0x5D)
            }
        case .map(let m):
            if sharpV {
                buf.append(contentsOf: (m.goTypeName ?? "map[string]interface {}").utf8)
                buf.append(0x7B)
            } else {
                buf.append(contentsOf: "map[".utf8)
            }
            for (i, key) in m.keys.sorted(by: GoPrinter.goStringLess).enumerated() {
                if i > 0 {
                    if sharpV { buf.append(contentsOf: ", ".utf8) } else { buf.append(0x20) }
                }
                fmtString(Array(key.utf8), verb, .string(key))
                buf.append(0x3A)
                printValue(m[key] ?? .null, verb, depth: depth + 1)
            }
            buf.append(sharpV ? 0x7D : 0x5D)
        case .object(let o):
            if let c = o as? GoComplex {
                fmtComplex(c, verb)
                return
            }
            switch verb {
            case 0x76, 0x73, 0x78, 0x58, 0x71:
                fmtString(Array(o.formatted().utf8), verb, value)
            default:
                if erroring {
                    buf.append(contentsOf: o.formatted().utf8)
                } else {
                    badVerb(verb, value)
                }
            }
        }
    }

    /// Byte-wise string order, as Go's `fmtsort` and `sort.Strings` use.
    static func goStringLess(_ a: String, _ b: String) -> Bool {
        var ia = a.utf8.makeIterator()
        var ib = b.utf8.makeIterator()
        while true {
            switch (ia.next(), ib.next()) {
            case (nil, nil): return false
            case (nil, _): return true
            case (_, nil): return false
            case let (x?, y?):
                if x != y { return x < y }
            }
        }
    }

    // MARK: Print, Println, Printf

    mutating func doPrint(_ a: [Value]) {
        var prevString = false
        for (n, arg) in a.enumerated() {
            var isString = false
            if case .string = arg { isString = true }
            if n > 0 && !isString && !prevString { buf.append(0x20) }
            printArg(arg, 0x76)
            prevString = isString
        }
    }

    mutating func doPrintln(_ a: [Value]) {
        for (n, arg) in a.enumerated() {
            if n > 0 { buf.append(0x20) }
            printArg(arg, 0x76)
        }
        buf.append(0x0A)
    }

    private static func tooLarge(_ x: Int) -> Bool { x > 1_000_000 || x < -1_000_000 }

    private func parsenum(_ s: [UInt8], _ start: Int, _ end: Int) -> (Int, Bool, Int) {
        if start >= end { return (0, false, end) }
        var num = 0
        var isnum = false
        var i = start
        while i < end && s[i] >= 0x30 && s[i] <= 0x39 {
            if GoPrinter.tooLarge(num) { return (0, false, end) }
            num = num * 10 + Int(s[i] - 0x30)
            isnum = true
            i += 1
        }
        return (num, isnum, i)
    }

    private func intFromArg(_ a: [Value], _ argNum: Int) -> (Int, Bool, Int) {
        var newArgNum = argNum
        var num = 0
        var isInt = false
        if argNum < a.count {
            switch a[argNum] {
            case .int(let i): num = i; isInt = true
            case .int64(let i): num = Int(i); isInt = true
            default: break
            }
            newArgNum = argNum + 1
            if GoPrinter.tooLarge(num) { num = 0; isInt = false }
        }
        return (num, isInt, newArgNum)
    }

    private func parseArgNumber(_ format: [UInt8], _ at: Int) -> (Int, Int, Bool) {
        if format.count - at < 3 { return (0, 1, false) }
        var i = at + 1
        while i < format.count {
            if format[i] == 0x5D {
                let (width, ok, newi) = parsenum(format, at + 1, i)
                if !ok || newi != i { return (0, i - at + 1, false) }
                return (width - 1, i - at + 1, true)
            }
            i += 1
        }
        return (0, 1, false)
    }

    private mutating func argNumber(_ argNum: Int, _ format: [UInt8], _ i: Int, _ numArgs: Int) -> (Int, Int, Bool) {
        if format.count <= i || format[i] != 0x5B { return (argNum, i, false) }
        reordered = true
        let (index, wid, ok) = parseArgNumber(format, i)
        if ok && 0 <= index && index < numArgs { return (index, i + wid, true) }
        goodArgNum = false
        return (argNum, i + wid, ok)
    }

    mutating func doPrintf(_ format: [UInt8], _ a: [Value]) {
        let end = format.count
        var argNum = 0
        var afterIndex = false
        reordered = false
        var i = 0
        formatLoop: while i < end {
            goodArgNum = true
            let lasti = i
            while i < end && format[i] != 0x25 { i += 1 }
            if i > lasti { buf.append(contentsOf: format[lasti..<i]) }
            if i >= end { break }
            i += 1
            clearFlags()
            simpleFormat: while i < end {
                let c = format[i]
                switch c {
                case 0x23: sharp = true
                case 0x30: zero = !minus
                case 0x2B: plus = true
                case 0x2D: minus = true; zero = false
                case 0x20: space = true
                default:
                    if c >= 0x61 && c <= 0x7A && argNum < a.count {
                        if c == 0x76 {
                            sharpV = sharp; sharp = false
                            plusV = plus; plus = false
                        }
                        printArg(a[argNum], c)
                        argNum += 1
                        i += 1
                        continue formatLoop
                    }
                    break simpleFormat
                }
                i += 1
            }
            (argNum, i, afterIndex) = argNumber(argNum, format, i, a.count)
            if i < end && format[i] == 0x2A {
                i += 1
                (wid, widPresent, argNum) = intFromArg(a, argNum)
                if !widPresent { buf.append(contentsOf: "%!(BADWIDTH)".utf8) }
                if wid < 0 {
                    wid = -wid
                    minus = true
                    zero = false
                }
                afterIndex = false
            } else {
                (wid, widPresent, i) = parsenum(format, i, end)
                if afterIndex && widPresent { goodArgNum = false }
            }
            if i + 1 < end && format[i] == 0x2E {
                i += 1
                if afterIndex { goodArgNum = false }
                (argNum, i, afterIndex) = argNumber(argNum, format, i, a.count)
                if i < end && format[i] == 0x2A {
                    i += 1
                    (prec, precPresent, argNum) = intFromArg(a, argNum)
                    if prec < 0 {
                        prec = 0
                        precPresent = false
                    }
                    if !precPresent { buf.append(contentsOf: "%!(BADPREC)".utf8) }
                    afterIndex = false
                } else {
                    (prec, precPresent, i) = parsenum(format, i, end)
                    if !precPresent {
                        prec = 0
                        precPresent = true
                    }
                }
            }
            if !afterIndex {
                (argNum, i, afterIndex) = argNumber(argNum, format, i, a.count)
            }
            if i >= end {
                buf.append(contentsOf: "%!(NOVERB)".utf8)
                break
            }
            let (verb, size) = GoStrconv.decodeRune(format, i)
            i += size
            if verb == 0x25 {
                buf.append(0x25)
            } else if !goodArgNum {
                buf.append(contentsOf: [0x25, 0x21])
                GoStrconv.appendRune(verb, to: &buf)
                buf.append(contentsOf: "(BADINDEX)".utf8)
            } else if argNum >= a.count {
                buf.append(contentsOf: [0x25, 0x21])
                GoStrconv.appendRune(verb, to: &buf)
                buf.append(contentsOf: "(MISSING)".utf8)
            } else {
                if verb == 0x76 {
                    sharpV = sharp; sharp = false
                    plusV = plus; plus = false
                }
                if verb < 0x80 {
                    printArg(a[argNum], UInt8(verb))
                } else {
                    badVerbRune(verb, a[argNum])
                }
                argNum += 1
            }
        }
        if !reordered && argNum < a.count {
            clearFlags()
            buf.append(contentsOf: "%!(EXTRA ".utf8)
            for (k, arg) in a[argNum...].enumerated() {
                if k > 0 { buf.append(contentsOf: ", ".utf8) }
                if case .null = arg {
                    buf.append(contentsOf: "<nil>".utf8)
                } else {
                    buf.append(contentsOf: arg.goTypeName.utf8)
                    buf.append(0x3D)
                    printArg(arg, 0x76)
                }
            }
            buf.append(0x29)
        }
    }
}
