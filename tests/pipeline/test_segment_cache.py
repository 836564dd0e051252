"""The segmentation cache keeps the current dictionary's files and sheds the others."""

from __future__ import annotations

import os
import time

from pipeline import segment


def test_other_dictionaries_unused_for_an_hour_are_removed(tmp_path):
    now = time.time()
    current = {tmp_path / "fast-aaaa.dict", tmp_path / "fast-aaaa.dat", tmp_path / "dict-entries-1-2.marshal"}
    old = [tmp_path / "fast-bbbb.dict", tmp_path / "fast-bbbb.dat", tmp_path / "dict-entries-1-1.marshal",
           tmp_path / "fast-cccc.dat.tmp42"]
    recent = tmp_path / "fast-dddd.dat"  # another checkout's dictionary, in use
    unrelated = tmp_path / "jieba.default.cache"
    for path in [*current, *old, recent, unrelated]:
        path.write_bytes(b"x")
    for path in [*current, *old, unrelated]:
        os.utime(path, (now - 2 * segment.CACHE_UNUSED_SECONDS,) * 2)
    removed = segment.prune_segmentation_cache(tmp_path, keep=current, now=now)
    assert sorted(removed) == sorted(old)
    assert all(p.exists() for p in [*current, recent, unrelated])
    assert all(now - p.stat().st_mtime < 60 for p in current)  # marked used


def test_loading_the_engine_prunes_its_cache_directory(tmp_path, monkeypatch):
    stale = segment.settings.jieba_cache_dir() / "fast-0000000000000000.dat"
    stale.write_bytes(b"x")
    os.utime(stale, (time.time() - 2 * segment.CACHE_UNUSED_SECONDS,) * 2)
    tokenizer = segment.get_tokenizer()
    segment._FAST_CACHE.pop(tokenizer, None)  # load the engine again, as a new process would
    assert segment._fast_engine(tokenizer) is not None
    assert not stale.exists()
