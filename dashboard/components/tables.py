"""Tables readable on a projector, empty states, the build caption."""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from dashboard import data, queries
from dashboard.components.navigation import page_icon
from dashboard.components.state import selection
from dashboard.safe_text import md

DATA_PAGE = "app_pages/data.py"


def html_table(frame: pd.DataFrame, max_rows: int | None = None, titles: pd.DataFrame | None = None, highlight: str | None = None) -> None:
    """A plain HTML table: follows the page's CSS, so it stays readable in dark and projector themes.

    ``titles`` (same shape) gives each cell a tooltip, e.g. the sentence and file a value came from.
    """
    shown = frame.head(max_rows) if max_rows else frame
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in shown.columns)
    rows = []
    for i, record in enumerate(shown.itertuples(index=False)):
        cells = []
        for j, value in enumerate(record):
            text = queries.MISSING if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)
            css = " class='cp-long'" if len(text) > 24 else ""
            tip = titles.iat[i, j] if titles is not None and i < len(titles) and j < titles.shape[1] else None
            if tip is not None and not (not isinstance(tip, str) and pd.isna(tip)) and tip:
                css += f" title='{html.escape(str(tip), quote=True)}'"
            cells.append(f"<td{css}>{html.escape(text)}</td>")
        focal = highlight is not None and len(record) and record[0] == highlight
        rows.append(("<tr class='cp-focal-row'>" if focal else "<tr>") + "".join(cells) + "</tr>")
    st.html(f"<div class='cp-table-wrap'><table class='cp-table'><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>")
    if max_rows and len(frame) > max_rows:
        st.caption(f"仅显示前 {max_rows} 行，共 {len(frame)} 行。")


def table(frame: pd.DataFrame, key: str | None = None, max_rows: int | None = None, **kwargs) -> None:
    """Interactive table on a page; plain high-contrast HTML on the projector or in dark mode."""
    sel = selection()
    if sel["present"] or sel["theme"] == "dark":
        html_table(frame, max_rows=max_rows or (12 if sel["present"] else None))
    else:
        st.dataframe(frame, hide_index=True, key=key, placeholder=queries.MISSING, **kwargs)


def empty_state(message: str) -> None:
    # Messages name counties, terms and files from documents: never read them as Markdown.
    st.info(md(message), icon="ℹ️")


def no_data() -> None:
    empty_state("还没有数据：尚未构建任何表格。请到“数据”页上传政府工作报告并点击“重新构建”，或在命令行运行构建后刷新本页。")
    try:
        st.page_link(DATA_PAGE, label="前往“数据”页", icon=page_icon("data"))  # the menu's icon: every glyph in Streamlit's own fonts
    except Exception:  # noqa: BLE001 - the link is a convenience; AppTest runs pages alone
        pass


def require_build() -> dict:
    """The current build's manifest; without a build, say so and stop the page."""
    manifest = data.load_manifest()
    if manifest is None:
        no_data()
        st.stop()
    return manifest


def build_caption(manifest: dict | None) -> str:
    if not manifest:
        return "尚未构建"
    when = queries.beijing_time(manifest.get("built_at", ""))
    seconds = manifest.get("seconds")
    took = f"，用时 {float(seconds):.1f} 秒" if isinstance(seconds, (int, float)) else ""
    return f"数据构建于 {when}{took}（构建编号 {str(manifest.get('build_id', ''))[:12]}）"


def page_span(total: int, page: int, size: int) -> tuple[int, int]:
    """The 1-based first and last row of page ``page`` (1-based) of ``total`` rows, ``size`` a page."""
    if not total:
        return 0, 0
    page = min(max(page, 1), -(-total // size))  # past the last page: the last page
    first = (page - 1) * size + 1
    return first, min(first + size - 1, total)


def pager(total: int, key: str, size: int, unit: str = "条") -> tuple[int, int]:
    """A long list's page picker and its count, "共 N 条，显示第 a–b 条": the rows to show as
    (offset, limit). A page beyond the list (filters narrowed it) falls back to the first."""
    pages = max(1, -(-total // size))
    if not isinstance(st.session_state.get(key), int) or not 1 <= st.session_state[key] <= pages:
        st.session_state[key] = 1
    left, right = st.columns([1, 3], vertical_alignment="bottom")
    page = left.number_input(f"页码（共 {pages} 页）", min_value=1, max_value=pages, step=1, key=key, disabled=pages == 1)
    first, last = page_span(total, int(page), size)
    right.html(f"<p class='cp-count-line'>共 {total} {unit}，显示第 {first}–{last} {unit}</p>" if total else
               f"<p class='cp-count-line'>共 0 {unit}</p>")
    return first - 1 if total else 0, size
