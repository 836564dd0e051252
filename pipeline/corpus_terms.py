"""Keywords and contexts of a corpus from the reports' partials, in arrays.

TF-IDF needs the document frequency of every term over the corpus; everything else a
report's keyword rows need is in its partial (``pipeline.partials``). The terms of all
reports get one integer id each, so the corpus step is a few numpy operations over one
array of (report, term, count) instead of a loop over every report's tokens.

The scores stay bit-identical to ``keywords.tfidf_scores`` (a test holds them equal):
logarithms come from ``math.log`` (numpy's differ in the last bit), each report's norm is
Python's own ``sum`` over its values in the order its terms first occur, and the rounding
is Python's ``round``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from pipeline.partials import CONTEXT_TOP_N, DocPartial


@dataclass
class TermIndex:
    """Every term of the corpus once, and each report's terms as ids into it."""

    terms: list[str]
    doc_terms: list[np.ndarray]  # per doc (in the order of ``docs``): its term ids

    @classmethod
    def of(cls, partials: list[DocPartial]) -> "TermIndex":
        ids: dict[str, int] = {}
        doc_terms = []
        for partial in partials:
            doc_terms.append(np.fromiter((ids.setdefault(t, len(ids)) for t in partial.terms),
                                         dtype=np.int64, count=len(partial.terms)))
        return cls(list(ids), doc_terms)


def keyword_frame(docs: list[dict], partials: list[DocPartial], index: TermIndex) -> tuple[pd.DataFrame, np.ndarray]:
    """The keywords table (unsorted) and, per term id, whether it is among the
    ``CONTEXT_TOP_N`` best of some report (the terms the contexts table covers)."""
    lengths = np.array([len(p.terms) for p in partials], dtype=np.int64)
    term_ids = np.concatenate(index.doc_terms) if partials else np.zeros(0, dtype=np.int64)
    counts = np.concatenate([p.counts for p in partials]).astype(np.int64) if partials else np.zeros(0, np.int64)
    scores = _tfidf(term_ids, counts, lengths, len(index.terms), len(docs))
    frame = pd.DataFrame({
        "doc_id": np.repeat(np.array([d["doc_id"] for d in docs], dtype=object), lengths),
        "county": np.repeat(np.array([d["county"] for d in docs], dtype=object), lengths),
        "report_year": pd.array(np.repeat(np.array([d["report_year"] for d in docs], dtype=object), lengths),
                                dtype="Int64"),
        "term": np.array(index.terms, dtype=object)[term_ids] if len(term_ids) else np.zeros(0, dtype=object),
        "count": counts,
        "tfidf": [float(round(v, 12)) for v in scores.tolist()],
    })
    return frame, _top_terms(term_ids, counts, scores, lengths, index.terms)


def _tfidf(term_ids: np.ndarray, counts: np.ndarray, lengths: np.ndarray, n_terms: int, n_docs: int) -> np.ndarray:
    """``keywords.tfidf_scores`` of every report at once (unrounded)."""
    if not len(term_ids):
        return np.zeros(0)
    df = np.bincount(term_ids, minlength=n_terms)  # a term appears once in a report's partial
    idf = np.array([math.log((1 + n_docs) / (1 + d)) + 1.0 for d in df.tolist()])
    log_count = np.array([0.0] + [math.log(c) for c in range(1, int(counts.max()) + 1)])
    raw = (1.0 + log_count[counts]) * idf[term_ids]
    squares = raw * raw
    norms = np.empty(len(lengths))
    start = 0
    for i, n in enumerate(lengths.tolist()):
        norms[i] = math.sqrt(sum(squares[start:start + n].tolist())) or 1.0
        start += n
    return raw / np.repeat(norms, lengths)


def _top_terms(term_ids, counts, scores, lengths, terms: list[str]) -> np.ndarray:
    """Per term id: among some report's best ``CONTEXT_TOP_N`` by (score, count, term)."""
    chosen = np.zeros(len(terms), dtype=bool)
    if not len(term_ids):
        return chosen
    rank = np.empty(len(terms), dtype=np.int64)
    rank[sorted(range(len(terms)), key=terms.__getitem__)] = np.arange(len(terms))
    doc_of = np.repeat(np.arange(len(lengths)), lengths)
    order = np.lexsort((rank[term_ids], -counts, -scores, doc_of))
    first_of_doc = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    within = np.arange(len(order)) - first_of_doc[doc_of[order]]
    chosen[term_ids[order[within < CONTEXT_TOP_N]]] = True
    return chosen


def context_records(docs: list[dict], partials: list[DocPartial], index: TermIndex, chosen: np.ndarray,
                    slogan_contexts: dict[str, list[tuple]]) -> dict[str, list]:
    """Columns of the contexts table: each report's slogan occurrences, then the occurrences
    of its chosen terms (at most ``CONTEXT_MAX_PER_DOC_TERM`` each, from the partial)."""
    columns: dict[str, list] = {"doc_id": [], "term": [], "sentence": [], "start": [], "end": []}
    for doc, partial, ids in zip(docs, partials, index.doc_terms):
        doc_id, text = doc["doc_id"], doc["text"]
        rows = list(slogan_contexts.get(doc_id, ()))
        keep = chosen[ids[partial.ctx_term]] if len(partial.ctx_term) else np.zeros(0, dtype=bool)
        sentences = partial.sentences
        for local, start, sentence in zip(partial.ctx_term[keep].tolist(), partial.ctx_start[keep].tolist(),
                                          partial.ctx_sentence[keep].tolist()):
            term = partial.terms[local]
            if sentence >= 0:
                s, e = sentences[sentence]
                shown = text[s:e]
            else:
                shown = term
            rows.append((term, start, start + len(term), shown))
        for term, start, end, shown in rows:
            columns["doc_id"].append(doc_id)
            columns["term"].append(term)
            columns["sentence"].append(shown)
            columns["start"].append(start)
            columns["end"].append(end)
    return columns
