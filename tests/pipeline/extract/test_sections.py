"""Where a sentence sits and what year it speaks of."""

from __future__ import annotations

from tests.pipeline.extract.helpers import facts, one, REVIEW


def test_five_year_average_is_never_annual():
    text = ("一、2020年工作回顾及“十三五”主要成就\n过去的一年，全县规模以上工业增加值增长5.5%。\n"
            "过去的五年，是综合实力稳步攀升的五年。全县生产总值年均增长4.8%，新增城镇就业4.3万人。")
    df = facts(text)
    annual = one(df, indicator="规模以上工业增加值")
    assert (annual.scope, annual.period) == ("annual", 2020)
    average = one(df, indicator="地区生产总值")
    assert (average.scope, average.period_start, average.period_end, average.value) == ("multi_year_avg", 2016, 2020, 4.8)
    jobs = one(df, indicator="城镇新增就业")
    assert (jobs.scope, jobs.value, jobs.unit) == ("cumulative", 4.3, "万人")


def test_five_year_plan_target_covers_the_plan_term():
    df = facts("今后五年主要预期目标是：地区生产总值年均增长6%左右。", year=2021)
    fact = one(df, indicator="地区生产总值")
    assert (fact.kind, fact.scope, fact.period_start, fact.period_end, fact.qualifier) == (
        "target", "multi_year_avg", 2021, 2025, "about")


def test_estimates_are_actual_and_flagged():
    df = facts(REVIEW + "预计全年地区生产总值增长6.2%。")
    fact = one(df, indicator="地区生产总值")
    assert fact.kind == "actual" and fact.estimated


def test_report_delivered_in_december_reviews_its_own_year():
    text = ("一、2021年工作回顾\n今年以来，全县地区生产总值增长7%。\n"
            "二、2022年工作安排\n明年经济社会发展的主要预期目标是：地区生产总值增长7.5%左右。")
    df = facts(text, year=2022, delivered_year=2021)
    assert one(df, kind="actual").period == 2021
    assert one(df, kind="target").period == 2022


def test_first_three_quarters_in_a_briefing():
    df = facts("今年前三季度，全县完成固定资产投资45.6亿元，增长9.1%。", year=2022, doc_type="工作汇报")
    assert set(df["scope"]) == {"first_three_quarters"} and set(df["period"]) == {2022}


def test_completed_targets_sentence_does_not_turn_review_into_plan():
    text = REVIEW + "较好完成了县十五届人大五次会议确定的预期目标。全县地区生产总值增长3%。"
    assert one(facts(text), indicator="地区生产总值").kind == "actual"


def test_two_year_average_beside_the_annual_figure():
    df = facts("一、2021年工作回顾\n全县地区生产总值增长8.6%，两年平均增长6.0%。", year=2022)
    annual = one(df, scope="annual")
    assert (annual.value, annual.period) == (8.6, 2021)
    average = one(df, scope="multi_year_avg")
    assert (average.value, average.period_start, average.period_end) == (6.0, 2020, 2021)


def test_heading_glued_to_its_text_still_switches_section():
    text = ("一、2020年工作回顾过去一年，全县地区生产总值增长3.6%。二、今后五年目标全县地区生产总值年均增长6.5%左右。"
            "三、2021年主要预期目标地区生产总值增长7.5%左右。")
    df = facts(text)
    assert one(df, value=3.6).kind == "actual"
    plan = one(df, value=6.5)
    assert (plan.kind, plan.scope, plan.period_start, plan.period_end) == ("target", "multi_year_avg", 2021, 2025)
    year = one(df, value=7.5)
    assert (year.kind, year.scope, year.period) == ("target", "annual", 2021)


def test_multiple_with_its_own_target_year():
    df = facts("二、2019年工作安排\n主要预期目标是：GDP力争在2020年实现比2010年翻一番。", year=2019)
    fact = one(df, indicator="地区生产总值")
    assert (fact.kind, fact.measure, fact.period, fact.period_start, fact.qualifier) == (
        "target", "multiple", 2020, 2011, "at_least")
