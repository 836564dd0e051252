"""A deck exported to PowerPoint: one slide per deck view, the chart's sentence as the title,
a native chart on every chart slide, the source and build date in the footer, Chinese text
with an East Asian typeface."""

from __future__ import annotations

import io
import re

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn

from dashboard import pptx_export, queries
from tests.dashboard.conftest import fixture_tables

MANIFEST = {"built_at": "2026-11-23T18:00:00+00:00"}
CHINESE = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def tables():
    t = fixture_tables()
    return {"documents": t["documents"], "indicators": t["indicators"], "tvo": t["targets_vs_outcomes"], "slogans": t["slogans"]}


def _deck(tables, county="浚县", year=2022):
    slides = queries.deck_slides(tables["indicators"], tables["tvo"], county, year)
    contents = [queries.slide_content(tables, county, year, MANIFEST, s) for s in slides]
    return slides, contents, Presentation(io.BytesIO(pptx_export.deck_pptx(contents)))


def test_one_slide_per_view_with_its_sentence_as_title_and_a_chart(tables):
    slides, contents, deck = _deck(tables)
    assert len(deck.slides) == len(slides) >= 3
    for slide, content in zip(deck.slides, contents):
        title = slide.shapes.title.text_frame.text
        assert title == content["title"] and CHINESE.search(title) and title.endswith("。")
        assert any(shape.has_chart for shape in slide.shapes), title
        texts = " ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)
        assert "来源" in texts and "数据构建于 2026-11-24 02:00（北京时间）" in texts


def test_the_ranking_slide_shows_every_peer_and_marks_the_county(tables):
    slides, contents, deck = _deck(tables)
    i = next(i for i, s in enumerate(slides) if s["kind"] == "ranking")
    chart = next(shape.chart for shape in deck.slides[i].shapes if shape.has_chart)
    assert list(chart.plots[0].categories) == contents[i]["chart"]["categories"]
    assert "浚县" in contents[i]["title"] and "中位数" in contents[i]["title"]
    values = list(chart.plots[0].series[0].values)
    assert values == contents[i]["chart"]["series"][0][1]


def test_a_missing_value_is_a_gap_never_zero(tables):
    content = queries.slide_content(tables, "浚县", 2022, MANIFEST, {"kind": "timeline", "indicator": "地区生产总值", "measure": "growth", "title": "x"})
    targets = dict(zip(content["chart"]["categories"], content["chart"]["series"][0][1]))
    assert targets["2023年"] is None  # no target for 2023 in the fixture: a gap in the line
    deck = Presentation(io.BytesIO(pptx_export.deck_pptx([content])))
    chart = next(shape.chart for shape in deck.slides[0].shapes if shape.has_chart)
    assert list(chart.plots[0].series[0].values)[-1] is None


def test_the_cockpit_slide_has_the_scorecard_as_a_table(tables):
    slides, contents, deck = _deck(tables)
    table = next(shape.table for shape in deck.slides[0].shapes if shape.has_table)
    assert [table.cell(0, j).text for j in range(5)] == ["结果", "指标", "目标", "实绩", "差距"]
    assert len(table.rows) == len(contents[0]["table"]) + 1


def test_chinese_text_carries_an_east_asian_typeface(tables):
    _, _, deck = _deck(tables)
    title = deck.slides[0].shapes.title.text_frame.paragraphs[0].runs[0]
    ea = title.font._rPr.find(qn("a:ea"))  # noqa: SLF001 - what PowerPoint reads for Chinese glyphs
    assert ea is not None and ea.get("typeface") == pptx_export.FACE


def test_a_cockpit_without_targets_still_charts_its_outcomes(tables):
    no_targets = {**tables, "tvo": tables["tvo"].iloc[0:0]}
    content = queries.slide_content(no_targets, "浚县", 2022, MANIFEST, {"kind": "cockpit", "title": "浚县 2022年 · 县情驾驶舱"})
    assert content["chart"] and content["chart"]["series"][0][0] == "实绩"
    assert all(v is not None for v in content["chart"]["series"][0][1])
    deck = Presentation(io.BytesIO(pptx_export.deck_pptx([content])))
    assert any(shape.has_chart for shape in deck.slides[0].shapes)
