"""Targets against outcomes: which target, which outcome, and the verdict."""

from __future__ import annotations

import pandas as pd
import pytest

from pipeline import contracts
from pipeline.pairing import convert, is_met, pair_targets_outcomes


def fact(**overrides) -> dict:
    row = {
        "fact_id": None, "doc_id": "d", "source_file": "a.txt", "county": "示例县", "province": "河南省",
        "report_year": 2021, "indicator": "地区生产总值", "measure": "growth", "kind": "target",
        "estimated": False, "period": 2021, "period_start": 2021, "period_end": 2021, "scope": "annual",
        "value": 8.0, "unit": "%", "qualifier": "exact", "qualifier_text": None, "masked": False,
        "sentence": "s", "start": 0, "end": 1, "value_text": "v", "value_start": 0, "value_end": 1,
        "basis": None, "corrected": None,
    }
    row.update(overrides)
    row["fact_id"] = row["fact_id"] or f"{row['source_file']}:{row['value_start']}:{row['indicator']}:{row['measure']}:{row['kind']}"
    return row


def pairs(*rows: dict) -> pd.DataFrame:
    indicators = contracts.conform(pd.DataFrame(list(rows)), "indicators")
    return contracts.conform(pair_targets_outcomes(indicators), "targets_vs_outcomes")


def outcome(value, **overrides):
    base = dict(kind="actual", source_file="b.txt", report_year=2022, value=value, qualifier="exact")
    base.update(overrides)
    return fact(**base)


def test_target_met_and_gap():
    df = pairs(fact(value=8.0, qualifier="at_least"), outcome(8.4))
    row = df.iloc[0]
    assert (row.status, row.gap, row.target_doc, row.actual_doc) == ("met", pytest.approx(0.4), "a.txt", "b.txt")


def test_target_missed():
    assert pairs(fact(value=8.0, qualifier="at_least"), outcome(7.9)).iloc[0].status == "missed"


def test_about_target_within_tolerance_is_met():
    assert pairs(fact(value=6.5, qualifier="about"), outcome(6.2)).iloc[0].status == "met"
    assert pairs(fact(value=6.5, qualifier="about"), outcome(5.5)).iloc[0].status == "missed"


def test_unemployment_ceiling_is_met_from_below():
    ceiling = dict(indicator="城镇登记失业率", measure="rate")
    assert pairs(fact(value=3.5, qualifier="at_most", **ceiling), outcome(3.1, **ceiling)).iloc[0].status == "met"
    assert pairs(fact(value=3.5, qualifier="at_most", **ceiling), outcome(3.8, **ceiling)).iloc[0].status == "missed"


def test_estimate_and_final_figure_both_kept():
    df = pairs(fact(value=7.0), outcome(7.2, estimated=True, source_file="b.txt"),
               outcome(6.8, estimated=False, source_file="c.txt", report_year=2023))
    assert list(df["actual_estimated"]) == [False, True]
    assert list(df["status"]) == ["missed", "met"]


def test_missing_sides():
    df = pairs(fact(period=2023, report_year=2023), outcome(5.0, period=2020, report_year=2021))
    assert set(zip(df["period"], df["status"])) == {(2023, "no_outcome_yet"), (2020, "no_target")}


def test_masked_outcome_is_unknown_not_missed():
    df = pairs(fact(value=8.0), outcome(None, masked=True))
    assert df.iloc[0].status == "unknown" and pd.isna(df.iloc[0].gap)


def test_anonymised_documents_are_not_paired():
    assert pairs(fact(county=None), outcome(8.0, county=None)).empty


def test_outcome_reported_before_the_year_is_not_an_outcome():
    df = pairs(fact(value=8.0), outcome(9.0, report_year=2020))
    assert df.iloc[0].status == "no_outcome_yet"


def test_levels_compared_across_units():
    assert convert(12000.0, "万元", "亿元") == pytest.approx(1.2)
    assert convert(1.0, "亿元", "万人") is None
    df = pairs(fact(measure="level", value=1.0, unit="亿元"), outcome(12000.0, measure="level", unit="万元"))
    assert df.iloc[0].status == "met" and df.iloc[0].gap == pytest.approx(0.2)


@pytest.mark.parametrize("qualifier,actual,expected", [
    ("at_least", 5.0, True), ("at_least", 4.9, False), ("at_most", 5.1, False), ("exact", 5.0, True),
    ("range", 5.2, True),
])
def test_is_met_by_qualifier(qualifier, actual, expected):
    assert is_met(5.0, actual, qualifier, "growth", higher_is_better=True) is expected


def test_null_report_year_target_is_paired_after_own_year_targets():
    """A masked year (20XX) leaves report_year null; the target still pairs, never crashes."""
    df = pairs(fact(report_year=None, value=7.0, source_file="masked.txt"), outcome(7.5))
    assert list(df["status"]) == ["met"] and df.iloc[0].target_doc == "masked.txt"
    own = fact(value=6.0, source_file="own.txt", value_start=3)
    df = pairs(fact(report_year=None, value=9.0, source_file="masked.txt"), own, outcome(7.5))
    assert df.iloc[0].target_doc == "own.txt"


def test_null_qualifier_unit_and_estimate_flag_do_not_crash():
    df = pairs(fact(qualifier=None, unit=None), outcome(9.0, unit=None, estimated=None))
    assert df.iloc[0].status == "met"


def test_pairs_do_not_depend_on_the_order_of_the_facts(sample_raw_dir, tmp_path):
    # The build pairs the facts sorted by key (the one copy it keeps), not in document order.
    from pipeline.doc_tables import indicators_table
    from pipeline.documents import process_file, scan_raw_dir

    (tmp_path / "cache").mkdir()
    results = [r for r in (process_file(p, sample_raw_dir, tmp_path / "cache") for p in scan_raw_dir(sample_raw_dir))
               if r.status == "ok"]
    facts = indicators_table(results)
    expected = pair_targets_outcomes(facts)
    assert len(expected) > 10
    for seed in (1, 2):
        shuffled = facts.sample(frac=1, random_state=seed)
        pd.testing.assert_frame_equal(pair_targets_outcomes(shuffled), expected)
    pd.testing.assert_frame_equal(pair_targets_outcomes(contracts.conform(facts, "indicators")), expected)


def test_a_mask_pairs_the_facts_it_keeps():
    both = [fact(value=8.0), outcome(8.4), fact(source_file="c.txt", indicator="一般公共预算收入", value=5.0),
            outcome(5.5, indicator="一般公共预算收入", source_file="d.txt")]
    indicators = contracts.conform(pd.DataFrame(both), "indicators")
    keep = indicators["indicator"] == "地区生产总值"
    pd.testing.assert_frame_equal(pair_targets_outcomes(indicators, keep=keep),
                                  pair_targets_outcomes(indicators[keep].reset_index(drop=True)))


def test_every_column_of_a_pair_comes_from_its_own_side():
    target = fact(value=8.0, unit="%", qualifier="at_least", qualifier_text="以上", sentence="目标句。",
                  source_file="t.txt", value_start=3)
    actual = outcome(8.4, unit="%", estimated=True, sentence="实绩句。", value_start=5)
    row = pairs(target, actual).iloc[0].to_dict()
    assert list(pairs(target, actual).columns) == list(contracts.TARGETS_VS_OUTCOMES.column_names)
    expected = {
        "county": "示例县", "province": "河南省", "indicator": "地区生产总值", "measure": "growth", "period": 2021,
        "target_value": 8.0, "target_unit": "%", "target_qualifier": "at_least", "target_qualifier_text": "以上",
        "target_doc": "t.txt", "target_fact_id": target["fact_id"], "target_sentence": "目标句。",
        "actual_value": 8.4, "actual_unit": "%", "actual_estimated": True, "actual_doc": "b.txt",
        "actual_doc_type": None, "actual_fact_id": actual["fact_id"], "actual_sentence": "实绩句。",
        "status": "met",
    }
    assert {k: (None if pd.isna(v) else v) for k, v in row.items() if k != "gap"} == expected
    assert row["gap"] == pytest.approx(0.4)
