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


def test_a_stretch_value_after_a_growth_target_is_a_growth_floor():
    df = facts(PLAN + "一般公共预算收入增长6%，争取7%；城镇登记失业率控制在4%以内。")
    growths = df[(df.indicator == "一般公共预算收入") & (df.measure == "growth")].sort_values("value")
    assert list(zip(growths.value, growths.qualifier)) == [(6, "exact"), (7, "at_least")]
    assert one(df, indicator="城镇登记失业率").measure == "rate"


def test_an_aspiration_does_not_reach_over_a_semicolon():
    df = facts(PLAN + "力争社会消费品零售总额增长8%；固定资产投资增长10%。")
    assert one(df, indicator="社会消费品零售总额").qualifier == "at_least"
    assert one(df, indicator="固定资产投资").qualifier == "exact"


def test_the_target_an_outcome_is_measured_against_is_a_target():
    df = facts("一、2022年计划执行情况\n全县固定资产投资增长11%，完成县人代会确定的增长9%以上目标。", year=2023, doc_type="计划执行情况")
    actual, target = one(df, kind="actual"), one(df, kind="target")
    assert (actual.value, actual.period) == (11, 2022)
    assert (target.value, target.period, target.qualifier) == (9, 2022, "at_least")
    assert target.basis.endswith("cue:目标")


def test_a_control_target_beside_a_bulletin_figure():
    df = facts("年末城镇调查失业率4.8%，低于5.5%的控制目标。", year=2022, doc_type="统计公报")
    assert one(df, kind="actual").value == 4.8
    target = one(df, kind="target")
    assert (target.value, target.period, target.qualifier) == (5.5, 2022, "at_most")


def test_a_clause_on_how_growth_is_measured_continues_the_statement():
    df = facts("全年实现社会消费品零售总额88.6亿元，按可比价格计算，比上年同期增长4.2%。", year=2021, doc_type="统计公报")
    assert one(df, measure="growth").value == 4.2
    df = facts("规模以上工业增加值按不变价计算比上年增长7.1%。", year=2021, doc_type="统计公报")
    assert one(df, measure="growth").value == 7.1


def test_a_word_starting_with_a_unit_character_is_not_a_stripped_value():
    df = facts("全年城镇新增就业人员数据另行公布。新增城镇就业人数1520人。", year=2022, doc_type="统计公报")
    assert list(df["value"]) == [1520]


def test_growth_written_with_a_bare_zeng():
    assert one(facts(REVIEW + "全县社会消费品零售总额增 6.4%。"), indicator="社会消费品零售总额").value == 6.4


def test_a_remark_in_brackets_does_not_break_the_statement():
    df = facts(REVIEW + "全县规模以上工业增加值同比增长(下同)6.6%。")
    assert one(df, indicator="规模以上工业增加值").value == 6.6
    df = facts(REVIEW + "全县实现一般公共预算收入15.2亿元(快报数,下同),增长3.3%。")
    assert one(df, indicator="一般公共预算收入", measure="growth").value == 3.3


def test_a_round_threshold_in_words_with_the_year_it_was_passed():
    df = facts(REVIEW + "全县地区生产总值2019年突破千亿元大关，增长6%。")
    level = one(df, measure="level")
    assert (level.value, level.unit, level.qualifier, level.period) == (1000, "亿元", "at_least", 2019)
    assert facts(REVIEW + "着力打造千亿级产业集群，地区生产总值持续攀升。").empty


def test_a_like_for_like_growth_beside_the_headline_growth_is_kept():
    df = facts(REVIEW + "一般公共预算收入完成12.6亿元，同比下降3%（同口径增长5.4%）。")
    assert sorted(df[df.measure == "growth"]["value"]) == [-3, 5.4]


def test_a_first_time_milestone_clause_continues_the_statement():
    df = facts(REVIEW + "全县税收收入完成8.2亿元，地方财政收入完成20.3亿元，历史上首次突破20亿元，增长9.9%。")
    assert sorted(df[df.indicator == "地方财政收入"]["value"]) == [9.9, 20, 20.3]


def test_a_ranking_aside_between_level_and_growth_is_skipped():
    df = facts(REVIEW + "全县社会消费品零售总额完成66.2亿元，总量位居全市第二，增长7.3%。")
    assert one(df, measure="growth").value == 7.3
    df = facts(REVIEW + "全县固定资产投资完成40亿元，总量占全市的12%，同比增长5%。")
    assert list(df["measure"]) == ["level"]


def test_chao_before_a_value_is_a_floor():
    fact = one(facts(REVIEW + "全县社会消费品零售总额超80亿元。"))
    assert (fact.value, fact.qualifier) == (80, "at_least")


def test_a_change_over_several_years_is_cumulative_over_them():
    df = facts(REVIEW + "农村居民人均可支配收入三年增加4200元。")
    fact = one(df)
    assert (fact.measure, fact.scope, fact.period_start, fact.period_end) == ("change", "cumulative", 2018, 2020)


def test_two_year_averages_written_as_a_respectively_list():
    df = facts("一、2021年工作回顾\n城镇和农村居民人均可支配收入分别增长7.1%、9.4%，两年平均分别增长5.2%、6.8%。", year=2022)
    averages = df[df.scope == "multi_year_avg"].sort_values("value")
    assert list(zip(averages.value, averages.period_start, averages.period_end)) == [(5.2, 2020, 2021), (6.8, 2020, 2021)]


def test_an_increment_is_a_change_not_the_level():
    from tests.pipeline.extract.helpers import facts, one

    df = facts("全年全县地区生产总值增量58.3亿元，一般公共预算收入净增2.1亿元。", year=2024)
    gdp = one(df, indicator="地区生产总值")
    assert (gdp.measure, gdp.value, gdp.unit) == ("change", 58.3, "亿元")
    assert one(df, indicator="一般公共预算收入").measure == "change"
    assert "level" not in set(df["measure"])


def test_a_list_that_lost_its_separators_still_gives_each_value():
    from tests.pipeline.extract.helpers import facts, one

    df = facts("城乡居民人均可支配收入分别增长6.2%7.5%。", year=2024)
    assert one(df, indicator="城镇居民人均可支配收入").value == 6.2
    assert one(df, indicator="农村居民人均可支配收入").value == 7.5


def test_fenbie_with_one_value_for_two_items_gives_nothing():
    from tests.pipeline.extract.helpers import facts

    df = facts("城乡居民人均可支配收入分别增长6.2%，社会大局和谐稳定。", year=2024)
    assert len(df) == 0


def test_a_growth_held_for_several_unnamed_years_gives_nothing():
    from tests.pipeline.extract.helpers import facts

    assert len(facts("全县固定资产投资连续三年增长12%以上。", year=2024)) == 0


def test_a_milestone_dated_by_a_from_clause():
    from tests.pipeline.extract.helpers import facts, one

    df = facts("资料显示，自2017年起，该县一般公共预算收入就突破了20亿元，2023年达到31.2亿元。", year=2024)
    passed = one(df, value=20.0)
    assert (passed.period, passed.qualifier) == (2017, "at_least")
