"""Keyword in context at scale: "all sentences containing X" on a 10,000-report corpus.

    python bench/contexts_query.py [--reports 10000] [--processed DIR]

Builds (or reuses) the sample corpus' ``contexts`` table, replicates its rows under new
document ids until it stands for ``--reports`` reports, writes it with the table
contract, then times the query the app makes (``contracts.read_matching``) for a
frequent and a rare term against reading the whole table.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline import contracts, settings  # noqa: E402
from pipeline.build import run_build  # noqa: E402


def sample_contexts(processed: Path | None, work: Path) -> pd.DataFrame:
    if processed is None:
        processed = work / "sample"
        run_build(settings.PROJECT_ROOT / "data" / "raw", processed)
    return contracts.read_table("contexts", settings.table_path(processed, "contexts"))


def replicate(contexts: pd.DataFrame, reports: int) -> pd.DataFrame:
    per_doc = contexts.groupby("doc_id")
    copies = -(-reports // per_doc.ngroups)
    # Rows carry no sentence (they point into the sentences table): a copy is new doc ids.
    frames = [contexts.assign(doc_id=contexts["doc_id"] + f"-{i:05d}") for i in range(copies)]
    return pd.concat(frames, ignore_index=True)


def timed(label: str, call) -> float:
    started = time.perf_counter()
    rows = call()
    seconds = time.perf_counter() - started
    print(f"{label:<36} {seconds:7.3f} s   {len(rows):>9,} rows")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--processed", type=Path, default=None, help="an existing build to take contexts from")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="county-pulse-kwic-") as tmp:
        work = Path(tmp)
        contexts = sample_contexts(args.processed, work)
        frequent = contexts["term"].value_counts().index[0]
        rare = contexts["term"].value_counts().index[-1]
        big = replicate(contexts, args.reports)
        path = work / "contexts.parquet"
        contracts.write_table(big, "contexts", path)
        print(f"contexts for ~{args.reports:,} reports: {len(big):,} rows, {path.stat().st_size / 1e6:.1f} MB on disk")
        full = timed("read the whole table", lambda: contracts.read_table("contexts", path))
        hit = timed(f"sentences with {frequent} (frequent)", lambda: contracts.read_matching("contexts", path, "term", frequent))
        timed(f"sentences with {rare} (rare)", lambda: contracts.read_matching("contexts", path, "term", rare))
        print(f"ratio frequent-term query / whole-table read: {hit / full:.2f}")


if __name__ == "__main__":
    main()
