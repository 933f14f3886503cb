import Foundation

/// `swiftchart-bench [--runs N] [--warmup W] [-f VALUES]… [--in-process] [--json] [CHART…]`
///
/// Loads and renders each chart (load + render + sort + print into a string,
/// exactly the CLI's `template` pipeline) N times and reports median and p95
/// time, allocation calls and requested bytes per render, and the peak RSS.
/// Without CHART arguments: every chart of `../shared/corpus/charts` (when
/// present) and of `Charts/`. Each chart is measured in its own worker
/// process (this executable with `--worker`) so that peak RSS is per chart;
/// `--in-process` measures all charts in this process instead.
struct Arguments {
    var runs = 20
    var warmup = 3
    var valuesFiles: [String] = []
    var charts: [String] = []
    var worker = false
    var inProcess = false
    var json = false

    init(_ argv: [String]) throws {
        var i = 0
        func next(_ flag: String) throws -> String {
            i += 1
            guard i < argv.count else { throw BenchError(message: "\(flag) needs a value") }
            return argv[i]
        }
        while i < argv.count {
            let a = argv[i]
            switch a {
            case "--runs": runs = Int(try next(a)) ?? runs
            case "--warmup": warmup = Int(try next(a)) ?? warmup
            case "-f", "--values": valuesFiles.append(try next(a))
            case "--worker": worker = true
            case "--in-process": inProcess = true
            case "--json": json = true
            case "-h", "--help":
                print("usage: swiftchart-bench [--runs N] [--warmup W] [-f VALUES]… [--in-process] [--json] [CHART…]")
                exit(0)
            default:
                if a.hasPrefix("-") { throw BenchError(message: "unknown option \(a)") }
                charts.append(a)
            }
            i += 1
        }
    }
}

func defaultCharts() -> [String] {
    let fm = FileManager.default
    var charts: [String] = []
    for root in ["../shared/corpus/charts", "Charts"] {
        guard let names = try? fm.contentsOfDirectory(atPath: root) else { continue }
        for name in names.sorted() where fm.fileExists(atPath: root + "/" + name + "/Chart.yaml") {
            charts.append(root + "/" + name)
        }
    }
    return charts
}

/// Helm's recorded engine medians (load + render, in-process), by chart folder name.
func helmReference() -> [String: Double] {
    guard let data = FileManager.default.contents(atPath: "../shared/helm-bench/helm-bench-reference.json"),
          let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
          let entries = root["entries"] as? [String: Any] else { return [:] }
    var out: [String: Double] = [:]
    for (key, entry) in entries {
        if let e = entry as? [String: Any], let engine = e["engine"] as? [String: Any],
           let median = engine["median_ms"] as? Double {
            out[key] = median
        }
    }
    return out
}

func measureInWorker(_ chart: String, _ args: Arguments) -> ChartMeasurement {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/proc/self/exe")
    var argv = ["--worker", "--runs", String(args.runs), "--warmup", String(args.warmup), chart]
    for f in args.valuesFiles { argv += ["-f", f] }
    process.arguments = argv
    let pipe = Pipe()
    process.standardOutput = pipe
    do {
        try process.run()
    } catch {
        return failed(chart, args, "cannot start worker: \(error)")
    }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard let m = try? JSONDecoder().decode(ChartMeasurement.self, from: data) else {
        return failed(chart, args, "worker exited \(process.terminationStatus)")
    }
    return m
}

func failed(_ chart: String, _ args: Arguments, _ message: String) -> ChartMeasurement {
    ChartMeasurement(chart: chart, runs: args.runs, medianMs: 0, p95Ms: 0, minMs: 0, cpuMedianMs: 0, loadMedianMs: 0, renderMedianMs: 0,
                     outputBytes: 0, documents: 0, allocations: 0, allocatedBytes: 0, peakRSSKiB: 0, error: message)
}

func ms(_ v: Double) -> String { v < 100 ? String(format: "%.2f", v) : String(format: "%.0f", v) }

func report(_ results: [ChartMeasurement], _ args: Arguments) {
    let helm = helmReference()
    print("| chart | docs | output | median ms | p95 ms | CPU ms | load / render ms | allocs/render | MB alloc/render | peak RSS MiB | Helm engine ms | Helm / swiftchart |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in results {
        let name = URL(fileURLWithPath: r.chart).lastPathComponent
        if let error = r.error {
            let firstLine = error.split(separator: "\n").first.map(String.init) ?? error
            print("| \(name) | — | — | — | — | — | — | — | — | \(String(format: "%.1f", Double(r.peakRSSKiB) / 1024)) | — | error: \(firstLine.prefix(80)) |")
            continue
        }
        let key = args.valuesFiles.isEmpty ? name : name + args.valuesFiles.map { " -f " + URL(fileURLWithPath: $0).lastPathComponent }.joined()
        let helmMs = helm[key]
        print("| \(name) | \(r.documents) | \(String(format: "%.1f", Double(r.outputBytes) / 1024)) KB | \(ms(r.medianMs)) | \(ms(r.p95Ms)) | \(ms(r.cpuMedianMs)) "
              + "| \(ms(r.loadMedianMs)) / \(ms(r.renderMedianMs)) | \(r.allocations) | \(String(format: "%.1f", Double(r.allocatedBytes) / 1_048_576)) "
              + "| \(String(format: "%.1f", Double(r.peakRSSKiB) / 1024)) | \(helmMs.map(ms) ?? "—") "
              + "| \(helmMs.map { String(format: "%.1f×", $0 / r.medianMs) } ?? "—") |")
    }
    print("\n\(args.runs) runs after \(args.warmup) warm-ups; time = load + render + sort + print (wall; CPU = user + system); "
          + "allocs = malloc/calloc/realloc/memalign calls; peak RSS = max RSS of the \(args.inProcess ? "benchmark process so far" : "chart's worker process").")
}

do {
    let args = try Arguments(Array(CommandLine.arguments.dropFirst()))
    if args.worker {
        guard let chart = args.charts.first else { throw BenchError(message: "--worker needs a chart") }
        let m = ChartRun(path: chart, valuesFiles: args.valuesFiles).measure(runs: args.runs, warmup: args.warmup)
        FileHandle.standardOutput.write(try JSONEncoder().encode(m))
        exit(0)
    }
    let charts = args.charts.isEmpty ? defaultCharts() : args.charts
    if charts.isEmpty {
        print("no charts: pass CHART paths, or run from the package root (../shared/corpus/charts, Charts/)")
        exit(0)
    }
    var results: [ChartMeasurement] = []
    for chart in charts {
        let m = args.inProcess
            ? ChartRun(path: chart, valuesFiles: args.valuesFiles).measure(runs: args.runs, warmup: args.warmup)
            : measureInWorker(chart, args)
        if !args.json {
            FileHandle.standardError.write(Data("\(chart): \(m.error == nil ? ms(m.medianMs) + " ms" : "error")\n".utf8))
        }
        results.append(m)
    }
    if args.json {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        FileHandle.standardOutput.write(try encoder.encode(results))
        print()
    } else {
        report(results, args)
    }
} catch {
    FileHandle.standardError.write(Data("swiftchart-bench: \(error)\n".utf8))
    exit(2)
}
