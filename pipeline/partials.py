"""One report's share of the corpus vocabulary, computed where the report is processed.

The corpus tables (keywords, contexts, slogans) depend on every report, but most of what
they need from one report depends on that report alone. ``document_partial`` computes it
once, in the worker that read the file, and it is cached with the file's other results
(``pipeline.documents``), so an unchanged report costs the corpus stage a few array reads,
never a re-segmentation:

* ``terms`` / ``counts``: content-term counts (``keywords.count_terms``), in the order the
  terms first occur (the TF-IDF norm sums in that order, so the scores stay bit-identical);
  held as one string, the terms joined by NUL (``DocPartial.terms_text``);
* ``ctx_term`` / ``ctx_start`` / ``ctx_sentence``: the first ``CONTEXT_MAX_PER_DOC_TERM``
  occurrences of every counted term (index into ``terms``), their offsets and sentences;
  the corpus stage keeps those of the terms that are some report's top keywords;
* ``sentences``: sentence offsets (the sentence text is ``text[start:end]``) and ``canonical``:
  per sentence, the first one with the same text (the row of the sentences table it is);
* ``quoted`` / ``seen``: the quotes and their surrounding words, and the phrases the report
  quotes (with adjacent runs), which the slogan lexicon is learned from.

Token boundaries, which only a re-run of slogan finding needs, are kept beside the cached
result in a small binary file (``write_boundaries``), never loaded otherwise.

Integer arrays travel as base64 of little-endian int32: a cached report holds a few
thousand of them, which as JSON numbers and Python ints would cost ten times the memory.
"""

from __future__ import annotations

import base64
import hashlib
import sys
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path

import numpy as np

from pipeline.keywords import count_terms
from pipeline.segment import sentence_spans
from pipeline.slogans import adjacent_runs, find_quoted

# Contexts cover every slogan occurrence and every occurrence of a term that is among the
# CONTEXT_TOP_N keywords of some document, at most CONTEXT_MAX_PER_DOC_TERM per document.
CONTEXT_TOP_N = 50
CONTEXT_MAX_PER_DOC_TERM = 50

_INT32 = np.dtype("<i4")
TERM_SEPARATOR = "\x00"  # between the terms of ``DocPartial.terms_text``, and the fields of its quotes


@dataclass
class DocPartial:
    """A report's partial, decoded: numpy arrays for the numbers, strings for the words.

    The terms are one string, joined by ``TERM_SEPARATOR`` (the normaliser removes control
    characters, so no term holds it): a data drop reads every cached report's partial, and
    1,000 reports' terms as lists were 0.7 M strings to unpickle and intern (0.35 s) for the
    one step that reads them, the term index, which splits them into ids instead."""

    terms_text: str
    counts: np.ndarray
    ctx_term: np.ndarray
    ctx_start: np.ndarray
    ctx_sentence: np.ndarray
    sentences: np.ndarray  # shape (n, 2): start, end
    canonical: np.ndarray  # per sentence, the first sentence of the report with the same text
    # The quotes, (phrase, words before, words after) in text order, packed: their strings
    # joined by ``TERM_SEPARATOR`` (``quotes``). As tuples they were a third of a held report.
    quoted_text: str
    seen: list[str]

    @classmethod
    def from_json(cls, data: dict) -> "DocPartial":
        return cls(
            terms_text=pack_terms(data["terms"]),
            counts=_decode(data["counts"]),
            ctx_term=_decode(data["ctx_term"]),
            ctx_start=_decode(data["ctx_start"]),
            ctx_sentence=_decode(data["ctx_sentence"]),
            sentences=_decode(data["sentences"]).reshape(-1, 2),
            canonical=_decode(data["canonical"]),
            **_packed_quotes(data["quoted"]),
            seen=data["seen"],
        )

    @property
    def terms(self) -> list[str]:
        """The report's counted terms, in the order of ``counts`` (a new list each call)."""
        return self.terms_text.split(TERM_SEPARATOR) if self.terms_text else []

    def intern_words(self) -> None:
        """Make each quoted phrase one object however many partials hold it (``sys.intern``):
        the build keeps every report's partial until its corpus step, and a corpus quotes the
        same phrases again and again."""
        self.seen = list(map(sys.intern, self.seen))

    def quotes(self) -> list[tuple[str, str, str]]:
        """(phrase, words before, words after) of every quote, in text order."""
        if not self.quoted_text:
            return []
        fields = self.quoted_text.split(TERM_SEPARATOR)  # one split: the lexicon reads every report's
        return list(zip(fields[0::3], fields[1::3], fields[2::3]))


def pack_terms(terms: list[str]) -> str:
    """``terms`` as ``DocPartial.terms_text``; a term holding the separator (never from a
    normalised text) would split into others, so it raises instead."""
    text = TERM_SEPARATOR.join(terms)
    if text.count(TERM_SEPARATOR) != max(len(terms) - 1, 0) or (len(terms) == 1 and not terms[0]):
        raise ValueError("a term holds the separator or is empty")
    return text


def _packed_quotes(quoted: list) -> dict:
    """``DocPartial.quoted_text``. A quote's words come from a normalised text, which holds no
    control character; one that did (a text given to ``document_partial`` as it was) loses the
    separator from its words rather than splitting into other quotes."""
    fields = [field.replace(TERM_SEPARATOR, "") for quote in quoted for field in quote]
    return {"quoted_text": TERM_SEPARATOR.join(fields)}


def document_partial(text: str, words: list[str], starts: np.ndarray) -> dict:
    """The JSON-able partial of one report (see the module docstring), from its segmentation
    (``segment.segment_arrays``: the words and their start offsets)."""
    counts = count_terms(words)
    terms = [term for term in counts if term and TERM_SEPARATOR not in term]  # see ``pack_terms``
    index = {term: i for i, term in enumerate(terms)}
    term_of = np.fromiter(map(index.get, words, repeat(-1)), dtype=np.int64, count=len(words))
    positions = np.flatnonzero(term_of >= 0)
    # The first CONTEXT_MAX_PER_DOC_TERM occurrences of each term, in text order.
    order = positions[np.argsort(term_of[positions], kind="stable")]
    grouped = term_of[order]
    first = np.searchsorted(grouped, grouped, side="left")
    taken = np.sort(order[np.arange(len(order)) - first < CONTEXT_MAX_PER_DOC_TERM])
    ctx_start = np.asarray(starts, dtype=np.int64)[taken]
    sentences = np.array(sentence_spans(text), dtype=np.int64).reshape(-1, 2)
    quoted = find_quoted(text)
    seen = {occ.slogan for occ in quoted} | set(adjacent_runs(text, quoted))
    return {
        "terms": terms,
        "counts": _encode([counts[t] for t in terms]),
        "ctx_term": _encode(term_of[taken]),
        "ctx_start": _encode(ctx_start),
        "ctx_sentence": _encode(_sentence_of(sentences, ctx_start)),
        "sentences": _encode(sentences.ravel()),
        "canonical": _encode(canonical_sentences(text, sentences)),
        "quoted": [[occ.slogan, *occ.context(text)] for occ in quoted],
        "seen": sorted(seen),
    }


def canonical_sentences(text: str, sentences: np.ndarray) -> list[int]:
    """Per sentence (rows of start, end), the index of the first with the same text: a sentence
    repeated in a report is one row of the sentences table, and every context points to that row."""
    first: dict[str, int] = {}
    return [first.setdefault(text[start:end], i) for i, (start, end) in enumerate(sentences.tolist())]


def _sentence_of(sentences: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """Index of the sentence (rows of start, end) holding each offset, -1 for none
    (``segment.sentence_at``)."""
    if not len(sentences):
        return np.full(len(offsets), -1)
    starts = sentences[:, 0]
    ends = np.maximum(sentences[:, 1], starts + 1)
    i = np.searchsorted(starts, offsets, side="right") - 1
    inside = (i >= 0) & (offsets < ends[np.maximum(i, 0)])
    return np.where(inside, i, -1)


def boundaries_of(words: list[str], starts: np.ndarray) -> np.ndarray:
    """Every token start and end, sorted and distinct (what ``find_slogans`` takes as boundaries)."""
    starts = np.asarray(starts, dtype=np.int64)
    ends = starts + np.fromiter(map(len, words), dtype=np.int64, count=len(words))
    # Two sorted runs: a stable sort merges them, and a sorted array's duplicates are
    # neighbours (np.unique hashes every value first: ~1 ms a report).
    both = np.concatenate([starts, ends])
    both.sort(kind="stable")
    distinct = np.empty(len(both), dtype=bool)
    distinct[:1] = True
    np.not_equal(both[1:], both[:-1], out=distinct[1:])
    return both[distinct].astype(_INT32)


def write_boundaries(path: Path, boundaries: np.ndarray) -> None:
    payload = boundaries.astype(_INT32).tobytes()
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(payload + _check(payload))
    tmp.replace(path)


def read_boundaries(path: Path) -> frozenset[int] | None:
    """The boundaries written by ``write_boundaries``, or None if missing or damaged."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    payload, check = data[:-_CHECK_BYTES], data[-_CHECK_BYTES:]
    if len(data) < _CHECK_BYTES or len(payload) % _INT32.itemsize or _check(payload) != check:
        return None
    return frozenset(np.frombuffer(payload, dtype=_INT32).tolist())


_CHECK_BYTES = 16


def _check(payload: bytes) -> bytes:
    return hashlib.blake2b(payload, digest_size=_CHECK_BYTES).digest()


def _encode(values) -> str:
    return base64.b64encode(np.asarray(values, dtype=_INT32).tobytes()).decode("ascii")


def _decode(text: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(text), dtype=_INT32)
