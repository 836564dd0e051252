"""Indicator spellings and blocked contexts."""

from __future__ import annotations

from pipeline.extract import load_vocabulary
from tests.pipeline.extract.helpers import facts, one, REVIEW


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
