"""目标与实绩: a county's targets against reported outcomes, year by year; hit rates across counties."""

import streamlit as st

from dashboard import charts, components, data, queries, view_data
from dashboard.safe_text import md

sel = components.selection()
components.page_header("目标与实绩", "年度目标（含“左右”“以上”“以内”）与之后报告的实绩对照；点图中的点可查看来源并更正。")
components.require_build()

county = sel["county"]
# The county's pairs and the corrected facts (their values replace the paired ones), from the engine.
tvo = view_data.county_pairs(county) if county else data.load_targets_vs_outcomes()
documents = data.load_table("documents")
indicators = view_data.corrected_facts()
options = [f"{indicator}|{measure}" for indicator, measure in queries.timeline_options(tvo, county)]


def pair_label(key: str) -> str:
    indicator, measure = key.split("|", 1)
    return f"{indicator} · {queries.label(queries.MEASURE_LABELS, measure)}"


def draw_timeline(pair_key: str, key: str):
    indicator, measure = pair_key.split("|", 1)
    rows = queries.timeline(tvo, documents, county, indicator, measure, indicators)
    fig = charts.timeline(rows, indicator=indicator, measure=measure, present=sel["present"], theme=sel["theme"], title=f"{county} · {pair_label(pair_key)}")
    name = charts.export_name(county, queries.measure_name(indicator, measure), "目标与实绩")
    message = queries.timeline_sentence(county, indicator, measure, rows)
    return rows, components.plot(fig, key=key, select=not sel["present"], message=message, name=name, frame=queries.target_table(rows))


if not options:
    components.empty_state(f"{county or '所选县'}还没有可以配对的目标或实绩。目标来自当年的报告，实绩来自下一年的报告；只有一份报告的县要等下一年的报告入库。")
    pair = None
else:
    wanted = [p for p in options if p.split("|", 1)[0] == sel["indicator"]]
    followed = st.session_state.get("_tg_followed") != sel["indicator"]
    if st.session_state.get("tg_pair") not in options or (followed and wanted):
        st.session_state["tg_pair"] = wanted[0] if wanted else options[0]
    st.session_state["_tg_followed"] = sel["indicator"]
    if sel["present"]:
        i = components.slide_nav(options, "tg_pair", format_func=pair_label)
        draw_timeline(options[i], "tg_timeline_present")
        st.stop()
    def follow_pair() -> None:
        # Keep the shared (URL) indicator in step with the one shown here.
        indicator = st.session_state["tg_pair"].split("|", 1)[0]
        st.session_state["indicator"] = indicator
        st.session_state["_tg_followed"] = indicator

    pair = st.selectbox("指标与口径", options, key="tg_pair", format_func=pair_label, on_change=follow_pair, placeholder="请选择")
    if sel["indicator"] and not wanted:
        st.caption(md(f"{county}没有“{sel['indicator']}”的目标或实绩，先显示其他指标。"))

if pair is not None:
    rows, event = draw_timeline(pair, "tg_timeline")
    st.caption("图例：✔ 实心圆 = 达成，✘ 叉 = 未达成，◌ 空心圆 = 待公布（画在目标位置）；带点的标记和“预计”字样表示预计数，尚非最终数。阴影带 = “左右”的容差，▲ = “以上”的下限，▼ = “以内”的上限。")
    if rows["status"].eq("no_outcome_yet").any():
        st.caption("“待公布”的年份：下一年的政府工作报告还没有入库，实绩尚不可知。")
    points = list(getattr(getattr(event, "selection", None), "points", None) or [])
    picked = [p.get("customdata") for p in points if p.get("customdata")]
    if picked:
        fact_id = picked[0][0] if isinstance(picked[0], list) else picked[0]
        facts = view_data.matching_facts(fact_id=fact_id)  # the clicked fact, with its sentence
        if not facts.empty:
            fact = facts.iloc[0]
            components.provenance(
                f"{int(fact['period'])}年{queries.label(queries.KIND_LABELS, fact['kind'])}",
                queries.format_value(fact["value"], fact["unit"], fact["masked"], qualifier=fact["qualifier"]),
                fact["sentence"], fact["source_file"], fact["corrected"],
            )
            components.correction_form(fact, key="tg")
    else:
        st.caption("提示：点击图中的任一点，可在这里看到它的原句和来源文件，并可提交更正。")
    st.subheader("逐年明细")
    components.table(queries.target_table(rows), key="tg_rows")

st.subheader("各县目标命中率")
scope = st.radio("范围", ["all", "current"], horizontal=True, key="tg_hit_scope", format_func=lambda s: "全部指标" if s == "all" else "当前指标")
hits = view_data.hit_rates(indicator=pair.split("|", 1)[0] if (pair is not None and scope == "current") else None)
if hits.empty:
    components.empty_state("还没有可判定的目标：需要同一县连续两年的报告。")
else:
    components.table(hits, key="tg_hits")
    st.caption("命中率 = 达成 ÷（达成 + 未达成）；“待公布”不计入。同一目标既有预计数又有最终数时，以最终数为准。")
