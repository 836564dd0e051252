"""总览: corpus coverage, build time, rejected files, headline cards for the selected county."""

import streamlit as st

from dashboard import charts, components, data, queries

sel = components.selection()
components.page_header("总览", "语料覆盖、构建时间、未入库文件，以及所选县的主要指标。")
manifest = components.require_build()

documents = data.load_table("documents")
indicators = data.load_indicators()
matrix = queries.coverage_matrix(documents)
cards = queries.headline(indicators, sel["county"], sel["year"])


def show_cards(county, cards) -> None:
    if not county:
        components.empty_state("语料里还没有可识别的县（只有匿名文档），因此没有主要指标卡片。")
        return
    if not cards:
        components.empty_state(f"{county}没有提取到主要指标的实绩数值（可能全部被遮盖，或报告里没有这些指标）。")
        return
    columns = st.columns(3)
    for i, card in enumerate(cards):
        label = card["label"] + (f"（{card['note']}）" if card["note"] else "")
        columns[i % 3].metric(label, card["value"], help=f"{card['sentence']}\n\n来源文件：{card['source_file']}", border=True)


def show_coverage() -> None:
    if matrix.empty:
        components.empty_state("还没有入库的文档。")
    else:
        components.plot(charts.coverage_heatmap(matrix, present=sel["present"], theme=sel["theme"]), key="ov_coverage")


if sel["present"]:
    slides = ["__coverage__", *queries.county_options(documents, indicators)]
    i = components.slide_nav(slides, "_ov_slide", format_func=lambda s: "文档覆盖：县 × 年份" if s == "__coverage__" else f"{s} 主要指标")
    if slides[i] == "__coverage__":
        show_coverage()
    else:
        show_cards(slides[i], queries.headline(indicators, slides[i], sel["year"]))
    st.stop()

st.caption(components.build_caption(manifest))
counts = queries.document_counts(documents)
c1, c2, c3, c4 = st.columns(4)
c1.metric("已入库文档", counts["ok"])
c2.metric("已拒收", counts["rejected"])
c3.metric("重复文件", counts["duplicate"])
c4.metric("提取的数值", len(indicators))

st.subheader(f"{sel['county'] or '所选县'} 主要指标")
show_cards(sel["county"], cards)

st.subheader("文档覆盖：县 × 年份")
show_coverage()
st.caption("格子里的数字是该县该年份的入库文档数；“匿名文档”是县名被隐去的模板，不参与县域对比。")

st.subheader("未入库的文件")
rejected = queries.rejected_files(documents)
if rejected.empty:
    st.success("所有文件都已入库。")
else:
    components.table(rejected, key="ov_rejected")
