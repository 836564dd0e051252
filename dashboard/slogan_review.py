"""数据 page, 提法归类: how each quoted phrase was classified and why, and a form to correct a
kind. A correction goes to ``data/reference/slogan_corrections.tsv`` and wins at every build."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import auth, components, data
from dashboard.queries import engine
from pipeline.slogans import KINDS, append_correction

KIND_LABELS = {
    "slogan": "提法", "plan_period": "规划期", "honour": "荣誉称号", "project": "项目名称",
    "brand": "品牌产品", "other": "其他",
}
REVIEW_COLUMNS = ["短语", "归类", "归类依据", "文档数", "次数", "引号内次数"]


def phrases_for_review(slogans: pd.DataFrame) -> pd.DataFrame:
    """One row per phrase: its kind and reason, in how many documents, how often (quoted)."""
    if slogans.empty or "kind_basis" not in slogans.columns:
        return pd.DataFrame(columns=REVIEW_COLUMNS)
    grouped = slogans.groupby("slogan", sort=True)
    view = pd.DataFrame({
        "归类": grouped["kind"].first().map(lambda k: KIND_LABELS.get(k, k)),
        "归类依据": grouped["kind_basis"].first(),
        "文档数": grouped["doc_id"].nunique(),
        "次数": grouped["count"].sum(),
        "引号内次数": grouped["quoted_count"].sum(),
    }).reset_index().rename(columns={"slogan": "短语"})
    return view.sort_values(["文档数", "次数", "短语"], ascending=[False, False, True])[REVIEW_COLUMNS].reset_index(drop=True)


def review_view(kinds: pd.DataFrame) -> pd.DataFrame:
    """``phrases_for_review`` from the engine's sums per phrase (``queries.engine.phrase_kinds``):
    the slogans table is not loaded whole for it."""
    if kinds.empty:
        return pd.DataFrame(columns=REVIEW_COLUMNS)
    view = pd.DataFrame({
        "短语": kinds["slogan"], "归类": kinds["kind"].map(lambda k: KIND_LABELS.get(k, k), na_action="ignore"),
        "归类依据": kinds["kind_basis"], "文档数": kinds["documents"], "次数": kinds["count"], "引号内次数": kinds["quoted_count"],
    })
    return view[REVIEW_COLUMNS].reset_index(drop=True)


def render(admin: bool) -> None:
    st.subheader("提法归类")
    view = review_view(engine.phrase_kinds(data.query))
    if view.empty:
        st.caption("还没有提法。构建之后，这里列出每个引号内短语的归类（提法、规划期、荣誉称号、项目、品牌、其他）和依据。")
        return
    st.caption("每个短语的归类和依据；归类有误时在下面更正，更正写入 data/reference/slogan_corrections.tsv，每次重新构建都会采用。")
    components.table(view, key="data_slogan_kinds")
    with st.expander("更正一个短语的归类"):
        with st.form("slogan_kind", clear_on_submit=True):
            phrase = st.selectbox("短语", list(view["短语"]), placeholder="请选择")
            kind = st.selectbox("正确归类", list(KINDS), format_func=lambda k: KIND_LABELS.get(k, k), placeholder="请选择")
            family = st.text_input("归入提法类别（可不填）", placeholder="例如 六稳六保")
            note = st.text_input("说明（依据）")
            author = st.text_input("更正人")
            if st.form_submit_button("保存归类更正", disabled=not admin) and auth.is_unlocked():
                try:
                    append_correction(phrase, kind, family=family, note=note, author=author)
                except (ValueError, OSError) as exc:
                    st.error(f"更正没有保存：{exc}")
                else:
                    st.success(f"已记录：“{phrase}”归为{KIND_LABELS[kind]}。重新构建后生效，并一直保留。")
