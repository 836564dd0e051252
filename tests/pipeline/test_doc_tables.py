"""Assembling the indicators table at once gives the rows of assembling it per document."""

from __future__ import annotations

from collections import Counter

import pandas as pd
import pytest

from pipeline import contracts
from pipeline.doc_tables import indicators_one_by_one, indicators_table
from pipeline.documents import process_file, scan_raw_dir


def _results(raw, tmp_path):
    (tmp_path / "cache").mkdir()
    return [process_file(path, raw, tmp_path / "cache") for path in scan_raw_dir(raw)]


def test_one_frame_for_every_document_equals_one_frame_each(sample_raw_dir, tmp_path):
    results = [r for r in _results(sample_raw_dir, tmp_path) if r.status == "ok"]
    several = results[0]
    several.identity = {**several.identity, "county_source": "several"}  # facts keep only their own county
    unattributed = results[1]
    for result in (several, unattributed):  # half the facts without a county of their own
        result.facts = [{**f, "county": None, "province": None} if i % 2 else f for i, f in enumerate(result.facts)]
    shared = results[3]  # one figure given to two counties (甲县、乙县均增长5%): one row each
    shared.facts = shared.facts + [{**shared.facts[0], "county": "另一县"}]
    together = indicators_table(results)
    one_by_one = indicators_one_by_one([r for r in results if r.facts])
    assert len(together) > 100
    assert together["fact_id"].str.endswith(":另一县").sum() == 1
    pd.testing.assert_frame_equal(contracts.conform(together, "indicators"), contracts.conform(one_by_one, "indicators"))
    assert together[together["doc_id"] == several.doc_id]["county"].isna().sum() == len(several.facts) // 2
    assert (together[together["doc_id"] == unattributed.doc_id]["county"] == unattributed.identity["county"]).all()


def test_a_document_whose_facts_break_the_contract_is_left_out_alone(sample_raw_dir, tmp_path):
    results = [r for r in _results(sample_raw_dir, tmp_path) if r.status == "ok"]
    bad = results[2]
    bad.facts = [{**bad.facts[0], "value": "六点五"}] + bad.facts[1:]
    table = indicators_table(results)
    assert bad.doc_id not in set(table["doc_id"]) and any("数值未能入表" in w for w in bad.warnings)
    assert set(table["doc_id"]) == {r.doc_id for r in results if r.facts and r is not bad}
    contracts.conform(table, "indicators")


def test_held_results_give_the_same_indicators_in_any_batch_size(sample_raw_dir, tmp_path, monkeypatch):
    from pipeline import doc_tables

    results = [r for r in _results(sample_raw_dir, tmp_path) if r.status == "ok"]
    expected = indicators_table(results)
    for result in results:
        facts = result.facts
        result.hold()
        assert result.facts is None and result.fact_records() == facts  # packed, unpacked the same
    monkeypatch.setattr(doc_tables, "FRAME_BATCH", 3)  # several batches, one document's facts never split
    pd.testing.assert_frame_equal(indicators_table(results), expected)


def _counting_frames(monkeypatch) -> list[int]:
    """How many reports each call of ``facts_frame`` frames (it is what a stored part saves)."""
    from pipeline import doc_tables

    framed, original = [], doc_tables.facts_frame
    monkeypatch.setattr(doc_tables, "facts_frame", lambda results: framed.append(len(results)) or original(results))
    return framed


def test_stored_parts_give_the_same_rows_and_a_new_report_frames_its_part_alone(sample_raw_dir, tmp_path, monkeypatch):
    from pipeline import partitions

    results = [r for r in _results(sample_raw_dir, tmp_path) if r.status == "ok" and r.facts]
    assert all(r.cache_key for r in results)
    added, before = results[0], results[1:]
    store = tmp_path / "store"
    cold = indicators_table(before)
    framed = _counting_frames(monkeypatch)
    first = indicators_table(before, 1, store)
    pd.testing.assert_frame_equal(first, cold)
    assert sum(framed) == len(before) and len(list((store / "indicator-frames").iterdir())) > 1
    framed.clear()
    pd.testing.assert_frame_equal(indicators_table(before, 1, store), cold)  # every part read back
    assert framed == []
    # A report dropped in: its part is framed again, the others are read; the rows equal a cold frame.
    with_added = indicators_table(results, 1, store)
    part = partitions.part_of(added.doc_id, 1)
    assert framed == [sum(partitions.part_of(r.doc_id, 1) == part for r in results)]
    pd.testing.assert_frame_equal(with_added, indicators_table(results))
    # The part as it was before the drop is gone: the store holds one build's parts.
    assert len(list((store / "indicator-frames").iterdir())) == len({partitions.part_of(r.doc_id, 1) for r in results})


def _failing_frame_job(job):
    raise RuntimeError("a worker's bug")


def test_the_workers_frame_the_parts_ahead_and_the_table_reads_them(sample_raw_dir, tmp_path, monkeypatch):
    """``frame_parts_ahead`` frames the missing parts in the build's workers (several batches
    here); ``indicators_table`` then frames nothing itself and gives the rows of a cold frame.
    A worker's failure only leaves the parts to the build's process."""
    import os

    from pipeline import doc_tables
    from pipeline.workers import BuildPool

    results = [r for r in _results(sample_raw_dir, tmp_path) if r.status == "ok" and r.facts]
    cold = indicators_table(results)
    for result in results:
        result.hold()
    monkeypatch.setattr(doc_tables, "FRAME_BATCH", 2)
    here, framed_here = os.getpid(), []
    original = doc_tables.facts_frame
    monkeypatch.setattr(doc_tables, "facts_frame",
                        lambda rs: (framed_here.append(len(rs)) if os.getpid() == here else None) or original(rs))
    with BuildPool(2) as pool:
        assert doc_tables.frame_parts_ahead(results, 2, tmp_path / "store", pool).wait() is None  # not started
        list(pool.map(abs, [-1, -2]))  # the per-file stage has started the workers
        doc_tables.frame_parts_ahead(results, 2, tmp_path / "store", pool).wait()
    assert framed_here == [] and len(list((tmp_path / "store" / "indicator-frames").iterdir())) > 1
    pd.testing.assert_frame_equal(indicators_table(results, 2, tmp_path / "store"), cold)
    assert framed_here == []

    # Raised inside the worker (a module function: the job reaches it, unlike a local one).
    monkeypatch.setattr(doc_tables, "_frame_job", _failing_frame_job)
    with BuildPool(2) as pool:
        list(pool.map(abs, [-1, -2]))
        doc_tables.frame_parts_ahead(results, 2, tmp_path / "other", pool).wait()
    pd.testing.assert_frame_equal(indicators_table(results, 2, tmp_path / "other"), cold)
    assert sum(framed_here) == len(results)


def test_a_damaged_or_renamed_stored_part_is_framed_again(sample_raw_dir, tmp_path, monkeypatch):
    results = [r for r in _results(sample_raw_dir, tmp_path) if r.status == "ok" and r.facts]
    store = tmp_path / "store"
    cold = indicators_table(results, 1, store)
    stored = sorted((store / "indicator-frames").iterdir())
    stored[0].write_bytes(stored[0].read_bytes()[:100])  # cut short
    framed = _counting_frames(monkeypatch)
    pd.testing.assert_frame_equal(indicators_table(results, 1, store), cold)
    assert len(framed) == 1 and 0 < framed[0] < len(results)
    # A report listed under another name (build renames a twin): its part's rows are framed again.
    framed.clear()
    results[-1].source_file = results[-1].source_file + " (2)"
    renamed = indicators_table(results, 1, store)
    assert len(framed) == 1 and set(renamed.loc[renamed["doc_id"] == results[-1].doc_id, "source_file"]) == {results[-1].source_file}


def test_a_store_that_cannot_be_written_only_costs_time(sample_raw_dir, tmp_path, monkeypatch):
    """A full or read-only disk under the cache: the rows are made as without a store, and the
    documents are not sent down the slow one-by-one path."""
    from pipeline import doc_tables

    results = [r for r in _results(sample_raw_dir, tmp_path) if r.status == "ok" and r.facts]
    cold = indicators_table(results)

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(doc_tables.feather, "write_feather", full_disk)
    monkeypatch.setattr(doc_tables, "indicators_one_by_one", lambda *a: pytest.fail("fell back to one by one"))
    pd.testing.assert_frame_equal(indicators_table(results, 1, tmp_path / "store"), cold)
    assert not any((tmp_path / "store" / "indicator-frames").glob("*"))


def test_held_partials_share_each_word_once(sample_raw_dir, tmp_path):
    results = [r for r in _results(sample_raw_dir, tmp_path) if r.status == "ok"]
    vocab = [r.vocab for r in results]
    for result in results:
        result.hold()
    assert all(r.vocab is None for r in results)
    from pipeline.partials import DocPartial

    for result, data in zip(results, vocab):
        plain = DocPartial.from_json(data)
        assert result.partial.terms == plain.terms and result.partial.quotes() == plain.quotes()
        assert (result.partial.counts == plain.counts).all() and (result.partial.sentences == plain.sentences).all()
        assert isinstance(result.partial.terms_text, str)  # the terms: one object per report
    first, reports = {}, Counter()
    for result in results:
        reports.update(set(result.partial.seen))
        assert all(first.setdefault(phrase, phrase) is phrase for phrase in result.partial.seen)
    assert max(reports.values()) > 1  # some phrase quoted by several reports, held once


def test_texts_become_arrow_strings_without_growing():
    import sys

    from pipeline.doc_tables import arrow_strings

    texts = ["乡村振兴战略全面推进" * 2000, "ascii", ""]
    sizes = [sys.getsizeof(t) for t in texts]
    made = arrow_strings(texts)
    assert [sys.getsizeof(t) for t in texts] == sizes  # Arrow reading a str keeps its UTF-8 form on it
    pd.testing.assert_extension_array_equal(made, pd.array(texts, dtype="string"))
