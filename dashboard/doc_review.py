"""数据 page: documents whose county or year is unknown (待补充), and a form to set them.

The choice is a reviewed correction: it is appended to data/reference/document_reviews.csv
(``pipeline.identify.review``) and applied on every later build, so it survives rebuilds.
The page only lists and records; the build applies.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pandas as pd
import streamlit as st

from dashboard import auth, components, data
from dashboard.queries import listing
from pipeline import doc_kinds
from pipeline.identify import review

KEEP = ""


def pending(documents: pd.DataFrame) -> pd.DataFrame:
    """Accepted documents still lacking a county or a year."""
    ok = documents[documents["status"] == "ok"]
    return ok[ok["county"].isna() | ok["report_year"].isna()].sort_values("source_file")


PENDING_PAGE = 20  # documents a page of the list (and of the form's choices)


def render(admin: bool) -> None:
    """List documents lacking county or year, a page at a time; an unlocked admin may set them."""
    total = listing.document_count(data.query, pending=True)
    st.subheader(f"待补充（{total}）")
    if not total:
        st.caption("所有文档都已识别出县和年份。")
        return
    st.caption("这些文档没能从标题、会议行、正文、页面信息或文件名中认出县或年份。"
               "填写后写入 data/reference/document_reviews.csv，重新构建后生效，之后每次构建都会保留。")
    offset, size = components.pager(total, "doc_review_page", PENDING_PAGE, unit="份")
    todo = listing.document_page(data.query, pending=True, offset=offset, limit=size)
    components.table(_view(todo), key="doc_review_list")
    labels = {row.doc_id: f"{row.source_file}（{row.title if isinstance(row.title, str) and row.title else '无标题'}）" for row in todo.itertuples()}
    with st.form("doc_review", clear_on_submit=True):
        doc_id = st.selectbox("文档（上面这一页的）", list(labels), format_func=labels.get, key="doc_review_doc", placeholder="请选择")
        a, b, c = st.columns(3)
        county = a.text_input("县（区、市、旗）", placeholder="例如 霸州市")
        year = b.text_input("报告年份", placeholder="例如 2022")
        kind = c.selectbox("文档类型", [KEEP, *doc_kinds.DOC_KINDS], format_func=lambda k: k or "不改", placeholder="请选择")
        note = st.text_input("依据", placeholder="例如：文件夹名、原网页标题")
        author = st.text_input("填写人")
        if st.form_submit_button("保存", disabled=not admin) and auth.is_unlocked():
            _save({"doc_id": doc_id, "county": county, "report_year": year, "doc_type": kind, "note": note,
                   "author": author, "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds")})


def _view(todo: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "文件": todo["source_file"], "标题": todo["title"],
        "县": todo["county"].fillna("待补充"),
        "年份": todo["report_year"].map(lambda y: "待补充" if pd.isna(y) else str(int(y))),
        "类型": todo["doc_type"],
    })


def _save(record: dict) -> None:
    try:
        review.append_review(record)
    except review.ReviewError as exc:
        st.error(f"没有保存：{exc}")
        return
    st.success("已记录（写入 data/reference/document_reviews.csv）；点击上面的“重新构建”后生效。")
