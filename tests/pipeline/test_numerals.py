"""Chinese-numeral percentages and other phrasings real reports use, each from a sentence written here."""

from __future__ import annotations

import pytest

from pipeline.numerals import chinese_number
from tests.pipeline.extract.helpers import PLAN, REVIEW, facts, one


@pytest.mark.parametrize("words, value", [("六", 6.0), ("七点五", 7.5), ("十", 10.0), ("十二", 12.0),
                                          ("二十", 20.0), ("零点八", 0.8), ("三点二五", 3.25)])
def test_plain_chinese_numbers(words, value):
    assert chinese_number(words) == value


@pytest.mark.parametrize("words", ["二三", "一〇〇", "点", "十十", "两点五点"])
def test_numbers_it_cannot_be_sure_of_give_none(words):
    assert chinese_number(words) is None


def test_a_growth_and_a_rate_in_chinese_numerals():
    df = facts(PLAN + "主要预期目标是：一般公共预算收入增长百分之七点五，城镇调查失业率控制在百分之五点五以内。")
    assert one(df, indicator="一般公共预算收入").value == 7.5
    rate = one(df, indicator="调查失业率")
    assert (rate.measure, rate.value, rate.qualifier) == ("rate", 5.5, "at_most")


def test_negative_growth_is_negative():
    df = facts(REVIEW + "受市场影响，规模以上工业增加值负增长2.4%，固定资产投资下降百分之三。")
    assert one(df, indicator="规模以上工业增加值").value == -2.4
    assert one(df, indicator="固定资产投资").value == -3.0


def test_a_thousands_separator_is_not_a_clause_break():
    df = facts(REVIEW + "全年社会消费品零售总额达到1,086.3亿元，增长4.9%。")
    assert one(df, indicator="社会消费品零售总额", measure="level").value == 1086.3
    assert one(df, indicator="社会消费品零售总额", measure="growth").value == 4.9


def test_from_one_level_to_another_without_years_gives_the_level_reached():
    df = facts(REVIEW + "农村居民人均可支配收入由17860元提高到19105元。")
    reached = one(df, indicator="农村居民人均可支配收入")
    assert (reached.value, reached.period) == (19105, 2020)
    assert 17860 not in set(df["value"])


def test_an_outcome_measured_against_its_target_stays_an_outcome():
    df = facts(REVIEW + "全年一般公共预算收入增长7.2%，超过年度预期目标1.2个百分点。")
    assert set(df["kind"]) == {"actual"}


def test_yue_is_about_and_a_step_passed_announces_the_level():
    df = facts(REVIEW + "全县社会消费品零售总额约96亿元，增长约5%；地区生产总值站上400亿元，达到402.7亿元。")
    retail = df[df["indicator"] == "社会消费品零售总额"]
    assert set(retail["qualifier"]) == {"about"} and set(retail["value"]) == {96.0, 5.0}
    assert list(df[df["indicator"] == "地区生产总值"]["value"]) == [402.7]


def test_a_zone_or_town_figure_in_a_county_report_is_not_the_countys():
    df = facts(REVIEW + "经济技术开发区完成规上工业增加值增长15%；桥头镇实现地区生产总值62亿元；全县地区生产总值增长6%。")
    assert list(zip(df["indicator"], df["value"])) == [("地区生产总值", 6.0)]


def test_the_city_above_is_not_the_county_but_a_county_level_citys_quanshi_is_itself():
    from types import SimpleNamespace

    from pipeline.extract import extract_indicators

    text = REVIEW + "全市地区生产总值增长4.9%，全县地区生产总值增长6.1%；全省固定资产投资增长3%。"

    def values(county):
        identity = SimpleNamespace(report_year=2021, doc_type="政府工作报告", delivered_year=None, county=county)
        return list(extract_indicators(text, identity)["value"])

    assert values("新昌县") == [6.1]
    assert values("诸暨市") == [4.9, 6.1]  # 全市 is the county-level city itself; 全省 never is


def test_growth_rate_wording_and_a_first_pass():
    df = facts(REVIEW + "全县地区生产总值增长率为6.3%，一般公共预算收入首破12亿元。")
    assert one(df, indicator="地区生产总值").value == 6.3
    revenue = one(df, indicator="一般公共预算收入")
    assert (revenue.value, revenue.qualifier) == (12.0, "at_least")


def test_a_stretch_aim_after_a_floor_is_a_second_target():
    df = facts(PLAN + "主要预期目标是：一般公共预算收入增长5%以上，力争6%。")
    assert sorted(zip(df["value"], df["qualifier_text"])) == [(5.0, "以上"), (6.0, "力争")]


def test_a_bare_yi_or_wan_takes_the_unit_of_its_family():
    df = facts(REVIEW + "全县GDP达到286.4亿，增长5.6%；城镇新增就业1.1万；粮食产量达到9万，增长2%。")
    gdp = one(df, indicator="地区生产总值", measure="level")
    assert (gdp.value, gdp.unit) == (286.4, "亿元")
    assert one(df, indicator="城镇新增就业").unit == "万人"
    assert list(df[df["indicator"] == "粮食产量"]["measure"]) == ["growth"]  # 9万 of what: left out


def test_an_item_dated_at_its_head_dates_the_later_items_of_its_sentence():
    df = facts("数据显示，全县21年地区生产总值达到186亿元，同比增长7%，完成一般公共预算收入9.8亿元。", year=2023,
               doc_type="其他")
    assert set(df["period"]) == {2021}


def test_a_comparison_year_does_not_date_the_sentence_and_a_growth_from_it_is_not_annual():
    df = facts(REVIEW + "与2018年相比，全县地区生产总值增长15%，一般公共预算收入完成9.8亿元。")
    assert list(zip(df["indicator"], df["period"])) == [("一般公共预算收入", 2020)]
    df = facts(REVIEW + "2020年全县地区生产总值比2019年增长6%，比2015年增长38%。")
    assert list(df["value"]) == [6.0]


def test_a_rate_from_one_level_to_another_gives_the_level_reached_never_the_starting_one():
    df = facts(REVIEW + "城镇调查失业率由5.6%下降到5.1%，一般公共预算收入由12亿元减少到10.6亿元。")
    assert sorted(zip(df["indicator"], df["value"])) == [("一般公共预算收入", 10.6), ("调查失业率", 5.1)]
    assert set(df["period"]) == {2020}


def test_another_place_named_right_before_an_item_is_not_the_documents_county():
    from types import SimpleNamespace

    from pipeline.extract import extract_indicators

    text = (REVIEW + "湖州市地区生产总值增长5.1%，长兴县地区生产总值增长6.3%，长兴规上工业增加值增长9%；"
            "相邻的安吉县地区生产总值增长5.8%。")
    identity = SimpleNamespace(report_year=2021, doc_type="政府工作报告", delivered_year=None, county="长兴县")
    df = extract_indicators(text, identity)
    assert sorted(df["value"]) == [6.3, 9.0]


def test_a_later_clause_with_its_own_year_speaks_of_that_year_only():
    df = facts("据报告，2023年全县社会消费品零售总额增长5.2%，2024年预期增长6%。", year=2024, doc_type="报告摘要")
    assert sorted(zip(df["kind"], df["period"], df["value"])) == [("actual", 2023, 5.2), ("target", 2024, 6.0)]
    df = facts("全县一般公共预算收入完成8.8亿元，2024年计划增长4%。", year=2024, doc_type="报告摘要")
    assert sorted(zip(df["kind"], df["period"], df["value"])) == [("actual", 2023, 8.8), ("target", 2024, 4.0)]
    df = facts(REVIEW + "全县固定资产投资2020年增长6%，2019年增长4.4%。")
    assert sorted(zip(df["period"], df["value"])) == [(2019, 4.4), (2020, 6.0)]


def test_a_later_clause_opening_with_jinnian_is_this_years_target_in_a_summary():
    df = facts("会议指出，全县一般公共预算收入去年增长4.6%，今年力争增长6%。", year=2023, doc_type="报告摘要")
    assert sorted(zip(df["kind"], df["period"], df["value"])) == [("actual", 2022, 4.6), ("target", 2023, 6.0)]


def test_a_year_that_dates_no_item_is_not_carried():
    df = facts("一、2023年工作回顾\n2020年疫情发生以来，全县上下攻坚克难，一般公共预算收入完成9.8亿元。", year=2024)
    assert list(df["period"]) == [2023]
