"""县情驾驶舱 queries and the chart sentences, on the fixture tables (no Streamlit)."""

import pandas as pd
import pytest

from dashboard import queries
from pipeline import contracts
from tests.dashboard.conftest import fixture_tables


@pytest.fixture(scope="module")
def tables():
    return {name: contracts.conform(frame, name) for name, frame in fixture_tables().items()}


def _tiles(tables, county, year):
    tiles = queries.kpi_tiles(tables["indicators"], tables["targets_vs_outcomes"], tables["documents"], county, year)
    return {t["label"]: t for t in tiles}


def test_tile_states_target_outcome_verdict_rank_and_last_year(tables):
    gdp = _tiles(tables, "浚县", 2022)["地区生产总值增速"]
    assert (gdp["target"], gdp["actual"], gdp["status"]) == ("7%左右", "4.2%", "missed")
    assert gdp["gap"] == "低于目标2.8个百分点"
    assert gdp["rank"] == "全部2县中第1"  # 利津县 3.8% the same year
    assert gdp["previous"] == "上年 6.1%"
    line = queries.tile_line(gdp)
    assert line.startswith("地区生产总值增速 目标 7%左右 · 实绩 4.2% · ✘ 低于目标2.8个百分点")


def test_a_value_from_another_year_names_its_year(tables):
    income = _tiles(tables, "浚县", 2023)["居民人均可支配收入增速"]
    assert income["stale_year"] == 2022 and income["status"] is None and income["rank"] == ""
    assert "（2022年数据）" in queries.tile_line(income)
    current = _tiles(tables, "浚县", 2023)["地区生产总值增速"]
    assert current["stale_year"] is None and current["actual"] == "1.7%"


def test_masked_tile_is_masked_never_zero(tables):
    level = _tiles(tables, "利津县", 2022)["地区生产总值"]
    assert level["actual"] == "已遮盖" and level["rank"] == ""


def test_estimate_is_marked_on_the_tile(tables):
    gdp = _tiles(tables, "浚县", 2021)["地区生产总值增速"]
    assert gdp["estimated"] and "（预计）" in queries.tile_line(gdp)


def test_scorecard_lists_every_target_misses_first(tables):
    card = queries.scorecard(tables["targets_vs_outcomes"], tables["documents"], "浚县", 2021)
    assert list(card["status"]) == ["missed", "missed", "met", "met"]
    assert set(card["指标"]) == {"地区生产总值增速", "一般公共预算收入增速", "固定资产投资增速", "调查失业率"}
    unemployment = card.set_index("指标").loc["调查失业率"]
    assert (unemployment["目标"], unemployment["实绩"], unemployment["结果"]) == ("3%以内", "2.9%（终值）", "✔ 达成")
    assert card.set_index("指标").loc["地区生产总值增速", "实绩"] == "6.1%（预计）"
    assert set(card["实绩来源"]) == {"政府工作报告"}
    assert queries.scorecard_counts(card) == {"missed": 2, "no_outcome_yet": 0, "unknown": 0, "met": 2}


def test_scorecard_pending_target_has_no_outcome(tables):
    card = queries.scorecard(tables["targets_vs_outcomes"], tables["documents"], "利津县", 2020)
    assert set(card["status"]) == {"no_outcome_yet"} and set(card["实绩"]) == {"—"}


def test_scorecard_reads_actual_doc_type_when_the_pipeline_adds_it(tables):
    tvo = tables["targets_vs_outcomes"].assign(actual_doc_type="统计公报")
    card = queries.scorecard(tvo, tables["documents"], "浚县", 2022)
    assert set(card["实绩来源"]) == {"统计公报"}


def test_slogans_new_and_dropped(tables):
    changes = queries.slogan_changes(tables["slogans"], "浚县", 2023)
    assert changes["previous_year"] == 2021
    assert changes["new"] == ["四不一保"]
    assert changes["dropped"] == ["六保", "六稳"]
    assert changes["top"][0] == ("十四五", 2)
    first = queries.slogan_changes(tables["slogans"], "浚县", 2021)
    assert first["previous_year"] is None and first["new"] == [] and first["top"]


def test_source_line_names_documents_and_beijing_time(tables):
    line = queries.source_line(tables["indicators"], tables["documents"], "浚县", 2022, {"built_at": "2026-11-23T18:00:00+00:00"})
    assert "浚县人民政府工作报告(2023年4月8日)（政府工作报告）" in line
    assert line.endswith("数据构建于 2026-11-24 02:00（北京时间）")


@pytest.mark.parametrize("stamp, shown", [
    ("2026-11-23T18:00:00+00:00", "2026-11-24 02:00（北京时间）"),
    ("2026-11-23T18:00:00Z", "2026-11-24 02:00（北京时间）"),
    ("2026-06-01T08:30:00", "2026-06-01 16:30（北京时间）"),  # naive = UTC
    ("", "—"),
])
def test_beijing_time(stamp, shown):
    assert queries.beijing_time(stamp) == shown


def _docs(rows):
    return pd.DataFrame([dict(doc_id=str(i), status="ok", anonymised=False, county=c, city=city, province=prov) for i, (c, city, prov) in enumerate(rows)])


def test_peer_group_same_city_then_province_then_all():
    docs = _docs([("甲县", "一市", "某省"), ("乙县", "一市", "某省"), ("丙县", "二市", "某省"), ("丁县", "三市", "他省")])
    assert queries.peer_group(docs, "甲县") == ("同市", ["乙县", "甲县"])
    assert queries.peer_group(docs, "丙县") == ("同省", ["丙县", "乙县", "甲县"])
    assert queries.peer_group(docs, "丁县")[0] == "全部"
    assert queries.peer_group(docs, "甲县", level="province")[0] == "同省"


def test_a_wider_comparison_than_asked_says_why():
    docs = _docs([("甲县", "一市", "某省"), ("乙县", "一市", "某省"), ("丙县", "二市", "某省"), ("丁县", "三市", "他省")])
    notes = {(county, level): queries.peer_fallback_note(county, level, queries.peer_group(docs, county, level)[0])
             for county in ("甲县", "丙县", "丁县") for level in ("city", "province", "all")}
    assert notes[("甲县", "city")] is None and notes[("甲县", "province")] is None and notes[("甲县", "all")] is None
    assert notes[("丙县", "city")] == "丙县所在的市只有它一个县入库，已改为与同省各县比较。"
    assert notes[("丁县", "city")] == "丁县所在的市只有它一个县入库，已改为与全部县比较。"
    assert notes[("丁县", "province")] == "丁县所在的省只有它一个县入库，已改为与全部县比较。"
    assert queries.peer_fallback_note(None, "city", "全部") is None


def test_an_article_covering_several_counties_counts_each_never_the_joined_names():
    docs = _docs([("东区;西区;南区", "某市", "某省"), ("北区", "某市", "某省")])
    assert queries.peer_group(docs, "西区") == ("同市", ["东区", "北区", "南区", "西区"])
    options = queries.county_options(docs, pd.DataFrame(columns=["county"]))
    assert options == ["东区", "北区", "南区", "西区"]


@pytest.mark.parametrize("values, mine, indicator, expected", [
    ([5, 7, 7, 3], 7, "固定资产投资", (1, True)),
    ([5, 7, 7, 3], 5, "固定资产投资", (3, False)),
    ([2.8, 3.1, 3.1], 2.8, "调查失业率", (1, False)),  # lower is better
    ([2.8, 3.1, 3.1], 3.1, "调查失业率", (2, True)),
])
def test_ties_rank_as_ties(values, mine, indicator, expected):
    assert queries.rank_position(pd.Series(values), mine, indicator) == expected
    place, tied = expected
    assert queries.rank_phrase(expected, len(values), "同市") == f"同市{len(values)}县中{'并列' if tied else ''}第{place}"


def test_verdict_sentence_compares_higher_lower_with_points():
    sentence = queries.verdict_sentence("甲县", 2020, "固定资产投资", "growth", actual=7.0, unit="%", target=8.0,
                                        qualifier="about", status="missed", rank="同市7县中并列第4")
    assert sentence == "甲县2020年固定资产投资增长7%，低于“8%左右”目标1个百分点，未达成；同市7县中并列第4。"
    level = queries.verdict_sentence("乙县", 2021, "地区生产总值", "level", actual=280.0, unit="亿元", target=300.0, qualifier="at_least", status="missed")
    assert level == "乙县2021年地区生产总值为280亿元，低于“300亿元以上”目标20亿元，未达成。"
    fall = queries.verdict_sentence("丙县", 2022, "规模以上工业增加值", "growth", actual=-1.5, unit="%")
    assert fall == "丙县2022年规模以上工业增加值下降1.5%。"


def test_ranking_sentence_with_median_unit_and_ties(tables):
    rank = queries.ranking(tables["indicators"], "地区生产总值", "growth", 2022)
    sentence = queries.ranking_sentence("浚县", 2022, "地区生产总值", "growth", rank, queries.median_value(rank), "%", "全部")
    assert sentence == "浚县2022年地区生产总值增长4.2%，全部2县中第1，中位数4%。"
    none = queries.ranking_sentence("不存在县", 2022, "地区生产总值", "growth", rank, None, "%")
    assert "不存在县没有数值" in none


def test_timeline_sentence_states_the_latest_verdict(tables):
    rows = queries.timeline(tables["targets_vs_outcomes"], tables["documents"], "浚县", "固定资产投资", "growth")
    sentence = queries.timeline_sentence("浚县", "固定资产投资", "growth", rows)
    assert sentence == "浚县2022年固定资产投资增长15.5%，高于“10%左右”目标5.5个百分点，达成；可判定的2年中达成2年。"


def test_every_peer_is_listed_and_missing_ones_say_no_data(tables):
    rank = queries.ranking(tables["indicators"], "社会消费品零售总额", "growth", 2022)
    listed = queries.with_peers(rank, ["利津县", "浚县"])
    assert list(listed["county"]) == ["浚县", "利津县"]
    assert listed.set_index("county").loc["利津县", "display"] == "无数据"
    assert listed["value"].isna().tolist() == [False, True], "no data is not zero"
    frame = queries.rank_frame(listed, "社会消费品零售总额")
    assert frame["名次"].tolist() == ["第1", ""] and frame["单位"].tolist()[0] == "%"


def test_multi_indicator_cells_carry_ranks(tables):
    values, display = queries.multi_indicator(tables["indicators"], 2022, "growth")
    ranked = queries.with_ranks(values, display)
    assert ranked.at["浚县", "固定资产投资"] == "15.5%（第1）" and ranked.at["利津县", "固定资产投资"] == "12%（第2）"
    assert ranked.attrs.get("sources") is not None


def test_export_name_says_what_the_chart_is():
    from dashboard import charts

    assert charts.export_name("淇县", 2020, "固定资产投资增速", "目标与实绩") == "淇县_2020_固定资产投资增速_目标与实绩"
    assert charts.export_name("a/b\\c:d", None, "x") == "abcd_x"


def test_deck_has_only_slides_with_data_starting_at_the_cockpit(tables):
    deck = queries.deck_slides(tables["indicators"], tables["targets_vs_outcomes"], "浚县", 2022)
    ids = [s["id"] for s in deck]
    assert ids[0] == "cockpit"
    assert "rank|地区生产总值|growth" in ids and "rank|固定资产投资|growth" in ids
    assert "rank|社会消费品零售总额|growth" not in ids, "no other county to rank against"
    assert "timeline|调查失业率|rate" in ids and "timeline|城镇登记失业率|rate" not in ids
    pinned = queries.ordered(deck, ["timeline|调查失业率|rate", "cockpit", "gone"])
    assert [s["id"] for s in pinned] == ["timeline|调查失业率|rate", "cockpit"]
    assert queries.ordered(deck, []) == deck
    assert queries.deck_slides(tables["indicators"], tables["targets_vs_outcomes"], None, 2022) == []


def test_tile_names_the_kind_of_source(tables):
    docs = tables["documents"].copy()
    gdp = _tiles(tables, "浚县", 2022)["地区生产总值增速"]
    assert gdp["source_kind"] == "政府工作报告"
    docs.loc[docs["doc_id"] == "78f198f04f57dcb4", "doc_type"] = "统计公报"
    tiles = queries.kpi_tiles(tables["indicators"], tables["targets_vs_outcomes"], docs, "浚县", 2022)
    assert {t["label"]: t for t in tiles}["地区生产总值增速"]["source_kind"] == "统计公报"


@pytest.mark.parametrize("title, whole", [
    ("关于某县2023年国民经济和社会发展计划执行情况与2024年计划草案的报告", True),
    ("关于某某自治县2023年国民经济和社会发展计划执行情况与2024年国民经济和社会发展计划草案的报告", True),
    ("某县2023年国民经济和社会发展统计公报", True),
    ("2024年政府工作报告", True),
    ("三、2024年重点工作安排", False),  # a section heading
    ("（二）主要预期目标", False),
    ("第二部分 今年工作总体要求", False),
    ("3．持续扩大有效投资", False),
    ("全年完成固定资产投资增长9%以上，社会消费品零售总额增长6%，城乡居民收入稳步增长", False),  # a sentence
    ("", False),
    (None, False),
])
def test_a_section_heading_is_not_a_document_title(title, whole):
    assert queries.is_document_title(title) is whole


def test_a_document_whose_title_is_a_heading_is_named_by_county_year_and_kind():
    assert queries.document_name("三、2024年重点工作安排", "某县", 2024, "计划执行情况", "x/plan.txt") == "某县2024年计划执行情况"
    assert queries.document_name("某县2023年统计公报", "某县", 2023, "统计公报", "a.txt") == "某县2023年统计公报"
    assert queries.document_name(None, None, None, None, "raw/未知.txt") == "raw/未知.txt"


def test_source_line_never_shows_a_section_heading_as_a_document(tables):
    documents = tables["documents"].copy()
    mine = documents["county"].eq("浚县") & documents["report_year"].eq(2022)
    documents.loc[mine, "title"] = "二、今年经济社会发展的主要目标"
    line = queries.source_line(tables["indicators"], documents, "浚县", 2022, {"built_at": "2026-11-23T18:00:00+00:00"})
    assert "二、" not in line and "主要目标" not in line
    kind = documents.loc[mine, "doc_type"].iloc[0]
    assert f"浚县2022年{kind}" in line


def test_other_targets_and_the_reason_there_is_nothing_to_compare(tables):
    tvo, documents = tables["targets_vs_outcomes"], tables["documents"]
    others = queries.other_targets(tvo, documents, "浚县", 2024)
    assert list(others["年份"].unique()) == ["2022年", "2021年"], "latest year first, only years with targets"
    reason = queries.no_comparison_reason(others, "浚县", 2024)
    assert reason.startswith("浚县2024年的报告里没有提取到年度目标；") and "2021年、2022年的目标已可对照" in reason
    waiting = queries.other_targets(tvo, documents, "利津县", 2023)
    assert set(waiting["status"]) == {"no_outcome_yet"} and list(waiting["年份"].unique()) == ["2020年"]
    assert "实绩要看2021年的报告，这份报告尚未入库" in queries.no_comparison_reason(waiting, "利津县", 2023)
    none = queries.other_targets(tvo.iloc[0:0], documents, "浚县", 2024)
    assert none.empty and "其他年份的报告里也没有" in queries.no_comparison_reason(none, "浚县", 2024)
