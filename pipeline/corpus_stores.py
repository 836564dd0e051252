"""The corpus stages' stores: per-report results kept between builds with what they depended on.

``cached_map`` runs a job for every report, reusing a stored result while it still holds
(``_still_holds``): it was found against a phrase set (the slogan candidates, the phrases
counted unquoted) and, for slogans, asked the lexicon about some phrases; it holds while no
phrase that entered or left the set occurs in the report's text (a phrase absent from a text
can neither be found in it nor mask another) and every phrase it asked about is listed as
before. Jobs run here, in the build's pool (each worker reads the map's ``context()`` from a
file once) or in a pool forked for them.

Each store is one pickle per code and reference version in the build's cache directory
(``<kind>-<version>-<STORE_FORMAT>.pickle``), holding the results of the reports of the last
build and the phrase sets they were found against; other versions' files are removed when a
new one is written. A missing or damaged store only means: compute again.
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
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

if TYPE_CHECKING:
    from pipeline.corpus_slogans import Corpus

log = logging.getLogger(__name__)

# The shape of a stored result; a change makes the stores of the old shape unused (this
# module is not in the per-document code fingerprint the store names also carry).
# 2: contexts are (slogan, start, end), without the sentence; 3: results pickled one by one;
# 4: rows and occurrences pickled apart, the occurrences as arrays
STORE_FORMAT = 4

# Below this many reports to (re)compute, a process pool costs more than it saves.
POOL_MIN_JOBS = 16

_CONTEXT = None  # what the jobs of the running map read (set before the pool forks, or read from a file)
_CONTEXT_FILE = None  # in a worker of the build's pool: the file ``_CONTEXT`` was read from


def context():
    """What the jobs of the running map read (``cached_map``'s ``context``)."""
    return _CONTEXT


def cached_map(corpus: Corpus, kind: str, version: str, phrases: frozenset, docs: list[dict], job: Callable,
                context, consulted: Callable[[str], object] | None = None) -> dict:
    """``job`` for every doc, from ``<store>/<kind>-<version>.pickle`` where a stored result
    still holds. A result was found against a phrase set (the candidates, the phrases counted
    unquoted) and, for slogans, asked the lexicon about some phrases: it holds while no
    phrase that entered or left the set occurs in the report's text, and every phrase it
    asked about has the same kind, reason and family. So a data drop that changes the
    lexicon recomputes the reports its change can reach, not every report."""
    global _CONTEXT
    path = corpus.store / f"{kind}-{version}-{STORE_FORMAT}.pickle" if corpus.store is not None else None
    stored = load(path)
    sets, results = stored.get("sets", {}), stored.get("results", {})
    current = digest(sorted(phrases))
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
        save(path, {"sets": {d: p for d, p in sets_now.items() if d in used}, "results": keep},
             replacing=f"{kind}-*.pickle")
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
    return pickled(result), pickled(asked)


def pickled(value) -> bytes:
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


def load(path: Path | None) -> dict:
    """A results store (``results`` and ``sets``, both dicts) at ``path``; else empty (recompute)."""
    data = _unpickled(path)
    return data if isinstance(data, dict) and isinstance(data.get("results"), dict) \
        and isinstance(data.get("sets"), dict) else {}


def load_dict(path: Path | None, name: str) -> dict:
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


def save(path: Path, data: dict, replacing: str | None = None) -> None:
    """``data`` pickled at ``path``; ``replacing``: a glob of the other versions of this store
    beside it (``kinds-*.pickle``), which are removed."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")  # publish.clean_stale removes *.tmp
    try:
        with tmp.open("wb") as handle:
            pickle.dump(data, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError as exc:  # the store only saves time
        tmp.unlink(missing_ok=True)
        log.warning("not cached %s: %s", path.name, exc)
    for old in path.parent.glob(replacing) if replacing else ():
        if old != path:
            old.unlink(missing_ok=True)


def digest(value) -> str:
    from pipeline.result_cache import code_fingerprint

    payload = json.dumps([code_fingerprint(), value], ensure_ascii=False, sort_keys=True, default=list)
    return hashlib.sha256(payload.encode("utf-8", "surrogateescape")).hexdigest()[:16]
