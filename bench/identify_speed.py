"""Time identification (title, dates, county matching, kind, year) per 100 documents.

    python bench/identify_speed.py [--repeat N]

Reads the bundled sample corpus (data/raw) and, when present, the real corpus
(../shared/corpus/texts); prints the one-off cost of building the place-name matcher and
seconds per 100 documents, for full reports and for excerpts separately.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]


def _texts(paths: list[Path]) -> list[str]:
    from pipeline.ingest import read_document
    from pipeline.normalise import normalise_text

    out = []
    for path in paths:
        try:
            out.append(normalise_text(read_document(path).text))
        except Exception:  # a file the pipeline rejects is not timed
            continue
    return out


def per_hundred(texts: list[str], repeat: int) -> float:
    from pipeline.identify import identify_document

    started = time.perf_counter()
    for _ in range(repeat):
        for text in texts:
            identify_document(text, "bench.txt")
    return (time.perf_counter() - started) / (len(texts) * repeat) * 100


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO_ROOT))
    from pipeline.identify.divisions import matcher

    started = time.perf_counter()
    matcher()
    print(f"matcher built once per process: {time.perf_counter() - started:.2f} s")
    raw = REPO_ROOT / "data" / "raw"
    sets = {"data/raw (full documents)": sorted(p for p in raw.rglob("*") if p.is_file() and p.name != "MANIFEST.tsv")}
    corpus = REPO_ROOT.parent / "shared" / "corpus" / "texts"
    if corpus.is_dir():
        sets["shared corpus (excerpts)"] = sorted(corpus.glob("*.txt"))
    for label, paths in sets.items():
        texts = _texts(paths)
        if texts:
            chars = sum(map(len, texts)) / len(texts)
            print(f"{label}: {len(texts)} documents, {chars:,.0f} chars on average: "
                  f"{per_hundred(texts, args.repeat):.2f} s per 100 documents")
    return 0


if __name__ == "__main__":
    sys.exit(main())
