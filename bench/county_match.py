"""County-name matching: identify.py's regex alternation against an equivalent dictionary scan.

    python -m bench.county_match RAW_DIR [--rounds 3]

``identify._place_pattern()`` is one regex alternation of ~3,600 division names, longest
first. Python's ``re`` has no trie for alternations: at every character of the text it tries
the branches one after another, so the cost grows with the number of names. The scan below
finds exactly the same matches (leftmost, longest at that position, non-overlapping: the
semantics of an alternation sorted longest first) by looking up, at each position, only the
lengths of names that start with that character. The benchmark checks the two agree on
every file, then prints CPU seconds of both and of the whole ``identify_document``.
(identify.py belongs to the county-identification work; this is the measured proposal.)
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from pipeline import documents
from pipeline.identify import _place_pattern, admin_divisions, _higher_level_names, identify_document
from pipeline.ingest import read_document
from pipeline.normalise import normalise_text


def build_index(names) -> dict[str, tuple[int, ...]]:
    """First character -> lengths of the names starting with it, longest first."""
    index: dict[str, set[int]] = {}
    for name in names:
        index.setdefault(name[0], set()).add(len(name))
    return {ch: tuple(sorted(lengths, reverse=True)) for ch, lengths in index.items()}


def scan(text: str, names: frozenset[str], index: dict[str, tuple[int, ...]]) -> list[tuple[int, int]]:
    """(start, end) of every match, as ``_place_pattern().finditer`` would give them."""
    found = []
    i, n = 0, len(text)
    get = index.get
    while i < n:
        lengths = get(text[i])
        if lengths:
            for length in lengths:
                if text[i : i + length] in names:
                    found.append((i, i + length))
                    i += length
                    break
            else:
                i += 1
        else:
            i += 1
    return found


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("raw", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    raw = args.raw.resolve()
    texts = [normalise_text(read_document(p).text) for p in documents.scan_raw_dir(raw)]
    names = frozenset(admin_divisions()) | _higher_level_names()
    pattern, index = _place_pattern(), build_index(names)
    for text in texts:
        expected = [(m.start(), m.end()) for m in pattern.finditer(text)]
        assert scan(text, names, index) == expected, "scan and regex disagree"
    best = {"regex": float("inf"), "scan": float("inf"), "identify_document": float("inf")}
    for _ in range(args.rounds):
        started = time.process_time()
        for text in texts:
            list(pattern.finditer(text))
        best["regex"] = min(best["regex"], time.process_time() - started)
        started = time.process_time()
        for text in texts:
            scan(text, names, index)
        best["scan"] = min(best["scan"], time.process_time() - started)
        started = time.process_time()
        for text in texts:
            identify_document(text, "x.txt")
        best["identify_document"] = min(best["identify_document"], time.process_time() - started)
    chars = sum(map(len, texts))
    print(f"{len(texts)} texts, {chars:,} characters, {len(names):,} names; identical matches on every text")
    for what, seconds in best.items():
        print(f"  {what:<18} {seconds:6.3f} s CPU (best of {args.rounds})  {1000 * seconds / len(texts):6.2f} ms/doc")
    print(f"  regex / scan: {best['regex'] / best['scan']:.1f}x")


if __name__ == "__main__":
    main()
