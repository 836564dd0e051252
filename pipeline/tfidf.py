"""TF-IDF from counts and document frequencies, the one formula the build and readers share.

idf = ln((1 + N) / (1 + df)) + 1 over the N reports; a row's score is (1 + ln count) × idf,
divided by the L2 norm of its report's scores and rounded to 12 places. The norm is
``math.fsum``, exact whatever the order of the rows: the build sums a report's terms in the
order they occur, a reader in the order of the table, and both get the same bits. Logarithms
come from ``math.log`` (numpy's may differ in the last bit).

The keywords table stores counts only, and ``term_idf`` the corpus' IDF: a report dropped in
changes the IDF table (small) but no keyword row; the score is computed when read
(``contracts.read_table``), so what a reader sees is what was stored before.
"""

from __future__ import annotations

import math

import numpy as np


def idf(document_frequency: np.ndarray, n_docs: int) -> np.ndarray:
    return np.array([math.log((1 + n_docs) / (1 + d)) + 1.0 for d in np.asarray(document_frequency).tolist()],
                    dtype=np.float64)


def scores(doc_codes: np.ndarray, counts: np.ndarray, idf_of_rows: np.ndarray) -> np.ndarray:
    """Unrounded scores of rows (report code, count, the term's idf); rows of a report need
    not be next to each other."""
    counts = np.asarray(counts, dtype=np.int64)
    if not len(counts):
        return np.zeros(0)
    log_count = np.array([0.0] + [math.log(c) for c in range(1, int(counts.max()) + 1)])
    raw = (1.0 + log_count[np.maximum(counts, 0)]) * np.asarray(idf_of_rows, dtype=np.float64)
    squares = raw * raw
    doc_codes = np.asarray(doc_codes)
    order = np.argsort(doc_codes, kind="stable")
    bounds = np.flatnonzero(np.diff(doc_codes[order])) + 1
    norms = np.empty(len(raw))
    for rows in np.split(order, bounds):
        norms[rows] = math.sqrt(math.fsum(squares[rows].tolist())) or 1.0
    return raw / norms


def rounded(values: np.ndarray) -> list[float]:
    """Python's ``round`` to 12 places (numpy's ``round`` differs on some halves)."""
    return [float(round(v, 12)) for v in np.asarray(values).tolist()]


def with_tfidf(keywords, term_idf=None):
    """``keywords`` (doc_id, term, count …) with its ``tfidf`` column, from the ``term_idf``
    table; without one (tables written by hand), from the keywords' own document frequencies."""
    import pandas as pd

    if term_idf is None:
        term_idf = idf_of_keywords(keywords)
    position = pd.Index(term_idf["term"].astype(object)).get_indexer(keywords["term"].astype(object))
    known = term_idf["idf"].to_numpy(dtype=np.float64, na_value=1.0)
    idf_of_rows = np.where(position >= 0, known[np.maximum(position, 0)] if len(known) else 1.0, 1.0)
    codes = pd.factorize(keywords["doc_id"].astype(object))[0]
    counts = keywords["count"].to_numpy(dtype=np.int64, na_value=0)
    values = rounded(scores(codes, counts, idf_of_rows))
    return keywords.assign(tfidf=pd.array(values, dtype="Float64"))


def idf_of_keywords(keywords):
    import pandas as pd

    df = keywords.groupby(keywords["term"].astype(object))["doc_id"].nunique()
    return pd.DataFrame({"term": df.index, "idf": idf(df.to_numpy(), keywords["doc_id"].nunique())})
