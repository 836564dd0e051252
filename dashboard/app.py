"""县情看板 (County Pulse) — entry file: `streamlit run dashboard/app.py`.

Builds ``st.navigation`` over ``app_pages/``, restores the shared view from the URL
(``?page=compare&county=…&indicator=地区生产总值&year=2021&mode=present&theme=dark``),
draws the global selections in the sidebar and runs the chosen page.
"""

from __future__ import annotations

import sys
from pathlib import Path

# `streamlit run dashboard/app.py` puts dashboard/ on sys.path, not the project root.
_ROOT = Path(__file__).resolve().parent.parent
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

import streamlit as st  # noqa: E402

from dashboard import components, data, ui_language, view_data  # noqa: E402

PAGES = components.PAGES  # (slug, title, icon), kept in components/navigation.py

st.set_page_config(page_title="县情看板", page_icon="📊", layout="wide", initial_sidebar_state="expanded")
ui_language.inject()  # Streamlit's own English (uploader, "No results", toolbars, connection dialog) in Chinese
components.init_from_url()

# Old addresses (bookmarks, shared links) of pages that were renamed: each reaches its page.
ALIASES = {"overview": "cockpit", "home": "cockpit", "index": "cockpit"}

pages = {slug: st.Page(f"app_pages/{slug}.py", title=title, icon=icon, url_path=slug, default=slug == "cockpit") for slug, title, icon in PAGES}


def _alias(old: str, new: str) -> st.Page:
    def forward() -> None:
        st.switch_page(pages[new], query_params={k: st.query_params[k] for k in st.query_params if k != "page"})

    forward.__name__ = f"alias_{old}"
    return st.Page(forward, title=f"{old}", url_path=old)


aliases = {old: _alias(old, new) for old, new in ALIASES.items()}
# The navigation is drawn by us (components.page_links) so the aliases stay out of the menu.
current = st.navigation([*pages.values(), *aliases.values()], position="hidden")
if current.url_path in aliases:
    current.run()
    st.stop()
slug = next(s for s, _, _ in PAGES if pages[s].title == current.title)

# A shared link may name its page in the query (?page=compare) rather than the path.
if not st.session_state.get("_cp_page_checked"):
    st.session_state["_cp_page_checked"] = True
    requested = ALIASES.get(st.query_params.get("page"), st.query_params.get("page"))
    if requested in pages and requested != slug:
        st.switch_page(pages[requested], query_params={k: st.query_params[k] for k in st.query_params})

options = view_data.filter_options()  # cached per build and corrections; counted in the engine
indicator_names, first_county = options["indicators"], options["first_county"]
components.page_links([(pages[s], t) for s, t, _ in PAGES])
components.global_filters(
    options["counties"],
    first_county,
    options["years"],
    indicator_names,
    default_year=view_data.default_year(
        st.session_state.get("county") or first_county,
        st.session_state.get("indicator") or (indicator_names[0] if indicator_names else None),
        ranking=slug == "compare",  # a ranking needs many counties' outcomes; the other pages the county's own reports
    ),
)
components.apply_theme()
components.write_url(slug)
if not st.session_state.get("present"):
    components.share_panel("" if slug == "cockpit" else slug)
current.run()
