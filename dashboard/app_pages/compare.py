"""县域对比: counties ranked for one indicator, a focal county against its peers, many indicators side by side."""

import streamlit as st

from dashboard import charts, components, data, queries

sel = components.selection()
components.page_header("县域对比", "选择指标、口径和年份：各县排名（虚线为中位数），所选县与其他县逐一比较，多指标对照。")
components.require_build()

indicators = data.load_indicators()
indicator, year, focal = sel["indicator"], sel["year"], sel["county"]
if indicators.empty or indicator is None or year is None:
    components.empty_state("还没有提取到任何指标数值，暂时无法比较。")
    st.stop()

measures = queries.measure_options(indicators, indicator) or ["level"]
if st.session_state.get("cmp_measure") not in measures:
    st.session_state["cmp_measure"] = "growth" if "growth" in measures else measures[0]
c1, c2 = st.columns(2)
measure = c1.radio("口径", measures, key="cmp_measure", horizontal=True, format_func=lambda m: queries.label(queries.MEASURE_LABELS, m))
kind = c2.radio("类别", ["actual", "target"], key="cmp_kind", horizontal=True, format_func=lambda k: queries.KIND_LABELS[k])

rank = queries.ranking(indicators, indicator, measure, year, kind)
unit = next((u for u in rank["unit"].dropna()), "") if not rank.empty else ""
title = f"{year}年 {indicator}{queries.label(queries.MEASURE_LABELS, measure)}（{queries.KIND_LABELS[kind]}）"


def draw_ranking(key: str) -> None:
    fig = charts.ranking_bar(rank, focal=focal, median=queries.median_value(rank), indicator=indicator, unit=unit, present=sel["present"], theme=sel["theme"], title=title)
    components.plot(fig, key=key)


if sel["present"]:
    components.slide_nav(queries.indicator_options(indicators), "indicator")
    draw_ranking("cmp_rank_present")
    if rank.empty:
        components.empty_state(f"{year}年没有县报告{indicator}的{queries.label(queries.MEASURE_LABELS, measure)}。")
    st.stop()

if rank.empty:
    components.empty_state(f"{year}年没有县报告{indicator}的{queries.label(queries.MEASURE_LABELS, measure)}（{queries.KIND_LABELS[kind]}）。换一个年份、口径或指标试试。")
else:
    st.markdown(f"**{queries.focal_summary(rank, focal, indicator)}**")
    if int(rank["value"].notna().sum()) < 2:
        st.caption("目前只有一个县（或没有县）公布了具体数值，排名和中位数需要至少两个县。")
    draw_ranking("cmp_rank")
    st.caption("蓝色为所选县；“已遮盖”表示原文数字被 X 或 * 替换，“未披露”表示报告提到了指标但没有数值，二者都不按 0 计算；带 * 的数值经过人工更正。把鼠标移到条形上可看到来源句子和文件。")

    st.subheader(f"{focal or '所选县'}与其他县逐一比较")
    direction = "数值越高越好" if queries.higher_is_better(indicator) else "数值越低越好（如失业率）"
    st.caption(f"判断方向：{direction}。")
    components.table(queries.peer_table(rank, focal, indicator), key="cmp_peers")

st.subheader(f"多指标对照（{year}年，{queries.label(queries.MEASURE_LABELS, measure)}，{queries.KIND_LABELS[kind]}）")
values, display = queries.multi_indicator(indicators, year, measure, kind)
if values.empty:
    components.empty_state("这一年没有可对照的指标。")
else:
    by = st.selectbox("排序依据（好的在前；已遮盖和缺失排在最后）", list(values.columns), key="cmp_sort",
                      index=list(values.columns).index(indicator) if indicator in values.columns else 0)
    table, tips = queries.sort_multi(values, display, by, display.attrs.get("sources"))
    components.html_table(table, titles=tips)
    st.caption("“已遮盖”：原文数字被 X 或 * 替换；“未披露”：报告提到了指标但没有给出数值；“—”：没有这项数据。三者都不当作 0。鼠标停在数值上可看到来源句子和文件。")
