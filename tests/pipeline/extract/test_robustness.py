"""Renderings and phrasings the perturbation bench (bench/robustness.py) found the extractor
missing. Each test sentence is written here, not taken from the corpus."""

from __future__ import annotations

from pipeline.normalise import normalise_text
from tests.pipeline.extract.helpers import facts, one


def test_ascii_full_stop_ends_a_sentence_so_a_review_cue_stays_in_its_sentence():
    raw = ("过去五年,全县生产总值年均增长7.2%.\n"
           "去年,全县生产总值完成156.3亿元,增长5.1%.今年主要预期目标是:生产总值增长6%左右.")
    df = facts(normalise_text(raw), year=2024)
    average = one(df, scope="multi_year_avg")
    assert average.value == 7.2
    assert one(df, kind="actual", measure="growth", scope="annual").value == 5.1
    target = one(df, kind="target")
    assert (target.value, target.period, target.scope) == (6, 2024, "annual")


def test_ascii_full_stop_is_not_a_decimal_point():
    df = facts(normalise_text("去年,全县生产总值增长5.5%.一般公共预算收入增长3.2%."), year=2024)
    assert sorted(df["value"]) == [3.2, 5.5]


def test_a_dated_figure_with_another_growth_verb_is_the_years_target():
    df = facts("会议明确:2025年社会消费品零售总额提升7%以上;2025年城镇居民人均可支配收入提高5.5%。",
               year=2025, doc_type="报告摘要")
    assert set(df["kind"]) == {"target"} and set(df["period"]) == {2025}
    assert sorted(df["value"]) == [5.5, 7]
