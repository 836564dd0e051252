"""Table rows: indicator | unit | value columns, read by the header's column names."""

from __future__ import annotations

from pipeline.normalise import normalise_text
from tests.pipeline.extract.helpers import facts, one

BULLETIN_TABLE = (
    "全年全县实现地区生产总值412.6亿元，按可比价格计算，比上年增长5.2%。\n"
    "表2  2023年全县主要经济指标\n"
    "                       单位：亿元，%\n"
    "指  标 2023年 比上年增长\n"
    "地区生产总值 412.6 5.2\n"
    "一般公共预算收入 21.35 -3.4\n"
    "人均生产总值 68120 4.9\n"
    "社会消费品零售总额 — 6.1\n"
)


def test_bulletin_table_rows_give_levels_and_growths_of_the_table_year():
    df = facts(normalise_text(BULLETIN_TABLE), year=2023, doc_type="统计公报")
    revenue = df[df["indicator"] == "一般公共预算收入"]
    assert one(revenue, measure="level").value == 21.35 and one(revenue, measure="level").unit == "亿元"
    assert one(revenue, measure="growth").value == -3.4
    assert set(revenue["period"]) == {2023} and set(revenue["kind"]) == {"actual"}
    assert one(revenue, measure="level").basis.startswith("table:")


def test_a_table_value_the_text_already_gave_is_one_fact():
    df = facts(normalise_text(BULLETIN_TABLE), year=2023, doc_type="统计公报")
    gdp = df[df["indicator"] == "地区生产总值"]
    assert len(gdp[gdp["measure"] == "level"]) == 1 and len(gdp[gdp["measure"] == "growth"]) == 1


def test_a_dash_cell_gives_no_figure_and_a_label_that_is_not_a_whole_spelling_gives_none():
    df = facts(normalise_text(BULLETIN_TABLE), year=2023, doc_type="统计公报")
    retail = df[df["indicator"] == "社会消费品零售总额"]
    assert list(retail["measure"]) == ["growth"] and retail["value"].iloc[0] == 6.1
    assert 68120 not in set(df["value"])  # 人均生产总值 is not 地区生产总值


PLAN_TABLE = (
    "“十四五”规划主要指标完成情况\n"
    "表3\n"
    "序号 指标名称 单位 2025年目标值 2025年预计值 完成情况\n"
    "1 地区生产总值 亿元 520 536.2 完成\n"
    "2 城镇登记失业率 % 3.5 2.9 完成\n"
    "3 固定资产投资 亿元 410 未完成\n"
)


def test_target_and_estimate_columns_give_a_target_and_an_estimated_outcome():
    df = facts(normalise_text(PLAN_TABLE), year=2026)
    gdp = df[df["indicator"] == "地区生产总值"]
    target, outcome = one(gdp, kind="target"), one(gdp, kind="actual")
    assert (target.value, target.period, target.unit) == (520, 2025, "亿元")
    assert (outcome.value, outcome.period, bool(outcome.estimated)) == (536.2, 2025, True)
    rate = one(df[df["indicator"] == "城镇登记失业率"], kind="target")
    assert (rate.measure, rate.value) == ("rate", 3.5)


def test_a_row_missing_a_column_is_left_out():
    df = facts(normalise_text(PLAN_TABLE), year=2026)
    assert "固定资产投资" not in set(df["indicator"])


def test_rows_without_a_unit_for_their_levels_are_left_out():
    text = "指标 2022年 比上年增长\n地区生产总值 7311113 6.0\n"
    df = facts(normalise_text(text), year=2022, doc_type="统计公报")
    assert list(df["measure"]) == ["growth"]


def test_a_bare_growth_column_beside_both_estimates_and_plans_is_not_read():
    text = ("附表 2025年主要指标计划表\n指标 单位 2024年预计 2025年计划 增长%\n"
            "地区生产总值 亿元 318 337 6\n固定资产投资 亿元 120 128 7\n")
    df = facts(normalise_text(text), year=2025, doc_type="计划执行情况")
    assert set(df["measure"]) == {"level"}
    gdp = df[df["indicator"] == "地区生产总值"]
    assert sorted(zip(gdp["kind"], gdp["period"], gdp["value"])) == [("actual", 2024, 318), ("target", 2025, 337)]


def test_web_and_word_tables_are_read_like_printed_ones():
    web = ("单位：亿元，%\n| 指标 | 2022年 | 比上年增长 |\n| 社会消费品零售总额 | 96.4 | 3.1 |\n")
    word = "单位：万元\n指标\t2022年\t比上年增长\n一般公共预算收入\t123456\t4.4\n"
    retail = facts(normalise_text(web), year=2022, doc_type="统计公报")
    assert sorted(zip(retail["measure"], retail["value"])) == [("growth", 3.1), ("level", 96.4)]
    revenue = facts(normalise_text(word), year=2022, doc_type="统计公报")
    assert one(revenue, measure="level").unit == "万元" and one(revenue, measure="growth").value == 4.4
