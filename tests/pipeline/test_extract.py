"""Indicator extraction on the phrasings DOMAIN.md describes, one rule per test."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

from pipeline.extract import extract_indicators, load_vocabulary


def identity(year=2021, doc_type="政府工作报告", delivered_year=None):
    return SimpleNamespace(report_year=year, doc_type=doc_type, delivered_year=delivered_year)


def facts(text: str, **kwargs) -> pd.DataFrame:
    return extract_indicators(text, identity(**kwargs))


def one(df: pd.DataFrame, **where) -> pd.Series:
    rows = df
    for column, value in where.items():
        rows = rows[rows[column] == value]
    assert len(rows) == 1, f"expected one fact where {where}, got:\n{df.to_string()}"
    return rows.iloc[0]


REVIEW = "一、2020年工作回顾\n"
PLAN = "二、2021年工作安排\n"


def test_level_and_growth_in_one_clause():
    df = facts(REVIEW + "全年实现地区生产总值221.46亿元,同比增长7.9%;一般公共预算收入18.01亿元,同口径增长10.2%,两项指标增幅均居全市各县区首位。")
    gdp_level = one(df, indicator="地区生产总值", measure="level")
    assert (gdp_level.value, gdp_level.unit, gdp_level.kind, gdp_level.period) == (221.46, "亿元", "actual", 2020)
    assert one(df, indicator="地区生产总值", measure="growth").value == 7.9
    assert one(df, indicator="一般公共预算收入", measure="level").value == 18.01
    assert one(df, indicator="一般公共预算收入", measure="growth").value == 10.2
    assert len(df) == 4, "the comparative statement (均居首位) is not a value"


def test_decline_is_negative_growth():
    df = facts(REVIEW + "全县规模以上工业增加值下降2.1%。")
    fact = one(df, indicator="规模以上工业增加值")
    assert (fact.measure, fact.value, fact.unit) == ("growth", -2.1, "%")


def test_distributed_list_urban_then_rural():
    df = facts(REVIEW + "城乡居民人均可支配收入分别增长7%和8%。")
    assert one(df, indicator="城镇居民人均可支配收入").value == 7
    assert one(df, indicator="农村居民人均可支配收入").value == 8


def test_distributed_list_of_levels_and_growths_gives_four_masked_facts():
    df = facts("今年上半年，金融机构存贷款余额*亿元、*亿元，分别增长*%、*%。", year=2023, doc_type="工作汇报")
    assert len(df) == 4
    assert df["masked"].all() and df["value"].isna().all()
    assert set(zip(df.indicator, df.measure)) == {
        ("金融机构存款余额", "level"), ("金融机构贷款余额", "level"),
        ("金融机构存款余额", "growth"), ("金融机构贷款余额", "growth"),
    }
    assert set(df["scope"]) == {"half_year"} and set(df["period"]) == {2023}


def test_qualifier_written_once_after_a_list_applies_to_each_item():
    df = facts(PLAN + "主要预期目标是：规模以上工业增加值、固定资产投资分别增长8%、10%以上。")
    for indicator, value in (("规模以上工业增加值", 8), ("固定资产投资", 10)):
        fact = one(df, indicator=indicator)
        assert (fact.kind, fact.value, fact.qualifier) == ("target", value, "at_least")


def test_percentage_points_are_a_change_not_growth():
    df = facts(REVIEW + "常住人口城镇化率提高1.2个百分点。")
    fact = one(df, indicator="常住人口城镇化率")
    assert (fact.measure, fact.value, fact.unit) == ("change", 1.2, "个百分点")


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


@pytest.mark.parametrize("masked", ["X", "XX", "x.x", "*", "＊".replace("＊", "*")])
def test_masked_values_are_unknown_never_zero(masked):
    df = facts(REVIEW + f"全县地区生产总值增长{masked}%。")
    fact = one(df, indicator="地区生产总值")
    assert fact.masked and pd.isna(fact.value)


def test_blank_masks_are_unknown():
    df = facts("今年上半年，全县完成地区生产总值亿元，增长 %。", year=2023, doc_type="工作汇报")
    assert len(df) == 2 and df["masked"].all() and df["value"].isna().all()


def test_qualitative_target_kept_without_value():
    df = facts(PLAN + "今年经济社会发展的主要预期目标是：地区生产总值增长8%以上，居民收入与经济增长同步。")
    income = one(df, indicator="居民人均可支配收入")
    assert pd.isna(income.value) and not income.masked and "同步" in income.qualifier_text


def test_targets_with_qualifiers():
    text = ("经济社会发展主要预期目标是:地区生产总值增长6.5%左右;一般公共财政预算收入增长5%以上;"
            "城镇登记失业率控制在3.5%以内;粮食产量稳定在100万吨以上。")
    df = facts(text, year=2020)
    assert set(df["kind"]) == {"target"} and set(df["period"]) == {2020}
    assert one(df, indicator="地区生产总值").qualifier == "about"
    assert one(df, indicator="一般公共预算收入").qualifier == "at_least"
    unemployment = one(df, indicator="城镇登记失业率")
    assert (unemployment.measure, unemployment.value, unemployment.qualifier) == ("rate", 3.5, "at_most")
    grain = one(df, indicator="粮食产量")
    assert (grain.value, grain.unit, grain.qualifier) == (100, "万吨", "at_least")


def test_range_target():
    df = facts("主要预期目标是：地区生产总值增长6%-7%。", year=2021)
    fact = one(df, indicator="地区生产总值")
    assert (fact.qualifier, fact.value) == ("range", 6)


def test_scale_words_are_part_of_the_name_not_a_qualifier():
    df = facts(REVIEW + "规模以上工业增加值增长5%；500万元以上固定资产投资总额120亿元，增速6%。")
    industry = one(df, indicator="规模以上工业增加值")
    assert (industry.value, industry.qualifier) == (5, "exact")
    investment = one(df, indicator="固定资产投资", measure="level")
    assert (investment.value, investment.unit, investment.qualifier) == (120, "亿元", "exact")
    assert one(df, indicator="固定资产投资", measure="growth").value == 6
    assert len(df) == 3


def test_energy_per_unit_of_gdp_is_not_gdp():
    df = facts(REVIEW + "万元生产总值能耗下降3%，万元GDP能耗下降18%。")
    assert df.empty


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


def test_number_in_a_later_topic_is_not_attached():
    df = facts(REVIEW + "全县生产总值降幅持续收窄，新签约项目28个，完成投资24.9亿元。")
    assert df.empty


def test_offsets_point_at_sentence_and_value():
    text = REVIEW + "全年实现地区生产总值221.46亿元。"
    fact = one(facts(text), indicator="地区生产总值")
    assert text[fact.start:fact.end] == fact.sentence
    assert text[fact.value_start:fact.value_end] == fact.value_text == "221.46亿元"


def test_vocabulary_names_every_required_family():
    required = {
        "地区生产总值", "一般公共预算收入", "财政总收入", "地方财政收入", "固定资产投资", "社会消费品零售总额",
        "规模以上工业增加值", "城镇居民人均可支配收入", "农村居民人均可支配收入", "居民人均可支配收入",
        "农民人均纯收入", "城镇登记失业率", "调查失业率", "城镇新增就业", "进出口总额", "实际利用外资", "粮食产量",
    }
    vocab = load_vocabulary()
    assert required <= set(vocab.families)
    assert {name for name, family in vocab.families.items() if family.headline} == required


def test_from_to_statement_gives_both_levels_and_the_average():
    text = ("一、2020年工作回顾及“十三五”主要成就\n“十三五”时期，全县地区生产总值由2015年的152.4亿元"
            "增加到2020年的236.8亿元，年均增长7.2%。")
    df = facts(text)
    levels = df[df.measure == "level"].sort_values("period")
    assert list(zip(levels.period, levels.value)) == [(2015, 152.4), (2020, 236.8)]
    average = one(df, measure="growth")
    assert (average.scope, average.period_start, average.period_end) == ("multi_year_avg", 2016, 2020)


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


def test_approximate_counts_are_floors():
    df = facts(REVIEW + "全年实现城镇新增就业1.2万余人。")
    fact = one(df, indicator="城镇新增就业")
    assert (fact.value, fact.unit, fact.qualifier) == (1.2, "万人", "at_least")


def test_aspiration_alone_is_a_floor():
    fact = one(facts(PLAN + "力争地区生产总值增长8%。"), indicator="地区生产总值")
    assert (fact.kind, fact.qualifier, fact.qualifier_text) == ("target", "at_least", "力争")


def test_distributed_list_reaches_back_over_items_named_with_their_levels():
    df = facts(REVIEW + "全县金融机构各项存款余额386亿元、贷款余额245亿元，分别比年初增长12.1%、15.6%。")
    assert one(df, indicator="金融机构存款余额", measure="growth").value == 12.1
    assert one(df, indicator="金融机构贷款余额", measure="growth").value == 15.6
    assert one(df, indicator="金融机构贷款余额", measure="level").value == 245


def test_distributed_list_that_does_not_line_up_is_left_out():
    df = facts(REVIEW + "全县一般公共预算收入8亿元，分别增长5%、6%、7%。")
    assert list(df["measure"]) == ["level"]


def test_signed_growth():
    assert one(facts(REVIEW + "一般公共预算收入增长-3.5%。"), indicator="一般公共预算收入").value == -3.5


def test_doubling_and_multiples_of_a_base_year():
    text = ("一、2020年工作回顾及“十三五”主要成就\n过去五年，金融机构存贷款余额分别是2015年的1.9倍、1.5倍，"
            "农村居民人均可支配收入实现翻一番。")
    df = facts(text)
    deposits = one(df, indicator="金融机构存款余额")
    assert (deposits.measure, deposits.value, deposits.unit, deposits.period_start, deposits.period_end) == (
        "multiple", 1.9, "倍", 2016, 2020)
    assert one(df, indicator="金融机构贷款余额").value == 1.5
    rural = one(df, indicator="农村居民人均可支配收入")
    assert (rural.value, rural.scope, rural.period_start) == (2.0, "cumulative", 2016)


def test_multiple_with_its_own_target_year():
    df = facts("二、2019年工作安排\n主要预期目标是：GDP力争在2020年实现比2010年翻一番。", year=2019)
    fact = one(df, indicator="地区生产总值")
    assert (fact.kind, fact.measure, fact.period, fact.period_start, fact.qualifier) == (
        "target", "multiple", 2020, 2011, "at_least")
