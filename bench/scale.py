"""Speed and scale, every figure in one run: build vs the naive script, rebuilds, a data drop.

    python -m bench.scale --reports 1000 [--workers 2] [--seed 11] [--keep DIR] [--markdown]

On a synthetic corpus of ``--reports`` reports (``bench/corpus.py``) it runs, each as its own
process, measured from outside (``bench/measure.py``):

1. the naive baseline (``bench/naive.py``: read, ``jieba.lcut``, ``Counter``; one process);
2. a cold full build (``python -m pipeline build --workers N``);
3. the same build again with nothing changed (every file from the cache);
4. one new report dropped into the built corpus, then a build;
5. that report built alone into an empty output directory;
6. word clouds drawn from the built keywords (``bench/cloud_speed.py``).

Ratios are taken within the run (the machine is shared: absolute seconds drift between runs,
ratios much less). The machine line shows the load average before and after.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from bench.corpus import SEED, generate_report, write_corpus
from bench.measure import Run, child_env, machine_line, python_command, run_measured

BUILD_SPEED_GOAL = 2.0  # the build at least twice as fast as the naive script
DROP_GOAL = 2.0  # a one-report drop at most twice the cost of building that report alone


def build_command(raw: Path, out: Path, workers: int) -> list[str]:
    return python_command("-m", "pipeline", "build", "--raw", str(raw), "--out", str(out), "--workers", str(workers))


def run_all(work: Path, n_reports: int, workers: int, seed: int, code: Path | None = None,
            repeat: int = 1) -> tuple[dict[str, Run], float, list[str]]:
    raw, out = work / "raw", work / "out"
    reports = write_corpus(raw, n_reports, seed)
    megabytes = sum(len(r.content) for r in reports) / 1e6
    dropped = generate_report(n_reports, seed)  # the next report of the same corpus
    alone = work / "alone"
    (alone / dropped.relative_path).parent.mkdir(parents=True)
    (alone / dropped.relative_path).write_bytes(dropped.content)
    env = child_env()
    # --code: build with another checkout of the pipeline (before/after comparisons). The
    # build runs from inside that checkout: ``python -m`` puts the working directory before
    # PYTHONPATH, so run from here it would import this checkout's pipeline.
    build_env = child_env(PYTHONPATH=str(code)) if code else env
    build_cwd = code

    def build(label: str, raw_dir: Path, out_dir: Path) -> Run:
        return run_measured(label, build_command(raw_dir, out_dir, workers), cwd=build_cwd, env=build_env).check()
    naive, cold = [], []
    for i in range(repeat):  # alternating, so a burst of load from other jobs hits both
        naive.append(run_measured("naive script", python_command("-m", "bench.naive", str(raw)), env=env).check())
        shutil.rmtree(out, ignore_errors=True)
        cold.append(build("full build, cold", raw, out))
    runs = {
        "naive": _fastest(naive),
        "cold": _fastest(cold),
        "cached": build("rebuild, nothing changed", raw, out),
    }
    (raw / dropped.relative_path).parent.mkdir(parents=True, exist_ok=True)
    (raw / dropped.relative_path).write_bytes(dropped.content)
    runs["drop"] = build("one report dropped in", raw, out)
    runs["alone"] = build("that report built alone", alone, work / "alone-out")
    clouds = run_measured("clouds", python_command("-m", "bench.cloud_speed", str(out)), env=env).check()
    return runs, megabytes, clouds.output.strip().splitlines()


def _fastest(runs: list[Run]) -> Run:
    """The least disturbed of repeated runs (other jobs only ever add time)."""
    best = min(runs, key=lambda r: r.wall)
    if len(runs) > 1:
        best.label += f" (best of {len(runs)})"
    return best


def report_lines(runs: dict[str, Run], n_reports: int, megabytes: float, workers: int, markdown: bool) -> list[str]:
    rows = [("figure", "wall s", "CPU s", "peak MB all", "peak MB largest", "docs/s", "MB/s", "docs/CPU-s")]
    for key, run in runs.items():
        docs = 1 if key == "alone" else n_reports
        size = megabytes / n_reports if key == "alone" else megabytes
        rows.append((run.label, f"{run.wall:.1f}", f"{run.cpu:.1f}", f"{run.peak_total_mb:.0f}",
                     f"{run.peak_process_mb:.0f}", f"{docs / run.wall:.1f}", f"{size / run.wall:.2f}",
                     f"{docs / max(run.cpu, 1e-9):.1f}"))
    speed = runs["naive"].wall / runs["cold"].wall
    drop = runs["drop"].wall / runs["alone"].wall
    # On a shared machine wall time also counts waiting for a core; CPU seconds do not.
    ratios = [
        f"build speed / naive script speed: {speed:.2f}x wall (goal >= {BUILD_SPEED_GOAL:.0f}x; {workers} workers), "
        f"{runs['naive'].cpu / runs['cold'].cpu:.2f}x in CPU seconds",
        f"rebuild with nothing changed / cold build: {runs['cached'].wall / runs['cold'].wall:.2f} wall, "
        f"{runs['cached'].cpu / runs['cold'].cpu:.2f} CPU",
        f"one-report drop / that report alone: {drop:.2f}x wall (goal <= {DROP_GOAL:.0f}x), "
        f"{runs['drop'].cpu / runs['alone'].cpu:.2f}x CPU",
    ]
    if markdown:
        table = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
        table += ["| " + " | ".join(r) + " |" for r in rows[1:]]
        return table + [""] + [f"- {r}" for r in ratios]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    table = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))) for r in rows]
    return table + ratios


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=100)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--keep", type=Path, default=None, help="work directory to keep (default: a temporary one)")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown (for bench/README.md)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of the naive script and the cold build (best kept)")
    parser.add_argument("--code", type=Path, default=None,
                        help="build with the pipeline of another checkout (e.g. an older commit, for before/after)")
    args = parser.parse_args(argv)
    before = machine_line()
    work = (args.keep or Path(tempfile.mkdtemp(prefix="county-pulse-scale-"))).resolve()  # builds may run elsewhere
    if args.keep and work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True, exist_ok=True)
    try:
        code = args.code.resolve() if args.code else None
        runs, megabytes, cloud_lines = run_all(work, args.reports, args.workers, args.seed, code, args.repeat)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print(before)
    print(f"after: {machine_line().split('; ')[-1]}")
    print(f"corpus: {args.reports} synthetic reports (seed {args.seed}), {megabytes:.1f} MB; build workers {args.workers}"
          + (f"; pipeline from {args.code}" if args.code else ""))
    for line in report_lines(runs, args.reports, megabytes, args.workers, args.markdown):
        print(line)
    for line in cloud_lines:
        print(("- " if args.markdown else "") + line)


if __name__ == "__main__":
    main()
