"""Presentation mode and themes: the page header with the slide controls, slide navigation by keys and clickers, printing the deck."""

from __future__ import annotations

import html
from urllib.parse import urlencode

import streamlit as st

from dashboard.components.state import selection, show_notices
from dashboard.safe_text import md
from dashboard.styles import BASE_CSS, DARK_CSS, DARK_TILES_CSS, KEYS_JS, LARGE_CSS, PRESENT_CSS, PRINT_CSS

def apply_theme() -> None:
    sel = selection()
    css = BASE_CSS + (LARGE_CSS if sel["large"] and not sel["present"] else "") + (PRESENT_CSS if sel["present"] else "")
    css += (DARK_CSS + DARK_TILES_CSS) if sel["theme"] == "dark" else ""
    if sel["theme"] == "dark":
        css += ".cp-table th { background: #333; color: #fff; border-color: #ccc; } .cp-table td { color: #fff; border-color: #ccc; } .cp-kwic .cp-src { color: #bbb; }"
    st.html(f"<style>{css}</style>")


def _exit_presentation() -> None:
    st.session_state["present"] = False


def _flip_theme() -> None:
    st.session_state["theme"] = "light" if st.session_state.get("theme") == "dark" else "dark"


AUTO_CHOICES = {0: "轮播：关", 10: "每 10 秒", 20: "每 20 秒", 30: "每 30 秒", 60: "每 60 秒"}


def _present_county_changed() -> None:
    st.session_state["county"] = st.session_state["_cp_present_county"]


def page_header(title: str, caption: str | None = None) -> None:
    """Title, and in presentation mode the only controls left on screen: the county (changed
    without leaving the slides), 轮播, colours, exit."""
    sel = selection()
    if sel["present"]:
        left, county_col, auto_col, right1, right2 = st.columns([5.2, 1.8, 1.5, 1.1, 1.1], vertical_alignment="center")
        left.title(md(title))
        counties = st.session_state.get("_cp_counties") or []
        if sel["county"] in counties:
            st.session_state["_cp_present_county"] = sel["county"]
            county_col.selectbox("县", counties, key="_cp_present_county", on_change=_present_county_changed, label_visibility="collapsed", placeholder="请选择")
        if st.session_state.get("auto") not in AUTO_CHOICES:
            st.session_state["auto"] = 0
        auto_col.selectbox("轮播", list(AUTO_CHOICES), key="auto", format_func=AUTO_CHOICES.get, label_visibility="collapsed", placeholder="请选择")
        right1.button("☾ 深色" if sel["theme"] == "light" else "☀ 浅色", on_click=_flip_theme, key="_cp_theme_btn", width="stretch")
        right2.button("✕ 退出演示", on_click=_exit_presentation, key="_cp_exit_btn", width="stretch")
    else:
        st.title(md(title))
        if caption:
            st.caption(caption)
    show_notices()


def slide_nav(options: list, state_key: str, format_func=str) -> int:
    """Previous / next through the current selection (presentation mode). Returns the index.

    The slide number lives in the URL (``slide=3``); →/←/PageDown/PageUp/Space and a clicker
    press the buttons (``keyboard_nav``), and 轮播 presses 下一个 every few seconds.
    """
    if not options:
        return 0
    wanted = st.session_state.pop("_cp_slide_wanted", None)
    if isinstance(wanted, int) and 1 <= wanted <= len(options):
        st.session_state[state_key] = options[wanted - 1]
    current = st.session_state.get(state_key)
    index = options.index(current) if current in options else 0

    def step(delta: int) -> None:
        st.session_state[state_key] = options[(index + delta) % len(options)]
        st.session_state["_cp_slide_n"] = (index + delta) % len(options) + 1

    prev_col, label_col, next_col = st.columns([1.2, 6, 1.2], vertical_alignment="center")
    prev_col.button("◀ 上一个", on_click=step, args=(-1,), key=f"cp_prev_{state_key}", width="stretch", disabled=len(options) < 2)
    with label_col:
        st.html(f"<div class='cp-slide-label'><b>{html.escape(str(format_func(options[index])))}</b>　（{index + 1} / {len(options)}）</div>")
    next_col.button("下一个 ▶", on_click=step, args=(1,), key=f"cp_next_{state_key}", width="stretch", disabled=len(options) < 2)
    if st.session_state.get(state_key) != options[index]:
        st.session_state[state_key] = options[index]
    if st.session_state.get("_cp_slide_n") != index + 1:
        st.session_state["_cp_slide_n"] = index + 1
        st.query_params["slide"] = str(index + 1)
    keyboard_nav(f"cp_prev_{state_key}", f"cp_next_{state_key}", int(st.session_state.get("auto") or 0))
    return index


def print_link() -> None:
    """A link to the whole deck laid out for printing (存为 PDF)."""
    params = {k: st.query_params[k] for k in st.query_params if k not in ("slide", "auto")}
    params.update({"mode": "present", "print": "all"})
    st.html(f"<p class='cp-print-controls'><a href='?{html.escape(urlencode(params), quote=True)}' target='_self'>导出全部幻灯片（PDF）</a></p>")


def print_button() -> None:
    st.html(f"<style>{PRINT_CSS}</style>")
    st.html("<p class='cp-print-controls'>全部幻灯片，每页一张。用浏览器的“打印”（Ctrl+P）选择“另存为 PDF”。</p>")


def keyboard_nav(prev_key: str, next_key: str, auto_seconds: int = 0) -> None:
    """Keys and clickers (which send PageDown/PageUp) turn the slides; a tiny inline script,
    nothing fetched, run in the page itself (``st.html``; ``components.v1.html`` is deprecated).
    It presses the page's own 上一个 / 下一个 buttons."""
    import json

    script = KEYS_JS.replace("PREV", json.dumps(prev_key)).replace("NEXT", json.dumps(next_key)).replace("AUTO", str(int(auto_seconds)))
    st.html(script, unsafe_allow_javascript=True)
