"""政策热词: clouds and top terms, two counties or years compared, slogan trends, keyword in context."""

import streamlit as st

from dashboard import charts, components, data, queries
from dashboard.queries import engine
from dashboard.safe_text import md

sel = components.selection()
components.page_header("政策热词", "提法（如“六稳”“放管服”）和关键词：词云与高频词、两县或两年的差异、历年变化、原文语境。")
manifest = components.require_build()

# keywords and slogans grow with the corpus: the engine sums them (queries.engine), nothing loads them whole.
# Plan periods (“十四五”), honours and project names stay searchable below, not in clouds or trends.
documents = data.load_table("documents")
if not engine.has_terms(data.query):
    components.empty_state("还没有提取到提法或关键词。")
    st.stop()

SOURCES = {"slogans": "提法", "keywords": "关键词"}
KWIC_SHOWN = 30  # sentences drawn under the term; the caption counts them all
SCOPES = queries.SCOPE_LABELS_VOCAB
c1, c2, c3 = st.columns([1, 1.4, 1])
source = c1.radio("词语来源", list(SOURCES), key="voc_source", horizontal=True, format_func=SOURCES.get)
scope = c2.radio("范围", list(SCOPES), key="voc_scope", horizontal=True, format_func=SCOPES.get)
top = c3.number_input("显示前 N 个", min_value=5, max_value=50, value=20, step=5, key="voc_top")

county, year = sel["county"], sel["year"]
# The sidebar's county and year first, any document by search: never a list of every document.
doc_id = components.document_picker("voc_doc", "文档", county, year) if scope == "document" else None
freq = engine.term_frequencies(data.query, source, top=top, **queries.scope_filter(scope, county, year, doc_id))
where = {"corpus": "全部文档", "county": f"{county or '所选县'}（全部年份）", "county_year": f"{county or '所选县'} {year}年报告", "document": "所选文档"}[scope]
build_id = str(manifest["build_id"])


def show_cloud() -> None:
    components.cloud(freq, present=sel["present"], theme=sel["theme"], build_id=build_id)


def show_bar() -> None:
    components.plot(charts.top_terms_bar(freq, present=sel["present"], theme=sel["theme"], title=f"{where} · 高频{SOURCES[source]}"), key="voc_bar")


def show_trend() -> None:
    trend_county = county if scope in ("county", "county_year") else None
    options = engine.top_slogans(data.query, trend_county, top=30)
    if st.session_state.get("voc_trend_pick") is None or not set(st.session_state["voc_trend_pick"]) <= set(options):
        st.session_state["voc_trend_pick"] = options[:3]
    if not sel["present"]:
        st.multiselect("选择最多 3 个提法", options, key="voc_trend_pick", max_selections=3, placeholder="请选择")
    picked = st.session_state["voc_trend_pick"]
    rows = engine.slogan_rows(data.query, county=trend_county, slogans=list(picked)[:3])
    trend = queries.slogan_rate_trend(rows, documents, picked, trend_county)
    scope_name = f"{trend_county}" if trend_county else "全部县"
    components.plot(charts.slogan_trend(trend, present=sel["present"], theme=sel["theme"], title=f"提法的年度变化 · {scope_name}（每份报告出现次数）"),
                    key="voc_trend", name=charts.export_name(trend_county, "提法年度变化"), frame=trend)
    if not trend.empty and trend["per_report"].notna().sum() and trend.dropna(subset=["per_report"])["report_year"].nunique() < 2:
        st.caption("目前只有一个年份的报告，还看不出变化。")


if sel["present"]:
    views = {"cloud": "词云", "bar": "高频词", "trend": "提法年度变化"}
    if data.cloud_function() is None:
        views.pop("cloud")  # nothing to show until the clouds stage lands
    i = components.slide_nav(list(views), "_voc_slide", format_func=views.get)
    {"cloud": show_cloud, "bar": show_bar, "trend": show_trend}[list(views)[i]]()
    st.stop()

if freq.empty:
    hint = queries.report_years_hint(documents, county) if scope == "county_year" else ""
    components.empty_state(f"{where}没有{SOURCES[source]}。{hint}")
elif data.cloud_function() is None:
    components.empty_state("词云模块尚未就绪（构建流程中的词云步骤还没有合入），先用高频词条形图代替词云。")
    show_bar()
else:
    left, right = st.columns([1.3, 1])
    with left:
        st.markdown(f"**{md(where)} · {SOURCES[source]}词云**")
        show_cloud()
    with right:
        show_bar()

st.subheader("两县或两年对比")
mode = st.radio("对比方式", ["county", "year"], key="voc_cmp_mode", horizontal=True, format_func=lambda m: "两个县" if m == "county" else "两个年份")
field = "county" if mode == "county" else "report_year"
values = engine.comparison_values(data.query, source, field)
if len(values) < 2:
    components.empty_state("需要至少两个" + ("县" if mode == "county" else "年份") + "的文档才能对比。")
else:
    a_col, b_col = st.columns(2)
    fmt = (lambda v: f"{v}年") if mode == "year" else str
    start_a, start_b = queries.comparison_pair(values, county if mode == "county" else year)
    a = a_col.selectbox("甲", values, index=start_a, key=f"voc_a_{mode}", format_func=fmt, placeholder="请选择")
    b = b_col.selectbox("乙", values, index=start_b, key=f"voc_b_{mode}", format_func=fmt, placeholder="请选择")
    # Each side summed by term in the engine: (term, count) is all the comparison reads.
    rows_a, reports_a = engine.side_terms(data.query, source, field, a)
    rows_b, reports_b = engine.side_terms(data.query, source, field, b)
    compare = data.compare_function()
    terms = None
    if compare is not None:
        try:
            terms = compare(rows_a, rows_b, top=15)
        except Exception:  # noqa: BLE001 - fall back to the simple comparison below
            terms = None
    if terms is None:
        st.caption("区分度计算模块尚未就绪，暂用词频占比之差近似。")
        terms = queries.fallback_distinctive(
            queries.term_frequencies(rows_a, "term"), queries.term_frequencies(rows_b, "term"), top=12
        )
    terms = queries.per_report_rates(terms, reports_a, reports_b)
    components.plot(charts.distinctive_bar(terms, label_a=fmt(a), label_b=fmt(b), present=False, theme=sel["theme"], title=f"{fmt(a)} 与 {fmt(b)} 的特色{SOURCES[source]}"),
                    key="voc_distinct", frame=terms)

st.subheader("提法的年度变化")
show_trend()

st.subheader("词语语境")
terms_available = engine.term_options(data.query)
if not terms_available:
    components.empty_state("还没有语境索引。")
else:
    term = st.selectbox("选择一个词语，查看它出现的句子", terms_available, key="voc_term", placeholder="请选择")
    rows, total = engine.kwic(data.query, term, scope, county, year, doc_id, limit=KWIC_SHOWN)
    st.caption(md(f"“{term}”在{where}中出现在 {total} 个句子中（按页面上方的“范围”筛选）。"))
    # Only the sentences shown are read (the contexts rows point to them).
    components.kwic_list(queries.kwic_rows(data.load_sentences(rows), term), max_rows=KWIC_SHOWN, total=total)
