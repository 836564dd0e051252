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
import itertools
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa

from pipeline import contracts, tfidf
from pipeline.partials import CONTEXT_TOP_N, DocPartial


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
        # One pass over every report's terms (split from its one string and gone after it):
        # each term gets an id in the order it is first met, and the ids are mapped to the
        # terms' ranks once all are known.
        first_met = defaultdict(itertools.count().__next__)
        for term in extra:
            first_met[term]
        met = []
        for partial in partials:
            words = partial.terms
            met.append(np.fromiter(map(first_met.__getitem__, words), dtype=np.int64, count=len(words)))
        terms = sorted(first_met)
        rank = np.empty(len(terms), dtype=np.int64)
        rank[np.fromiter(map(first_met.__getitem__, terms), dtype=np.int64, count=len(terms))] = np.arange(len(terms))
        return cls(terms, [rank[ids] for ids in met])

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
        """Per term id: among some report's ``CONTEXT_TOP_N`` best (the terms 词语语境 offers: ``term_idf.ranked``)."""
        chosen = np.zeros(n_terms, dtype=bool)
        for start in range(0, len(self.partials), STATS_BATCH):
            term_ids, counts, lengths, scores = self.rows(start, start + STATS_BATCH)
            chosen |= _top_terms(term_ids, counts, scores, lengths, n_terms)
        return chosen

    def idf_frame(self, index: TermIndex, chosen: np.ndarray) -> pd.DataFrame:
        """The ``term_idf`` table: every term some report holds, in term order, and whether some
        report ranks it among its best (``chosen``: the terms the app offers in 词语语境)."""
        used = np.flatnonzero(self.document_frequency > 0)
        return pa.table({
            "term": pa.array(index.terms, pa.string()).take(used),
            "documents": pa.array(self.document_frequency[used], pa.int64()),
            "idf": pa.array(self.idf[used], pa.float64()),
            "ranked": pa.array(chosen[used], pa.bool_()),
        }).to_pandas(types_mapper=contracts._pandas_type)


def _frame(table: pa.Table) -> pd.DataFrame:
    """An Arrow table as the frame ``contracts.conform`` returns (nullable pandas types)."""
    return table.to_pandas(types_mapper=contracts._pandas_type)


def keyword_frame(docs: list[dict], partials: list[DocPartial], index: TermIndex,
                  stats: TermStats | None = None) -> pd.DataFrame:
    """The keywords rows of ``docs`` (sorted by doc and term); with ``stats`` (of these very
    reports) the ``tfidf`` a reader computes too, else the stored columns only."""
    columns, order = _keyword_columns(docs, partials, index)
    if stats is not None:
        columns["tfidf"] = pa.array(tfidf.rounded(stats.scores[order]), pa.float64())
    return _frame(pa.table(columns))


def keyword_table(docs: list[dict], partials: list[DocPartial], index: TermIndex) -> pa.Table:
    """``keyword_frame``'s stored columns as the Arrow table a part file holds: rows in key
    order (doc, then term: a term's id is its rank) and each key once (a report's partial
    counts a term once), so ``contracts.conform`` would return them unchanged (a test holds it)."""
    return pa.table(_keyword_columns(docs, partials, index)[0], schema=contracts.CONTRACTS["keywords"].schema)


def _keyword_columns(docs: list[dict], partials: list[DocPartial], index: TermIndex) -> tuple[dict, np.ndarray]:
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
    return columns, order


def _report_rows(partials: list[DocPartial], doc_terms: list) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The (report, term) rows of ``partials`` in each report's own order: term ids, counts,
    and rows per report (``doc_terms``: the partials' term ids, as ``TermIndex.doc_terms``)."""
    lengths = np.array([len(p.counts) for p in partials], dtype=np.int64)
    counts = np.concatenate([p.counts for p in partials]).astype(np.int64) if partials else np.zeros(0, np.int64)
    return _flat(doc_terms), counts, lengths


def _top_terms(term_ids, counts, scores, lengths, n_terms: int) -> np.ndarray:
    """Per term id: among some report's best ``CONTEXT_TOP_N`` by (score, count, term)."""
    chosen = np.zeros(n_terms, dtype=bool)
    if not len(term_ids):
        return chosen
    doc_of = np.repeat(np.arange(len(lengths)), lengths)
    # Only rows scoring at least their report's CONTEXT_TOP_N-th best score can be among its
    # best: that score is found by a partial sort of each report's rows (a report's rows are
    # contiguous), and the rows above it are ranked on all four keys (a few per report,
    # instead of every row of the batch sorted four times).
    threshold = _nth_best(scores, lengths, CONTEXT_TOP_N)
    keep = (scores >= threshold[doc_of]) | np.isnan(threshold[doc_of])  # a NaN (none seen) ranks as before
    term_ids, counts, scores, doc_of = term_ids[keep], counts[keep], scores[keep], doc_of[keep]
    lengths = np.bincount(doc_of, minlength=len(lengths))
    order = np.lexsort((term_ids, -counts, -scores, doc_of))  # ids are ranks: ties go by term
    first_of_doc = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    within = np.arange(len(order)) - first_of_doc[doc_of[order]]
    chosen[term_ids[order[within < CONTEXT_TOP_N]]] = True
    return chosen


def _nth_best(scores: np.ndarray, lengths: np.ndarray, n: int) -> np.ndarray:
    """Per report (its rows contiguous, ``lengths`` of them), its ``n``-th best score, or its
    worst when it has fewer rows (NaN ranks last, as in a sort); inf for a report without rows."""
    negated = -scores
    threshold = np.full(len(lengths), np.inf)
    ends = np.cumsum(lengths).tolist()
    for doc, (start, end) in enumerate(zip([0] + ends[:-1], ends)):
        if end > start:
            k = min(end - start, n) - 1
            threshold[doc] = -np.partition(negated[start:end], k)[k]
    return threshold


def context_frame(docs: list[dict], partials: list[DocPartial], index: TermIndex,
                  slogan_contexts: dict[str, tuple]) -> pd.DataFrame:
    """The contexts table, sorted by (doc, term, start): each report's slogan occurrences and
    the occurrences of every term it holds (at most ``CONTEXT_MAX_PER_DOC_TERM`` each, from the
    partial); where both give a row for the same place, the slogan's is kept. A row points to
    its sentence (``sentence_frame``), never copies it. Every slogan must be in ``index``.

    A report's rows depend on the report alone: which terms the app offers (those some report
    ranks among its ``CONTEXT_TOP_N`` best) is a column of ``term_idf``, so a report dropped in
    re-makes its own part, not every part holding a term whose rank it moved."""
    return _frame(context_table(docs, partials, index, slogan_contexts))


def context_table(docs: list[dict], partials: list[DocPartial], index: TermIndex,
                  slogan_contexts: dict[str, tuple]) -> pa.Table:
    """``context_frame`` as the Arrow table a part file holds. Its rows are in key order and
    each (doc, term, start) is kept once (below), so ``contracts.conform`` would return them
    unchanged (a test holds it): a part of 60 reports' 70,000 rows is written without a trip
    through pandas, whose string columns, duplicate check and sort took most of its time."""
    sentences = _Sentences.of(partials)
    # Every report's slogan occurrences, then (below) the context candidates of its terms,
    # each as flat arrays over the part's reports.
    slogan_doc, slogan_term, slogan_start, slogan_end = [], [], [], []
    for d, doc in enumerate(docs):
        slogans, starts_d, ends_d = slogan_contexts.get(doc["doc_id"], ((), (), ()))
        if len(slogans):
            slogan_doc.append(np.full(len(slogans), d))
            slogan_term.append(index.ids_of(slogans))
            slogan_start.append(starts_d)
            slogan_end.append(ends_d)
    slogan_doc, slogan_start = _flat(slogan_doc), _flat(slogan_start)
    ctx_counts = np.array([len(p.ctx_term) for p in partials], dtype=np.int64)
    ctx_doc = np.repeat(np.arange(len(partials)), ctx_counts)
    term_offsets = np.concatenate([[0], np.cumsum([len(ids) for ids in index.doc_terms])[:-1]]).astype(np.int64)
    ctx_term = _flat(index.doc_terms)[_flat([p.ctx_term for p in partials]) + term_offsets[ctx_doc]]
    ctx_start = _flat([p.ctx_start for p in partials])
    ctx_sentence = _flat([p.ctx_sentence for p in partials])
    # A slogan's row comes first: the stable sort below keeps it before a term's row of the same place.
    doc_of = np.concatenate([slogan_doc, ctx_doc])
    term_of = np.concatenate([_flat(slogan_term), ctx_term])
    starts = np.concatenate([slogan_start, ctx_start])
    ends = np.concatenate([_flat(slogan_end), ctx_start + index.lengths()[ctx_term]])
    sentence_of = np.concatenate([sentences.ids(slogan_doc, sentences.holding(slogan_doc, slogan_start)),
                                  sentences.ids(ctx_doc, ctx_sentence)])
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
    return pa.table(columns, schema=contracts.CONTRACTS["contexts"].schema)


@dataclass
class _Sentences:
    """The sentences of several reports as flat arrays, so a part's rows find their sentence
    in a few array operations instead of a few per report."""

    starts: np.ndarray  # every report's sentence starts, report after report
    ends: np.ndarray  # and ends (at least start + 1, as ``segment.sentence_at`` reads them)
    canonical: np.ndarray  # per sentence, the report's own index of its first twin
    offsets: np.ndarray  # per report, where its sentences begin in the arrays above
    counts: np.ndarray  # per report, how many sentences it has

    @classmethod
    def of(cls, partials: list[DocPartial]) -> "_Sentences":
        counts = np.array([len(p.sentences) for p in partials], dtype=np.int64)
        spans = [p.sentences.reshape(-1, 2) for p in partials]
        starts = _flat([span[:, 0] for span in spans])
        ends = np.maximum(_flat([span[:, 1] for span in spans]), starts + 1)
        offsets = np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.int64)
        return cls(starts, ends, _flat([p.canonical for p in partials]), offsets, counts)

    def holding(self, doc_of: np.ndarray, offsets: np.ndarray) -> np.ndarray:
        """``sentence_of_offsets`` of each (report, offset): the report's own sentence index, -1 for none."""
        if not len(offsets):
            return np.zeros(0, dtype=np.int64)
        # Offsets and sentence starts keyed by report first: one search over every report's sentences.
        width = np.int64(1) << 32
        doc_of_sentence = np.repeat(np.arange(len(self.counts)), self.counts)
        keys = doc_of_sentence * width + self.starts
        i = np.searchsorted(keys, doc_of * width + offsets, side="right") - 1
        safe = np.maximum(i, 0)
        inside = (i >= 0) & (i >= self.offsets[doc_of]) & (offsets < self.ends[safe]) if len(keys) else i < -1
        return np.where(inside, i - self.offsets[doc_of], -1)

    def ids(self, doc_of: np.ndarray, sentence: np.ndarray) -> np.ndarray:
        """The sentence_id (the report's first sentence of the same text) of each (report, sentence index); -1 stays -1."""
        sentence = np.asarray(sentence, dtype=np.int64)
        found = sentence >= 0
        where = np.where(found, self.offsets[doc_of] + sentence, 0)
        return np.where(found, self.canonical[where] if len(self.canonical) else -1, -1).astype(np.int64)


def sentence_frame(docs: list[dict], partials: list[DocPartial]) -> pd.DataFrame:
    """The sentences table, sorted by (doc, sentence_id): every distinct sentence of every
    report once. It depends on each report alone, so a data drop adds rows, changes none."""
    return _frame(sentence_table(docs, partials))


def sentence_table(docs: list[dict], partials: list[DocPartial]) -> pa.Table:
    """``sentence_frame`` as the Arrow table a part file holds (in key order, each key once:
    a report's distinct sentences in ascending index)."""
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
    return pa.table(columns, schema=contracts.CONTRACTS["sentences"].schema)


def first_sentence(text: str, partial: DocPartial, start: int, end: int) -> str:
    """The sentence holding a slogan's first occurrence at ``start:end`` (the occurrence
    itself where it is in no sentence), as ``segment.sentence_at`` finds it."""
    return first_sentences(text, partial, [(start, end)])[0]


def first_sentences(text: str, partial: DocPartial, spans: list[tuple[int, int]]) -> list[str]:
    """``first_sentence`` of each (start, end) of one report, its sentences searched once."""
    if not spans:
        return []
    found = sentence_of_offsets(partial.sentences, [start for start, _ in spans])
    # Only the sentences asked for become Python ints (a report has hundreds).
    bounds = partial.sentences.reshape(-1, 2)[np.maximum(found, 0)].tolist() if len(partial.sentences) else []
    return [text[start:end] if i < 0 else text[bound[0]:bound[1]]
            for i, bound, (start, end) in zip(found.tolist(), bounds or [None] * len(spans), spans)]


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
