"""Slogans of a corpus from the reports' partials, with the per-report work cached.

``slogans.learn_lexicon`` reads every text twice (its quotes, then the mentions of the
candidate phrases) and ``find_slogans`` reads every text again with the learned lexicon.
Here the same three steps run from what can be kept:

1. quotes and quoted phrases come from each report's partial (``pipeline.partials``);
2. mentions of the candidates are found per report and cached under a digest of the
   candidate set: an unchanged set (the usual case when a report is dropped in) costs a
   dictionary look-up per report;
3. ``find_slogans`` runs per report and is cached under a digest of the lexicon (every
   phrase's kind, reason and family, the phrases counted unquoted, the reference and the
   code), so it re-runs only for new reports, or for all when the lexicon itself changed.

A test holds ``learn`` equal to ``slogans.learn_lexicon`` on the same texts.

Each store is one pickle per digest in the build's cache directory (``slogans-<digest>``,
``mentions-<digest>``), holding the results of the reports of the last build that used it;
files of other digests are removed when a new one is written.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from pipeline import settings
from pipeline.partials import DocPartial, read_boundaries
from pipeline.segment import sentence_at, split_sentences, token_boundaries, segment_document
from pipeline.slogans import Occurrence, build_lexicon, find_slogans, load_slogan_reference
from pipeline.slogans.find import find_phrases, phrase_index
from pipeline.slogans.lexicon import Lexicon, unquoted_candidates
from pipeline.slogans.reference import CORRECTIONS_FILE, SLOGANS_FILE

log = logging.getLogger(__name__)

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


# --- 1 and 2: the lexicon -------------------------------------------------------------


def learn(docs: list[dict], corpus: Corpus, reference=None) -> Lexicon:
    """``slogans.learn_lexicon`` over ``docs`` (sorted by doc_id), from the partials."""
    reference = reference or load_slogan_reference()
    contexts: dict[str, list[tuple[str, str]]] = defaultdict(list)
    documents: dict[str, int] = defaultdict(int)
    phrases: list[str] = []
    for doc in docs:
        partial = corpus.partials[doc["doc_id"]]
        for phrase, before, after in partial.quoted:
            contexts[phrase].append((before, after))
        for phrase in partial.seen:
            documents[phrase] += 1
        phrases += partial.seen
    draft = build_lexicon(phrases, reference, contexts, documents)
    candidates = frozenset(unquoted_candidates(draft, documents))
    found = _cached_map(corpus, "mentions", _digest(sorted(candidates)), docs, _mentions_job,
                        context=(candidates, phrase_index(candidates)))
    mentions: dict[str, int] = defaultdict(int)
    for doc in docs:
        for phrase in found[doc["doc_id"]]:
            mentions[phrase] += 1
    return build_lexicon(phrases, reference, contexts, documents, mentions)


def _mentions_job(job: tuple[str, str, Path | None, frozenset | None]) -> list[str]:
    _doc_id, text, _bounds, _in_memory = job
    candidates, index = _CONTEXT
    return sorted({o.slogan for o in find_phrases(text, candidates, None, index)})


# --- 3: the slogans of every report ------------------------------------------------------


def find_all(docs: list[dict], corpus: Corpus, lexicon: Lexicon) -> dict[str, dict]:
    """Per doc_id: {"rows": slogan rows without county and year, "contexts": [(slogan, start,
    end, sentence)]}, from the store where the lexicon is unchanged."""
    return _cached_map(corpus, "slogans", lexicon_digest(lexicon), docs, _slogans_job, context=lexicon)


def lexicon_digest(lexicon: Lexicon) -> str:
    """Everything ``find_slogans`` reads from the lexicon, and what it falls back to."""
    reference_files = [settings.reference_file(name) for name in (SLOGANS_FILE, CORRECTIONS_FILE)]
    return _digest([
        sorted(lexicon.kinds.items()), sorted(lexicon.bases.items()), sorted(lexicon.families.items()),
        sorted(lexicon.unquoted),
        [hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else None for p in reference_files],
    ])


def _slogans_job(job: tuple[str, str, Path | None, frozenset | None]) -> dict:
    _doc_id, text, bounds_file, boundaries = job
    lexicon = _CONTEXT
    if boundaries is None and bounds_file is not None:
        boundaries = read_boundaries(bounds_file)
    if boundaries is None:  # no cached boundaries: segment again (same tokens)
        boundaries = token_boundaries(segment_document(text))
    occurrences = find_slogans(text, lexicon, boundaries)
    sentences = split_sentences(text)
    starts = [s.start for s in sentences]
    contexts = []
    for occ in occurrences:
        sentence = sentence_at(sentences, starts, occ.start)
        contexts.append((occ.slogan, occ.start, occ.end, sentence.text if sentence else occ.slogan))
    return {"rows": _slogan_rows(text, occurrences, lexicon, sentences, starts), "contexts": contexts}


def _slogan_rows(text: str, occurrences: list[Occurrence], lexicon: Lexicon, sentences, starts) -> list[dict]:
    by_slogan: dict[str, list[Occurrence]] = defaultdict(list)
    for occ in occurrences:
        by_slogan[occ.slogan].append(occ)
    rows = []
    for slogan, occs in by_slogan.items():
        first = min(occs, key=lambda o: o.start)
        sentence = sentence_at(sentences, starts, first.start)
        kind, basis = lexicon.kind_of(slogan)
        rows.append({
            "slogan": slogan,
            "family": lexicon.family_of(slogan),
            "kind": kind,
            "kind_basis": basis,
            "count": len(occs),
            "quoted_count": sum(o.quoted for o in occs),
            "first_sentence": sentence.text if sentence else text[first.start:first.end],
        })
    return rows


# --- the stores ---------------------------------------------------------------------------

_CONTEXT = None  # what the jobs of the running map read (set before the pool forks)


def _cached_map(corpus: Corpus, kind: str, digest: str, docs: list[dict], job: Callable, context) -> dict:
    """``job`` for every doc, from ``<store>/<kind>-<digest>`` where it was computed before."""
    global _CONTEXT
    path = corpus.store / f"{kind}-{digest}.pickle" if corpus.store is not None else None
    stored = _load(path)
    out, todo = {}, []
    for doc in docs:
        key = corpus.keys.get(doc["doc_id"])
        if key is not None and key in stored:
            out[doc["doc_id"]] = stored[key]
        else:
            todo.append(doc)
    _CONTEXT = context
    try:
        jobs = [(d["doc_id"], d["text"], corpus.boundary_files.get(d["doc_id"]), corpus.boundaries.get(d["doc_id"]))
                for d in todo]
        for doc, result in zip(todo, _run(job, jobs, corpus.workers)):
            out[doc["doc_id"]] = result
    finally:
        _CONTEXT = None
    if path is not None and (todo or len(stored) != len(docs)):
        keep = {corpus.keys[d["doc_id"]]: out[d["doc_id"]] for d in docs if d["doc_id"] in corpus.keys}
        _save(path, keep)
        for old in corpus.store.glob(f"{kind}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    return out


def _run(job: Callable, jobs: list, workers: int) -> list:
    if workers > 1 and len(jobs) >= POOL_MIN_JOBS:
        from pipeline.workers import die_with_parent

        with ProcessPoolExecutor(max_workers=workers, initializer=die_with_parent, initargs=(os.getpid(),)) as pool:
            return list(pool.map(job, jobs, chunksize=8))
    return [job(j) for j in jobs]


def _load(path: Path | None) -> dict:
    if path is None:
        return {}
    try:
        with path.open("rb") as handle:
            data = pickle.load(handle)
        return data if isinstance(data, dict) else {}
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ValueError, TypeError):
        return {}  # a missing or damaged store only means: compute again


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
    from pipeline.documents import code_fingerprint

    payload = json.dumps([code_fingerprint(), value], ensure_ascii=False, sort_keys=True, default=list)
    return hashlib.sha256(payload.encode("utf-8", "surrogateescape")).hexdigest()[:16]
