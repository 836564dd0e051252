"""Build speed: cold build, cached rebuild and parallel build of a synthetic corpus.

    python bench/build_speed.py [--copies 40] [--workers 2]

The sample corpus is replicated ``--copies`` times (each copy gets a distinct header
line so its content hash differs and nothing is deduplicated), then built three ways
in one run. Figures are printed as seconds and as ratios to the cold single-process
build, which is what to compare across machines.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline import settings  # noqa: E402
from pipeline.build import run_build  # noqa: E402


def make_corpus(target: Path, copies: int) -> int:
    sources = [p for p in (settings.PROJECT_ROOT / "data" / "raw").rglob("*.txt")]
    for i in range(copies):
        for source in sources:
            text = source.read_text(encoding="utf-8")
            path = target / f"copy{i:03d}" / source.name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f"副本{i}\n{text}", encoding="utf-8")
    return copies * len(sources)


def timed(label: str, **kwargs) -> float:
    started = time.perf_counter()
    summary = run_build(**kwargs)
    seconds = time.perf_counter() - started
    print(f"{label:<28} {seconds:7.2f} s   ok={summary.ok} unchanged={summary.unchanged} facts={summary.facts}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=40)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="county-pulse-bench-"))
    try:
        raw = work / "raw"
        n_files = make_corpus(raw, args.copies)
        size = sum(p.stat().st_size for p in raw.rglob("*") if p.is_file())
        print(f"corpus: {n_files} files, {size / 1e6:.1f} MB")
        cold = timed("cold, 1 process", raw_dir=raw, out_dir=work / "a", workers=1)
        warm = timed("cached rebuild", raw_dir=raw, out_dir=work / "a", workers=1)
        parallel = timed(f"cold, {args.workers} processes", raw_dir=raw, out_dir=work / "b", workers=args.workers)
        print(f"ratios to the cold build: cached {warm / cold:.2f}, {args.workers} processes {parallel / cold:.2f}")
        print(f"cold throughput: {n_files / cold:.1f} files/s")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
