"""Charts and downloads: plotly with the project's config and the chart's sentence, CSV and Excel that Excel opens in Chinese and never evaluates."""

from __future__ import annotations

import io

import pandas as pd
import streamlit as st

from dashboard import charts, data, queries
from dashboard.components.state import selection
from dashboard.safe_text import neutralise_formulas

def plot(fig, key: str, select: bool = False, *, message: str | None = None, name: str | None = None, frame: pd.DataFrame | None = None):
    """A plotly chart with the project's config (zh-CN toolbar, PNG export 1920×1080, no logo, no MathJax).

    ``message`` is the chart's sentence (its subtitle); the PNG export carries it with the
    source and the build date, under the file name ``name``; ``frame`` is offered as CSV.
    """
    sel = selection()
    if message is not None:
        charts.with_message(fig, message, source_stamp(), theme=sel["theme"], canvas=sel["present"])
    if sel["large"] and not sel["present"]:
        charts.resize_text(fig, charts.LARGE_SIZE)
    config = charts.plotly_config(name)
    event = st.plotly_chart(
        fig, theme=None, key=key, config=config,
        on_select="rerun" if select else "ignore", selection_mode="points",
    )
    if frame is not None and not sel["present"] and not frame.empty:
        csv_download(frame, name or "图表数据", key=f"{key}_csv")
    return event


def source_stamp() -> str:
    manifest = data.load_manifest() or {}
    return f"来源：县情看板（各县政府工作报告等）· 数据构建于 {queries.beijing_time(manifest.get('built_at'))}"


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV that Excel opens in Chinese (BOM) and never evaluates (formulas defused), 是/否 for flags."""
    return neutralise_formulas(queries.export_ready(frame)).to_csv(index=False).encode("utf-8-sig")


def csv_download(frame: pd.DataFrame, name: str, key: str) -> None:
    st.download_button("下载本图数据（CSV）", csv_bytes(frame), file_name=f"{name}.csv", mime="text/csv", key=key, on_click="ignore")


def excel_bytes(frame: pd.DataFrame, sheet: str) -> bytes:
    """An .xlsx whose text cells are text: a cell starting with = + - @ gets a leading apostrophe."""
    safe = neutralise_formulas(queries.export_ready(frame))
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        safe.astype(object).where(safe.notna(), None).to_excel(writer, index=False, sheet_name=sheet[:31])
    return buffer.getvalue()


def download_buttons(name: str, frame, key: str) -> None:
    """CSV and Excel of a whole table. ``frame`` may be a function giving it: then the table is
    read and the file made only when a button is pressed (an .xlsx of 10,000 documents takes
    half a minute, and a page must not pay that to be drawn)."""
    label = queries.TABLE_LABELS.get(name, name)
    made = frame if callable(frame) else (lambda: frame)
    c1, c2 = st.columns(2)
    c1.download_button(f"下载 {label}（CSV）", lambda: csv_bytes(made()), file_name=f"{label}.csv", mime="text/csv", key=f"{key}_csv", on_click="ignore")
    c2.download_button(f"下载 {label}（Excel）", lambda: excel_bytes(made(), label), file_name=f"{label}.xlsx", mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key=f"{key}_xlsx", on_click="ignore")
