"""Targets paired with outcomes county by county, each county's pairs kept for the next build.

A pair's key begins with its county and province, and ``pairing.pair_rows`` decides each key
from the facts with that key alone. So the pairs of a county whose facts are what they were in
the last build (every column of them, their document's kind, whether a conflict keeps them
out) are that build's pairs: a data drop pairs the counties its report speaks of and reads the
others' back. The store is one pickle in the build's cache directory
(``pairs-<version>.pickle``: the code and reference files are in the version), holding the last
build's pairs per digest of a county's facts. The rows are made into one frame by
``pairing.pairs_frame``, in the order ``pairing.pair_targets_outcomes`` gives them (a test holds
the two equal).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pandas as pd

from pipeline import corpus_stores
from pipeline.pairing import doc_types, group_name, pair_rows, pairs_frame
from pipeline.partitions import inputs_digest

_STORE_FORMAT = 2  # the store's shape: {"pairs": {county digest: rows}} (1: the digests at the top)


def pair_with_store(indicators: pd.DataFrame, documents: pd.DataFrame | None, keep: pd.Series | None,
                    store: Path | None) -> pd.DataFrame:
    """``pairing.pair_targets_outcomes(indicators, documents, keep)``, pairing again only the
    counties whose facts changed since the build that wrote ``store`` (None: pair them all)."""
    if store is None or not len(indicators):
        return pairs_frame(pair_rows(indicators, documents, keep))
    names, codes, digests = _county_digests(indicators, documents, keep)
    path = store / f"pairs-{inputs_digest('pairs', _STORE_FORMAT)}.pickle"
    before = corpus_stores.load_dict(path, "pairs")  # missing or damaged: every county paired
    now = {digest: before[digest] for digest in digests if digest in before}
    todo = [code for code, digest in enumerate(digests) if digest not in now]
    if todo:
        rows = np.isin(codes, todo)
        every = bool(rows.all())  # a cold build: the facts as they are, not a copy (≈ 170 MB at 10,000 reports)
        subset = indicators if every else indicators[rows]
        fresh: dict[tuple[str, str], list[tuple]] = {}
        for row in pair_rows(subset, documents, keep if every or keep is None else keep[rows]):
            fresh.setdefault(group_name(row[0], row[1]), []).append(row)
        for code in todo:
            now[digests[code]] = fresh.get(names[code], [])
    if now.keys() != before.keys():
        corpus_stores.save(path, {"pairs": now}, replacing="pairs-*.pickle")
    order = sorted(range(len(names)), key=names.__getitem__)
    return pairs_frame([row for code in order for row in now[digests[code]]])


def _county_digests(indicators: pd.DataFrame, documents: pd.DataFrame | None,
                    keep: pd.Series | None) -> tuple[list[tuple[str, str]], np.ndarray, list[str]]:
    """The facts' counties (``group_name``), each fact's county as a code into them, and per
    county a digest of its facts: every column, the kind of the fact's document, its ``keep``."""
    first_code: dict[tuple[str, str], int] = {}
    codes = np.fromiter((first_code.setdefault(name, len(first_code)) for name in
                         zip(map(_text, indicators["county"].tolist()), map(_text, indicators["province"].tolist()))),
                        dtype=np.int64, count=len(indicators))
    names = list(first_code)
    doc_type = doc_types(indicators, documents)
    row_hash = pd.util.hash_pandas_object(indicators, index=False).to_numpy()
    for extra in (doc_type.astype(object), keep if keep is not None else None):
        if extra is not None:
            row_hash = row_hash * np.uint64(1_000_003) ^ pd.util.hash_pandas_object(extra, index=False).to_numpy()
    order = np.lexsort((row_hash, codes))  # a county's facts in an order of their own, not the frame's
    bounds = np.searchsorted(codes[order], np.arange(len(names) + 1))
    hashes = row_hash[order]
    digests = [hashlib.blake2b(repr(name).encode("utf-8", "surrogateescape") + hashes[start:end].tobytes(),
                               digest_size=16).hexdigest()
               for name, start, end in zip(names, bounds[:-1], bounds[1:])]
    return names, codes, digests


def _text(value) -> str:
    return group_name(value, None)[0]
