"""数据: upload reports and rebuild (one button, progress by stage), counts and coverage, rejected
files with what to do, the document list, corrections, downloads. Presented, one slide: the
counts and a few counties' coverage a page."""

import streamlit as st

from dashboard import auth, components, conflicts, corrections_panel, data, doc_review, intake, queries, slogan_review, view_data
from dashboard.queries import listing
from pipeline import contracts

DOCUMENTS_PAGE = 50  # documents a page of the list

sel = components.selection()
components.page_header("数据", "上传报告文件、重新构建、查看文档状态、更正数值、下载表格。")
if sel["present"]:
    # A slide says what the corpus holds; uploading, reviewing and correcting are desk work.
    manifest = data.load_manifest()
    if manifest is None:
        components.no_data()
        st.stop()
    components.corpus_overview(data.load_table("documents"), view_data.count_facts(), page_size=components.COVERAGE_SLIDE)
    st.caption(components.build_caption(manifest))
    st.stop()
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
components.corpus_overview(documents, view_data.count_facts())
st.subheader("文档清单")
statuses = {"all": "全部", **queries.DOC_STATUS_LABELS}
left, right = st.columns([2, 3])
status = left.radio("状态", list(statuses), key="data_status", horizontal=True, format_func=statuses.get)
search = right.text_input("搜索文件名、县或标题", key="data_doc_search", placeholder="例如 2023 或 浚县")
# One page at a time, cut in the engine: at 10,000 reports the whole list is 10,000 rows.
wanted = {"status": None if status == "all" else status, "search": search}
offset, size = components.pager(listing.document_count(data.query, **wanted), "data_doc_page", DOCUMENTS_PAGE)
shown = listing.document_page(data.query, **wanted, offset=offset, limit=size)
if shown.empty:
    components.empty_state(f"没有状态为“{statuses[status]}”{'、包含“' + search.strip() + '”' if search and search.strip() else ''}的文档。")
else:
    components.table(queries.documents_view(shown), key="data_docs")
conflicts.panel(admin)
doc_review.render(admin)

slogan_review.render(admin)  # 提法归类: kinds of quoted phrases, and their corrections

# --- Corrections ---------------------------------------------------------------------------
corrections_panel.render(sel)  # the record, correct or hide a value, add a missing one

# --- Downloads -----------------------------------------------------------------------------
st.subheader("下载表格")
names = [n for n in contracts.CONTRACTS if n not in ("texts", "term_idf")]  # term_idf: what tfidf is read with
name = st.selectbox("表格", names, key="data_table", format_func=lambda n: queries.TABLE_LABELS.get(n, n), placeholder="请选择")
rows = view_data.count_facts() if name == "indicators" else data.count_rows(name)
st.caption(f"共 {rows} 行（整张表，不受上面筛选和分页影响）；每行都带来源文件列，数值经过人工更正的在“更正”列注明。")
# The table is read, whole, only when a download button is pressed.
components.download_buttons(name, lambda: queries.export_frame(name, data.load_indicators() if name == "indicators" else data.read_whole(name), documents),
                            key=f"dl_{name}")
