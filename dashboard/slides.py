"""The views a deck is made of, drawn the same way on their page and on a slide.

``show_cockpit`` is the 县情驾驶舱 (the landing page and the first slide); ``show_ranking`` and
``show_timeline`` are the county's rankings and target timelines; ``show_deck`` steps through
the slides that have data (keyboard, clicker, optional 轮播), the slide number in the URL.
"""

from __future__ import annotations

import html

import streamlit as st

from dashboard import charts, components, data, queries, view_data
from dashboard import cockpit_view as view
from dashboard.queries import engine
from pipeline import contracts


def load_tables(county: str | None, year: int | None) -> dict:
    """What the cockpit and the deck of ``county`` in ``year`` read, filtered in the engine: the
    county's facts and pairs, the year's headline outcomes of every county (rankings), the county's
    slogans; the facts without their sentences (``cockpit_tiles`` and ``view_data.with_sentences`` fetch those shown)."""
    if not county:
        return {"documents": data.load_table("documents"), "indicators": contracts.empty_frame("indicators"),
                "tvo": contracts.empty_frame("targets_vs_outcomes"), "slogans": contracts.empty_frame("slogans")}
    return {
        "documents": data.load_table("documents"),
        "indicators": view_data.view_facts(county, year),
        "tvo": view_data.county_pairs(county),
        "slogans": engine.slogan_rows(data.query, county=county, policy=False),
    }


def cockpit_tiles(t: dict, county: str, year: int | None) -> list[dict]:
    """The headline tiles, each with the sentence its number was read from (fetched for these only)."""
    tiles = queries.kpi_tiles(t["indicators"], t["tvo"], t["documents"], county, year)
    missing = [tile["fact_id"] for tile in tiles if tile.get("sentence") is None and tile.get("fact_id")]
    return queries.with_sentences(tiles, view_data.fact_sentences(missing)) if missing else tiles


def show_cockpit(t: dict, county: str, year: int | None, manifest: dict | None) -> None:
    tiles = cockpit_tiles(t, county, year)
    card = queries.scorecard(t["tvo"], t["documents"], county, year)
    others = queries.other_targets(t["tvo"], t["documents"], county, year) if card.empty else None
    view.show_message(queries.headline_sentence(tiles, county, year) or view.scorecard_message(card, county, year, others))
    if tiles:
        view.show_tiles(tiles, year)
    else:
        components.empty_state(f"{county}{year}年没有主要指标的目标或实绩（可能全部被遮盖，或报告里没有这些指标）。")
    slogans = queries.slogan_changes(t["slogans"], county, year)
    if card.empty and (others is None or others.empty) and components.selection()["present"]:
        # No target in any year: the headline says so, and the slide gives the row to the slogans.
        view.show_slogans(slogans, county, year)
    else:
        left, right = st.columns([2.2, 1], gap="large")
        with left:
            view.show_scorecard(card, county, year, others)
        with right:
            view.show_slogans(slogans, county, year)
    view.show_source(queries.source_line(t["indicators"], t["documents"], county, year, manifest))


def show_ranking(t: dict, county: str, year: int, indicator: str, measure: str, key: str, level: str = "city") -> None:
    sel = components.selection()
    group, peers = queries.peer_group(t["documents"], county, level)
    rank = queries.with_peers(queries.ranking(t["indicators"], indicator, measure, year), peers)
    rank = view_data.with_sentences(rank, t["indicators"], indicator=indicator, measure=measure, kind="actual", period=year, scope="annual")
    unit = next((u for u in rank["unit"].dropna()), "") if not rank.empty else ""
    name = queries.measure_name(indicator, measure)
    median = queries.median_value(rank)
    fig = charts.ranking_bar(rank, focal=county, median=median, indicator=indicator, unit=unit, present=sel["present"], theme=sel["theme"],
                             title=f"{year}年 {name} · {group}")
    components.plot(fig, key=key, message=queries.ranking_sentence(county, year, indicator, measure, rank, median, unit, group),
                    name=charts.export_name(county, year, name, "县域排名"), frame=queries.rank_frame(rank, indicator))


def show_timeline(t: dict, county: str, indicator: str, measure: str, key: str) -> None:
    sel = components.selection()
    rows = queries.timeline(t["tvo"], t["documents"], county, indicator, measure, t["indicators"])
    name = queries.measure_name(indicator, measure)
    fig = charts.timeline(rows, indicator=indicator, measure=measure, present=sel["present"], theme=sel["theme"], title=f"{county} · {name} · 目标与实绩")
    components.plot(fig, key=key, message=queries.timeline_sentence(county, indicator, measure, rows),
                    name=charts.export_name(county, name, "目标与实绩"), frame=queries.target_table(rows))


def show_slide(t: dict, county: str, year: int | None, manifest: dict | None, slide: dict, i: int) -> None:
    if slide["kind"] == "cockpit":
        show_cockpit(t, county, year, manifest)
    elif slide["kind"] == "ranking":
        show_ranking(t, county, year, slide["indicator"], slide["measure"], key=f"deck_{i}")
    else:
        show_timeline(t, county, slide["indicator"], slide["measure"], key=f"deck_{i}")


def show_deck(t: dict, county: str, year: int | None, manifest: dict | None) -> None:
    deck = queries.ordered(queries.deck_slides(t["indicators"], t["tvo"], county, year), st.session_state.get("deck_pins"))
    if not deck:
        components.empty_state("没有可以演示的内容。")
        return
    if st.session_state.get("_cp_print"):
        show_print(t, county, year, manifest, deck)
        return
    titles = {s["id"]: s["title"] for s in deck}
    i = components.slide_nav(list(titles), "deck_slide", format_func=titles.get)
    show_slide(t, county, year, manifest, deck[i], i)


def show_print(t: dict, county: str, year: int | None, manifest: dict | None, deck: list[dict]) -> None:
    """Every slide one after another, one per printed page: the browser's 打印 → 存为 PDF
    renders the Chinese text with the page's own fonts, offline."""
    components.print_button()
    for i, slide in enumerate(deck):
        st.html(f"<div class='cp-print-title'>{html.escape(slide['title'])}（{i + 1} / {len(deck)}）</div>")
        show_slide(t, county, year, manifest, slide, i)
        if i < len(deck) - 1:
            st.html("<div class='cp-page-break'></div>")


def deck_picker(t: dict, county: str, year: int | None) -> None:
    """Choose and order the slides (the order of choosing is the order shown)."""
    slides = queries.deck_slides(t["indicators"], t["tvo"], county, year)
    if not slides:
        return
    titles = {s["id"]: s["title"] for s in slides}
    with st.sidebar.expander("演示内容（幻灯片）"):
        st.multiselect("固定并排序幻灯片（不选则全部演示）", list(titles), key="deck_pins", format_func=titles.get, placeholder="全部")
        st.caption("打开“演示模式”后，用 → / ← / PageDown / PageUp / 空格 或翻页笔切换。")
        components.print_link()
        deck = queries.ordered(slides, st.session_state.get("deck_pins"))
        manifest = data.load_manifest()
        st.download_button(
            "导出演示文稿（PPTX）", lambda: deck_pptx_bytes(t, county, year, manifest, deck),
            file_name=f"{county}_{year}_县情演示（{len(deck)}页）.pptx", key="deck_pptx", on_click="ignore",
            mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
            help="每张幻灯片一页：图表的结论句作标题，PowerPoint 原生图表（可编辑），页脚注明来源和构建时间。")


def deck_pptx_bytes(t: dict, county: str, year: int | None, manifest: dict | None, deck: list[dict]) -> bytes:
    """The deck as a .pptx (made only when the button is pressed)."""
    from dashboard import pptx_export

    return pptx_export.deck_pptx([queries.slide_content(t, county, year, manifest, s) for s in deck])
