"""The segmentation cache: built once per dictionary, read by later processes with the same
tokens, keyed on the dictionary files' contents; it keeps the current files and sheds the others."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import jieba
import pytest

from pipeline import segment, segment_cache
from tests.pipeline.test_segment import _corpus_texts, _reference_cut


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


def test_a_trie_marked_used_stays_newer_than_its_dictionary(tmp_path):
    # jieba_fast_dat trusts a trie only when it is newer than its text, else it rebuilds it
    # (in place) at every start: marking both used must keep that order.
    dictionary, trie = tmp_path / "fast-aaaa.dict", tmp_path / "fast-aaaa.dat"
    for path in (trie, dictionary):  # the text written last: newer, as a careless touch leaves it
        path.write_bytes(b"x")
    segment.prune_segmentation_cache(tmp_path, keep={dictionary, trie})
    assert trie.stat().st_mtime > dictionary.stat().st_mtime


def test_the_key_follows_the_contents_of_the_dictionary_files(tmp_path):
    words = tmp_path / "userdict.txt"
    words.write_text("乡村振兴\n", encoding="utf-8")
    before = segment_cache.dictionary_key([words])
    os.utime(words, (1, 1))  # the date alone does not change what the tokenizer holds
    assert segment_cache.dictionary_key([words]) == before
    words.write_text("乡村振兴\n数智赋能\n", encoding="utf-8")
    assert segment_cache.dictionary_key([words]) != before


def _small_tokenizer(cache_dir, *added):
    # jieba's dictionary from its cache in the real cache directory (fast to load), the
    # engine's files in ``cache_dir``.
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = str(cache_dir)
    tokenizer.cache_file = str(segment.settings.jieba_cache_dir() / "jieba.default.cache")
    tokenizer.initialize()
    for word in added:
        tokenizer.add_word(word, 10000)
    return tokenizer


def _counted_small_dictionary(tmp_path):
    """A one-word user dictionary, a cache directory, and an engine builder that counts its builds."""
    words = tmp_path / "userdict.txt"
    words.write_text("数智赋能\n", encoding="utf-8")
    cache = tmp_path / "cache"
    cache.mkdir()
    built = []

    def build():
        built.append(_small_tokenizer(cache, "数智赋能"))
        return built[-1]

    return words, cache, built, build


def test_the_engine_is_built_once_per_dictionary_then_read_from_the_cache(tmp_path):
    words, cache, built, build = _counted_small_dictionary(tmp_path)

    text = "推进数智赋能示范区建设，2025年GDP增长6.5%。\n下一行 abc"
    first = segment_cache.cached_engine([words], cache, build)
    again = segment_cache.cached_engine([words], cache, build)  # as a new process would
    assert len(built) == 1 and again is not first
    assert again.lcut(text, HMM=False) == first.lcut(text, HMM=False) == list(built[0].cut(text, HMM=False))
    assert "数智赋能" in again.lcut(text, HMM=False)
    words.write_text("数智赋能\n示范区建设\n", encoding="utf-8")  # another dictionary: built again
    segment_cache.cached_engine([words], cache, build)
    assert len(built) == 2


def test_the_engine_without_a_tokenizer_gives_the_tokenizers_tokens():
    texts = _corpus_texts()
    assert len(texts) >= 20
    tokenizer = segment.get_tokenizer()
    if segment.get_engine() is None:
        pytest.skip("jieba_fast_dat not installed: segmentation runs the pure-Python route")
    for name, text in texts:
        assert [tuple(t) for t in segment.segment_document(text)] == _reference_cut(tokenizer, text), name
        words, starts = segment.segment_arrays(text)
        assert [(w, s, s + len(w)) for w, s in zip(words, starts.tolist())] == _reference_cut(tokenizer, text), name


def test_a_new_process_segments_from_the_cache_without_building_jiebas_tokenizer(tokenizer):
    if segment.get_engine() is None:
        pytest.skip("jieba_fast_dat not installed: segmentation runs the pure-Python route")
    text = "全面推进四好农村路建设，深化放管服改革，利津县2025年GDP增长6.5%。"
    script = (
        "import json, sys\n"
        "from pipeline import segment\n"
        f"words, _ = segment.segment_arrays({text!r})\n"
        "print(json.dumps([words, segment._build_tokenizer.cache_info().currsize, 'jieba' in sys.modules]))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(segment.settings.PROJECT_ROOT)}
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True,
                         cwd=segment.settings.PROJECT_ROOT)
    words, tokenizers_built, jieba_imported = json.loads(out.stdout)
    assert words == [w for w, _s, _e in _reference_cut(tokenizer, text)]
    assert tokenizers_built == 0 and not jieba_imported


def test_a_text_touched_after_its_trie_is_dated_back_not_rebuilt(tmp_path):
    # Older checkouts mark the text and its trie used in any order; both are named by the
    # text's digest, so the trie still belongs to it and is loaded as it is.
    words, cache, built, build = _counted_small_dictionary(tmp_path)

    first = segment_cache.cached_engine([words], cache, build)
    dictionary = Path(first.dictionary)
    trie = dictionary.with_suffix(".dat")
    trie_bytes = trie.read_bytes()
    stamp = trie.stat().st_mtime
    os.utime(dictionary, (stamp + 5, stamp + 5))
    again = segment_cache.cached_engine([words], cache, build)
    assert len(built) == 1 and trie.read_bytes() == trie_bytes
    assert trie.stat().st_mtime > dictionary.stat().st_mtime
    assert again.lcut("推进数智赋能示范区建设", HMM=False) == first.lcut("推进数智赋能示范区建设", HMM=False)
