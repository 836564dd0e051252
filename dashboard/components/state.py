"""URL ⇄ session state: the selections every page shares, restored from and mirrored to the URL."""

from __future__ import annotations

import streamlit as st

from dashboard.safe_text import md

GLOBAL_KEYS = ("county", "year", "indicator")
# Page controls kept in the URL too, so a link restores the view: URL name → widget key (type).


PAGE_CONTROLS = {
    "compare": {"measure": ("cmp_measure", str), "kind": ("cmp_kind", str), "peers": ("cmp_peers_level", str), "sort": ("cmp_sort", str)},
    "targets": {"hits": ("tg_hit_scope", str)},
    "vocabulary": {"source": ("voc_source", str), "scope": ("voc_scope", str), "top": ("voc_top", int), "term": ("voc_term", str),
                   "cmp": ("voc_cmp_mode", str)},
}


def init_from_url() -> None:
    """Once per session, restore page selections and mode from the URL."""
    if st.session_state.get("_cp_url_read"):
        return
    params = st.query_params
    requested = {}
    for key in GLOBAL_KEYS:
        if key in params:
            value = params[key]
            requested[key] = value
            if key == "year":
                try:
                    value = int(value)
                except ValueError:
                    continue
            st.session_state[key] = value
    for controls in PAGE_CONTROLS.values():
        for name, (key, kind) in controls.items():
            if name in params:
                try:
                    st.session_state[key] = kind(params[name])
                except ValueError:
                    pass
    if "indicator" in params and "measure" in params:
        # A link to one indicator's timeline (the cockpit's scorecard makes these).
        st.session_state["tg_pair"] = f"{params['indicator']}|{params['measure']}"
        st.session_state["_tg_followed"] = params["indicator"]
    st.session_state["_cp_requested"] = requested
    st.session_state["present"] = params.get("mode") == "present"
    st.session_state["theme"] = "dark" if params.get("theme") == "dark" else "light"
    st.session_state["large"] = params.get("text") == "large"
    st.session_state["_cp_print"] = params.get("print") == "all" and params.get("mode") == "present"
    if params.get("slide", "").isdigit():
        st.session_state["_cp_slide_wanted"] = int(params["slide"])
    if params.get("auto", "").isdigit():
        st.session_state["auto"] = int(params["auto"])
    st.session_state["_cp_url_read"] = True


def write_url(page: str) -> None:
    """Mirror the current view into the URL so it can be shared or bookmarked."""
    wanted = {"page": page}
    for key in GLOBAL_KEYS:
        value = st.session_state.get(key)
        if value is not None:
            wanted[key] = str(value)
    if st.session_state.get("present"):
        wanted["mode"] = "present"
        if st.session_state.get("_cp_slide_n"):
            wanted["slide"] = str(st.session_state["_cp_slide_n"])
        if st.session_state.get("auto"):
            wanted["auto"] = str(st.session_state["auto"])
        if st.session_state.get("_cp_print"):
            wanted["print"] = "all"
    if st.session_state.get("theme") == "dark":
        wanted["theme"] = "dark"
    if st.session_state.get("large"):
        wanted["text"] = "large"
    for name, (key, _) in PAGE_CONTROLS.get(page, {}).items():
        if st.session_state.get(key) is not None:
            wanted[name] = str(st.session_state[key])
    if page == "targets" and isinstance(st.session_state.get("tg_pair"), str) and "|" in st.session_state["tg_pair"]:
        wanted["measure"] = st.session_state["tg_pair"].split("|", 1)[1]
    current = {k: st.query_params[k] for k in st.query_params}
    if current != wanted:
        st.query_params.from_dict(wanted)


def selection() -> dict:
    return {
        "county": st.session_state.get("county"),
        "year": st.session_state.get("year"),
        "indicator": st.session_state.get("indicator"),
        "present": bool(st.session_state.get("present")),
        "theme": st.session_state.get("theme", "light"),
        "large": bool(st.session_state.get("large")),
    }


def _select(key: str, label: str, options: list, default=None, **kwargs) -> None:
    if not options:
        st.session_state[key] = None
        st.selectbox(label, ["（暂无）"], disabled=True, key=f"_{key}_empty", placeholder="请选择")
        return
    if st.session_state.get(key) not in options:
        st.session_state[key] = default if default in options else options[0]
    st.selectbox(label, options, key=key, **kwargs, placeholder="请选择")


def global_filters(counties: list[str], default_county: str | None, years: list[int], indicators: list[str], default_year: int | None) -> None:
    """The sidebar selections every page shares (kept in the URL)."""
    st.session_state["_cp_counties"] = counties
    with st.sidebar:
        st.markdown("### 全局筛选")
        _select("county", "县", counties, default=default_county)
        _select("year", "年份", years, default=default_year, format_func=lambda y: f"{y}年")
        _select("indicator", "指标", indicators)
        st.divider()
        st.toggle("演示模式（投影）", key="present", help="隐藏侧栏和菜单，一屏一图，大字号；网址加 ?mode=present 也可进入")
        st.toggle("大字号", key="large", help="页面和图表文字放大约两成，适合在会议室里看；网址加 ?text=large 也可")
        st.radio("配色", ["light", "dark"], key="theme", horizontal=True, format_func=lambda t: {"light": "浅色", "dark": "深色"}[t])
    unknown_link_notice({"county": counties, "year": years, "indicator": indicators})


def unknown_link_notice(options: dict[str, list]) -> None:
    """A link that names a county, year or indicator the data does not have says so (once)."""
    requested = st.session_state.pop("_cp_requested", None) or {}
    words = {"county": "县", "year": "年份", "indicator": "指标"}
    for key, value in requested.items():
        known = {str(o) for o in options.get(key, [])}
        if str(value) not in known:
            shown = st.session_state.get(key)
            st.session_state.setdefault("_cp_notices", []).append(
                f"链接里的{words[key]}“{value}”在当前数据中没有，已改为显示“{shown if shown is not None else '（无）'}”。"
            )


def show_notices() -> None:
    for notice in st.session_state.pop("_cp_notices", []):
        st.warning(md(notice), icon="⚠️")
