"""The segmentation engine and jieba's dictionary, cached once per dictionary under the cache dir.

The C++ engine (``jieba_fast_dat``) runs jieba's route on exactly a ``jieba.Tokenizer``'s words,
frequencies and total (``fast_engine``). Building that tokenizer (jieba's ~350,000 entries, then
the user dictionaries) and hashing its entries cost about two CPU seconds at every process
start, so the process that builds it also leaves, in the cache directory:

* ``fast-<digest>.dict``: the tokenizer's words and frequencies (``digest``: of that text);
* ``fast-<digest>.dat``: the engine's trie, built from that file;
* ``engine-<key>.json``: which ``.dict`` and which total belong to one set of dictionary files,
  ``key`` being the digest of their contents (``dictionary_key``).

A later process whose dictionary files have the same digest loads the engine from these files
(``cached_engine``) without building, or even importing, jieba's tokenizer. Change a user
dictionary (or jieba) and the key changes, so the tokenizer is built again.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import marshal
import os
import time
import weakref
from collections.abc import Callable
from pathlib import Path

from pipeline import settings

# Part of the key: bump it when the way the engine's files are derived changes.
ENGINE_FORMAT = "engine-1"

_FAST_CACHE: "weakref.WeakKeyDictionary[object, tuple]" = weakref.WeakKeyDictionary()

# Another checkout or a build still running may use another dictionary: its files are kept
# while they were used this recently (every process marks the files it loads as used).
CACHE_UNUSED_SECONDS = 3600
_CACHE_PATTERNS = ("fast-*.dict", "fast-*.dat", "fast-*.tmp*", "dict-entries-*.marshal", "dict-entries-*.tmp*",
                   "engine-*.json", "engine-*.tmp*")


def jieba_dir() -> Path:
    """jieba's package directory, found without importing jieba (its import costs ~0.3 s)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("jieba is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def jieba_dictionary() -> Path:
    return jieba_dir() / "dict.txt"


def dictionary_key(files: list[Path]) -> str:
    """Digest of what a tokenizer is built from: jieba's dictionary and code, the user
    dictionaries (in order) and ``ENGINE_FORMAT``."""
    digest = hashlib.sha256(ENGINE_FORMAT.encode())
    for path in [jieba_dictionary(), jieba_dir() / "__init__.py", *files]:
        data = path.read_bytes()
        digest.update(f"\0{path.name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()[:16]


def cached_engine(files: list[Path], cache_dir: Path, build_tokenizer: Callable[[], object]):
    """The engine for a tokenizer built from ``files`` by ``build_tokenizer``: from the cache
    when a process built it before, else built now (and cached). None without the package."""
    try:
        import jieba_fast_dat  # noqa: F401
    except ImportError:
        return None
    index = cache_dir / f"engine-{dictionary_key(files)}.json"
    engine = _load_indexed(index, cache_dir)
    if engine is None:
        engine = fast_engine(build_tokenizer())
        if engine is not None:
            _write_index(index, Path(engine.dictionary), engine.total)
    if engine is not None:
        dictionary = Path(engine.dictionary)
        prune_segmentation_cache(cache_dir, keep={dictionary, dictionary.with_suffix(".dat"), index,
                                                  dictionary_entries_cache()})
    return engine


def _load_indexed(index: Path, cache_dir: Path):
    try:
        entry = json.loads(index.read_text(encoding="utf-8"))
        dictionary, total = cache_dir / entry["dict"], int(entry["total"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    trie = dictionary.with_suffix(".dat")
    if not (dictionary.is_file() and _trie_usable(dictionary, trie)):
        return None
    return _open_engine(dictionary, trie, total)


def _trie_usable(dictionary: Path, trie: Path) -> bool:
    """Whether ``trie`` can be loaded for ``dictionary``, re-dating the text when needed.

    The engine trusts a trie only when it is newer than its text (else it rebuilds it, in
    place). Both are named by the digest of the text, so a trie of that name was built from
    that very text: a text touched after it (older checkouts mark both used in any order)
    is dated back instead of rebuilding ~10 MB at every start."""
    try:
        built = trie.stat().st_mtime
        if built <= dictionary.stat().st_mtime:
            os.utime(dictionary, (built - 1, built - 1))
        return True
    except OSError:
        return False


def _open_engine(dictionary: Path, trie: Path, total: int):
    import jieba_fast_dat

    logging.getLogger("jieba_fast_dat").setLevel(logging.WARNING)
    engine = jieba_fast_dat.Tokenizer(dictionary=str(dictionary))
    engine.tmp_dir = str(dictionary.parent)
    engine.cache_file = str(trie)
    engine.initialize()
    engine.total = total  # jieba's total counts re-added words twice: use the same
    return engine


def _write_index(index: Path, dictionary: Path, total: int) -> None:
    tmp = index.with_suffix(f".tmp{os.getpid()}")
    try:
        tmp.write_text(json.dumps({"dict": dictionary.name, "total": total}), encoding="utf-8")
        os.replace(tmp, index)
    except OSError:
        tmp.unlink(missing_ok=True)  # a read-only cache only costs the tokenizer next time


def fast_engine(tokenizer):
    """A ``jieba_fast_dat`` tokenizer holding exactly ``tokenizer``'s words, frequencies and
    total (rebuilt when words are added), or None when the package is not installed."""
    try:
        import jieba_fast_dat
    except ImportError:
        return None
    stamp = (tokenizer.total, len(tokenizer.FREQ))
    cached = _FAST_CACHE.get(tokenizer)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    tokenizer.check_initialized()
    lines = "".join(f"{w} {f}\n" for w, f in tokenizer.FREQ.items() if f)
    digest = hashlib.sha256(lines.encode("utf-8")).hexdigest()[:16]
    cache_dir = Path(tokenizer.tmp_dir or settings.jieba_cache_dir())
    path = cache_dir / f"fast-{digest}.dict"
    trie = path.with_suffix(".dat")  # its trie, kept beside (not in /tmp)
    if not path.is_file():
        _write_atomic(path, lines.encode("utf-8"))
    if _trie_usable(path, trie):
        fast = _open_engine(path, trie, tokenizer.total)
    else:
        fast = _build_trie(path, trie)
        fast.total = tokenizer.total
    _FAST_CACHE[tokenizer] = (stamp, fast)
    prune_segmentation_cache(cache_dir, keep={path, trie, dictionary_entries_cache()})
    return fast


def _build_trie(dictionary: Path, trie: Path):
    """An engine built from ``dictionary``, its trie saved as ``trie``."""
    # The engine writes its trie in place: build it under a private name and rename it,
    # so a process starting meanwhile never reads half a file.
    import jieba_fast_dat

    logging.getLogger("jieba_fast_dat").setLevel(logging.WARNING)
    tmp = dictionary.with_suffix(f".dat.tmp{os.getpid()}")
    builder = jieba_fast_dat.Tokenizer(dictionary=str(dictionary))
    builder.tmp_dir = str(dictionary.parent)
    builder.cache_file = str(tmp)
    builder.initialize()
    try:
        os.replace(tmp, trie)
    except OSError:
        tmp.unlink(missing_ok=True)
    return builder


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def prune_segmentation_cache(cache_dir: Path, keep: set[Path], now: float | None = None) -> list[Path]:
    """Delete the engine and dictionary caches of other dictionaries (each ~15 MB; every
    change of the user dictionaries leaves one behind) unused for ``CACHE_UNUSED_SECONDS``.
    ``keep`` (the current dictionary's files) are marked used instead."""
    now = time.time() if now is None else now
    removed = []
    for path in keep:
        # A trie must stay newer than its dictionary text (the engine's rule for trusting it).
        _mark_used(path, now - 1 if path.suffix == ".dict" else now)
    for pattern in _CACHE_PATTERNS:
        for path in cache_dir.glob(pattern):
            if path in keep:
                continue
            try:
                if now - path.stat().st_mtime > CACHE_UNUSED_SECONDS:
                    path.unlink()
                    removed.append(path)
            except OSError:
                pass  # gone already, or not ours to delete
    return removed


def _mark_used(path: Path, when: float | None = None) -> None:
    try:
        os.utime(path, None if when is None else (when, when))
    except OSError:
        pass


def dictionary_entries_cache() -> Path:
    stat = jieba_dictionary().stat()
    return settings.jieba_cache_dir() / f"dict-entries-{stat.st_size}-{stat.st_mtime_ns}.marshal"


def load_dictionary_entries() -> dict[str, tuple[int, str]]:
    """Frequency and part-of-speech tag of every word of jieba's own dictionary, from a
    marshal cache beside jieba's own (parsing the text takes ~0.8 s)."""
    cache = dictionary_entries_cache()
    try:
        entries = marshal.loads(cache.read_bytes())
        _mark_used(cache)
        return entries
    except (OSError, EOFError, ValueError, TypeError):
        pass
    entries: dict[str, tuple[int, str]] = {}
    with jieba_dictionary().open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3:
                entries[parts[0]] = (int(parts[1]), parts[2])
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        _write_atomic(cache, marshal.dumps(entries))
    except OSError:
        pass  # a read-only cache directory only costs the parse next time
    return entries
