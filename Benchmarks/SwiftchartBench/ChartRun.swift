import Chart
#if canImport(Glibc)
import Glibc
#endif
import Engine
import MallocCounter
import Values

/// What one chart's measurement produced (one worker process).
struct ChartMeasurement: Codable {
    var chart: String
    var runs: Int
    var medianMs: Double
    var p95Ms: Double
    var minMs: Double
    /// Median CPU time (user + system) per load + render.
    var cpuMedianMs: Double
    /// Load and render medians separately.
    var loadMedianMs: Double
    var renderMedianMs: Double
    var outputBytes: Int
    var documents: Int
    /// Allocation calls per load + render (median over runs).
    var allocations: UInt64
    /// Bytes requested from the allocator per load + render (median over runs).
    var allocatedBytes: UInt64
    /// Peak RSS of the worker process at the end (KiB).
    var peakRSSKiB: Int
    var error: String?
}

/// Renders one chart the way `swiftchart template rel CHART -n prod --kube-version v1.31.0 [-f …]` does.
struct ChartRun {
    let path: String
    let valuesFiles: [String]

    func userValues() throws -> Value {
        var base: [String: Value] = [:]
        for file in valuesFiles {
            base = Merge.mergeMaps(base, try YAML.loadValues(try readFile(file), file: file))
        }
        return .map(base)
    }

    func options() throws -> RenderOptions {
        var capabilities = Capabilities()
        capabilities.kubeVersion = try KubeVersion(parsing: "v1.31.0")
        return RenderOptions(
            release: ReleaseOptions(name: "rel", namespace: "prod", revision: 1, isInstall: true, isUpgrade: false),
            capabilities: capabilities)
    }

    /// Loads and renders `warmup + runs` times, timing the measured runs, then
    /// counts the allocations of `min(runs, 3)` more runs: counting is off
    /// while timing because its shared atomic counters slow the threads down.
    func measure(runs: Int, warmup: Int) -> ChartMeasurement {
        var result = ChartMeasurement(chart: path, runs: runs, medianMs: 0, p95Ms: 0, minMs: 0, cpuMedianMs: 0, loadMedianMs: 0,
                                      renderMedianMs: 0, outputBytes: 0, documents: 0, allocations: 0,
                                      allocatedBytes: 0, peakRSSKiB: 0, error: nil)
        do {
            let values = try userValues()
            let options = try options()
            var totals: [Double] = [], loads: [Double] = [], renders: [Double] = []
            var calls: [Double] = [], bytes: [Double] = [], cpu: [Double] = []
            var output = ""
            func loadAndRender() throws -> (load: Double, render: Double) {
                let t0 = nowMilliseconds()
                let chart = try ChartLoader.load(path: path)
                let t1 = nowMilliseconds()
                output = try Engine.template(chart: chart, values: values, options: options,
                                             output: TemplateOutputOptions())
                return (t1 - t0, nowMilliseconds() - t1)
            }
            for i in 0..<(warmup + runs) {
                let c0 = cpuMilliseconds()
                let (load, render) = try loadAndRender()
                let c1 = cpuMilliseconds()
                guard i >= warmup else { continue }
                totals.append(load + render)
                loads.append(load)
                renders.append(render)
                cpu.append(c1 - c0)
            }
            for _ in 0..<min(runs, 3) {
                malloc_counter_set_counting(1)
                let a0 = allocationSnapshot()
                _ = try loadAndRender()
                let a1 = allocationSnapshot()
                malloc_counter_set_counting(0)
                calls.append(Double(a1.calls - a0.calls))
                bytes.append(Double(a1.bytes - a0.bytes))
            }
            let total = Summary(totals)
            result.medianMs = total.median
            result.p95Ms = total.p95
            result.minMs = total.min
            result.cpuMedianMs = Summary(cpu).median
            result.loadMedianMs = Summary(loads).median
            result.renderMedianMs = Summary(renders).median
            result.allocations = UInt64(Summary(calls).median)
            result.allocatedBytes = UInt64(Summary(bytes).median)
            result.outputBytes = output.utf8.count
            result.documents = countDocuments(output)
        } catch {
            result.error = "\(error)"
        }
        result.peakRSSKiB = peakRSSKiB()
        return result
    }

    private func countDocuments(_ text: String) -> Int {
        var count = 0
        var atLineStart = true
        var dashes = 0
        for byte in text.utf8 {
            if atLineStart || dashes > 0 {
                if byte == UInt8(ascii: "-") {
                    dashes += 1
                    atLineStart = false
                    if dashes == 3 { count += 1; dashes = 0 }
                    continue
                }
                dashes = 0
            }
            atLineStart = byte == UInt8(ascii: "\n")
        }
        return count
    }
}

/// Reads a whole file (the benchmark's own values files).
func readFile(_ path: String) throws -> [UInt8] {
    guard let file = fopen(path, "rb") else { throw BenchError(message: "cannot open \(path)") }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = fread(&chunk, 1, chunk.count, file)
        if n <= 0 { break }
        bytes.append(contentsOf: chunk[0..<n])
    }
    return bytes
}

struct BenchError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
