"""Assembling facts: lists, shared values and offsets."""

from __future__ import annotations

import pandas as pd

from tests.pipeline.extract.helpers import PLAN, REVIEW, facts, one


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


def test_qualitative_target_kept_without_value():
    df = facts(PLAN + "今年经济社会发展的主要预期目标是：地区生产总值增长8%以上，居民收入与经济增长同步。")
    income = one(df, indicator="居民人均可支配收入")
    assert pd.isna(income.value) and not income.masked and "同步" in income.qualifier_text


def test_offsets_point_at_sentence_and_value():
    text = REVIEW + "全年实现地区生产总值221.46亿元。"
    fact = one(facts(text), indicator="地区生产总值")
    assert text[fact.start:fact.end] == fact.sentence
    assert text[fact.value_start:fact.value_end] == fact.value_text == "221.46亿元"


def test_distributed_list_reaches_back_over_items_named_with_their_levels():
    df = facts(REVIEW + "全县金融机构各项存款余额386亿元、贷款余额245亿元，分别比年初增长12.1%、15.6%。")
    assert one(df, indicator="金融机构存款余额", measure="growth").value == 12.1
    assert one(df, indicator="金融机构贷款余额", measure="growth").value == 15.6
    assert one(df, indicator="金融机构贷款余额", measure="level").value == 245


def test_distributed_list_that_does_not_line_up_is_left_out():
    df = facts(REVIEW + "全县一般公共预算收入8亿元，分别增长5%、6%、7%。")
    assert list(df["measure"]) == ["level"]


def test_a_respectively_list_does_not_reach_back_over_a_semicolon():
    df = facts(REVIEW + "全县地区生产总值完成120亿元；税收收入、非税收入分别完成6.5亿元、2.1亿元。")
    assert list(df["value"]) == [120]


def test_a_threshold_that_only_announces_the_exact_level_is_not_a_fact_of_its_own():
    df = facts(REVIEW + "全县社会消费品零售总额突破90亿元，达到91.7亿元，增长4%。")
    assert list(df[df.measure == "level"]["value"]) == [91.7]
    df = facts(REVIEW + "一般公共预算收入完成5.06亿元，首次突破5亿元。")
    assert sorted(df["value"]) == [5, 5.06]


def test_one_growth_written_after_a_list_of_levels_applies_to_each():
    df = facts(REVIEW + "全县金融机构存款余额420亿元、贷款余额310亿元，均比年初增长9.5%。")
    growth = df[df.measure == "growth"]
    assert sorted(zip(growth.indicator, growth.value)) == [("金融机构存款余额", 9.5), ("金融机构贷款余额", 9.5)]
    df = facts(REVIEW + "地区生产总值增长5%，一般公共预算收入12亿元，均增长3%。")
    assert one(df, indicator="地区生产总值").value == 5
