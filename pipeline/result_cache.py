"""Where a file's per-document result is kept between builds, and under which key.

A result is cached on the file's content (sha256), its name and review, and a fingerprint of
the code and vocabularies that produced it (``code_fingerprint``), so an unchanged file is
not read again and a change to the extractor makes every cached result unused at once. The
entry is the result as the build holds it (``documents.DocResult.hold``), pickled, and its
token boundaries beside it in a small binary file read only when slogans are found again.
"""

from __future__ import annotations

import hashlib
import json
import logging
import pickle
from functools import lru_cache
from pathlib import Path

from pipeline import settings

log = logging.getLogger(__name__)

# Every pipeline module a per-document run imports (a test holds the list to that), so that
# changing any of them makes the cached results of the old code unused.
FINGERPRINT_MODULES = ("__init__.py", "settings.py", "contracts.py", "corrections.py", "ingest", "codepoints.py",
                       "normalise", "identify", "doc_kinds.py", "extract", "attribution.py", "numerals.py",
                       "segment.py", "segment_cache.py", "documents.py", "result_cache.py", "keywords.py", "partials.py",
                       "slogans")
FINGERPRINT_REFERENCES = ("indicator_families.tsv", "indicator_aliases.tsv", "indicator_blocks.tsv",
                          "chrome_patterns.txt", "userdict.txt", "userdict_places.txt", "stopwords.txt",
                          "division_changes.tsv")

_CACHED_FIELDS = ("source_file", "sha256", "status", "error", "identity", "text", "facts", "packed_facts",
                  "partial", "warnings")


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Changes whenever the per-document code or its vocabularies change."""
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for name in FINGERPRINT_MODULES:
        path = here / name
        for part in sorted(path.rglob("*.py")) if path.is_dir() else [path]:  # a stage may be a package
            if part.exists():
                digest.update(part.read_bytes())
    for name in FINGERPRINT_REFERENCES:
        path = settings.reference_file(name)
        if path.exists():
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def cache_key(sha: str, source_file: str, review: dict | None) -> str:
    """The file's content, the code, and the path and review (the path is evidence too: a
    county in the folder name; and so is a person's review)."""
    extra = json.dumps([source_file, review], ensure_ascii=False, sort_keys=True)
    return f"{sha}-{code_fingerprint()}-{hashlib.sha256(extra.encode('utf-8', 'surrogateescape')).hexdigest()[:8]}"


def result_path(cache_dir: Path, key: str) -> Path:
    return cache_dir / f"{key}.result"  # a pickle; not *.pickle, the corpus stores' names


def boundaries_path(cache_dir: Path, key: str) -> Path:
    """Token boundaries of a cached result: read only when slogans must be found again."""
    return cache_dir / f"{key}.bounds"


def store_boundaries(cache_dir: Path, key: str, result) -> None:
    """``result.boundaries`` beside its cached result, then dropped from the result."""
    from pipeline.partials import write_boundaries

    try:
        write_boundaries(boundaries_path(cache_dir, key), result.boundaries)
    except OSError as exc:  # slogan finding re-segments the text instead
        log.warning("boundaries not cached %s: %s", result.source_file, exc)
    result.boundaries = None


def load_cached(cache_dir: Path, key: str) -> dict | None:
    """The fields of the result stored under ``key`` (``store_cached``), or None."""
    try:
        data = pickle.loads(result_path(cache_dir, key).read_bytes())
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError, ImportError, IndexError):
        return None  # a missing or damaged cache entry just means: extract again
    return data if isinstance(data, dict) else None


def store_cached(cache_dir: Path, key: str, held) -> None:
    """A result as the build holds it (``DocResult.hold``), pickled: a rebuild reads every
    cached report, and the held form loads several times faster than the JSON it replaced
    (no number arrays to decode, the facts stay packed until a table needs them)."""
    data = {name: getattr(held, name) for name in _CACHED_FIELDS}
    target = result_path(cache_dir, key)
    tmp = target.with_suffix(".tmp")
    try:
        tmp.write_bytes(pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
        tmp.replace(target)
    except (OSError, ValueError, TypeError, pickle.PicklingError, AttributeError) as exc:
        # The cache only saves time: a full disk or an unstorable value must not lose the document.
        tmp.unlink(missing_ok=True)
        log.warning("not cached %s: %s", held.source_file, exc)
