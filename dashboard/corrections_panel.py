"""数据 page: the corrections made so far, correcting or hiding a value, adding a missing one.

Saving goes through ``components.save_correction`` (admin password, one atomic append to
``data/reference/corrections.csv``); the build and the app apply them (``pipeline.corrections``).
"""

from __future__ import annotations

from datetime import datetime, timezone

import pandas as pd
import streamlit as st

from dashboard import components, data, queries, view_data
from dashboard.safe_text import md


def render(sel: dict) -> None:
    st.subheader("更正记录")
    recorded = data.load_corrections()
    # Checking them applies every correction to every fact: only worth it when there are some.
    for problem in (data.correction_problems() if not recorded.empty else []):
        st.warning(md(problem))
    if recorded.empty:
        st.caption("还没有更正。在“目标与实绩”页点击图中的点可更正或隐藏一个数值；在下面可补录报告里漏提取的数值。")
    else:
        components.table(queries.corrections_view(recorded), key="data_corrections")

    with st.expander("更正或隐藏一个数值（按侧栏的县、年份、指标筛选）"):
        # Only the sidebar's county, year and indicator are read (in the engine), sentences included.
        matched = view_data.matching_facts(county=sel["county"], indicator=sel["indicator"], period=sel["year"])
        facts = queries.facts_for_correction(matched, sel["county"], sel["year"], sel["indicator"])
        if facts.empty:
            st.caption("侧栏所选的县、年份、指标没有数值；换一个筛选条件试试。")
        else:
            labels = {row["fact_id"]: queries.fact_label(row) for _, row in facts.iterrows()}
            fact_id = st.selectbox("数值", list(labels), key="data_fact", format_func=labels.get, placeholder="请选择")
            fact = facts[facts["fact_id"] == fact_id].iloc[0]
            components.provenance(
                f"{int(fact['period'])}年{queries.label(queries.KIND_LABELS, fact['kind'])}",
                queries.format_value(fact["value"], fact["unit"], fact["masked"], qualifier=fact["qualifier"]),
                fact["sentence"], fact["source_file"], fact["corrected"],
            )
            components.correction_form(fact, key="data")

    with st.expander("补录一个漏提取的数值"):
        # The sidebar county's documents first, any other by search (outside the form: a form
        # reruns only when saved): a list of 10,000 is no choice.
        doc_id = components.document_picker("add_fact_doc", "所属文档", sel["county"])
        if doc_id is None:
            st.caption("没有符合条件的已入库文档。")
        else:
            with st.form("add_fact", clear_on_submit=True):
                a, b, c = st.columns(3)
                indicator = a.text_input("指标", placeholder="例如 地区生产总值")
                measure = b.selectbox("口径", list(queries.MEASURE_LABELS), format_func=queries.MEASURE_LABELS.get, placeholder="请选择")
                kind = c.selectbox("类别", list(queries.KIND_LABELS), format_func=queries.KIND_LABELS.get, placeholder="请选择")
                d, e, f = st.columns(3)
                period = d.number_input("所属年份", min_value=1990, max_value=2100, value=int(sel["year"] or 2021), step=1)
                value = e.text_input("数值", placeholder="例如 6.5")
                unit = f.text_input("单位", placeholder="% / 亿元 / 元")
                note = st.text_input("原文句子或依据")
                author = st.text_input("补录人")
                if st.form_submit_button("保存补录"):
                    components.save_correction(
                        {
                            "action": "add", "doc_id": doc_id, "indicator": indicator, "measure": measure, "kind": kind,
                            "period": int(period), "scope": "annual", "value": value, "unit": unit, "qualifier": "exact",
                            "note": note, "author": author, "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                        }
                    )
