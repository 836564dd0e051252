"""A file's cached result: stored as the build holds it, read back whole, a damaged or
foreign entry read as missing, and a key that changes with what the result depends on."""

from __future__ import annotations

from pipeline import result_cache
from pipeline.documents import DocResult, _load_cached
from pipeline.result_cache import cache_key, load_cached, result_path, store_cached


def _held() -> DocResult:
    return DocResult("a/报告.txt", "ab" * 32, "ok", identity={"county": "示例县"}, text="全年地区生产总值增长6%。",
                     facts=[{"indicator": "地区生产总值", "value": 6.0}], warnings=["文件名按 GB18030 读出"]).hold(intern=False)


def test_a_stored_result_reads_back_as_it_was_held(tmp_path):
    held = _held()
    store_cached(tmp_path, "k1", held)
    again = _load_cached(tmp_path, "k1")
    assert again is not None and not list(tmp_path.glob("*.tmp"))
    assert (again.source_file, again.text, again.identity, again.warnings) == (held.source_file, held.text,
                                                                               held.identity, held.warnings)
    assert again.fact_records() == [{"indicator": "地区生产总值", "value": 6.0}]


def test_a_damaged_missing_or_foreign_entry_is_missing(tmp_path):
    assert load_cached(tmp_path, "none") is None
    result_path(tmp_path, "bad").write_bytes(b"\x80 not a pickle")
    assert load_cached(tmp_path, "bad") is None
    import pickle

    result_path(tmp_path, "list").write_bytes(pickle.dumps([1, 2]))
    result_path(tmp_path, "shape").write_bytes(pickle.dumps({"no_such_field": 1}))
    assert load_cached(tmp_path, "list") is None and _load_cached(tmp_path, "shape") is None


def test_the_key_follows_the_content_the_name_the_review_and_the_code():
    base = cache_key("ab" * 32, "a.txt", None)
    assert base.startswith("ab" * 32 + "-" + result_cache.code_fingerprint())
    others = {cache_key("cd" * 32, "a.txt", None), cache_key("ab" * 32, "b/a.txt", None),
              cache_key("ab" * 32, "a.txt", {"county": "示例县"})}
    assert base not in others and len(others) == 3
    assert cache_key("ab" * 32, "a.txt", None) == base
