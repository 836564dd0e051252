"""Where a build's time goes, stage by stage, in CPU seconds of one process.

    python -m bench.stages RAW_DIR [--limit N]

Runs the per-document stages of ``pipeline.documents`` by hand on every file (read,
normalise, identify, extract with attribution, segment, vocabulary partial, token boundaries), then the corpus stages of the build (documents and
indicator tables, pairing, vocabulary), timing each with the process clock (other jobs on a
shared machine inflate wall time, not this). Vocabularies are loaded before the clock
starts. A profiler (``python -m pyinstrument -m pipeline build ...``) shows the same
breakdown with more detail but inflates the cost of small, frequent calls.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

from pipeline import documents, result_cache, settings
from pipeline.build import BuildSummary, assemble_tables


class Clock:
    def __init__(self):
        self.seconds: dict[str, float] = defaultdict(float)

    def __call__(self, stage: str, fn, *args):
        started = time.process_time()
        result = fn(*args)
        self.seconds[stage] += time.process_time() - started
        return result


def per_document(paths: list[Path], raw: Path, clock: Clock) -> list[documents.DocResult]:
    from pipeline.identify import identify_document
    from pipeline.ingest import read_document
    from pipeline.normalise import normalise_text
    from pipeline.partials import boundaries_of, document_partial
    from pipeline.segment import segment_arrays

    results = []
    for path in paths:
        source = path.relative_to(raw).as_posix()
        sha = clock("hash", result_cache.file_sha256, path)
        ingested = clock("read", read_document, path)
        text = clock("normalise", normalise_text, ingested.text)
        identity = clock("identify", identify_document, text, source, ingested.html_title)
        # Extraction, attribution to counties and the plain records, as pipeline.documents does.
        facts = clock("extract", documents.extract_facts, text, identity)
        words, starts = clock("segment", segment_arrays, text)
        vocab = clock("vocabulary partial", document_partial, text, words, starts)
        clock("token boundaries", boundaries_of, words, starts)  # cached beside the result for slogan finding
        results.append(documents.DocResult(
            source, sha, "ok", identity=documents._identity_dict(identity), text=text,
            facts=facts, vocab=vocab))
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("raw", type=Path)
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args(argv)
    raw = args.raw.resolve()
    paths = documents.scan_raw_dir(raw)[: args.limit or None]
    documents.warm_up()
    clock = Clock()
    results = per_document(paths, raw, clock)
    clock("assemble tables (all corpus stages)", assemble_tables, results, BuildSummary())
    total = sum(clock.seconds.values())
    size = sum(p.stat().st_size for p in paths) / 1e6
    print(f"{len(paths)} files, {size:.1f} MB; CPU seconds by stage (total {total:.2f} s):")
    for stage, seconds in sorted(clock.seconds.items(), key=lambda kv: -kv[1]):
        print(f"  {stage:<38} {seconds:7.2f} s  {100 * seconds / total:5.1f} %  {1000 * seconds / len(paths):7.1f} ms/doc")


if __name__ == "__main__":
    main()
