"""县域对比: counties ranked for one indicator, a focal county against its peers, many indicators side by side."""

import streamlit as st

from dashboard import charts, components, data, queries, view_data
from dashboard.safe_text import md
from pipeline import settings

sel = components.selection()
components.page_header("县域对比", "选择指标、口径和年份：各县排名（虚线为中位数），所选县与其他县逐一比较，多指标对照。")
components.require_build()

indicator, year, focal = sel["indicator"], sel["year"], sel["county"]
indicators = view_data.compare_facts(indicator, year)  # the indicator's and the year's facts, filtered in the engine
documents = data.load_table("documents")
if indicators.empty or indicator is None or year is None:
    components.empty_state("还没有提取到任何指标数值，暂时无法比较。")
    st.stop()

measures = queries.measure_options(indicators, indicator) or ["level"]
if st.session_state.get("cmp_measure") not in measures:
    st.session_state["cmp_measure"] = "growth" if "growth" in measures else measures[0]
c1, c2, c3 = st.columns(3)
measure = c1.radio("口径", measures, key="cmp_measure", horizontal=True, format_func=lambda m: queries.label(queries.MEASURE_LABELS, m))
kind = c2.radio("类别", ["actual", "target"], key="cmp_kind", horizontal=True, format_func=lambda k: queries.KIND_LABELS[k])
level = c3.radio("比较范围", list(queries.PEER_LEVELS), key="cmp_peers_level", horizontal=True, format_func=queries.PEER_LEVELS.get)

group, peers = queries.peer_group(documents, focal, level)
if note := queries.peer_fallback_note(focal, level, group):
    st.caption(md(note))  # it names the county: escaped
rank = queries.with_peers(view_data.ranking(indicator, measure, year, kind), peers)  # every peer, ranked in the engine
rank = view_data.with_sentences(rank, indicators, indicator=indicator, measure=measure, kind=kind, period=year, scope="annual")
unit = next((u for u in rank["unit"].dropna()), "") if not rank.empty else ""
name = queries.measure_name(indicator, measure)
title = f"{year}年 {name}（{queries.KIND_LABELS[kind]}）· {group}"
message = queries.ranking_sentence(focal, year, indicator, measure, rank, queries.median_value(rank), unit, group)
bars = settings.RANKING_BARS_PRESENT if sel["present"] else settings.RANKING_BARS
shown, left_out, drawable = queries.ranking_shown(rank, focal, bars)  # thousands of bars are no chart
if drawable > bars:
    title += f"（前 {bars} 个县，共 {drawable} 个）"


def draw_ranking(key: str) -> None:
    fig = charts.ranking_bar(shown, focal=focal, median=queries.median_value(rank), indicator=indicator, unit=unit, present=sel["present"], theme=sel["theme"], title=title)
    components.plot(fig, key=key, message=message, name=charts.export_name(focal, year, name, "县域排名"), frame=queries.rank_frame(rank, indicator))


if sel["present"]:
    components.slide_nav(view_data.filter_options()["indicators"], "indicator")
    draw_ranking("cmp_rank_present")
    if left_out:
        st.caption(md(left_out))
    st.stop()

if rank["value"].notna().sum() == 0:
    components.empty_state(f"{year}年{group}没有县报告{name}（{queries.KIND_LABELS[kind]}）。换一个年份、口径、指标或比较范围试试。")
else:
    if int(rank["value"].notna().sum()) < 2:
        st.caption("目前只有一个县（或没有县）公布了具体数值，排名和中位数需要至少两个县。")
    draw_ranking("cmp_rank")
    if left_out:
        st.caption(md(left_out + "全部县见下方“逐一比较”表格。"))
    st.caption("深色为所选县，灰色为其他县；“已遮盖”表示原文数字被 X 或 * 替换，“未披露”表示报告提到了指标但没有数值，“无数据”表示没有这项数据，三者都不按 0 计算；带 * 的数值经过人工更正。")

    st.subheader(f"{md(focal or '所选县')}与其他县逐一比较")
    direction = "数值越高越好" if queries.higher_is_better(indicator) else "数值越低越好（如失业率）"
    st.caption(f"判断方向：{direction}。")
    components.table(queries.peer_table(rank, focal, indicator), key="cmp_peers")

st.subheader(f"多指标对照（{year}年，{queries.label(queries.MEASURE_LABELS, measure)}，{queries.KIND_LABELS[kind]}，{group}）")
peer_facts = view_data.with_sentences(indicators[indicators["county"].isin(peers)], indicators, measure=measure, kind=kind, period=year, scope="annual")
values, display = queries.multi_indicator(peer_facts, year, measure, kind)
if values.empty:
    components.empty_state("这一年没有可对照的指标。")
else:
    by = st.selectbox("排序依据（好的在前；已遮盖和缺失排在最后）", list(values.columns), key="cmp_sort",
                      index=list(values.columns).index(indicator) if indicator in values.columns else 0, placeholder="请选择")
    table, tips = queries.sort_multi(values, queries.with_ranks(values, display), by, display.attrs.get("sources"))
    components.html_table(table, titles=tips, highlight=focal)
    st.caption("每格为数值（含单位）和它在该指标中的名次；所选县加粗并标底色。“已遮盖”：原文数字被 X 或 * 替换；“未披露”：报告提到了指标但没有给出数值；“—”：没有这项数据。三者都不当作 0。")
