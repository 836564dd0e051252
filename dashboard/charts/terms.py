"""Figures of the words: the most counted terms, the terms that set two reports apart, slogans over the years."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard import queries
from dashboard.charts.theme import empty_figure, palette, style
from dashboard.safe_text import plot_text as esc


def top_terms_bar(freq: pd.DataFrame, *, present=False, theme="light", title=None) -> go.Figure:
    p = palette(theme)
    if freq.empty:
        return empty_figure("所选范围里没有词语", present=present, theme=theme, title=title)
    rows = freq.iloc[::-1]
    if "documents" in rows.columns:  # document-weighted slogans: how many reports, and how often
        labels = [f"{int(d)} 份报告 · {int(c)} 次" for d, c in zip(rows["documents"], rows["count"])]
        fig = go.Figure(go.Bar(x=rows["documents"], y=[esc(t) for t in rows["term"]], orientation="h", marker={"color": p["focal"]}, text=labels, textposition="outside", cliponaxis=False, hovertext=[f"{esc(t)}：{l}" for t, l in zip(rows["term"], labels)], hoverinfo="text"))
        top = rows["documents"].max()
        # A count of reports has no halves: few reports, a tick per report.
        fig.update_xaxes(title="出现在几份报告中", range=[0, _room_for_labels(top, labels)], dtick=1 if top <= 8 else None)
    else:
        fig = go.Figure(go.Bar(x=rows["count"], y=[esc(t) for t in rows["term"]], orientation="h", marker={"color": p["focal"]}, text=rows["count"], textposition="outside", cliponaxis=False, hovertemplate="%{y}：%{x} 次<extra></extra>"))
        fig.update_xaxes(title="出现次数", range=[0, _room_for_labels(rows["count"].max(), [str(c) for c in rows["count"]])])
    fig.update_yaxes(type="category", title=None)
    return style(fig, present=present, theme=theme, height=None if present else max(360, 60 + 30 * len(rows)), title=title)


def _room_for_labels(top: float, labels: list[str]) -> float:
    """The axis end that leaves the longest label written after the longest bar inside the
    chart (outside labels past the axis are cut off by the figure's edge in a half-width column)."""
    longest = max((len(label) for label in labels), default=0)
    return float(top or 1) * (1 + 0.06 * longest + 0.05)


def distinctive_bar(terms: pd.DataFrame, *, label_a: str, label_b: str, present=False, theme="light", title=None) -> go.Figure:
    """Terms that set A apart (right) and B apart (left)."""
    p = palette(theme)
    if terms.empty:
        return empty_figure("两边用词没有明显差别", present=present, theme=theme, title=title)
    rows = terms.sort_values("z")
    colours = [p["a"] if s == "a" else p["b"] for s in rows["side"]]
    if "per_report_a" in rows.columns:
        words = [f"{esc(label_a)}每份报告 {queries.rate_text(x)} 次 vs {esc(label_b)} {queries.rate_text(y)} 次" for x, y in zip(rows["per_report_a"], rows["per_report_b"])]
    else:
        words = [f"{esc(label_a)} {int(a)} 次 vs {esc(label_b)} {int(b)} 次" for a, b in zip(rows["count_a"], rows["count_b"])]
    hover = [f"{esc(t)}<br>{w}" for t, w in zip(rows["term"], words)]
    fig = go.Figure(go.Bar(x=rows["z"], y=[esc(t) for t in rows["term"]], orientation="h", marker={"color": colours, "pattern": {"shape": ["" if s == "a" else "/" for s in rows["side"]]}}, hovertext=hover, hoverinfo="text",
                           text=words, textposition="outside", cliponaxis=False))
    fig.add_annotation(x=1, xref="paper", y=1.0, yref="paper", yanchor="bottom", xanchor="right", text=f"{esc(label_a)} 更常用 →", showarrow=False, font={"color": p["a"]})
    fig.add_annotation(x=0, xref="paper", y=1.0, yref="paper", yanchor="bottom", xanchor="left", text=f"← {esc(label_b)} 更常用", showarrow=False, font={"color": p["b"]})
    fig.update_yaxes(type="category", title=None)
    reach = float(rows["z"].abs().max() or 1.0) * 2.6  # room for the per-report labels
    fig.update_xaxes(title="用词差异（越长越有特色）", zeroline=True, zerolinewidth=2, showticklabels=False, range=[-reach, reach])
    return style(fig, present=present, theme=theme, height=None if present else max(360, 80 + 28 * len(rows)), title=title)


def slogan_trend(trend: pd.DataFrame, *, present=False, theme="light", title=None) -> go.Figure:
    """Occurrences per report of up to three slogans; a year without a report is a gap."""
    if trend.empty:
        return empty_figure("没有可比较的年份", present=present, theme=theme, title=title)
    symbols = ["circle", "square", "diamond", "triangle-up", "x", "star"]
    colours = palette(theme)["series"]
    value = "per_report" if "per_report" in trend.columns else "count"
    fig = go.Figure()
    for i, (slogan, group) in enumerate(trend.groupby("slogan", sort=False)):
        ys = [None if pd.isna(v) else float(v) for v in group[value]]
        labels = ["" if y is None else queries.rate_text(y) for y in ys]
        hover = [f"{esc(slogan)}<br>{int(x)}年：" + ("没有报告" if y is None else f"每份报告 {queries.rate_text(y)} 次") for x, y in zip(group["report_year"], ys)]
        fig.add_trace(go.Scatter(x=group["report_year"], y=ys, mode="lines+markers+text", name=esc(slogan), connectgaps=False,
                                 text=labels, textposition="top center", textfont={"color": colours[i % len(colours)]},
                                 marker={"symbol": symbols[i % len(symbols)], "size": 20 if present else 12, "color": colours[i % len(colours)]},
                                 line={"width": 4 if present else 3, "color": colours[i % len(colours)]}, hovertext=hover, hoverinfo="text"))
    years = sorted({int(y) for y in trend["report_year"]})
    fig.update_xaxes(tickmode="array", tickvals=years, ticktext=[f"{y}年" for y in years], title=None)
    fig.update_yaxes(title="每份报告出现次数" if value == "per_report" else "出现次数", rangemode="tozero")
    return style(fig, present=present, theme=theme, title=title)
