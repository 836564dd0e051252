"""县情驾驶舱: did the selected county hit its targets, where does it rank, what did it stress — one screen."""

import streamlit as st

from dashboard import cockpit_view as view
from dashboard import components, data, queries

sel = components.selection()
county, year = sel["county"], sel["year"]
components.page_header(f"县情驾驶舱 · {county or '所选县'} {year or ''}{'年' if year else ''}")
manifest = components.require_build()

documents = data.load_table("documents")
indicators = data.load_indicators()
tvo = data.load_targets_vs_outcomes()
slogans = data.load_table("slogans")

if not county:
    components.empty_state("语料里还没有可识别的县（只有匿名文档），因此没有驾驶舱。请到“数据”页查看入库情况。")
    st.stop()

tiles = queries.kpi_tiles(indicators, tvo, documents, county, year)
card = queries.scorecard(tvo, documents, county, year)
message = queries.headline_sentence(tiles, county, year) or view.scorecard_message(card, county, year)
view.show_message(message)

if tiles:
    view.show_tiles(tiles, year)
else:
    components.empty_state(f"{county}{year}年没有主要指标的目标或实绩（可能全部被遮盖，或报告里没有这些指标）。")

left, right = st.columns([2.2, 1], gap="large")
with left:
    view.show_scorecard(card, county, year)
with right:
    view.show_slogans(queries.slogan_changes(slogans, county, year), county, year)

view.show_source(queries.source_line(indicators, documents, county, year, manifest))
