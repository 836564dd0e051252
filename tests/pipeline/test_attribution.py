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


def test_zones_and_city_totals_belong_to_no_county_and_are_left_out():
    assert attribute(ROUNDUP, ["增长6.0%", "增长3.9%"]) == []
    assert attribute(ROUNDUP, ["增长5.1%", "增长6.0%", "900亿元"]) == ["萧山区", "富阳区"]


SHARED = (
    "近日，宁波各区县市一季度经济数据出炉。\n"
    "海曙区地区生产总值增长6.2%。象山县、宁海县地区生产总值均增长7.1%，并列第二。\n"
    "慈溪市和余姚市固定资产投资分别增长9.4%、8.8%；奉化区、鄞州区、北仑区规模以上工业增加值分别增长5%、6%。\n"
)


def facts_at(text: str, spans: list[tuple[str, str]]) -> pd.DataFrame:
    rows = []
    for value, indicator in spans:
        row = fact_at(text, value)
        row["indicator"], row["measure"], row["value"] = indicator, "growth", 1.0
        rows.append(row)
    return pd.DataFrame(rows)


def test_places_listed_together_each_get_the_shared_figure():
    identity = identify_document(SHARED, "x.txt")
    out = attribute_counties(facts_at(SHARED, [("增长7.1%", "地区生产总值")]), SHARED, identity)
    assert list(out["county"]) == ["象山县", "宁海县"]


def test_a_fenbie_list_of_places_takes_its_values_in_order():
    identity = identify_document(SHARED, "x.txt")
    spans = [("增长9.4%", "固定资产投资"), ("8.8%", "固定资产投资")]
    out = attribute_counties(facts_at(SHARED, spans), SHARED, identity)
    assert list(out["county"]) == ["慈溪市", "余姚市"]


def test_a_fenbie_list_whose_values_do_not_line_up_is_left_out():
    identity = identify_document(SHARED, "x.txt")
    spans = [("增长5%", "规模以上工业增加值"), ("6%", "规模以上工业增加值")]  # three places, two values
    assert len(attribute_counties(facts_at(SHARED, spans), SHARED, identity)) == 0


def test_a_figure_repeated_for_one_county_is_kept_once():
    text = ("近日，杭州各区县经济数据公布。\n地区生产总值前三位依次是：萧山区2100亿元，余杭区2000亿元，富阳区900亿元。\n"
            "萧山区地区生产总值达到2100亿元，增长5%。")
    identity = identify_document(text, "x.txt")
    first = fact_at(text, "2100亿元")
    second = fact_at(text, "达到2100亿元")
    frame = pd.DataFrame([first, second]).assign(indicator="地区生产总值", measure="level", value=2100.0,
                                                 kind="actual", period=2022, unit="亿元")
    out = attribute_counties(frame, text, identity)
    assert list(out["county"]) == ["萧山区"] and int(out["value_start"].iloc[0]) == first["value_start"]


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


RANKING = (
    "近日，温州市统计局发布2023年各县（市、区）主要经济指标。\n"
    "数据显示，2023年地区生产总值前四位依次是：乐清市1650.2亿元，瑞安市1420.8亿元，温州经开区990.1亿元，鹿城区980.5亿元。\n"
    "规模以上工业增加值增速前三位分别为：永嘉县12.4%、平阳县10.1%、苍南县9.6%。\n"
)


def test_a_ranking_list_gives_each_county_its_own_value_and_leaves_zones_out():
    from pipeline.extract import extract_indicators

    identity = identify_document(RANKING, "x.txt")
    out = attribute_counties(extract_indicators(RANKING, identity), RANKING, identity)
    gdp = out[out["indicator"] == "地区生产总值"]
    assert sorted(zip(gdp["county"], gdp["value"])) == [("乐清市", 1650.2), ("瑞安市", 1420.8), ("鹿城区", 980.5)]
    assert set(gdp["period"]) == {2023} and set(gdp["measure"]) == {"level"}
    industry = out[out["indicator"] == "规模以上工业增加值"]
    assert sorted(zip(industry["county"], industry["value"])) == [("平阳县", 10.1), ("永嘉县", 12.4), ("苍南县", 9.6)]


def test_a_county_report_does_not_read_its_towns_ranking_as_counties():
    from types import SimpleNamespace

    from pipeline.extract import extract_indicators

    text = "一、2023年工作回顾\n全县地区生产总值前三位的乡镇分别是：城关镇52.1亿元，柳溪乡20.3亿元。"
    identity = SimpleNamespace(report_year=2024, doc_type="政府工作报告", delivered_year=None, county="某某县")
    assert 52.1 not in set(extract_indicators(text, identity)["value"])


def test_a_figure_shared_by_two_counties_gets_two_distinct_fact_ids():
    from pipeline.documents import DocResult

    base = {"indicator": "地区生产总值", "measure": "growth", "value_start": 40, "value": 7.1}
    result = DocResult("roundup.txt", "ab" * 32, "ok", identity={"county_source": "several", "report_year": 2023},
                       facts=[{**base, "county": "象山县"}, {**base, "county": "宁海县"},
                              {**base, "value_start": 80, "county": "海曙区"}])
    frame = result.facts_frame()
    assert frame["fact_id"].is_unique
    assert list(frame["county"]) == ["象山县", "宁海县", "海曙区"]
    assert frame["fact_id"].iloc[2] == f"{'ab' * 8}:80:地区生产总值:growth"  # unshared ids are unchanged


def test_two_counties_with_the_same_figure_in_a_retold_roundup_keep_one_fact_each():
    from pipeline.extract import extract_indicators

    text = ("各区政府工作报告显示，东城区地区生产总值预计增长5%左右，居民人均可支配收入增长3%。\n"
            "西城区地区生产总值预计增长5%左右。\n朝阳区地区生产总值预计增长4%。")
    identity = identify_document(text, "x.txt")
    assert identity.doc_type == "报告摘要"  # the kind whose restatements are merged
    out = attribute_counties(extract_indicators(text, identity), text, identity)
    gdp = out[out["indicator"] == "地区生产总值"]
    assert sorted(gdp["county"]) == ["东城区", "朝阳区", "西城区"]


def test_a_fenbie_list_after_listed_places_gives_each_place_its_value_and_a_short_list_none():
    from pipeline.extract import extract_indicators

    text = ("近日，宁波各区县经济数据公布。\n象山县、宁海县地区生产总值分别增长6.6%和5.9%。海曙区地区生产总值增长4%。"
            "鄞州区、北仑区、镇海区一般公共预算收入分别增长3%、2%。")
    identity = identify_document(text, "x.txt")
    out = attribute_counties(extract_indicators(text, identity), text, identity)
    assert sorted(zip(out["county"], out["value"])) == [("宁海县", 5.9), ("海曙区", 4.0), ("象山县", 6.6)]
