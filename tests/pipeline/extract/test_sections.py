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


def test_a_goal_statement_without_the_word_expected_opens_the_plan():
    df = facts("会议明确今年的奋斗目标主要是：全县规模以上工业增加值增长9%。", year=2019)
    fact = one(df, indicator="规模以上工业增加值")
    assert (fact.kind, fact.period, fact.basis) == ("target", 2019, "cue:奋斗目标")


def test_a_heading_run_into_its_text_is_read_up_to_the_space():
    text = ("请予审议。 一、2022年国民经济和社会发展计划执行情况 2022年，全县上下共同努力。全县地区生产总值增长4.6%。"
            " 二、2023年计划草案 地区生产总值增长6%左右。")
    df = facts(text, year=2023, doc_type="计划执行情况")
    assert (one(df, value=4.6).kind, one(df, value=4.6).period) == ("actual", 2022)
    assert (one(df, value=6).kind, one(df, value=6).period) == ("target", 2023)


def test_a_heading_on_last_years_main_work_is_a_review():
    df = facts("一、2023年政府主要工作\n全县一般公共预算收入增长5.1%。", year=2024)
    fact = one(df, indicator="一般公共预算收入")
    assert (fact.kind, fact.period) == ("actual", 2023)


def test_a_four_year_review_spans_four_years():
    text = "一、过去四年工作回顾\n四年来，全县社会消费品零售总额从52.3亿元增加到68.9亿元。"
    df = facts(text, year=2022)
    levels = df.sort_values("period")
    assert list(zip(levels.period, levels.value)) == [(2017, 52.3), (2021, 68.9)]


def test_an_estimate_for_the_whole_year_in_a_year_to_date_sentence_is_annual():
    df = facts("今年以来，全市经济稳步回升，预计全年地区生产总值增长4.5%左右。", year=2023, doc_type="其他")
    fact = one(df, indicator="地区生产总值")
    assert (fact.scope, fact.period, fact.estimated) == ("annual", 2023, True)


def test_a_level_at_the_end_of_a_plan_term_is_that_years_not_a_sum():
    text = ("一、过去五年工作回顾\n截至2020年底，全县固定资产投资完成86亿元，社会消费品零售总额累计完成410亿元。")
    df = facts(text)
    investment = one(df, indicator="固定资产投资")
    assert (investment.scope, investment.period) == ("annual", 2020)
    assert one(df, indicator="社会消费品零售总额").scope == "cumulative"


def test_a_clause_naming_its_year_continues_the_statement_with_that_year():
    text = "一、过去五年工作回顾\n全县一般公共预算收入2017年突破5亿元，预计2020年实现7.2亿元。"
    df = facts(text)
    levels = df.sort_values("period")
    assert list(zip(levels.period, levels.value, levels.scope)) == [(2017, 5, "annual"), (2020, 7.2, "annual")]


def test_a_year_written_before_the_figure_dates_the_sentence():
    df = facts("2019年全县固定资产投资增长11%。", year=2021)
    assert one(df, indicator="固定资产投资").period == 2019


def test_a_year_still_to_come_is_a_target_horizon_even_in_a_review():
    df = facts(REVIEW + "全县上下奋力拼搏，争取到2023年，一般公共预算收入突破20亿元。")
    fact = one(df, indicator="一般公共预算收入")
    assert (fact.kind, fact.period, fact.qualifier) == ("target", 2023, "at_least")
    df = facts(REVIEW + "力争社会消费品零售总额到2024年达到150亿元。")
    assert (one(df).kind, one(df).period) == ("target", 2024)
    df = facts(REVIEW + "到2019年底，全县社会消费品零售总额达到120亿元。")
    assert (one(df).kind, one(df).period) == ("actual", 2019)


def test_a_part_after_a_semicolon_dated_anew_takes_its_year():
    text = "2020年，全县一般公共预算收入达到9.6亿元；2021年，全县一般公共预算收入增长6%，达到10.2亿元。"
    df = facts(text, year=2022, doc_type="其他")
    assert sorted(zip(df.period, df.measure, df.value)) == [(2020, "level", 9.6), (2021, "growth", 6), (2021, "level", 10.2)]


def test_a_milestone_clause_with_its_own_year_continues_the_statement():
    df = facts(REVIEW + "全县地区生产总值2016年突破百亿元，并在2019年突破200亿元。", year=2021)
    assert sorted(zip(df.period, df.value)) == [(2016, 100), (2019, 200)]


def test_a_plan_terms_level_for_its_last_year_continues_the_average():
    text = "今后五年的主要目标是：一般公共预算收入年均增长7%，到2030年达到50亿元。"
    df = facts(text, year=2026)
    level = one(df, measure="level")
    assert (level.kind, level.period, level.value) == ("target", 2030, 50)


def test_a_year_written_right_before_the_indicator_dates_it():
    text = "全县经济持续向好，尤其21年一般公共预算收入达到15.2亿元，增长7%。"
    df = facts(text, year=2022, doc_type="其他")
    assert set(df["period"]) == {2021}
    for span in ("近20年一般公共预算收入增长了三倍。", "2016年以来一般公共预算收入年均增长8%。", "比2019年一般公共预算收入增加2亿元。"):
        assert set(facts(span, year=2022, doc_type="其他")["period"]) <= {2022}, span
