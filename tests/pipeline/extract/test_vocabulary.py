"""Indicator spellings and blocked contexts."""

from __future__ import annotations

from pipeline.extract import load_vocabulary
from tests.pipeline.extract.helpers import PLAN, REVIEW, facts, one


def test_vocabulary_names_every_required_family():
    required = {
        "地区生产总值", "一般公共预算收入", "财政总收入", "地方财政收入", "固定资产投资", "社会消费品零售总额",
        "规模以上工业增加值", "城镇居民人均可支配收入", "农村居民人均可支配收入", "居民人均可支配收入",
        "农民人均纯收入", "城镇登记失业率", "调查失业率", "城镇新增就业", "进出口总额", "实际利用外资", "粮食产量",
    }
    vocab = load_vocabulary()
    assert required <= set(vocab.families)
    assert {name for name, family in vocab.families.items() if family.headline} == required


def test_energy_per_unit_of_gdp_is_not_gdp():
    df = facts(REVIEW + "万元生产总值能耗下降3%，万元GDP能耗下降18%。")
    assert df.empty


def test_scale_words_are_part_of_the_name_not_a_qualifier():
    df = facts(REVIEW + "规模以上工业增加值增长5%；500万元以上固定资产投资总额120亿元，增速6%。")
    industry = one(df, indicator="规模以上工业增加值")
    assert (industry.value, industry.qualifier) == (5, "exact")
    investment = one(df, indicator="固定资产投资", measure="level")
    assert (investment.value, investment.unit, investment.qualifier) == (120, "亿元", "exact")
    assert one(df, indicator="固定资产投资", measure="growth").value == 6
    assert len(df) == 3


def test_one_level_for_urban_and_rural_residents_is_the_all_residents_figure():
    df = facts(REVIEW + "全县城乡居民人均可支配收入突破3万元。")
    fact = one(df)
    assert (fact.indicator, fact.value, fact.unit, fact.qualifier) == ("居民人均可支配收入", 3, "万元", "at_least")


def test_one_growth_for_urban_and_rural_residents_applies_to_both():
    df = facts(REVIEW + "城乡居民人均可支配收入增长6.2%。")
    assert set(df["indicator"]) == {"城镇居民人均可支配收入", "农村居民人均可支配收入"}
    assert set(df["value"]) == {6.2}


def test_revenue_spellings_total_and_own_level():
    df = facts(REVIEW + "全市公共预算总收入88.1亿元，增长3.2%，其中本级收入51.4亿元，增长4.4%。")
    assert one(df, indicator="财政总收入", measure="level").value == 88.1
    assert one(df, indicator="一般公共预算收入", measure="level").value == 51.4
    assert one(df, indicator="一般公共预算收入", measure="growth").value == 4.4


def test_urban_and_pastoral_residents_are_read_as_a_pair():
    df = facts(REVIEW + "城镇和农村牧区常住居民人均可支配收入分别增长4.6%和6.9%。")
    assert one(df, indicator="城镇居民人均可支配收入").value == 4.6
    assert one(df, indicator="农村居民人均可支配收入").value == 6.9


def test_herders_income_is_the_rural_series():
    assert one(facts(REVIEW + "牧民人均可支配收入达到2.6万元。")).indicator == "农村居民人均可支配收入"


def test_urban_residents_and_farmers_and_herders_are_read_as_a_pair():
    df = facts(PLAN + "城镇居民和农牧民人均可支配收入分别增长6%、7.5%。")
    assert one(df, indicator="城镇居民人均可支配收入").value == 6
    assert one(df, indicator="农村居民人均可支配收入").value == 7.5


def test_a_share_of_a_larger_whole_is_not_the_indicator():
    assert facts(REVIEW + "全县规模以上工业增加值占全市的比重提高0.8个百分点。").empty


def test_bare_value_added_after_the_output_of_industry_above_scale():
    df = facts(REVIEW + "全县规上工业总产值突破300亿元，增加值增长9.2%。")
    fact = one(df, indicator="规模以上工业增加值")
    assert (fact.measure, fact.value) == ("growth", 9.2)
    assert facts(REVIEW + "第三产业增加值增长6%。").empty


def test_industry_above_scale_with_its_verb_before_value_added():
    from tests.pipeline.extract.helpers import facts, one

    df = facts("一、综合\n全年全县规上工业完成增加值86.2亿元，比上年增长7.7%。", year=2022, doc_type="统计公报")
    assert one(df, indicator="规模以上工业增加值", measure="growth").value == 7.7
