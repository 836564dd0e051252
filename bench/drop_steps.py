"""Where a build's time goes, step by step: CPU seconds of named functions in one process.

    python -m bench.drop_steps --raw RAW_DIR --out OUT_DIR [--workers 1] [--copy-from BUILT_OUT]

Runs ``pipeline.build.run_build`` in this process with the build's steps wrapped in timers
(``time.process_time`` of this process: run the build with ``--workers 1``, or with a drop of
fewer than 16 reports to find slogans for, so that no step's work is in another process).
``--copy-from``: the output directory of a built corpus, copied to OUT_DIR first (hard links
kept), so a data drop can be measured again and again from the same state.

A step's time includes the steps it calls (``learn`` includes its ``build_lexicon``); the
table says which rows are inside which. Figures in ``bench/README.md`` ("Where a data drop's
time goes").
"""

from __future__ import annotations

import argparse
import functools
import os
import resource
import shutil
import subprocess
import time
from collections import defaultdict
from pathlib import Path

_START = time.process_time()

import psutil  # noqa: E402

from pipeline import (build, corpus_slogans, corpus_terms, doc_tables, documents, file_hashes, file_stage,  # noqa: E402
                      pairing_store, partitions, publish, result_cache, vocabulary)

# (label, owner, attribute, depth): depth 1 rows are inside the depth 0 row above them.
STEPS = [
    ("raw directory scanned", build, "scan_raw_dir", 0),
    ("cached per-document results read", file_stage, "cached_result", 0),
    ("file's hash (remembered, or the file read)", file_hashes.FileHashes, "sha256", 1),
    ("cache entry unpickled", result_cache, "load_cached", 1),
    ("new files processed", file_stage, "process_job", 0),
    ("source names, duplicates", doc_tables, "unique_source_names", 0),
    ("indicators frame", doc_tables, "indicators_table", 0),
    ("frames checked (conform, anywhere)", build.contracts, "conform", 0),
    ("frames cut into parts (split_frame)", partitions, "split_frame", 0),
    ("documents table", build, "_documents_table", 0),
    ("corrections applied", build, "_apply_corrections", 0),
    ("conflicts", build, "_conflicts", 0),
    ("texts table planned", doc_tables, "texts_table", 0),
    ("pairing", build, "pair_with_store", 0),
    ("counties' facts digested", pairing_store, "_county_digests", 1),
    ("counties paired (pair_rows)", pairing_store, "pair_rows", 1),
    ("partials decoded (corpus)", build, "_vocabulary_corpus", 0),
    ("vocabulary: documents listed and corpus-level work", build, "_vocabulary_tables", 0),
    ("vocabulary: corpus-level work", vocabulary, "vocabulary_tables_of", 1),
    ("slogan lexicon (learn)", vocabulary, "learn", 1),
    ("build_lexicon (both calls)", corpus_slogans, "build_lexicon", 1),
    ("slogans of every report (find_all)", vocabulary, "find_all", 1),
    ("term index", corpus_terms.TermIndex, "of", 1),
    ("term stats (document frequency, IDF)", corpus_terms.TermStats, "of", 1),
    ("chosen terms (best of every report)", corpus_terms.TermStats, "chosen", 1),
    ("term_idf frame", corpus_terms.TermStats, "idf_frame", 1),
    ("part inputs digests", vocabulary._VocabularyParts, "_inputs", 1),
    ("writing (parts made, written, linked)", build, "_write_staged", 0),
    ("parts' rows made", vocabulary._VocabularyParts, "_rows", 1),
    ("part files written", partitions.PartWriter, "_write_frame", 1),
    ("part files hashed", partitions, "file_sha256", 1),
    ("parts linked", partitions.PartWriter, "_link", 1),
    ("previous build's manifest", build, "_previous_build", 0),
    ("publish", publish, "publish", 0),
    ("cache pruned", build, "_prune_cache", 0),
]


def instrument() -> dict[str, list[float]]:
    """Wrap every step in a timer; returns label -> [CPU seconds, calls, RSS MB after]."""
    spent: dict[str, list[float]] = defaultdict(lambda: [0.0, 0, 0.0])
    process = psutil.Process()
    # Some names are imported by name (file_stage.cached_result): each is wrapped where it is looked up.
    for label, owner, name, _depth in STEPS:
        original = owner.__dict__[name]
        is_class = isinstance(original, classmethod)
        function = original.__func__ if is_class else original

        def timed(*args, __function=function, __label=label, **kwargs):
            started = time.process_time()
            try:
                return __function(*args, **kwargs)
            finally:
                label = __label
                if __function.__name__ in ("_rows", "_write_frame"):  # one row per table
                    label = f"{label}: {args[1]}"
                entry = spent[label]
                entry[0] += time.process_time() - started
                entry[1] += 1
                entry[2] = process.memory_info().rss / 1e6

        timed = functools.wraps(function)(timed)
        setattr(owner, name, classmethod(timed) if is_class else timed)
    return spent


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.drop_steps")
    parser.add_argument("--raw", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--copy-from", type=Path, default=None, help="a built output directory copied to --out first")
    args = parser.parse_args(argv)
    if args.copy_from is not None:
        shutil.rmtree(args.out, ignore_errors=True)
        subprocess.run(["cp", "-a", str(args.copy_from), str(args.out)], check=True)  # keeps hard links
    imports = time.process_time() - _START
    spent = instrument()
    started_cpu, started_wall = time.process_time(), time.perf_counter()
    summary = build.run_build(args.raw, args.out, workers=args.workers)
    cpu = time.process_time() - started_cpu
    wall = time.perf_counter() - started_wall
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"load average {os.getloadavg()[0]:.2f}; build id {summary.build_id}; {summary.ok} ok, "
          f"{summary.unchanged} unchanged")
    print(f"imports {imports:.2f} CPU s; build {cpu:.2f} CPU s in this process "
          f"(+ {children.ru_utime + children.ru_stime:.2f} in children), {wall:.2f} s wall")
    print("| step | CPU s | calls | RSS after, MB |")
    print("|---|---:|---:|---:|")
    for step, _owner, _name, depth in STEPS:
        for label in [step] + sorted(key for key in spent if key.startswith(f"{step}: ")):
            if label in spent:
                seconds, calls, rss = spent[label]
                print(f"| {'  ' * depth}{'↳ ' if depth else ''}{label} | {seconds:.2f} | {calls} | {rss:.0f} |")


if __name__ == "__main__":
    main()
