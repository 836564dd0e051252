"""Corrections: correct, hide and add facts; survive re-application; never fatal."""

from __future__ import annotations

import pandas as pd
import pytest

from pipeline import contracts, corrections


def _fact(fact_id: str, value: float | None, masked: bool = False, **extra) -> dict:
    row = {c: None for c in contracts.INDICATORS.column_names}
    row.update(
        fact_id=fact_id, doc_id="d1", source_file="seeds/a.txt", county="浚县", province="河南省",
        report_year=2021, indicator="地区生产总值", measure="growth", kind="actual", estimated=False,
        period=2020, period_start=2020, period_end=2020, scope="annual", value=value, unit="%",
        qualifier="exact", masked=masked, sentence="地区生产总值增长3.6%。", start=0, end=10,
    )
    row.update(extra)
    return row


@pytest.fixture
def indicators() -> pd.DataFrame:
    return contracts.conform(
        pd.DataFrame([_fact("d1:1:gdp:growth", 3.6), _fact("d1:2:gdp:level", None, masked=True, measure="level")]),
        "indicators",
    )


@pytest.fixture
def corrections_path(tmp_path):
    return tmp_path / "reference" / "corrections.csv"


def test_missing_file_means_no_corrections(tmp_path):
    loaded = corrections.load_corrections(tmp_path / "nope.csv")
    assert loaded.empty and list(loaded.columns) == ["n", *corrections.COLUMNS]


def test_no_corrections_returns_the_frame_unchanged(indicators):
    out, problems = corrections.apply_corrections(indicators, corrections.empty_corrections())
    pd.testing.assert_frame_equal(out, indicators)
    assert problems == []


def test_committed_file_is_header_only():
    from pipeline import settings

    path = settings.PROJECT_ROOT / "data" / "reference" / "corrections.csv"
    assert path.read_text(encoding="utf-8").splitlines() == [",".join(corrections.COLUMNS)]


def test_correct_hide_add(indicators, corrections_path):
    corrections.append_correction(corrections_path, {"action": "correct", "fact_id": "d1:2:gdp:level", "value": "221.46", "unit": "亿元"})
    corrections.append_correction(corrections_path, {"action": "hide", "fact_id": "d1:1:gdp:growth"})
    n = corrections.append_correction(
        corrections_path,
        {"action": "add", "doc_id": "d1", "indicator": "城镇新增就业", "measure": "level", "kind": "actual", "value": "2300", "unit": "人", "note": "据统计公报补录"},
    )
    assert n == 3
    loaded = corrections.load_corrections(corrections_path)
    out, problems = corrections.apply_corrections(indicators, loaded)
    assert problems == []
    assert list(out.columns) == contracts.INDICATORS.column_names
    by_id = out.set_index("fact_id")
    assert "d1:1:gdp:growth" not in by_id.index
    fixed = by_id.loc["d1:2:gdp:level"]
    assert fixed["value"] == 221.46 and fixed["unit"] == "亿元" and fixed["corrected"] == "corrected" and not fixed["masked"]
    added = by_id.loc["manual:3"]
    assert added["corrected"] == "added" and added["county"] == "浚县" and added["sentence"] == "据统计公报补录"
    assert added["period"] == 2021 and added["value"] == 2300
    # Idempotent: applying again to the corrected frame changes nothing.
    again, _ = corrections.apply_corrections(out, loaded)
    pd.testing.assert_frame_equal(again, out)


def test_unmatched_is_reported_not_fatal(indicators, corrections_path):
    corrections.append_correction(corrections_path, {"action": "hide", "fact_id": "gone:1"})
    loaded = corrections.load_corrections(corrections_path)
    out, problems = corrections.apply_corrections(indicators, loaded)
    assert len(out) == len(indicators)
    assert len(problems) == 1 and "gone:1" in problems[0]
    assert list(corrections.unmatched_corrections(indicators, loaded)["fact_id"]) == ["gone:1"]


def test_add_uses_documents_when_doc_has_no_fact(indicators):
    docs = pd.DataFrame([{"doc_id": "d9", "source_file": "uploads/新.txt", "county": "利津县", "province": "山东省", "report_year": 2020}])
    rec = corrections.empty_corrections()
    rec.loc[0] = {c: None for c in corrections.COLUMNS} | {"action": "add", "doc_id": "d9", "indicator": "粮食产量", "value": "30.5", "unit": "万吨"}
    out, _ = corrections.apply_corrections(indicators, rec, documents=docs)
    assert out.set_index("fact_id").loc["manual:1", "county"] == "利津县"


@pytest.mark.parametrize(
    "record",
    [
        {"action": "delete", "fact_id": "x"},
        {"action": "hide"},
        {"action": "correct", "fact_id": "x"},
        {"action": "correct", "fact_id": "x", "value": "七"},
        {"action": "add", "doc_id": "d1"},
        {"action": "correct", "fact_id": "x", "value": "1", "qualifier": "maybe"},
    ],
)
def test_invalid_records_are_refused(record, corrections_path):
    with pytest.raises(corrections.CorrectionError):
        corrections.append_correction(corrections_path, record)
    assert not corrections_path.exists()


def test_append_keeps_commas_and_newlines_in_one_row(corrections_path):
    corrections.append_correction(corrections_path, {"action": "hide", "fact_id": "a", "note": "错误,重复\n提取"})
    loaded = corrections.load_corrections(corrections_path)
    assert len(loaded) == 1 and loaded.loc[0, "note"] == "错误,重复 提取"
