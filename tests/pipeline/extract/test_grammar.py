"""Value mentions: the number / unit / qualifier grammar."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.pipeline.extract.helpers import facts, one, REVIEW, PLAN


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


def test_percentage_points_are_a_change_not_growth():
    df = facts(REVIEW + "常住人口城镇化率提高1.2个百分点。")
    fact = one(df, indicator="常住人口城镇化率")
    assert (fact.measure, fact.value, fact.unit) == ("change", 1.2, "个百分点")


@pytest.mark.parametrize("masked", ["X", "XX", "x.x", "*", "＊".replace("＊", "*")])
def test_masked_values_are_unknown_never_zero(masked):
    df = facts(REVIEW + f"全县地区生产总值增长{masked}%。")
    fact = one(df, indicator="地区生产总值")
    assert fact.masked and pd.isna(fact.value)


def test_blank_masks_are_unknown():
    df = facts("今年上半年，全县完成地区生产总值亿元，增长 %。", year=2023, doc_type="工作汇报")
    assert len(df) == 2 and df["masked"].all() and df["value"].isna().all()


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


def test_approximate_counts_are_floors():
    df = facts(REVIEW + "全年实现城镇新增就业1.2万余人。")
    fact = one(df, indicator="城镇新增就业")
    assert (fact.value, fact.unit, fact.qualifier) == (1.2, "万人", "at_least")


def test_aspiration_alone_is_a_floor():
    fact = one(facts(PLAN + "力争地区生产总值增长8%。"), indicator="地区生产总值")
    assert (fact.kind, fact.qualifier, fact.qualifier_text) == ("target", "at_least", "力争")


def test_signed_growth():
    assert one(facts(REVIEW + "一般公共预算收入增长-3.5%。"), indicator="一般公共预算收入").value == -3.5


def test_number_in_a_later_topic_is_not_attached():
    df = facts(REVIEW + "全县生产总值降幅持续收窄，新签约项目28个，完成投资24.9亿元。")
    assert df.empty


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


def test_from_to_statement_gives_both_levels_and_the_average():
    text = ("一、2020年工作回顾及“十三五”主要成就\n“十三五”时期，全县地区生产总值由2015年的152.4亿元"
            "增加到2020年的236.8亿元，年均增长7.2%。")
    df = facts(text)
    levels = df[df.measure == "level"].sort_values("period")
    assert list(zip(levels.period, levels.value)) == [(2015, 152.4), (2020, 236.8)]
    average = one(df, measure="growth")
    assert (average.scope, average.period_start, average.period_end) == ("multi_year_avg", 2016, 2020)
