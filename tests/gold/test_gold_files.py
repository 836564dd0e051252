"""The gold files are well formed: columns, allowed values, evidence that really occurs."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from pipeline.doc_kinds import DOC_KINDS

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "gold"

FACT_COLUMNS = ["source", "indicator", "measure", "kind", "estimated", "period", "period_start",
                "period_end", "scope", "value", "unit", "qualifier", "masked", "headline", "evidence"]
DOC_COLUMNS = ["source", "county", "city", "province", "report_year", "doc_type", "anonymised"]

HEADLINE = {
    "地区生产总值", "一般公共预算收入", "财政总收入", "地方财政收入", "固定资产投资",
    "社会消费品零售总额", "规模以上工业增加值", "城镇居民人均可支配收入",
    "农村居民人均可支配收入", "居民人均可支配收入", "农民人均纯收入", "城镇登记失业率",
    "调查失业率", "城镇新增就业", "进出口总额", "实际利用外资", "粮食产量",
}
MEASURES = {"level", "growth", "rate", "change", "multiple", "share"}
KINDS = {"target", "actual"}
SCOPES = {"annual", "multi_year_avg", "cumulative", "half_year", "first_quarter",
          "first_three_quarters", "year_to_date"}
QUALIFIERS = {"about", "at_least", "at_most", "range", "exact"}
BOOLS = {"true", "false"}
DOC_TYPES = set(DOC_KINDS)  # the vocabulary of pipeline.doc_kinds


def _read(name: str) -> pd.DataFrame:
    return pd.read_csv(GOLD / name, sep="\t", dtype=str, keep_default_na=False, quoting=3)


@pytest.fixture(scope="module")
def facts() -> pd.DataFrame:
    return _read("facts.tsv")


@pytest.fixture(scope="module")
def documents() -> pd.DataFrame:
    return _read("documents.tsv")


def _absent_outside(source: str) -> bool:
    """A source kept outside the repository (a news item, read from ../shared/samples) that is
    not beside this checkout: its rows cannot be checked here."""
    return source.startswith("../") and not (ROOT / source).is_file()


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_fact_columns(facts):
    assert list(facts.columns) == FACT_COLUMNS
    assert len(facts) > 0


def test_document_columns(documents):
    assert list(documents.columns) == DOC_COLUMNS
    assert documents["source"].is_unique


def test_allowed_values(facts):
    assert set(facts["measure"]) <= MEASURES
    assert set(facts["kind"]) <= KINDS
    assert set(facts["scope"]) <= SCOPES
    assert set(facts["qualifier"]) <= QUALIFIERS
    for col in ("estimated", "masked", "headline"):
        assert set(facts[col]) <= BOOLS, col


def test_headline_flag_matches_family(facts):
    expected = facts["indicator"].isin(HEADLINE).map({True: "true", False: "false"})
    assert (facts["headline"] == expected).all()


def test_years_and_values(facts):
    for _, row in facts.iterrows():
        period = int(row["period"])
        assert 2000 <= period <= 2035, row.to_dict()
        for col in ("period_start", "period_end"):
            if row[col]:
                assert int(row[col]) <= period or col == "period_end", row.to_dict()
        if row["period_end"]:
            assert int(row["period_end"]) == period, row.to_dict()
        if row["scope"] == "annual":
            assert row["period_start"] == row["period_end"] == row["period"], row.to_dict()
        if row["scope"] == "multi_year_avg":
            assert int(row["period_start"]) < int(row["period_end"]), row.to_dict()
        if row["masked"] == "true":
            assert row["value"] == "", row.to_dict()
        if row["value"]:
            float(row["value"])
        if row["measure"] in ("growth",):
            assert row["unit"] == "%", row.to_dict()
        if row["estimated"] == "true":
            assert row["kind"] == "actual", row.to_dict()


def test_qualitative_facts_are_targets_with_exact_qualifier(facts):
    qualitative = facts[(facts["value"] == "") & (facts["masked"] == "false")]
    assert len(qualitative) > 0
    assert (qualitative["kind"] == "target").all()
    assert (qualitative["qualifier"] == "exact").all()


def test_evidence_occurs_in_source(facts):
    cache: dict[str, str] = {}
    missing = []
    for _, row in facts.iterrows():
        if _absent_outside(row["source"]):
            continue
        path = ROOT / row["source"]
        assert path.is_file(), row["source"]
        if row["source"] not in cache:
            cache[row["source"]] = _squash(path.read_text(encoding="utf-8"))
        ev = row["evidence"]
        assert "\t" not in ev
        assert 10 <= len(_squash(ev)) <= 30, ev
        if _squash(ev) not in cache[row["source"]]:
            missing.append((row["source"], ev))
    assert not missing, missing


def test_documents_cover_fact_sources(facts, documents):
    assert set(facts["source"]) <= set(documents["source"])
    for _, row in documents.iterrows():
        assert _absent_outside(row["source"]) or (ROOT / row["source"]).is_file(), row["source"]
        assert row["doc_type"] in DOC_TYPES
        assert row["anonymised"] in BOOLS
        int(row["report_year"])
        if row["anonymised"] == "true":
            assert row["county"] == ""
        else:
            assert row["county"] != ""


def test_no_duplicate_facts(facts):
    key = ["source", "indicator", "measure", "kind", "period", "scope", "value", "masked", "evidence"]
    dupes = facts[facts.duplicated(key, keep=False)]
    assert dupes.empty, dupes.to_string()


def test_synthetic_texts_stay_out_of_data_raw():
    raw = ROOT / "data" / "raw"
    names = {p.name for p in raw.rglob("*.txt")}
    synthetic = {p.name for p in (GOLD / "texts").glob("*.txt")}
    assert not names & synthetic
