import Testing
import Values

@Suite struct TruthinessTests {
    @Test(arguments: [
        (Value.null, false), (.bool(false), false), (.bool(true), true),
        (.int(0), false), (.int(2), true), (.int64(0), false), (.float(0), false),
        (.float(0.5), true), (.string(""), false), (.string("x"), true),
        (.list([]), false), (.list([.null]), true), (.map([:]), false), (.map(["a": .null]), true),
    ])
    func goTruthiness(value: Value, truthy: Bool) {
        #expect(value.isTruthy == truthy)
    }
}
