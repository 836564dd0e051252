"""Word-cloud speed: a 1920×1080 cloud drawn from a build's keyword frequencies.

    python -m bench.cloud_speed OUT_DIR [--rounds 5]

Times, in one process: the first projector cloud (font file opened, faces loaded), then
``--rounds`` further clouds of other selections (each county in turn: new words, new
layout), then a cache hit of ``render_cloud``. Prints seconds (wall; the median of the
rounds) and how many font faces were opened in all.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import pandas as pd

from pipeline import clouds, contracts, fonts, settings

TARGET_SECONDS = 0.5


def selections(keywords: pd.DataFrame, rounds: int) -> list[dict[str, float]]:
    idf = clouds.corpus_idf(keywords)
    out = [clouds.cloud_frequencies(keywords)]
    for county in sorted(keywords["county"].dropna().unique())[:rounds]:
        out.append(clouds.distinctive_frequencies(keywords[keywords["county"] == county], idf))
    return [f for f in out if f]


CPU: list[float] = []  # CPU seconds of each timed call, beside the wall seconds returned


def timed(fn) -> float:
    started, cpu = time.perf_counter(), time.process_time()
    fn()
    CPU.append(time.process_time() - cpu)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    keywords = contracts.read_table("keywords", settings.table_path(args.out_dir, "keywords"))
    freqs = selections(keywords, args.rounds)
    with tempfile.TemporaryDirectory() as cache:
        first = timed(lambda: clouds.render_cloud(freqs[0], "projector", "light", Path(cache)))
        later = [timed(lambda f=f: clouds.render_cloud(f, "projector", "dark", Path(cache))) for f in freqs[1:]]
        hit = timed(lambda: clouds.render_cloud(freqs[0], "projector", "light", Path(cache)))
    median = statistics.median(later) if later else first
    median_cpu = statistics.median(CPU[1:-1]) if later else CPU[0]
    print(f"cloud 1920x1080 first (font loaded): {first:.3f} s wall, {CPU[0]:.3f} s CPU")
    print(f"cloud 1920x1080 next {len(later)} (median): {median:.3f} s wall, {median_cpu:.3f} s CPU"
          f"  ({median / TARGET_SECONDS:.2f} of the {TARGET_SECONDS} s goal in wall time)")
    print(f"cloud cache hit: {hit * 1000:.1f} ms; font faces opened in all: {fonts.font_loads()}")


if __name__ == "__main__":
    main()
