"""Corpus widgets: the 数据 page's counters and coverage, the word cloud, keyword in context."""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from dashboard import data, queries
from dashboard.components.tables import empty_state, html_table, pager
from dashboard.queries import listing
from dashboard.safe_text import md

COVERAGE_PAGE = 25  # counties a page of the coverage on the page
COVERAGE_SLIDE = 6  # and on a slide, in its large type under the counters: one screen
PICKER_SHOWN = 50  # documents a document picker lists; typing narrows the rest


def document_picker(key: str, label: str, county: str | None = None, year: int | None = None) -> str | None:
    """Choose one accepted document of the whole corpus without listing it: the county's (and the
    year's) documents first; typing part of a file name, county or title searches them all. The
    engine filters, counts and cuts (``listing``): at 10,000 reports a select of every document is
    no choice. Returns the chosen doc_id (None when nothing matches)."""
    search = st.text_input("搜索文档：文件名、县或标题", key=f"{key}_search", placeholder="例如 浚县 或 2023")
    typed = search.strip() if search else ""
    if typed:
        wanted, scope = {"search": typed}, f"包含“{typed}”的文档"
    else:
        wanted = {"county": county, "year": year}
        scope = f"{county or ''}{f'{year}年' if year is not None else ''}的文档" if (county or year is not None) else "全部文档"
    total = listing.document_count(data.query, status="ok", **wanted)
    if not total and not typed and (county or year is not None):
        wanted, scope = {}, f"{county or '所选县'}{f'{year}年' if year is not None else ''}没有已入库的文档；全部文档"
        total = listing.document_count(data.query, status="ok")
    docs = queries.document_options(listing.document_page(data.query, status="ok", **wanted, limit=PICKER_SHOWN))
    more = f"，列出前 {PICKER_SHOWN} 篇，输入更多文字可缩小范围" if total > PICKER_SHOWN else ""
    st.caption(md(f"{scope}：共 {total} 篇{more}。" + ("" if typed else "输入文字可搜索其他县、其他年份的文档。")))
    if not docs:
        return None
    # One widget per list: the browser keeps showing a keyed select's old choice when only its
    # options change, so each search (or county and year) gets a select of its own.
    scope_key = f"{key}:{'|'.join(f'{k}={v}' for k, v in sorted(wanted.items()))}"
    return st.selectbox(label, list(docs), key=scope_key, format_func=docs.get, placeholder="请选择")


def corpus_overview(documents: pd.DataFrame, n_facts: int, page_size: int = COVERAGE_PAGE) -> None:
    """The pipeline's counters and the county × year coverage (every year a column, 缺 where none),
    ``page_size`` counties at a time (at 10,000 reports there are thousands), filtered by name."""
    st.subheader("入库概况")
    counts = queries.document_counts(documents)
    c1, c2, c3, c4 = st.columns(4)
    c1.metric("已入库文档", counts["ok"])
    c2.metric("已拒收", counts["rejected"])
    c3.metric("重复文件", counts["duplicate"])
    c4.metric("提取的数值", n_facts)
    st.markdown("**文档覆盖：县 × 年份**（格子里是入库文档数；“缺”表示该县该年没有文档）")
    search = st.text_input("按县名筛选", key="data_cov_search", placeholder="输入县名的一部分，例如 浚县")
    groups, counties = listing.coverage_counties(data.query, search)
    offset, size = pager(len(counties), "data_cov_page", page_size, unit="个县")
    coverage = listing.coverage_page(groups, counties[offset:offset + size])
    if coverage.empty:
        empty_state(f"没有县名包含“{search.strip()}”的入库文档。" if search and search.strip() else "还没有入库的文档。")
    else:
        html_table(coverage)


def cloud(freq: pd.DataFrame, *, present: bool, theme: str, build_id: str) -> None:
    # Document-weighted slogans draw by their weight (see queries.term_frequencies).
    sizes = freq["weight"] if "weight" in freq.columns else freq["count"]
    pairs = tuple((str(t), float(c)) for t, c in zip(freq["term"], sizes))
    if not pairs:
        empty_state("这里没有可以画成词云的词语。")
        return
    try:
        png = data.render_cloud(pairs, "projector" if present else "page", theme, build_id)
    except Exception as exc:  # noqa: BLE001 - a broken cloud must not take the page down
        empty_state(f"词云没有画出来（{type(exc).__name__}），请看旁边的高频词条形图。")
        return
    if png is None:
        empty_state("词云模块尚未就绪（构建流程中的词云步骤还没有合入），请先看旁边的高频词条形图。")
        return
    if present:
        # A 16:9 projector cloud that fits under the title and the slide buttons.
        _, middle, _ = st.columns([1, 10, 1])
        middle.image(png, width=1240)  # 698 px high: the choices above it may take two lines
    else:
        st.image(png, width="stretch")


def kwic_list(rows: pd.DataFrame, max_rows: int = 30, total: int | None = None) -> None:
    """The first ``max_rows`` sentences; ``total``: how many there are (default: len(rows))."""
    total = len(rows) if total is None else total
    for row in rows.head(max_rows).itertuples():
        year = "" if pd.isna(row.年份) else f"{int(row.年份)}年"
        st.html(f"<div class='cp-kwic'>{row.html}<br><span class='cp-src'>{html.escape(row.县)} {year} · 来源文件：{html.escape(str(row.来源文件))}</span></div>")
    if total > max_rows:
        st.caption(f"仅显示前 {max_rows} 句，共 {total} 句。")
