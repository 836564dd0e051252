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

A stored result is reused while it still holds (``_still_holds``): no phrase that entered or
left the set occurs in the report's text (a phrase absent from a text can neither be found
in it nor mask another), and every phrase it asked about is listed as before. A report
dropped in that changes the lexicon thus re-runs the reports its change can reach, not all.
A test holds ``learn`` equal to ``slogans.learn_lexicon`` on the same texts, and the
incremental tables equal a cold build's.

Each store is one pickle per code and reference version in the build's cache directory
(``slogans-<version>``, ``mentions-<version>``), holding the results of the reports of the
last build and the phrase sets they were found against; other versions' files are removed
when a new one is written.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import logging
import os
import pickle
import tempfile
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

import numpy as np

from pipeline import settings
from pipeline.partials import DocPartial, read_boundaries
from pipeline.segment import token_boundaries, segment_document
from pipeline.slogans import Occurrence, build_lexicon, find_slogans, load_slogan_reference
from pipeline.slogans.find import find_phrases
from pipeline.slogans.classify import classify_with_basis
from pipeline.slogans.lexicon import Lexicon, unquoted_candidates
from pipeline.slogans.reference import CORRECTIONS_FILE, SLOGANS_FILE

log = logging.getLogger(__name__)

# The shape of a stored result; a change makes the stores of the old shape unused (this
# module is not in the per-document code fingerprint the store names also carry).
# 2: contexts are (slogan, start, end), without the sentence; 3: results pickled one by one;
# 4: rows and occurrences pickled apart, the occurrences as arrays
STORE_FORMAT = 4

# Below this many reports to (re)compute, a process pool costs more than it saves.
POOL_MIN_JOBS = 16


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
    found = _cached_map(corpus, "mentions", _digest("mentions"), candidates, docs, _mentions_job,
                        context=candidates)
    mentions: dict[str, int] = defaultdict(int)
    for doc in docs:
        for phrase in unpack(found[doc["doc_id"]]):
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
            self.path = store / f"kinds-{_digest(['kinds', _reference_digests()])}-{STORE_FORMAT}.pickle"
        self.before = _load_dict(self.path, "kinds")
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
        _save(self.path, {"kinds": self.now})
        for old in self.path.parent.glob("kinds-*.pickle"):
            if old != self.path:
                old.unlink(missing_ok=True)


def _reference_digests() -> list[str | None]:
    """The slogan reference files' digests: a reviewed change makes the stores of the old unused."""
    paths = [settings.reference_file(name) for name in (SLOGANS_FILE, CORRECTIONS_FILE)]
    return [hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else None for p in paths]


def _mentions_job(job: tuple[str, str, Path | None, frozenset | None]) -> tuple[list[str], None]:
    _doc_id, text, _bounds, _in_memory = job
    return sorted({o.slogan for o in find_phrases(text, _CONTEXT)}), None


# --- 3: the slogans of every report ------------------------------------------------------


def find_all(docs: list[dict], corpus: Corpus, lexicon: Lexicon) -> dict[str, bytes]:
    """Per doc_id, packed: its slogan rows without county and year, each with the offsets of
    its first occurrence (``slogan_rows``), and its occurrences (``slogan_occurrences``), from
    the store where the lexicon is unchanged."""
    version = _digest(["slogans", _reference_digests()])
    listed = frozenset(lexicon.kinds) | frozenset(lexicon.families)  # before a job classifies a phrase on the fly
    return _cached_map(corpus, "slogans", version, lexicon.unquoted, docs, _slogans_job,
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
    lexicon = _Consulting(*_CONTEXT)
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
    return {"rows": _pickled(_slogan_rows(occurrences, lexicon)), "contexts": _pickled(contexts)}, lexicon.consulted


def slogan_rows(found: bytes) -> list[dict]:
    """The slogan rows of one report's packed result (``find_all``)."""
    return unpack(unpack(found)["rows"])


def slogan_occurrences(found: bytes) -> tuple[list[str], np.ndarray, np.ndarray]:
    """(slogans, starts, ends) of every slogan occurrence of one report's packed result."""
    return unpack(unpack(found)["contexts"])


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


# --- the stores ---------------------------------------------------------------------------

_CONTEXT = None  # what the jobs of the running map read (set before the pool forks, or read from a file)
_CONTEXT_FILE = None  # in a worker of the build's pool: the file ``_CONTEXT`` was read from


def _cached_map(corpus: Corpus, kind: str, version: str, phrases: frozenset, docs: list[dict], job: Callable,
                context, consulted: Callable[[str], object] | None = None) -> dict:
    """``job`` for every doc, from ``<store>/<kind>-<version>.pickle`` where a stored result
    still holds. A result was found against a phrase set (the candidates, the phrases counted
    unquoted) and, for slogans, asked the lexicon about some phrases: it holds while no
    phrase that entered or left the set occurs in the report's text, and every phrase it
    asked about has the same kind, reason and family. So a data drop that changes the
    lexicon recomputes the reports its change can reach, not every report."""
    global _CONTEXT
    path = corpus.store / f"{kind}-{version}-{STORE_FORMAT}.pickle" if corpus.store is not None else None
    stored = _load(path)
    sets, results = stored.get("sets", {}), stored.get("results", {})
    current = _digest(sorted(phrases))
    sets_now = {current: phrases}
    out, notes, todo = {}, {}, []
    entries = {d["doc_id"]: results.get(corpus.keys.get(d["doc_id"])) for d in docs}
    asked = _asked_of(entries)
    # What the lexicon says now of every phrase some stored result asked about, looked up once.
    listing = {phrase: consulted(phrase) for phrase in set().union(*asked.values())} if consulted else None
    for doc in docs:
        entry = entries[doc["doc_id"]]
        if entry is not None and _still_holds(entry, asked.get(doc["doc_id"]), doc["text"], phrases, current, sets,
                                              listing):
            out[doc["doc_id"]], notes[doc["doc_id"]] = entry[2], entry[1]
            sets_now.setdefault(entry[0], sets[entry[0]])
        else:
            todo.append(doc)
    _CONTEXT = context
    try:
        jobs = [(d["doc_id"], d["text"], corpus.boundary_files.get(d["doc_id"]), corpus.boundaries.get(d["doc_id"]))
                for d in todo]
        for doc, (result, asked) in zip(todo, _run(job, jobs, corpus)):
            out[doc["doc_id"]], notes[doc["doc_id"]] = result, asked
    finally:
        _CONTEXT = None
    if path is not None and (todo or len(results) != len(docs)):
        fresh = {d["doc_id"] for d in todo}
        keep = {}
        for d in docs:
            key = corpus.keys.get(d["doc_id"])
            if key is None:
                continue
            made_with = current if d["doc_id"] in fresh else results[key][0]
            keep[key] = (made_with, notes[d["doc_id"]], out[d["doc_id"]])
        used = {entry[0] for entry in keep.values()}
        _save(path, {"sets": {d: p for d, p in sets_now.items() if d in used}, "results": keep})
        for old in corpus.store.glob(f"{kind}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    return out


def _asked_of(entries: dict) -> dict[str, dict]:
    """Per report with a stored result, what that result asked the lexicon (phrase -> listing)."""
    asked = {}
    for doc_id, entry in entries.items():
        try:
            if entry is not None:
                asked[doc_id] = dict(unpack(entry[1]) or {})
        except (TypeError, ValueError, IndexError, EOFError, pickle.UnpicklingError):
            pass  # a damaged entry is computed again (``_still_holds``)
    return asked


def _still_holds(entry, asked: dict | None, text: str, phrases: frozenset, current: str, sets: dict,
                 listing: dict | None) -> bool:
    """``listing``: what the lexicon says now of each phrase ``asked`` holds (None: nothing was asked)."""
    try:
        made_with, _asked, _result = entry
        if made_with != current:
            before = sets[made_with]
            if any(phrase in text for phrase in phrases.symmetric_difference(before)):
                return False
        if listing is None:
            return True
        return asked is not None and asked.items() <= listing.items()  # the same listing for every phrase
    except (KeyError, TypeError, ValueError):
        return False  # a damaged store only means: compute again


def _packed(job: Callable, args) -> tuple[bytes, bytes]:
    """A job's result and what it asked, each pickled where it was computed: a store holds
    10,000 reports' results, which as bytes are a few objects each instead of thousands."""
    result, asked = job(args)
    return _pickled(result), _pickled(asked)


def _pickled(value) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def unpack(blob: bytes):
    """A result of ``find_all`` or of the mentions store, as the job returned it."""
    return pickle.loads(blob)


def _run(job: Callable, jobs: list, corpus: Corpus) -> list:
    """``_packed(job, …)`` of every job: here; in the build's pool (``corpus.pool``, forked
    before ``_CONTEXT`` was set: each worker reads it once from a file); or in a pool forked
    now, which inherits it."""
    if corpus.workers <= 1 or len(jobs) < POOL_MIN_JOBS:
        return [_packed(job, j) for j in jobs]
    if corpus.pool is not None:
        with _context_file(corpus.store) as path:
            return list(corpus.pool.map(functools.partial(_in_context, path, job), jobs, chunksize=8))
    from pipeline.workers import BuildPool

    with BuildPool(corpus.workers) as pool:
        return list(pool.map(functools.partial(_packed, job), jobs, chunksize=8))


@contextlib.contextmanager
def _context_file(store: Path | None) -> Iterator[str]:
    """``_CONTEXT`` pickled to a file of its own (a new name each map), removed after the map."""
    directory = Path(store) if store is not None else Path(tempfile.gettempdir())
    path = directory / f"context-{os.getpid()}-{uuid.uuid4().hex}.tmp"  # publish.clean_stale removes *.tmp
    try:
        with path.open("wb") as handle:
            pickle.dump(_CONTEXT, handle, protocol=pickle.HIGHEST_PROTOCOL)
        yield str(path)
    finally:
        path.unlink(missing_ok=True)


def _in_context(path: str, job: Callable, args) -> tuple[bytes, bytes]:
    """``_packed(job, args)`` in a worker of the build's pool, with the map's ``_CONTEXT`` read
    from ``path`` on the worker's first job of that map."""
    global _CONTEXT, _CONTEXT_FILE
    if _CONTEXT_FILE != path:
        with open(path, "rb") as handle:
            _CONTEXT = pickle.load(handle)
        _CONTEXT_FILE = path
    return _packed(job, args)


def _load(path: Path | None) -> dict:
    """A results store (``results`` and ``sets``, both dicts) at ``path``; else empty (recompute)."""
    data = _unpickled(path)
    return data if isinstance(data, dict) and isinstance(data.get("results"), dict) \
        and isinstance(data.get("sets"), dict) else {}


def _load_dict(path: Path | None, name: str) -> dict:
    """``data[name]`` of the pickle at ``path`` when it is a dict; else empty (recompute)."""
    data = _unpickled(path)
    return data[name] if isinstance(data, dict) and isinstance(data.get(name), dict) else {}


def _unpickled(path: Path | None):
    """The pickle at ``path``; None when there is none or it does not read: a missing or damaged
    store only means compute again."""
    if path is None:
        return None
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ValueError, TypeError, KeyError, ImportError):
        return None


def _save(path: Path, data: dict) -> None:
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")  # publish.clean_stale removes *.tmp
    try:
        with tmp.open("wb") as handle:
            pickle.dump(data, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError as exc:  # the store only saves time
        tmp.unlink(missing_ok=True)
        log.warning("not cached %s: %s", path.name, exc)


def _digest(value) -> str:
    from pipeline.result_cache import code_fingerprint

    payload = json.dumps([code_fingerprint(), value], ensure_ascii=False, sort_keys=True, default=list)
    return hashlib.sha256(payload.encode("utf-8", "surrogateescape")).hexdigest()[:16]
