"""attribute_counties: each fact of a several-county article belongs to the county of its sentence."""

from __future__ import annotations

import pandas as pd

from pipeline.attribution import attribute_counties
from pipeline.identify import identify_document

ROUNDUP = (
    "近日，杭州各区县经济数据陆续公布。\n"
    "萧山区地区生产总值增长5.1%，居全市前列。居民人均可支配收入增长4.0%。\n"
    "余杭区地区生产总值增长4.2%；杭州高新区地区生产总值增长6.0%；富阳区实现地区生产总值900亿元。\n"
    "全市地区生产总值增长3.9%。"
)


def fact_at(text: str, value: str) -> dict:
    value_start = text.index(value)
    start = max(text.rfind(ch, 0, value_start) for ch in "。；\n") + 1
    end = min(i for i in (text.find(ch, value_start) for ch in "。；\n") if i >= 0) + 1
    return {"start": start, "end": end, "value_start": value_start, "value_end": value_start + len(value),
            "indicator": "地区生产总值"}


def attribute(text: str, values: list[str]) -> list:
    identity = identify_document(text, "x.txt")
    facts = pd.DataFrame([fact_at(text, v) for v in values])
    return list(attribute_counties(facts, text, identity)["county"])


def test_each_fact_takes_the_county_of_its_sentence():
    counties = attribute(ROUNDUP, ["增长5.1%", "增长4.2%", "900亿元"])
    assert counties == ["萧山区", "余杭区", "富阳区"]


def test_a_sentence_without_a_county_takes_the_last_one_of_its_paragraph():
    assert attribute(ROUNDUP, ["增长4.0%"]) == ["萧山区"]


def test_zones_and_city_totals_belong_to_no_county():
    assert attribute(ROUNDUP, ["增长6.0%", "增长3.9%"]) == [None, None]


def test_single_county_document_keeps_its_county_for_every_fact():
    text = "桐庐县2021年政府工作报告\n各位代表：\n全县地区生产总值增长7%，比建德市高。"
    identity = identify_document(text, "x.txt")
    facts = pd.DataFrame([fact_at(text, "增长7%")])
    out = attribute_counties(facts, text, identity)
    assert list(out[["county", "city", "province"]].iloc[0]) == ["桐庐县", "杭州市", "浙江省"]


def test_no_facts():
    identity = identify_document(ROUNDUP, "x.txt")
    out = attribute_counties(pd.DataFrame(columns=["start", "end", "value_start"]), ROUNDUP, identity)
    assert len(out) == 0 and "county" in out
