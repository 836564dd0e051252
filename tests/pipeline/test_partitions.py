"""Tables stored as parts: an incremental build links the unchanged parts of the last one and
stores exactly what a cold build stores; linked files are never written into; a build that
dies leaves the last good tables readable; readers see one table whatever the layout."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pandas as pd
import pyarrow.dataset as ds
import pytest

from pipeline import contracts, partitions, settings
from pipeline.build import run_build
from pipeline.documents import scan_raw_dir
from pipeline.result_cache import file_sha256
from tests.pipeline.stored import assert_same_rows, table_bytes, table_rows

# Tables whose parts depend on their own reports only: a drop writes one part of each.
PER_REPORT = ("texts", "indicators", "keywords", "sentences")


def _files(out: Path) -> dict[str, tuple[int, bytes]]:
    """Every part file of the current build: inode and bytes, by table/part."""
    build = settings.current_build_dir(out)
    return {f"{p.parent.name}/{p.name}": (p.stat().st_ino, p.read_bytes())
            for p in sorted(build.glob("*.parquet/*.parquet"))}


def _count_writes(monkeypatch) -> Counter:
    written: Counter = Counter()
    original = partitions.write_conformed

    def counted(frame, name, path):
        written[name] += 1
        return original(frame, name, path)

    monkeypatch.setattr(partitions, "write_conformed", counted)
    return written


def _assert_like_cold(raw: Path, out: Path, cold: Path) -> None:
    first = run_build(raw, cold, workers=1)
    assert_same_rows(table_rows(out), table_rows(cold))
    assert table_bytes(out) == table_bytes(cold)
    assert first.build_id == _build_id(out)


def _build_id(out: Path) -> str:
    import json

    return json.loads(settings.manifest_path(out).read_text(encoding="utf-8"))["build_id"]


def test_big_tables_are_directories_of_parts_in_key_order(built_sample_dir):
    for name in partitions.PARTITIONED:
        path = settings.table_path(built_sample_dir, name)
        files = contracts.table_files(path)
        assert path.is_dir() and len(files) > 1, name
        whole = contracts.read_table(name, path)
        key = list(contracts.CONTRACTS[name].key)
        assert whole.equals(whole.sort_values(key, kind="mergesort").reset_index(drop=True)), name
        assert contracts.parquet_source(path) == str(path / "*.parquet")
        # What another engine reads through the glob is the same rows.
        glob = ds.dataset(sorted(Path(path).glob("*.parquet")), format="parquet").to_table()
        assert glob.num_rows == len(whole)
    single = settings.table_path(built_sample_dir, "documents")
    assert single.is_file() and contracts.parquet_source(single) == str(single)


def test_adding_a_report_writes_one_part_per_report_table_and_links_the_rest(sample_raw_dir, tmp_path, monkeypatch):
    files = scan_raw_dir(sample_raw_dir)
    parked = tmp_path / "parked" / files[-1].name
    parked.parent.mkdir()
    shutil.move(files[-1], parked)
    out = tmp_path / "out"
    run_build(sample_raw_dir, out, workers=1)
    before = _files(out)
    shutil.move(parked, files[-1])
    written = _count_writes(monkeypatch)
    run_build(sample_raw_dir, out, workers=1)
    after = _files(out)
    # One new file per table; the others are the previous build's inodes.
    new_files = Counter(f.split(".parquet/")[0] for f in after if f not in before or before[f][0] != after[f][0])
    assert all(new_files[name] == 1 for name in PER_REPORT), new_files
    # Parts with an inputs digest (indicators' too: their reports' cache keys and the
    # corrections) are not even serialised again.
    assert all(written[name] == 1 for name in PER_REPORT), written
    new_part = partitions.part_file(partitions.part_of(file_sha256(files[-1])[:16], 1))
    for name in PER_REPORT:  # every other part is the previous build's file, linked
        others = [f for f in after if f.startswith(f"{name}.parquet/") and not f.endswith(new_part)]
        assert others and all(before[f][0] == after[f][0] for f in others), name
    monkeypatch.undo()
    _assert_like_cold(sample_raw_dir, out, tmp_path / "cold")


def test_removing_and_changing_reports_equal_a_cold_build(sample_raw_dir, tmp_path):
    out = tmp_path / "out"
    run_build(sample_raw_dir, out, workers=1)
    files = scan_raw_dir(sample_raw_dir)
    files[0].unlink()
    run_build(sample_raw_dir, out, workers=1)
    _assert_like_cold(sample_raw_dir, out, tmp_path / "cold-removed")
    changed = files[3]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n全县地区生产总值增长7.5%左右。", encoding="utf-8")
    run_build(sample_raw_dir, out, workers=1)
    _assert_like_cold(sample_raw_dir, out, tmp_path / "cold-changed")


def test_a_linked_part_is_never_written_into(sample_raw_dir, tmp_path):
    out = tmp_path / "out"
    run_build(sample_raw_dir, out, workers=1)
    old_build = settings.current_build_dir(out)
    old = _files(out)
    report = scan_raw_dir(sample_raw_dir)[2]
    report.write_text(report.read_text(encoding="utf-8") + "\n今年全县粮食产量增长2%。", encoding="utf-8")
    run_build(sample_raw_dir, out, workers=1)
    new = _files(out)
    # The old build directory still holds its bytes, whatever the new one linked or replaced.
    assert {f"{p.parent.name}/{p.name}": p.read_bytes() for p in sorted(old_build.glob("*.parquet/*.parquet"))} \
        == {name: data for name, (_, data) in old.items()}
    relinked = {name for name in new if name in old and new[name][0] == old[name][0]}
    changed = {name for name in new if name not in relinked}
    assert relinked and changed
    assert all(new[name][1] == old[name][1] for name in relinked)


def test_a_build_dying_while_writing_parts_leaves_the_last_build_readable(sample_raw_dir, tmp_path, monkeypatch):
    out = tmp_path / "out"
    run_build(sample_raw_dir, out, workers=1)
    rows, stored, current = table_rows(out), table_bytes(out), settings.current_build_dir(out)
    (sample_raw_dir / "new.txt").write_text("一、2021年工作回顾\n全县地区生产总值增长9%。" * 5, encoding="utf-8")
    original, calls = partitions.write_conformed, []

    def dying(frame, name, path):
        calls.append(name)
        if len(calls) == 4:  # some parts linked, some written: then the process "dies"
            raise KeyboardInterrupt
        return original(frame, name, path)

    monkeypatch.setattr(partitions, "write_conformed", dying)
    with pytest.raises(KeyboardInterrupt):
        run_build(sample_raw_dir, out, workers=1)
    assert settings.current_build_dir(out) == current
    assert_same_rows(table_rows(out), rows)
    assert table_bytes(out) == stored
    monkeypatch.undo()
    run_build(sample_raw_dir, out, workers=1)  # the next build cleans up and completes
    _assert_like_cold(sample_raw_dir, out, tmp_path / "cold")


def test_tfidf_is_read_from_counts_and_the_idf_table(built_sample_dir):
    """The stored keywords have no score; a reader gets the one the vocabulary step computes
    in memory (in each report's own order of terms) bit for bit."""
    from pipeline.vocabulary import build_vocabulary_tables

    path = settings.table_path(built_sample_dir, "keywords")
    stored = ds.dataset(contracts.table_files(path), format="parquet").schema.names
    assert "tfidf" not in stored and "count" in stored
    read = contracts.read_table("keywords", path)
    documents = table_rows(built_sample_dir, ["documents"])["documents"]
    texts = table_rows(built_sample_dir, ["texts"])["texts"].merge(
        documents.loc[documents["status"] == "ok", ["doc_id", "county", "report_year"]].drop_duplicates("doc_id"))
    in_memory = build_vocabulary_tables(texts)["keywords"]
    pd.testing.assert_frame_equal(read, in_memory, check_exact=True)
    term = read["term"].value_counts().index[0]
    some = contracts.read_matching("keywords", path, "term", term)
    expected = read[read["term"] == term].reset_index(drop=True)
    pd.testing.assert_frame_equal(some, expected, check_exact=True)
    assert contracts.read_column("keywords", path, "tfidf").equals(read["tfidf"])


def test_readers_see_one_table_whatever_its_layout(tmp_path):
    frame = pd.DataFrame({"doc_id": [f"{c}{i:015x}" for c in "0a3f" for i in range(3)],
                          "sentence_id": list(range(12)), "sentence": [f"第{i}句。" for i in range(12)]})
    single = tmp_path / "one" / "sentences.parquet"
    typed = contracts.write_table(frame, "sentences", single)
    writer = partitions.PartWriter(tmp_path / "parts", None, None)
    (tmp_path / "parts").mkdir()
    writer.write(partitions.split_frame("sentences", typed, len(frame), length=1))
    parted = settings.table_path(tmp_path / "parts", "sentences")
    assert [p.name for p in contracts.table_files(parted)] == ["part-0.parquet", "part-3.parquet", "part-a.parquet",
                                                               "part-f.parquet"]
    assert contracts.read_table("sentences", parted).equals(contracts.read_table("sentences", single))
    ids = list(typed["doc_id"][[1, 7]])
    assert contracts.read_matching("sentences", parted, "doc_id", ids, op="in").equals(
        contracts.read_matching("sentences", single, "doc_id", ids, op="in"))
    assert partitions.stored_digest(parted) == partitions.table_digest(writer.written["sentences"])


def test_a_correction_rewrites_the_indicators_parts_it_reaches_as_a_cold_build(sample_raw_dir, tmp_path,
                                                                               reference_dir, monkeypatch):
    """Indicators parts are linked by their inputs digest, which covers the corrections and
    the documents they name: a correction of one fact, a fact added to a document, and the
    added fact's document renamed each give the tables of a cold build."""
    from datetime import datetime, timezone

    from pipeline import corrections

    reference = tmp_path / "reference"
    shutil.copytree(reference_dir, reference)
    monkeypatch.setenv("COUNTY_PULSE_REFERENCE", str(reference))
    out = tmp_path / "out"
    run_build(sample_raw_dir, out, workers=1)
    facts = table_rows(out)["indicators"]
    fact = facts[facts["value"].notna()].iloc[0]
    stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
    path = reference / "corrections.csv"
    corrections.append_correction(path, {"action": "correct", "fact_id": fact["fact_id"], "value": 12345.0,
                                         "author": "测试", "created_at": stamp})
    run_build(sample_raw_dir, out, workers=1)
    assert 12345.0 in set(table_rows(out)["indicators"]["value"])
    _assert_like_cold(sample_raw_dir, out, tmp_path / "cold-corrected")
    documents = table_rows(out)["documents"]
    without = documents[(documents["status"] == "ok") & ~documents["doc_id"].isin(set(facts["doc_id"]))]
    target = (without if len(without) else documents[documents["status"] == "ok"]).iloc[0]
    corrections.append_correction(path, {"action": "add", "doc_id": target["doc_id"], "indicator": "地区生产总值",
                                         "measure": "growth", "kind": "target", "period": 2030, "scope": "annual",
                                         "value": 9.9, "unit": "%", "author": "测试", "created_at": stamp})
    run_build(sample_raw_dir, out, workers=1)
    _assert_like_cold(sample_raw_dir, out, tmp_path / "cold-added")
    source = sample_raw_dir / target["source_file"]
    renamed = source.with_name("zz-" + source.name)
    source.rename(renamed)
    run_build(sample_raw_dir, out, workers=1)
    added = table_rows(out)["indicators"].set_index("fact_id")
    assert added.filter(like="manual:", axis=0)["source_file"].str.contains("/zz-|^zz-").all()
    _assert_like_cold(sample_raw_dir, out, tmp_path / "cold-renamed")
