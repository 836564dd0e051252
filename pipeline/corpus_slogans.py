"""Slogans of a corpus from the reports' partials, with the per-report work cached.

``slogans.learn_lexicon`` reads every text twice (its quotes, then the mentions of the
candidate phrases) and ``find_slogans`` reads every text again with the learned lexicon.
Here the same three steps run from what can be kept:

1. quotes and quoted phrases come from each report's partial (``pipeline.partials``);
2. mentions of the candidates are found per report and cached with the candidate set they
   were found against;
3. ``find_slogans`` runs per report and is cached with what it depended on: the phrases
   counted unquoted, and the kind, reason and family of every phrase it asked the lexicon
   about (the reference files and the code are in the store's name).

A stored result is reused while it still holds (``pipeline.corpus_stores``, where the stores
``slogans-<version>``, ``mentions-<version>`` and ``kinds-<version>`` are kept): a report
dropped in that changes the lexicon thus re-runs the reports its change can reach, not all.
A test holds ``learn`` equal to ``slogans.learn_lexicon`` on the same texts, and the
incremental tables equal a cold build's.
"""

from __future__ import annotations

import hashlib
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from pipeline import corpus_stores, settings
from pipeline.partials import DocPartial, read_boundaries
from pipeline.segment import token_boundaries, segment_document
from pipeline.slogans import Occurrence, build_lexicon, find_slogans, load_slogan_reference
from pipeline.slogans.find import find_phrases
from pipeline.slogans.classify import classify_with_basis
from pipeline.slogans.lexicon import Lexicon, unquoted_candidates
from pipeline.slogans.reference import CORRECTIONS_FILE, SLOGANS_FILE

log = logging.getLogger(__name__)



@dataclass
class Corpus:
    """The reports' partials, their cache keys, and where the corpus-level results are kept."""

    partials: dict[str, DocPartial] = field(default_factory=dict)  # doc_id -> partial
    keys: dict[str, str] = field(default_factory=dict)  # doc_id -> the per-document cache key
    boundaries: dict[str, frozenset[int]] = field(default_factory=dict)  # in memory (no cache)
    boundary_files: dict[str, Path] = field(default_factory=dict)
    store: Path | None = None  # None: nothing cached (a stand-alone call)
    workers: int = 1
    pool: object = None  # the build's ``workers.BuildPool`` (None: a pool is forked when one is worth it)
    part_length: int | None = None  # set by the build: tables come back as parts (pipeline.partitions)


# --- 1 and 2: the lexicon -------------------------------------------------------------


def learn(docs: list[dict], corpus: Corpus, reference=None) -> Lexicon:
    """``slogans.learn_lexicon`` over ``docs`` (sorted by doc_id), from the partials; each
    phrase's kind is kept in the store with the contexts it was decided on (``_StoredKinds``)."""
    kinds = _StoredKinds(corpus.store if reference is None else None)  # a given reference is not the files'
    reference = reference or load_slogan_reference()
    contexts: dict[str, list[tuple[str, str]]] = defaultdict(list)
    documents: dict[str, int] = defaultdict(int)
    phrases: list[str] = []
    for doc in docs:
        partial = corpus.partials[doc["doc_id"]]
        for phrase, before, after in partial.quotes():
            contexts[phrase].append((before, after))
        for phrase in partial.seen:
            documents[phrase] += 1
        phrases += partial.seen
    draft = build_lexicon(phrases, reference, contexts, documents, classify=kinds)
    kinds.save()
    # The words around every quote (≈ 300 MB at 10,000 reports) were read to classify the
    # phrases: the final lexicon reuses the draft's classification, so they go before the map.
    del contexts
    candidates = frozenset(unquoted_candidates(draft, documents))
    found = corpus_stores.cached_map(corpus, "mentions", corpus_stores.digest("mentions"), candidates, docs, _mentions_job,
                        context=candidates)
    mentions: dict[str, int] = defaultdict(int)
    for doc in docs:
        for phrase in corpus_stores.unpack(found[doc["doc_id"]]):
            mentions[phrase] += 1
    return build_lexicon(phrases, reference, None, documents, mentions, classified=draft)


class _StoredKinds:
    """``classify_with_basis`` with its answers kept between builds: a phrase's kind depends on
    the phrase, the reference and the words around its quotes, so it is decided again only when
    a report quoting it came, went or changed (a data drop reclassifies the phrases the new
    report quotes, not the corpus' tens of thousands)."""

    def __init__(self, store: Path | None):
        self.path = None
        if store is not None:
            self.path = store / f"kinds-{corpus_stores.digest(['kinds', _reference_digests()])}-{corpus_stores.STORE_FORMAT}.pickle"
        self.before = corpus_stores.load_dict(self.path, "kinds")
        self.now: dict[tuple[str, bytes], tuple[str, str]] = {}

    def __call__(self, phrase: str, reference, contexts=()) -> tuple[str, str]:
        contexts = list(contexts)
        digest = hashlib.blake2b("\x1f".join(f"{b}\x1e{a}" for b, a in contexts).encode("utf-8", "surrogateescape"),
                                 digest_size=16).digest()
        # Keyed by the contexts too: a reference phrase is classified alone and, when quoted, again with its quotes.
        answer = self.before.get((phrase, digest)) or classify_with_basis(phrase, reference, contexts)
        self.now[(phrase, digest)] = answer
        return answer

    def save(self) -> None:
        if self.path is None or self.now == self.before:
            return
        corpus_stores.save(self.path, {"kinds": self.now}, replacing="kinds-*.pickle")


def _reference_digests() -> list[str | None]:
    """The slogan reference files' digests: a reviewed change makes the stores of the old unused."""
    paths = [settings.reference_file(name) for name in (SLOGANS_FILE, CORRECTIONS_FILE)]
    return [hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else None for p in paths]


def _mentions_job(job: tuple[str, str, Path | None, frozenset | None]) -> tuple[list[str], None]:
    _doc_id, text, _bounds, _in_memory = job
    return sorted({o.slogan for o in find_phrases(text, corpus_stores.context())}), None


# --- 3: the slogans of every report ------------------------------------------------------


def find_all(docs: list[dict], corpus: Corpus, lexicon: Lexicon) -> dict[str, bytes]:
    """Per doc_id, packed: its slogan rows without county and year, each with the offsets of
    its first occurrence (``slogan_rows``), and its occurrences (``slogan_occurrences``), from
    the store where the lexicon is unchanged."""
    version = corpus_stores.digest(["slogans", _reference_digests()])
    listed = frozenset(lexicon.kinds) | frozenset(lexicon.families)  # before a job classifies a phrase on the fly
    return corpus_stores.cached_map(corpus, "slogans", version, lexicon.unquoted, docs, _slogans_job,
                       context=(lexicon, listed), consulted=lambda phrase: _listing(lexicon, listed, phrase))


def _listing(lexicon: Lexicon, listed: frozenset, phrase: str):
    """What a report's slogans learn about ``phrase`` from the lexicon: its kind, reason and
    family when the corpus lists it; None when it is classified from the reference alone."""
    if phrase not in listed:
        return None
    return lexicon.kinds.get(phrase), lexicon.bases.get(phrase), lexicon.families.get(phrase)


class _Consulting:
    """The lexicon as ``find_slogans`` sees it, noting every phrase it asks about."""

    def __init__(self, lexicon: Lexicon, listed: frozenset):
        self._lexicon, self._listed, self.consulted = lexicon, listed, {}
        self.unquoted = lexicon.unquoted

    def _note(self, phrase: str) -> None:
        if phrase not in self.consulted:
            self.consulted[phrase] = _listing(self._lexicon, self._listed, phrase)

    def kind_of(self, phrase: str) -> tuple[str, str]:
        self._note(phrase)
        return self._lexicon.kind_of(phrase)

    def family_of(self, phrase: str) -> str:
        self._note(phrase)
        return self._lexicon.family_of(phrase)


def _slogans_job(job: tuple[str, str, Path | None, frozenset | None]) -> tuple[dict, dict]:
    _doc_id, text, bounds_file, boundaries = job
    lexicon = _Consulting(*corpus_stores.context())
    if boundaries is None and bounds_file is not None:
        boundaries = read_boundaries(bounds_file)
    if boundaries is None:  # no cached boundaries: segment again (same tokens)
        boundaries = token_boundaries(segment_document(text))
    occurrences = find_slogans(text, lexicon, boundaries)
    # Where each occurrence is; its sentence comes from the report's partial when a contexts
    # row is made (``corpus_terms.context_frame``), so the store does not keep the text twice.
    contexts = ([occ.slogan for occ in occurrences], np.array([occ.start for occ in occurrences], dtype=np.int64),
                np.array([occ.end for occ in occurrences], dtype=np.int64))
    # Pickled apart: a contexts part reads the occurrences of its reports, never their rows.
    return {"rows": corpus_stores.pickled(_slogan_rows(occurrences, lexicon)), "contexts": corpus_stores.pickled(contexts)}, lexicon.consulted


def slogan_rows(found: bytes) -> list[dict]:
    """The slogan rows of one report's packed result (``find_all``)."""
    return corpus_stores.unpack(corpus_stores.unpack(found)["rows"])


def slogan_occurrences(found: bytes) -> tuple[list[str], np.ndarray, np.ndarray]:
    """(slogans, starts, ends) of every slogan occurrence of one report's packed result."""
    return corpus_stores.unpack(corpus_stores.unpack(found)["contexts"])


def _slogan_rows(occurrences: list[Occurrence], lexicon: Lexicon) -> list[dict]:
    by_slogan: dict[str, list[Occurrence]] = defaultdict(list)
    for occ in occurrences:
        by_slogan[occ.slogan].append(occ)
    rows = []
    for slogan, occs in by_slogan.items():
        first = min(occs, key=lambda o: o.start)
        kind, basis = lexicon.kind_of(slogan)
        rows.append({
            "slogan": slogan,
            "family": lexicon.family_of(slogan),
            "kind": kind,
            "kind_basis": basis,
            "count": len(occs),
            "quoted_count": sum(o.quoted for o in occs),
            # Its sentence is read from the text when the row is made (``first_sentence``).
            "first": (first.start, first.end),
        })
    return rows
