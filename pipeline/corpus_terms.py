"""Keywords and contexts of a corpus from the reports' partials, in arrays.

TF-IDF needs the document frequency of every term over the corpus; everything else a
report's keyword rows need is in its partial (``pipeline.partials``). The terms of all
reports get one integer id each, so the corpus step is a few numpy operations over one
array of (report, term, count) instead of a loop over every report's tokens.

The scores stay bit-identical to ``keywords.tfidf_scores`` and to what a reader of the
stored counts computes (tests hold them equal): one formula, ``pipeline.tfidf``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa

from pipeline import tfidf
from pipeline.partials import CONTEXT_TOP_N, DocPartial


# Arrow columns to pandas' nullable types, as ``contracts.conform`` returns them.
_PANDAS_TYPES = {pa.string(): pd.StringDtype(), pa.int64(): pd.Int64Dtype(), pa.float64(): pd.Float64Dtype()}


@dataclass
class TermIndex:
    """Every term of the corpus once, in code-point order (a term's id is its rank, so rows
    sorted by id are sorted by term, and taking strings by id reads the pool in order), and
    each report's terms as ids."""

    terms: list[str]
    doc_terms: list[np.ndarray]  # per doc (in the order of ``docs``): its term ids
    _ids: dict | None = field(default=None, repr=False, compare=False)
    _lengths: np.ndarray | None = field(default=None, repr=False, compare=False)

    @classmethod
    def of(cls, partials: list[DocPartial], extra: set[str] = frozenset()) -> "TermIndex":
        terms = sorted(set(extra).union(*(p.terms for p in partials)))
        ids = {term: i for i, term in enumerate(terms)}
        doc_terms = [np.fromiter(map(ids.__getitem__, p.terms), dtype=np.int64, count=len(p.terms))
                     for p in partials]
        return cls(terms, doc_terms)

    def id_of(self, term: str) -> int:
        return bisect.bisect_left(self.terms, term)

    def ids_of(self, terms) -> list[int]:
        """``id_of`` of each (all in the index), through a dict made once per index."""
        if self._ids is None:
            self._ids = {term: i for i, term in enumerate(self.terms)}
        return [self._ids[t] for t in terms]

    def of_rows(self, rows: list[int]) -> "TermIndex":
        """The same terms, for the reports at ``rows`` (one part of a table), sharing the
        lookups so that each part does not make them again."""
        self.ids_of(())
        return TermIndex(self.terms, [self.doc_terms[i] for i in rows], self._ids, self.lengths())

    def lengths(self) -> np.ndarray:
        """Per term id, its length in characters (made once per index)."""
        if self._lengths is None:
            self._lengths = np.fromiter(map(len, self.terms), dtype=np.int64, count=len(self.terms))
        return self._lengths


# Reports whose (report, term) rows are scored at once: 10,000 reports' rows together were
# 7 million, and their arrays and the temporaries of scoring and ranking them half a GB.
STATS_BATCH = 500


@dataclass
class TermStats:
    """The corpus' document frequency and IDF per term; the (report, term) rows and their
    scores are made a batch of reports at a time (a report's scores depend on its rows and the
    IDF alone, so batches give the same bits as all rows at once)."""

    partials: list[DocPartial]
    index: TermIndex
    document_frequency: np.ndarray  # per term id
    idf: np.ndarray  # per term id

    @classmethod
    def of(cls, partials: list[DocPartial], index: TermIndex) -> "TermStats":
        df = np.zeros(len(index.terms), dtype=np.int64)
        for start in range(0, len(partials), STATS_BATCH):  # a term appears once in a report's partial
            df += np.bincount(_flat(index.doc_terms[start:start + STATS_BATCH]), minlength=len(index.terms))
        return cls(partials, index, df, tfidf.idf(df, len(partials)))

    def rows(self, start: int = 0, stop: int | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """(term ids, counts, rows per report, unrounded scores) of the reports ``start:stop``."""
        term_ids, counts, lengths = _report_rows(self.partials[start:stop], self.index.doc_terms[start:stop])
        doc_of = np.repeat(np.arange(len(lengths)), lengths)
        return term_ids, counts, lengths, tfidf.scores(doc_of, counts, self.idf[term_ids])

    @property
    def scores(self) -> np.ndarray:
        """Every row's unrounded score, in each report's own order."""
        return self.rows()[3]

    def chosen(self, n_terms: int) -> np.ndarray:
        """Per term id: among some report's ``CONTEXT_TOP_N`` best (the terms contexts cover)."""
        chosen = np.zeros(n_terms, dtype=bool)
        for start in range(0, len(self.partials), STATS_BATCH):
            term_ids, counts, lengths, scores = self.rows(start, start + STATS_BATCH)
            chosen |= _top_terms(term_ids, counts, scores, lengths, n_terms)
        return chosen

    def idf_frame(self, index: TermIndex) -> pd.DataFrame:
        """The ``term_idf`` table: every term some report holds, in term order."""
        used = np.flatnonzero(self.document_frequency > 0)
        return pa.table({
            "term": pa.array(index.terms, pa.string()).take(used),
            "documents": pa.array(self.document_frequency[used], pa.int64()),
            "idf": pa.array(self.idf[used], pa.float64()),
        }).to_pandas(types_mapper=_PANDAS_TYPES.get)


def keyword_frame(docs: list[dict], partials: list[DocPartial], index: TermIndex,
                  stats: TermStats | None = None) -> pd.DataFrame:
    """The keywords rows of ``docs`` (sorted by doc and term); with ``stats`` (of these very
    reports) the ``tfidf`` a reader computes too, else the stored columns only."""
    term_ids, counts, lengths = _report_rows(partials, index.doc_terms)
    doc_of = np.repeat(np.arange(len(docs)), lengths)
    order = np.lexsort((term_ids, doc_of))
    # Strings are taken from one array of each (encoded once), not made row by row.
    columns = {
        "doc_id": pa.array([d["doc_id"] for d in docs], pa.string()).take(doc_of[order]),
        "county": pa.array([d["county"] for d in docs], pa.string()).take(doc_of[order]),
        "report_year": pa.array([d["report_year"] for d in docs], pa.int64()).take(doc_of[order]),
        "term": pa.array(index.terms, pa.string()).take(term_ids[order]),
        "count": pa.array(counts[order], pa.int64()),
    }
    if stats is not None:
        columns["tfidf"] = pa.array(tfidf.rounded(stats.scores[order]), pa.float64())
    return pa.table(columns).to_pandas(types_mapper=_PANDAS_TYPES.get)


def _report_rows(partials: list[DocPartial], doc_terms: list) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The (report, term) rows of ``partials`` in each report's own order: term ids, counts,
    and rows per report (``doc_terms``: the partials' term ids, as ``TermIndex.doc_terms``)."""
    lengths = np.array([len(p.terms) for p in partials], dtype=np.int64)
    counts = np.concatenate([p.counts for p in partials]).astype(np.int64) if partials else np.zeros(0, np.int64)
    return _flat(doc_terms), counts, lengths


def _top_terms(term_ids, counts, scores, lengths, n_terms: int) -> np.ndarray:
    """Per term id: among some report's best ``CONTEXT_TOP_N`` by (score, count, term)."""
    chosen = np.zeros(n_terms, dtype=bool)
    if not len(term_ids):
        return chosen
    doc_of = np.repeat(np.arange(len(lengths)), lengths)
    order = np.lexsort((term_ids, -counts, -scores, doc_of))  # ids are ranks: ties go by term
    first_of_doc = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    within = np.arange(len(order)) - first_of_doc[doc_of[order]]
    chosen[term_ids[order[within < CONTEXT_TOP_N]]] = True
    return chosen


def context_frame(docs: list[dict], partials: list[DocPartial], index: TermIndex, chosen: np.ndarray,
                  slogan_contexts: dict[str, tuple]) -> pd.DataFrame:
    """The contexts table, sorted by (doc, term, start): each report's slogan occurrences and
    the occurrences of its chosen terms (at most ``CONTEXT_MAX_PER_DOC_TERM`` each, from the
    partial); where both give a row for the same place, the slogan's is kept. A row points to
    its sentence (``sentence_frame``), never copies it. Every slogan must be in ``index``."""
    doc_of, term_of, starts, ends, sentence_of = [], [], [], [], []
    for d, (doc, partial, ids) in enumerate(zip(docs, partials, index.doc_terms)):
        canonical = partial.canonical.astype(np.int64)
        slogans, slogan_starts, slogan_ends = slogan_contexts.get(doc["doc_id"], ((), (), ()))
        if len(slogans):
            doc_of.append(np.full(len(slogans), d))
            term_of.append(index.ids_of(slogans))
            starts.append(slogan_starts)
            ends.append(slogan_ends)
            sentence_of.append(_sentence_ids(canonical, sentence_of_offsets(partial.sentences, slogan_starts)))
        if not len(partial.ctx_term):
            continue
        keep = chosen[ids[partial.ctx_term]]
        local = partial.ctx_term[keep]
        ctx_start = partial.ctx_start[keep].astype(np.int64)
        lengths = index.lengths()[ids[local]]
        doc_of.append(np.full(len(local), d))
        term_of.append(ids[local])
        starts.append(ctx_start)
        ends.append(ctx_start + lengths)
        sentence_of.append(_sentence_ids(canonical, partial.ctx_sentence[keep]))
    doc_of, term_of, starts = _flat(doc_of), _flat(term_of), _flat(starts)
    ends, sentence_of = _flat(ends), _flat(sentence_of)
    order = np.lexsort((starts, term_of, doc_of))  # stable: a slogan's row stays before a term's
    doc_of, term_of, starts, ends, sentence_of = (a[order] for a in (doc_of, term_of, starts, ends, sentence_of))
    first = np.ones(len(order), dtype=bool)
    first[1:] = (doc_of[1:] != doc_of[:-1]) | (term_of[1:] != term_of[:-1]) | (starts[1:] != starts[:-1])
    columns = {
        "doc_id": pa.array([d["doc_id"] for d in docs], pa.string()).take(doc_of[first]),
        "term": pa.array(index.terms, pa.string()).take(term_of[first]),
        "sentence_id": pa.array(sentence_of[first], pa.int64()),
        "start": pa.array(starts[first], pa.int64()),
        "end": pa.array(ends[first], pa.int64()),
    }
    return pa.table(columns).to_pandas(types_mapper=_PANDAS_TYPES.get)


def sentence_frame(docs: list[dict], partials: list[DocPartial]) -> pd.DataFrame:
    """The sentences table, sorted by (doc, sentence_id): every distinct sentence of every
    report once. It depends on each report alone, so a data drop adds rows, changes none."""
    doc_of, ids, texts = [], [], []
    for d, (doc, partial) in enumerate(zip(docs, partials)):
        canonical = partial.canonical.astype(np.int64)
        distinct = np.flatnonzero(canonical == np.arange(len(canonical)))
        text = doc["text"]
        doc_of.append(np.full(len(distinct), d))
        ids.append(distinct)
        texts += [text[s:e] for s, e in partial.sentences[distinct].tolist()]
    doc_of = _flat(doc_of)
    columns = {
        "doc_id": pa.array([d["doc_id"] for d in docs], pa.string()).take(doc_of),
        "sentence_id": pa.array(_flat(ids), pa.int64()),
        "sentence": pa.array(texts, pa.string()),
    }
    return pa.table(columns).to_pandas(types_mapper=_PANDAS_TYPES.get)


def first_sentence(text: str, partial: DocPartial, start: int, end: int) -> str:
    """The sentence holding a slogan's first occurrence at ``start:end`` (the occurrence
    itself where it is in no sentence), as ``segment.sentence_at`` finds it."""
    return first_sentences(text, partial, [(start, end)])[0]


def first_sentences(text: str, partial: DocPartial, spans: list[tuple[int, int]]) -> list[str]:
    """``first_sentence`` of each (start, end) of one report, its sentences searched once."""
    if not spans:
        return []
    found = sentence_of_offsets(partial.sentences, [start for start, _ in spans]).tolist()
    bounds = partial.sentences.tolist() if len(partial.sentences) else []
    return [text[start:end] if i < 0 else text[bounds[i][0]:bounds[i][1]]
            for i, (start, end) in zip(found, spans)]


def sentence_of_offsets(sentences: np.ndarray, offsets) -> np.ndarray:
    """Index of the sentence (rows of start, end) holding each offset, -1 for none
    (``segment.sentence_at``'s rule)."""
    offsets = np.asarray(offsets, dtype=np.int64)
    if not len(sentences):
        return np.full(len(offsets), -1, dtype=np.int64)
    starts = sentences[:, 0].astype(np.int64)
    ends = np.maximum(sentences[:, 1].astype(np.int64), starts + 1)
    i = np.searchsorted(starts, offsets, side="right") - 1
    inside = (i >= 0) & (offsets < ends[np.maximum(i, 0)])
    return np.where(inside, i, -1)


def _sentence_ids(canonical: np.ndarray, sentence: np.ndarray) -> np.ndarray:
    sentence = np.asarray(sentence, dtype=np.int64)
    return np.where(sentence >= 0, canonical[np.maximum(sentence, 0)] if len(canonical) else -1, -1)


def _flat(parts: list) -> np.ndarray:
    """Sequences of integers, in order, as one int64 array."""
    return np.concatenate([np.asarray(p, dtype=np.int64) for p in parts]) if parts else np.zeros(0, dtype=np.int64)


def with_sentences(contexts: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Contexts rows with their ``sentence`` (the term itself where the row is in no
    sentence): what a reader of the two tables shows."""
    joined = contexts.merge(sentences, on=["doc_id", "sentence_id"], how="left")
    return joined.assign(sentence=joined["sentence"].fillna(joined["term"]))
