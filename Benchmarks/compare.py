#!/usr/bin/env python3
"""swiftchart vs Helm: whole-process and in-process timings per corpus chart,
the umbrella scaling curve, and peak RSS, written as Markdown to
Benchmarks/RESULTS.md (Python 3 standard library only).

    Benchmarks/compare.py [--runs N] [--chart NAME]... [--umbrella 10,50,100,200]
                          [--swiftchart PATH] [--bench PATH] [--helm-live] [--output FILE]

Run from the package root after `swift build -c release --static-swift-stdlib`. For every chart of
../shared/corpus/charts (default values) it times the whole process
`swiftchart template rel CHART -n prod --kube-version v1.31.0` (median of N
after warm-ups; peak RSS from the child's rusage) and, with the
swiftchart-bench binary, the in-process load + render median. Helm's numbers
come from ../shared/helm-bench/helm-bench-reference.json (in-process engine
median, and the oracle process); `--helm-live` measures Helm's in-process
engine now (helm-bench's library) for charts without a recorded figure and
for the umbrella charts. Ratios > 1 mean swiftchart is faster.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.realpath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared"))
CORPUS = os.path.join(SHARED, "corpus", "charts")
HELM_BENCH = os.path.join(SHARED, "helm-bench")
REFERENCE = os.path.join(HELM_BENCH, "helm-bench-reference.json")


def template_argv(binary: str, chart: str) -> list[str]:
    return [binary, "template", "rel", chart, "-n", "prod", "--kube-version", "v1.31.0"]


def run_once(argv: list[str]) -> tuple[float, int, int]:
    """Wall ms, exit status and output bytes of one process (stdout to a file)."""
    with tempfile.TemporaryFile() as out:
        t0 = time.perf_counter()
        p = subprocess.run(argv, stdout=out, stderr=subprocess.DEVNULL)
        dt = (time.perf_counter() - t0) * 1000
        out.seek(0, os.SEEK_END)
        return dt, p.returncode, out.tell()


def peak_rss_kib(argv: list[str]) -> int | None:
    """Max RSS of one run, from /usr/bin/time (the rusage a Python child reports
    includes the RSS of the Python process it was forked from)."""
    if not os.path.exists("/usr/bin/time"):
        return None
    with tempfile.NamedTemporaryFile("r") as report:
        subprocess.run(["/usr/bin/time", "-o", report.name, "-f", "%M"] + argv,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        text = report.read().strip().splitlines()
        return int(text[-1]) if text and text[-1].isdigit() else None


def time_process(argv: list[str], runs: int, warmup: int) -> dict:
    samples = []
    status, size = 0, 0
    for i in range(warmup + runs):
        dt, status, size = run_once(argv)
        if i >= warmup:
            samples.append(dt)
    return {"median_ms": statistics.median(samples), "min_ms": min(samples), "exit": status,
            "peak_rss_kib": peak_rss_kib(argv), "output_bytes": size}


def in_process(bench: str, charts: list[str], runs: int) -> dict[str, dict]:
    if not os.path.exists(bench):
        return {}
    p = subprocess.run([bench, "--json", "--runs", str(runs), "--warmup", "2"] + charts,
                       cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    if p.returncode != 0:
        return {}
    return {os.path.normpath(m["chart"]): m for m in json.loads(p.stdout)}


def helm_reference() -> dict:
    if os.path.exists(REFERENCE):
        with open(REFERENCE) as fh:
            return json.load(fh).get("entries", {})
    return {}


def helm_engine_live(chart: str, runs: int) -> float | None:
    """Helm's in-process engine median, measured by helm-bench in its own process
    (Helm's Go runtime must not run inside this one while swiftchart is timed)."""
    p = subprocess.run([os.path.join(HELM_BENCH, "helm-bench"), chart, "--no-process", "--runs", str(runs),
                        "--warmup", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    m = re.search(r"Helm engine in-process\s+median ([0-9.]+) ms", p.stdout)
    if not m:
        print(f"compare: Helm engine not measured for {chart}: {p.stderr.strip()[-300:]}", file=sys.stderr)
        return None
    return float(m.group(1))


def fmt(ms: float | None) -> str:
    if ms is None:
        return "—"
    return f"{ms:.1f}" if ms < 100 else f"{ms:.0f}"


def ratio(a: float | None, b: float | None) -> str:
    return f"{a / b:.1f}×" if a and b else "—"


def mib(kib: int | None) -> str:
    return f"{kib / 1024:.1f}" if kib else "—"


def git_head() -> str:
    p = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    return p.stdout.strip()


def machine() -> str:
    sys.path.insert(0, HELM_BENCH)
    try:
        import benchlib
        return benchlib.machine()
    except Exception:
        return f"{os.cpu_count()} CPUs"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--swiftchart", default=os.path.join(ROOT, ".build", "release", "swiftchart"))
    ap.add_argument("--bench", default=os.path.join(ROOT, ".build", "release", "swiftchart-bench"))
    ap.add_argument("--runs", type=int, default=10, help="measured runs per chart (default 10)")
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--chart", action="append", default=[], help="corpus chart name (repeatable; default all)")
    ap.add_argument("--umbrella", default="10,50,100,200", help="subchart counts ('' to skip)")
    ap.add_argument("--helm-live", action="store_true", help="measure Helm's engine where nothing is recorded")
    ap.add_argument("--output", default=os.path.join(HERE, "RESULTS.md"))
    args = ap.parse_args()

    binary = os.path.abspath(args.swiftchart)
    if not os.path.exists(binary):
        print(f"compare: no binary at {binary} (swift build -c release --static-swift-stdlib)", file=sys.stderr)
        return 2
    lines = [f"# swiftchart vs Helm", "",
             f"Generated by `Benchmarks/compare.py` on {datetime.date.today().isoformat()} at commit "
             f"`{git_head()}`; machine: {machine()}. {args.runs} runs after {args.warmup} warm-ups, medians. "
             f"Load average at start: {os.getloadavg()[0]:.1f} (wall times grow with it; `s CPU` does much less).", ""]

    ref = helm_reference()
    charts = []
    if os.path.isdir(CORPUS):
        names = args.chart or sorted(n for n in os.listdir(CORPUS) if os.path.exists(os.path.join(CORPUS, n, "Chart.yaml")))
        charts = [os.path.join(CORPUS, n) for n in names]
    else:
        print("compare: ../shared/corpus not present; corpus table skipped", file=sys.stderr)

    if charts:
        inproc = in_process(args.bench, [os.path.relpath(c, ROOT) for c in charts], max(args.runs, 10))
        lines += ["## Corpus charts (default values)", "",
                  "S = whole `swiftchart template rel CHART -n prod --kube-version v1.31.0` process; "
                  "s = swiftchart in-process load + render + sort + print (`swiftchart-bench`); "
                  "H = Helm v4 engine in-process, load + render (helm-bench); "
                  "P = `helm-oracle template` process. Ratios > 1: swiftchart faster.", "",
                  "| chart | docs | S ms | peak RSS MiB | s ms | s CPU ms | H ms | H / s | H / S | P ms | P / S |",
                  "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for chart in charts:
            name = os.path.basename(chart)
            proc = time_process(template_argv(binary, chart), args.runs, args.warmup)
            entry = ref.get(name, {})
            helm_ms = entry.get("engine", {}).get("median_ms")
            if helm_ms is None and args.helm_live and proc["exit"] == 0:
                helm_ms = helm_engine_live(chart, 10)
            oracle_ms = entry.get("process", {}).get("median_ms")
            ip = inproc.get(os.path.normpath(os.path.relpath(chart, ROOT)), {})
            s_ms = ip.get("medianMs") if not ip.get("error") else None
            docs = ip.get("documents", "—")
            if proc["exit"] != 0:
                lines.append(f"| {name} | — | {fmt(proc['median_ms'])} | {mib(proc['peak_rss_kib'])} | — | — | — | — | — | — "
                             f"| fails (exit {proc['exit']}) |")
            else:
                lines.append(f"| {name} | {docs} | {fmt(proc['median_ms'])} | {mib(proc['peak_rss_kib'])} | {fmt(s_ms)} "
                             f"| {fmt(ip.get('cpuMedianMs'))} | {fmt(helm_ms)} | {ratio(helm_ms, s_ms)} | {ratio(helm_ms, proc['median_ms'])} "
                             f"| {fmt(oracle_ms)} | {ratio(oracle_ms, proc['median_ms'])} |")
            print(lines[-1], file=sys.stderr)
        lines.append("")

    counts = [int(c) for c in args.umbrella.split(",") if c.strip()]
    if counts:
        outdir = os.path.join(ROOT, ".build", "bench-umbrella")
        umbrellas = []
        for n in counts:
            p = subprocess.run([sys.executable, os.path.join(HERE, "generate-umbrella.py"), str(n), outdir],
                               stdout=subprocess.PIPE, text=True, check=True)
            umbrellas.append((n, p.stdout.strip()))
        inproc = in_process(args.bench, [os.path.relpath(u, ROOT) for _, u in umbrellas], 5)
        lines += ["## Umbrella chart scaling", "",
                  "Generated by `Benchmarks/generate-umbrella.py N`: N app subcharts (helpers, deployment, service, "
                  "configmap, serviceaccount, values; `tpl`, `toYaml`, `include`, checksum annotation).", "",
                  "| subcharts | docs | S ms | S / S(previous) | peak RSS MiB | s ms | H ms | H / S |",
                  "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
        previous = None
        for n, path in umbrellas:
            proc = time_process(template_argv(binary, path), max(3, args.runs // 2), 1)
            ip = inproc.get(os.path.normpath(os.path.relpath(path, ROOT)), {})
            helm_ms = helm_engine_live(path, 3) if args.helm_live else None
            step = ratio(proc["median_ms"], previous) if previous else "—"
            lines.append(f"| {n} | {ip.get('documents', '—')} | {fmt(proc['median_ms'])} | {step} "
                         f"| {mib(proc['peak_rss_kib'])} | {fmt(ip.get('medianMs'))} | {fmt(helm_ms)} "
                         f"| {ratio(helm_ms, proc['median_ms'])} |")
            print(lines[-1], file=sys.stderr)
            previous = proc["median_ms"]
        lines.append("")

    with open(args.output, "w") as fh:
        fh.write("\n".join(lines))
    print(f"wrote {os.path.relpath(args.output)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
