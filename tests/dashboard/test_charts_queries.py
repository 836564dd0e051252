"""Figure builders and queries, without Streamlit."""

import tomllib

import pandas as pd
import pytest

from dashboard import charts, queries
from pipeline import contracts
from tests.dashboard.conftest import REPO, fixture_tables


@pytest.fixture(scope="module")
def tables():
    return {name: contracts.conform(frame, name) for name, frame in fixture_tables().items()}


def _all_figures(tables, present, theme):
    ind, tvo, docs = tables["indicators"], tables["targets_vs_outcomes"], tables["documents"]
    rank = queries.ranking(ind, "地区生产总值", "growth", 2022)
    kw = dict(present=present, theme=theme)
    freq = queries.term_frequencies(tables["slogans"], "slogan", top=10)
    return [
        charts.ranking_bar(rank, focal="浚县", median=queries.median_value(rank), indicator="地区生产总值", unit="%", title="t", **kw),
        charts.timeline(queries.timeline(tvo, docs, "浚县", "地区生产总值", "growth"), indicator="地区生产总值", measure="growth", title="t", **kw),
        charts.hit_rate_bar(queries.hit_rates(tvo), title="t", **kw),
        charts.top_terms_bar(freq, title="t", **kw),
        charts.distinctive_bar(queries.fallback_distinctive(freq, freq.iloc[::2]), label_a="甲", label_b="乙", title="t", **kw),
        charts.slogan_trend(queries.slogan_trend(tables["slogans"]), title="t", **kw),
        charts.empty_figure("空", **kw),
    ]


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_presentation_text_is_at_least_24px(tables, theme):
    for fig in _all_figures(tables, True, theme):
        sizes = charts.figure_font_sizes(fig)
        assert sizes and min(sizes) >= 24, (fig.layout.title.text, sizes)
        assert fig.layout.paper_bgcolor == charts.palette(theme)["bg"]


def test_no_cdn_no_mathjax_png_export(tables):
    config = charts.PLOTLY_CONFIG
    assert config["displaylogo"] is False and config["typesetMath"] is False
    assert config["toImageButtonOptions"] == {"format": "png", "width": 1920, "height": 1080, "scale": 1, "filename": "县情看板"}
    for fig in _all_figures(tables, False, "light"):
        spec = fig.to_json()
        assert "http" not in spec and "cdn" not in spec.lower()


def test_streamlit_config_is_offline():
    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["browser"]["gatherUsageStats"] is False


def test_status_colours_differ_and_symbols_differ():
    for theme in ("light", "dark"):
        p = charts.palette(theme)
        assert len({p["met"], p["missed"], p["pending"]}) == 3
    symbols = [charts.STATUS_MARKERS[s][0] for s in ("met", "missed", "no_outcome_yet")]
    assert symbols == ["circle", "x", "circle-open"]


@pytest.mark.parametrize(
    "value, unit, masked, exists, shown",
    [
        (6.5, "%", False, True, "6.5%"),
        (221.46, "亿元", False, True, "221.46亿元"),
        (5500.0, "人", False, True, "5,500人"),
        (None, "%", True, True, "已遮盖"),
        (None, "%", False, True, "未披露"),
        (None, None, False, False, "—"),
        (0.0, "%", False, True, "0%"),
    ],
)
def test_format_value_never_turns_masked_into_zero(value, unit, masked, exists, shown):
    assert queries.format_value(value, unit, masked, exists=exists) == shown


def test_ranking_direction_and_masked_last(tables):
    ind = tables["indicators"]
    rank = queries.ranking(ind, "调查失业率", "rate", 2022)
    assert list(rank["county"]) == ["利津县", "浚县"]  # 2.8 < 3.1: lower is better
    level = queries.ranking(ind, "地区生产总值", "level", 2022)
    assert list(level["display"]) == ["300亿元以上", "已遮盖"]  # 突破300亿元
    assert queries.ranking(ind, "地区生产总值", "growth", 2021).empty is False
    anonymous = ind[ind["county"].isna()]
    assert not anonymous.empty and queries.comparable(ind)["county"].notna().all()


def test_estimate_gives_way_to_final(tables):
    ind = tables["indicators"]
    extra = ind[ind["fact_id"].str.contains("地区生产总值:growth:actual:2021")].copy()
    extra["fact_id"] = "final:1"
    extra["estimated"] = False
    extra["value"] = 6.3
    both = contracts.conform(pd.concat([ind, extra]), "indicators")
    rank = queries.ranking(both, "地区生产总值", "growth", 2021)
    assert rank.set_index("county").loc["浚县", "value"] == 6.3


def test_hover_wraps_and_escapes():
    text = queries.wrap("<b>" + "字" * 60, width=26)
    assert "&lt;b&gt;" in text and text.count("<br>") == 2


def test_coverage_matrix_counts_anonymised_apart(tables):
    matrix = queries.coverage_matrix(tables["documents"])
    assert "匿名文档" in matrix.index and matrix.loc["浚县"].sum() == 4
    assert "年份不明" in matrix.columns


def test_county_with_only_masked_values(tables):
    ind = tables["indicators"]
    only_masked = ind[(ind["county"] == "利津县") & ind["masked"]]
    rank = queries.ranking(only_masked, "地区生产总值", "level", 2022)
    assert list(rank["display"]) == ["已遮盖"] and queries.median_value(rank) is None
    assert "无法与其他县比较" in queries.focal_summary(rank, "利津县", "地区生产总值")
    fig = charts.ranking_bar(rank, focal="利津县", median=None, indicator="地区生产总值", unit="亿元")
    assert fig.data[0].x == (None,) and any(a.text == "已遮盖" for a in fig.layout.annotations)
    assert queries.headline(only_masked, "利津县", 2022)[0]["value"] == "已遮盖"


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_median_line_runs_under_the_bars_and_never_through_a_label(tables, theme):
    fig = _all_figures(tables, False, theme)[0]
    line = next(shape for shape in fig.layout.shapes if shape.line.dash == "dash")
    assert line.layer == "below"
    assert charts.palette(theme)["bg"] in fig.data[0].textfont.shadow  # a halo of the page's background


def test_qualifier_words_follow_the_value():
    assert queries.format_value(3.5, "%", qualifier="at_most") == "3.5%以内"
    assert queries.format_value(None, "%", True, qualifier="at_most") == "已遮盖"


def test_pending_marker_uses_pending_colour(tables):
    rows = queries.timeline(tables["targets_vs_outcomes"], tables["documents"], "利津县", "城镇登记失业率", "rate")
    fig = charts.timeline(rows, indicator="城镇登记失业率", measure="rate")
    pending = next(t for t in fig.data if t.name == "◌ 待公布")
    assert pending.marker.color == charts.palette("light")["pending"]
    assert pending.textposition == "bottom right"  # under the target's line, not across it


def test_the_timeline_leaves_head_room_for_the_highest_targets_label(tables):
    """A target's label is written above its mark; autoscaling fits marks, not labels, so the
    highest target's 目标 8%以上 ran into the subtitle. Every mark and band is inside the range."""
    for county, indicator, measure in (("浚县", "地区生产总值", "growth"), ("利津县", "城镇登记失业率", "rate")):
        rows = queries.timeline(tables["targets_vs_outcomes"], tables["documents"], county, indicator, measure)
        low, high = charts.timeline(rows, indicator=indicator, measure=measure).layout.yaxis.range
        values = list(rows["actual_value"].dropna()) + list(rows["target_value"].dropna())
        assert values and low < min(values) and high >= max(values) + 0.2 * (max(values) - min(values) or abs(max(values)))


def test_an_amounts_timeline_starts_at_zero():
    rows = pd.DataFrame({"period": [2022, 2023], "target_value": [120.0, None], "target_unit": ["亿元", None],
                         "target_qualifier": ["at_least", None], "target_qualifier_text": ["以上", None],
                         "target_sentence": ["s", None], "target_doc": ["d", None], "target_fact_id": ["f1", None],
                         "actual_value": [125.0, 130.0], "actual_unit": ["亿元", "亿元"], "actual_estimated": [False, False],
                         "actual_sentence": ["s", "s"], "actual_doc": ["d", "d"], "actual_fact_id": ["f2", "f3"],
                         "status": ["met", "no_target"]})
    low, high = charts.timeline(rows, indicator="地区生产总值", measure="level").layout.yaxis.range
    assert low == 0 and high > 130


def test_no_median_for_a_single_value(tables):
    rank = queries.ranking(tables["indicators"], "地区生产总值", "growth", 2023)
    assert len(rank) == 1 and queries.median_value(rank) is None


def test_source_files_accepts_ids_and_paths(tables):
    refs = pd.Series(["4752470000000004", "seeds/003_ad147ba315cb1764.txt", None], dtype="string")
    out = queries.source_files(refs, tables["documents"])
    assert list(out[:2]) == ["seeds/004_75247fd8577e948a.txt", "seeds/003_ad147ba315cb1764.txt"] and pd.isna(out[2])


def test_policy_slogans_leave_out_plan_periods_and_honours():
    from dashboard import queries

    table = pd.DataFrame({"slogan": ["六稳", "十四五", "全国文明城市"], "kind": ["slogan", "plan_period", "honour"],
                          "count": [3, 9, 2]})
    assert list(queries.policy_slogans(table)["slogan"]) == ["六稳"]


def test_slogans_weigh_by_documents_so_one_report_repeating_a_slogan_does_not_dominate():
    rows = [dict(doc_id="d0", county="甲县", report_year=2022, slogan="一核两翼", count=40)]
    rows += [dict(doc_id=f"d{i}", county="甲县", report_year=2022, slogan="放管服", count=1) for i in range(1, 6)]
    freq = queries.term_frequencies(pd.DataFrame(rows), "slogan", by_documents=True)
    assert list(freq["term"]) == ["放管服", "一核两翼"]
    assert list(freq["documents"]) == [5, 1] and list(freq["count"]) == [5, 40]
    # The cloud's weight: each document adds 1 + ln(mentions): 5 × 1 against 1 + ln 40 ≈ 4.69.
    assert freq.loc[0, "weight"] == pytest.approx(5.0) and freq.loc[1, "weight"] == pytest.approx(4.689, abs=1e-3)
    bar = charts.top_terms_bar(freq, title="t")
    assert "5 份报告 · 5 次" in list(bar.data[0].text)


def test_top_terms_leave_room_after_the_longest_bar_for_its_label():
    """In a half-width column an outside label past the axis end is cut at the figure's edge
    (1 份报 of 1 份报告 · 1 次): the axis runs on by the longest label's length."""
    freq = pd.DataFrame({"term": ["三大战役", "四不一保"], "documents": [1, 1], "count": [1, 12], "weight": [1.0, 1.0]})
    axis = charts.top_terms_bar(freq, title="t").layout.xaxis
    assert axis.range[1] >= 1 * (1 + 0.06 * len("1 份报告 · 12 次"))
    assert axis.dtick == 1  # no 0.5 份报告 tick
    counts = pd.DataFrame({"term": ["乡村振兴", "共同富裕"], "count": [120, 3]})
    assert charts.top_terms_bar(counts, title="t").layout.xaxis.range[1] > 120 * 1.15


def test_a_label_on_the_plots_top_edge_gets_its_own_line_under_the_subtitle():
    import plotly.graph_objects as go

    plain = charts.with_message(charts.style(go.Figure(go.Bar(x=[1, 2], y=["甲县", "乙县"], orientation="h")), title="标题"),
                                "甲县最高。", "来源：测试")
    marked = go.Figure(go.Bar(x=[1, 2], y=["甲县", "乙县"], orientation="h"))
    marked.add_annotation(x=1.5, y=1.0, yref="paper", yanchor="bottom", text="中位数 1.5", showarrow=False)
    marked = charts.with_message(charts.style(marked, title="标题"), "甲县最高。", "来源：测试")
    size = marked.layout.font.size or charts.BASE_SIZE
    assert charts.labels_above_plot(marked) == 1 and charts.labels_above_plot(plain) == 0
    assert abs(marked.layout.margin.t - plain.layout.margin.t - size * 1.5) <= 1


def test_a_fixed_height_chart_keeps_its_plot_area_when_the_message_is_added():
    import plotly.graph_objects as go

    fig = charts.style(go.Figure(go.Bar(x=[1, 2], y=["甲县", "乙县"], orientation="h")), height=400, title="标题")
    plot_before = fig.layout.height - fig.layout.margin.t
    charts.with_message(fig, "甲县最高。", "来源：测试")
    assert fig.layout.height - fig.layout.margin.t == plot_before


def test_a_slide_chart_keeps_its_height_when_the_message_is_added():
    import plotly.graph_objects as go

    fig = charts.style(go.Figure(go.Bar(x=[1, 2], y=["甲县", "乙县"], orientation="h")), present=True, title="标题")
    height = fig.layout.height
    charts.with_message(fig, "甲县最高。", "来源：测试", canvas=True)
    assert fig.layout.height == height
