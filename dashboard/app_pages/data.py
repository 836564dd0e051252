"""数据: upload reports, rebuild with progress, counts and coverage, the document list, corrections, downloads."""

from datetime import datetime, timezone

import pandas as pd
import streamlit as st

from dashboard import auth, components, conflicts, data, doc_review, queries, rebuild, slogan_review, uploads
from dashboard.safe_text import md
from pipeline import contracts, settings

sel = components.selection()
components.page_header("数据", "上传报告文件、重新构建、查看文档状态、更正数值、下载表格。")
admin = auth.login_panel()  # uploading, rebuilding and corrections need the admin password

# --- Upload --------------------------------------------------------------------------------
st.subheader("上传报告")
accepted = [s.lstrip(".") for s in settings.ACCEPTED_SUFFIXES]
generation = st.session_state.setdefault("_up_generation", 0)
c1, c2 = st.columns(2)
files = c1.file_uploader("选择文件（可多选）", type=accepted, accept_multiple_files=True, key=f"up_files_{generation}", disabled=not admin)
folder = c2.file_uploader("或选择整个文件夹", type=accepted, accept_multiple_files="directory", key=f"up_dir_{generation}", disabled=not admin)
st.caption(f"支持 {'、'.join(settings.ACCEPTED_SUFFIXES)}，单个文件不超过 {settings.MAX_INPUT_BYTES // (1024 * 1024)} MB。文件原样保存在原始数据目录的 uploads/ 下；同名但内容不同的文件会自动改名，不会覆盖。")
chosen = list(files or []) + list(folder or [])
if st.button(f"保存 {len(chosen)} 个文件", disabled=not (chosen and admin), type="primary", key="up_save") and auth.is_unlocked():
    results = [uploads.store_upload(f.name, f.getvalue()) for f in chosen]
    st.session_state["_up_results"] = pd.DataFrame(
        {
            "文件": [r.name for r in results],
            "结果": [uploads.STATUS_LABELS[r.status] for r in results],
            "保存为": [r.path.name if r.path else "" for r in results],
            "原因": [r.reason for r in results],
        }
    )
    st.session_state["_up_generation"] = generation + 1
    st.rerun()
if "_up_results" in st.session_state:
    components.table(st.session_state["_up_results"], key="up_results")
    st.caption("保存后请点击下面的“重新构建”，新文件才会进入各页面。")

# --- Rebuild -------------------------------------------------------------------------------
st.subheader("重新构建")
if data.build_function() is None:
    components.empty_state("构建模块尚未就绪（pipeline.build 还没有合入），暂时不能在这里重新构建；合入后此处会出现“重新构建”按钮。")
else:
    rebuild.panel(admin)  # the build runs in a separate process, never inside this server

manifest = data.load_manifest()
st.caption(components.build_caption(manifest))
if manifest is None:
    components.no_data()
    st.stop()

# --- Documents -----------------------------------------------------------------------------
documents = data.load_table("documents")
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
