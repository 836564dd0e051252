"""县情驾驶舱: did the selected county hit its targets, where does it rank, what did it stress — one screen.

In presentation mode this page is the deck: the cockpit first, then the county's rankings and timelines.
"""

import streamlit as st

from dashboard import components, slides

sel = components.selection()
county, year = sel["county"], sel["year"]
components.page_header(f"县情驾驶舱 · {county or '所选县'} {year or ''}{'年' if year else ''}")
manifest = components.require_build()

if not county:
    components.empty_state("语料里还没有可识别的县（只有匿名文档），因此没有驾驶舱。请到“数据”页查看入库情况。")
    st.stop()

tables = slides.load_tables(county, year)  # this view's rows only, filtered in the engine
if sel["present"]:
    slides.show_deck(tables, county, year, manifest)
    st.stop()
slides.deck_picker(tables, county, year)
slides.show_cockpit(tables, county, year, manifest)
