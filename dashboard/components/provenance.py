"""Where a number came from, and the form that corrects or hides it (behind the admin password)."""

from __future__ import annotations

import html
from datetime import datetime, timezone

import pandas as pd
import streamlit as st

from dashboard import auth, data, queries
from dashboard.safe_text import md
from pipeline import corrections

def provenance(title: str, value: str, sentence, source_file, corrected=None) -> None:
    """Where a number came from: its sentence and file."""
    badge = f" <span class='cp-badge'>{html.escape(queries.label(queries.CORRECTED_LABELS, corrected))}</span>" if corrected is not None and not pd.isna(corrected) else ""
    sentence = "（无原句）" if sentence is None or pd.isna(sentence) else str(sentence)
    source = "（未知文件）" if source_file is None or pd.isna(source_file) else str(source_file)
    st.html(
        f"<div class='cp-kwic'><b>{html.escape(title)}：{html.escape(value)}</b>{badge}<br>{html.escape(sentence)}"
        f"<br><span class='cp-src'>来源文件：{html.escape(source)}</span></div>"
    )


def correction_form(fact: pd.Series, key: str) -> None:
    """Correct or hide one fact; the record goes to the reviewed corrections file."""
    with st.expander("发现数值有误？更正或隐藏这个数值"):
        with st.form(f"correct_{key}", clear_on_submit=True):
            action = st.radio("操作", ["correct", "hide"], horizontal=True, format_func=lambda a: {"correct": "更正数值", "hide": "隐藏（误提取）"}[a])
            c1, c2, c3 = st.columns(3)
            value = c1.text_input("正确数值", placeholder="例如 6.5")
            unit = c2.text_input("单位", value="" if pd.isna(fact["unit"]) else str(fact["unit"]))
            qualifier = c3.selectbox("限定", ["", *queries.QUALIFIER_LABELS], format_func=lambda q: queries.QUALIFIER_LABELS.get(q, "不改"), placeholder="请选择")
            note = st.text_input("说明（依据）", placeholder="例如：据统计公报更正")
            author = st.text_input("更正人")
            if st.form_submit_button("保存更正"):
                record = {
                    "action": action, "fact_id": fact["fact_id"], "doc_id": fact["doc_id"], "indicator": fact["indicator"],
                    "measure": fact["measure"], "kind": fact["kind"], "period": fact["period"], "scope": fact["scope"],
                    "value": value if action == "correct" else "", "unit": unit if action == "correct" else "",
                    "qualifier": qualifier if action == "correct" else "", "note": note, "author": author,
                    "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                }
                save_correction(record)


def save_correction(record: dict) -> bool:
    if not auth.is_unlocked():
        st.error(auth.NEEDS_LOGIN)
        return False
    try:
        n = corrections.append_correction(data.corrections_path(), record)
    except corrections.CorrectionError as exc:
        st.error(md(f"更正没有保存：{exc}"))
        return False
    st.success(f"已记录第 {n} 条更正（写入 data/reference/corrections.csv），已在页面生效；重新构建后也会保留。")
    return True
