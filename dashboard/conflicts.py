"""数据 page: documents that compete for one county and year, and the choice between them."""

from __future__ import annotations

from datetime import datetime, timezone

import streamlit as st

from dashboard import components, data


def panel(admin: bool) -> None:
    """List every conflict; with the admin password, let a person choose the document to use.

    The choice is a reviewed ``choose`` correction (pipeline/corrections.py): it survives
    rebuilds, and the pairing on every page follows it at once.
    """
    found = data.load_conflicts()
    if not found:
        return
    st.subheader("同一县同一年份的多份同类文档")
    st.caption("这些文档县、年份、类型相同但内容不同；目标与实绩只采用其中一份。请确认采用哪一份。")
    for i, conflict in enumerate(found):
        st.warning(conflict.describe())
        if not admin:
            continue
        labels = dict(zip(conflict.doc_ids, conflict.files))
        with st.form(f"choose_{i}"):
            doc_id = st.radio("采用", list(labels), index=list(labels).index(conflict.used),
                              format_func=labels.get, key=f"choose_doc_{i}")
            author = st.text_input("选择人", key=f"choose_author_{i}")
            if st.form_submit_button("采用所选文档"):
                components.save_correction({
                    "action": "choose", "doc_id": doc_id, "note": f"{conflict.county}{conflict.report_year}年采用 {labels[doc_id]}",
                    "author": author, "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                })
