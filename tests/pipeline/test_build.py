"""The build end to end: sample corpus in, contract-valid tables out, nothing lost."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from pipeline import contracts, partitions, settings
from pipeline.build import BuildError, run_build
from tests.conftest import SAMPLES

from tests.pipeline.stored import TABLES, table_bytes


def read(out: Path, name: str) -> pd.DataFrame:
    return contracts.read_table(name, settings.table_path(out, name))


def test_sample_corpus_builds_every_table(built_sample_dir):
    for name in TABLES:
        assert settings.table_path(built_sample_dir, name).exists(), name
    documents = read(built_sample_dir, "documents")
    assert len(documents) == SAMPLES and set(documents["status"]) == {"ok"}
    manifest = json.loads(settings.manifest_path(built_sample_dir).read_text(encoding="utf-8"))
    assert manifest["counts"]["ok"] == SAMPLES and set(manifest["tables"]) == set(TABLES)


def test_sample_facts_are_traceable_to_their_sentence(built_sample_dir):
    indicators = read(built_sample_dir, "indicators")
    texts = read(built_sample_dir, "texts").set_index("doc_id")["text"]
    for row in indicators.itertuples():
        text = texts[row.doc_id]
        assert text[row.start:row.end] == row.sentence
        assert text[row.value_start:row.value_end] == row.value_text
    lijin_gdp = indicators[(indicators.county == "利津县") & (indicators.indicator == "地区生产总值")
                           & (indicators.measure == "level")]
    assert list(lijin_gdp["value"]) == [221.46] and list(lijin_gdp["period"]) == [2019]


def test_masked_values_are_never_numbers(built_sample_dir):
    indicators = read(built_sample_dir, "indicators")
    masked = indicators[indicators["masked"]]
    assert len(masked) > 20 and masked["value"].isna().all()


def test_rebuild_is_byte_identical_and_uses_the_cache(sample_raw_dir, tmp_path):
    out = tmp_path / "out"
    first = run_build(sample_raw_dir, out)
    before = table_bytes(out)
    second = run_build(sample_raw_dir, out)
    assert second.unchanged == first.ok == SAMPLES
    assert table_bytes(out) == before
    forced = run_build(sample_raw_dir, out, force=True, workers=2)
    assert forced.unchanged == 0 and table_bytes(out) == before


def test_bad_files_are_rejected_one_line_each_and_change_nothing_else(sample_raw_dir, tmp_path):
    good = tmp_path / "good"
    run_build(sample_raw_dir, good)
    (sample_raw_dir / "drop").mkdir()
    (sample_raw_dir / "drop" / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (sample_raw_dir / "drop" / "empty.txt").write_bytes(b"")
    (sample_raw_dir / "drop" / "sheet.xls").write_bytes(b"\xd0\xcf\x11\xe0 not a report")
    shutil.copy(sample_raw_dir / "seeds" / "003_ad147ba315cb1764.txt", sample_raw_dir / "drop" / "copy.txt")
    out = tmp_path / "out"
    summary = run_build(sample_raw_dir, out)
    documents = read(out, "documents").set_index("source_file")
    assert (summary.ok, summary.rejected, summary.duplicate) == (SAMPLES, 3, 1)
    for name in ("drop/binary.txt", "drop/empty.txt", "drop/sheet.xls"):
        row = documents.loc[name]
        assert row.status == "rejected" and row.error and "\n" not in row.error
    # Identical files: the first by path is kept, the other is marked and explained.
    assert documents.loc["seeds/003_ad147ba315cb1764.txt", "status"] == "duplicate"
    assert "drop/copy.txt" in documents.loc["seeds/003_ad147ba315cb1764.txt", "error"]
    facts = read(out, "indicators").drop(columns="source_file")
    assert facts.equals(read(good, "indicators").drop(columns="source_file"))


def test_failed_build_leaves_previous_tables_readable(sample_raw_dir, tmp_path, monkeypatch):
    out = tmp_path / "out"
    run_build(sample_raw_dir, out)
    before = table_bytes(out)
    manifest = settings.manifest_path(out).read_bytes()

    original = partitions.write_conformed
    calls = []

    def failing_write(frame, name, path):  # every part of every partitioned table is written by it
        calls.append(name)
        if len(calls) == 3:
            raise OSError("disk full")
        return original(frame, name, path)

    monkeypatch.setattr(partitions, "write_conformed", failing_write)
    (sample_raw_dir / "new.txt").write_text("一、2021年工作回顾\n全县地区生产总值增长9%。" * 5, encoding="utf-8")
    with pytest.raises(OSError):
        run_build(sample_raw_dir, out)
    assert table_bytes(out) == before
    assert settings.manifest_path(out).read_bytes() == manifest
    assert not list(settings.builds_dir(out).glob(".staging-*")), "the failed build's staging is gone"
    assert_lock_free(out)


def assert_lock_free(out: Path) -> None:
    import filelock

    lock = filelock.FileLock(settings.build_lock_path(out))
    lock.acquire(timeout=0)  # raises Timeout if anything still holds it
    lock.release()


def test_nothing_usable_keeps_previous_tables(sample_raw_dir, tmp_path):
    out = tmp_path / "out"
    run_build(sample_raw_dir, out)
    before = table_bytes(out)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(BuildError, match="没有报告文件"):
        run_build(empty, out)
    assert table_bytes(out) == before


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True,
                          cwd=settings.PROJECT_ROOT, timeout=300)


def test_cli_build_prints_a_summary_and_exits_zero_with_rejections(sample_raw_dir, tmp_path):
    (sample_raw_dir / "broken.pdf").write_bytes(b"%PDF-1.4 garbage")
    result = run_cli("build", "--raw", str(sample_raw_dir), "--out", str(tmp_path / "out"), "--workers", "2")
    assert result.returncode == 0, result.stderr
    assert f"files ok {SAMPLES} / rejected 1" in result.stdout and "broken.pdf" in result.stdout


def test_cli_exits_non_zero_with_the_reason_when_nothing_usable(tmp_path):
    result = run_cli("build", "--raw", str(tmp_path / "missing"), "--out", str(tmp_path / "out"))
    assert result.returncode != 0 and "不存在" in result.stderr


def test_targets_are_paired_with_outcomes_reported_a_year_later(tmp_path):
    """The sample corpus has no county with both sides, so synthetic reports stand in."""
    raw = tmp_path / "raw"
    raw.mkdir()
    gold_texts = settings.PROJECT_ROOT / "tests" / "gold" / "texts"
    for name in ("s01_shili_2022.txt", "s02_shili_2023.txt"):
        shutil.copy(gold_texts / name, raw / name)
    run_build(raw, tmp_path / "out")
    pairs = read(tmp_path / "out", "targets_vs_outcomes").set_index(["indicator", "measure", "period"])
    gdp = pairs.loc[("地区生产总值", "growth", 2022)]
    assert (gdp.target_value, gdp.target_qualifier, gdp.actual_value, gdp.status) == (6.5, "about", 6.3, "met")
    assert gdp.target_doc == "s01_shili_2022.txt" and gdp.actual_doc == "s02_shili_2023.txt"
    assert pairs.loc[("固定资产投资", "growth", 2022)].status == "missed"
    unemployment = pairs.loc[("城镇登记失业率", "rate", 2022)]
    assert (unemployment.target_qualifier, unemployment.status) == ("at_most", "met")
    assert pairs.loc[("城镇新增就业", "level", 2022)].gap == 250
