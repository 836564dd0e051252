"""数据: upload reports and rebuild (one button, progress by stage), counts and coverage, rejected
files with what to do, the document list, corrections, downloads."""

from datetime import datetime, timezone

import pandas as pd
import streamlit as st

from dashboard import auth, components, conflicts, data, doc_review, intake, queries, slogan_review
from dashboard.safe_text import md
from pipeline import contracts

sel = components.selection()
components.page_header("数据", "上传报告文件、重新构建、查看文档状态、更正数值、下载表格。")
admin = auth.login_panel()  # uploading, rebuilding and corrections need the admin password

# --- Upload and rebuild: one button ------------------------------------------------------
intake.render(admin, build_available=data.build_function() is not None)  # the build runs in a child process

manifest = data.load_manifest()
st.caption(components.build_caption(manifest))
if manifest is None:
    components.no_data()
    st.stop()

# --- Documents -----------------------------------------------------------------------------
documents = data.load_table("documents")
intake.rejected_section(documents)  # right under the button: what did not get in, and what to do
components.corpus_overview(documents, len(data.load_indicators()))
st.subheader("文档清单")
statuses = {"all": "全部", **queries.DOC_STATUS_LABELS}
status = st.radio("状态", list(statuses), key="data_status", horizontal=True, format_func=statuses.get)
shown = documents if status == "all" else documents[documents["status"] == status]
if shown.empty:
    components.empty_state(f"没有状态为“{statuses[status]}”的文档。")
else:
    components.table(queries.documents_view(shown), key="data_docs")
conflicts.panel(admin)
doc_review.render(documents, admin)

slogan_review.render(admin)  # 提法归类: kinds of quoted phrases, and their corrections

# --- Corrections ---------------------------------------------------------------------------
st.subheader("更正记录")
indicators = data.load_indicators()
recorded = data.load_corrections()
for problem in data.correction_problems():
    st.warning(md(problem))
if recorded.empty:
    st.caption("还没有更正。在“目标与实绩”页点击图中的点可更正或隐藏一个数值；在下面可补录报告里漏提取的数值。")
else:
    actions = {"correct": "更正", "hide": "隐藏", "add": "补录"}
    view = pd.DataFrame(
        {
            "序号": recorded["n"], "操作": recorded["action"].map(lambda a: actions.get(a, a)), "指标": recorded["indicator"],
            "年份": recorded["period"], "数值": recorded["value"], "单位": recorded["unit"], "说明": recorded["note"],
            "更正人": recorded["author"], "时间": recorded["created_at"].map(queries.beijing_time),
        }
    )
    components.table(view, key="data_corrections")

with st.expander("更正或隐藏一个数值（按侧栏的县、年份、指标筛选）"):
    facts = queries.facts_for_correction(indicators, sel["county"], sel["year"], sel["indicator"])
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
    docs = queries.document_options(documents)
    if not docs:
        st.caption("没有已入库的文档。")
    else:
        with st.form("add_fact", clear_on_submit=True):
            doc_id = st.selectbox("所属文档", list(docs), format_func=docs.get, placeholder="请选择")
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

# --- Downloads -----------------------------------------------------------------------------
st.subheader("下载表格")
names = [n for n in contracts.CONTRACTS if n != "texts"]
name = st.selectbox("表格", names, key="data_table", format_func=lambda n: queries.TABLE_LABELS.get(n, n), placeholder="请选择")
frame = indicators if name == "indicators" else data.load_table(name)
export = queries.export_frame(name, frame, documents)
st.caption(f"共 {len(export)} 行；每行都带来源文件列，数值经过人工更正的在“更正”列注明。")
components.download_buttons(name, export, key=f"dl_{name}")
