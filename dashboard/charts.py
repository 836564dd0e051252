"""Figure builders: DataFrames in, plotly figures out. No Streamlit here.

Two high-contrast templates (light and dark) for the projector; ``present=True`` raises
every piece of chart text to at least 24 px for a 1920×1080 screen read from the back of
a room. Outcome status is told by colour *and* marker symbol (Okabe–Ito palette, safe
for colour-blind viewers).
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from dashboard import queries

FONT_FAMILY = '"Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif'

PALETTES = {
    "light": {
        "bg": "#FFFFFF", "fg": "#111111", "grid": "#D0D0D0", "muted": "#555555",
        "bar": "#6B8BA4", "focal": "#0072B2", "median": "#D55E00", "band": "rgba(0,114,178,0.16)",
        "target": "#111111", "met": "#0072B2", "missed": "#D55E00", "pending": "#6E6E6E",
        "no_target": "#009E73", "unknown": "#CC79A7", "a": "#0072B2", "b": "#D55E00",
    },
    "dark": {
        "bg": "#000000", "fg": "#FFFFFF", "grid": "#555555", "muted": "#BBBBBB",
        "bar": "#8FA9BF", "focal": "#56B4E9", "median": "#F0E442", "band": "rgba(86,180,233,0.28)",
        "target": "#FFFFFF", "met": "#56B4E9", "missed": "#E69F00", "pending": "#BBBBBB",
        "no_target": "#009E73", "unknown": "#CC79A7", "a": "#56B4E9", "b": "#E69F00",
    },
}

STATUS_MARKERS = {
    "met": ("circle", "✔ 达成"),
    "missed": ("x", "✘ 未达成"),
    "no_outcome_yet": ("circle-open", "◌ 待公布"),
    "no_target": ("diamond", "无目标（仅实绩）"),
    "unknown": ("square-open", "无法判断"),
}

PLOTLY_CONFIG = {
    "displaylogo": False,
    "typesetMath": False,  # no MathJax, which would be fetched from a CDN
    "modeBarButtonsToRemove": ["lasso2d", "select2d", "autoScale2d"],
    "toImageButtonOptions": {"format": "png", "width": 1920, "height": 1080, "scale": 1, "filename": "县情看板"},
}

BASE_SIZE, PRESENT_SIZE = 16, 26


def palette(theme: str) -> dict:
    return PALETTES["dark" if theme == "dark" else "light"]


def style(fig: go.Figure, *, present: bool = False, theme: str = "light", height: int | None = None, title: str | None = None) -> go.Figure:
    """Apply the project's template: fonts, colours, sizes for page or projector."""
    p = palette(theme)
    size = PRESENT_SIZE if present else BASE_SIZE
    fig.update_layout(
        template="plotly_dark" if theme == "dark" else "plotly_white",
        paper_bgcolor=p["bg"],
        plot_bgcolor=p["bg"],
        font={"family": FONT_FAMILY, "size": size, "color": p["fg"]},
        title={"text": title, "font": {"size": size + 8}, "x": 0.01, "xanchor": "left"} if title else None,
        hoverlabel={"font": {"family": FONT_FAMILY, "size": max(size - 2, 16)}, "align": "left"},
        legend={"font": {"size": size}, "orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0, "bgcolor": "rgba(0,0,0,0)"},
        margin={"l": 20, "r": 30, "t": 90 if title else 50, "b": 30},
        height=height or (860 if present else 480),
    )
    fig.update_xaxes(gridcolor=p["grid"], zerolinecolor=p["grid"], linecolor=p["fg"], tickfont={"size": size}, title_font={"size": size}, automargin=True)
    fig.update_yaxes(gridcolor=p["grid"], zerolinecolor=p["grid"], linecolor=p["fg"], tickfont={"size": size}, title_font={"size": size}, automargin=True)
    fig.update_annotations(font_size=size)
    return fig


def empty_figure(message: str, **kwargs) -> go.Figure:
    fig = go.Figure()
    fig.add_annotation(text=message, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return style(fig, **kwargs)


def coverage_heatmap(matrix: pd.DataFrame, *, present=False, theme="light") -> go.Figure:
    p = palette(theme)
    z = matrix.values
    text = [[str(v) if v else "" for v in row] for row in z]
    fig = go.Figure(
        go.Heatmap(
            z=z, x=[str(c) for c in matrix.columns], y=list(matrix.index), text=text, texttemplate="%{text}",
            colorscale=[[0, p["bg"]], [0.001, "#C6DBEF" if theme == "light" else "#1F4E79"], [1, "#08519C" if theme == "light" else "#56B4E9"]],
            showscale=False, xgap=3, ygap=3,
            hovertemplate="%{y} · %{x}年：%{z} 份文档<extra></extra>",
            textfont={"size": PRESENT_SIZE if present else BASE_SIZE + 2, "color": "#000000" if theme == "dark" else "#FFFFFF"},
        )
    )
    fig.update_xaxes(type="category", side="top", title=None)
    fig.update_yaxes(autorange="reversed", title=None)
    height = max(260, 90 + 60 * len(matrix.index)) if not present else 860
    return style(fig, present=present, theme=theme, height=height)


def ranking_bar(rank: pd.DataFrame, *, focal: str | None, median: float | None, indicator: str, unit: str, present=False, theme="light", title=None) -> go.Figure:
    """Counties ranked (best on top), the focal county highlighted, the median marked.

    Masked or undisclosed values get no bar but a label saying so: never a zero bar.
    """
    p = palette(theme)
    if rank.empty:
        return empty_figure("这一年没有该指标的数值", present=present, theme=theme)
    rows = rank.iloc[::-1]  # plotly draws the first category at the bottom
    has_value = rows["value"].notna()
    colours = [p["focal"] if c == focal else p["bar"] for c in rows["county"]]
    hover = [
        f"<b>{c}</b>：{d}{'（预计）' if queries.truthy(e) else ''}{'（' + queries.label(queries.CORRECTED_LABELS, k) + '）' if not pd.isna(k) else ''}"
        f"<br><br>{queries.wrap(s)}<br><br>来源：{queries.wrap(f, 40)}"
        for c, d, e, k, s, f in zip(rows["county"], rows["display"], rows["estimated"], rows["corrected"], rows["sentence"], rows["source_file"])
    ]
    values = [float(v) if not pd.isna(v) else 0.0 for v in rows["value"]]
    fig = go.Figure(
        go.Bar(
            x=[v if h else None for v, h in zip(values, has_value)],
            y=list(rows["county"]),
            orientation="h",
            marker={"color": colours, "line": {"color": p["fg"], "width": [2 if c == focal else 0 for c in rows["county"]]}},
            text=[d + ("*" if not pd.isna(k) else "") for d, k in zip(rows["display"], rows["corrected"])],
            textposition="outside",
            cliponaxis=False,
            customdata=list(rows["fact_id"]),
            hovertext=hover,
            hoverinfo="text",
            name=indicator,
            showlegend=False,
        )
    )
    for county, display in zip(rows["county"], rows["display"]):
        if display in (queries.MASKED, queries.UNDISCLOSED):
            fig.add_annotation(x=0, y=county, text=display, showarrow=False, xanchor="left", font={"color": p["muted"]})
    if median is not None:
        fig.add_vline(x=median, line={"color": p["median"], "width": 3, "dash": "dash"})
        fig.add_annotation(x=median, y=1.0, yref="paper", yanchor="bottom", text=f"中位数 {queries.format_number(median)}{unit}", showarrow=False, font={"color": p["median"]})
    finite = [v for v, h in zip(values, has_value) if h]
    top = max(finite + [median or 0, 0]) if finite else 1
    low = min(finite + [0])
    span = (top - low) or 1
    fig.update_xaxes(range=[low - 0.05 * span if low < 0 else 0, top + 0.25 * span], title=unit or None)
    fig.update_yaxes(type="category", title=None)
    height = None if present else max(300, 120 + 46 * len(rows))
    return style(fig, present=present, theme=theme, height=height, title=title)


def _band(target: float, measure: str) -> float:
    from pipeline import settings

    if measure in ("growth", "rate", "share", "change"):
        return settings.ABOUT_TOLERANCE_POINTS
    return abs(target) * settings.ABOUT_TOLERANCE_RELATIVE


def timeline(rows: pd.DataFrame, *, indicator: str, measure: str, present=False, theme="light", title=None) -> go.Figure:
    """Targets (with their qualifier drawn) against reported outcomes, year by year.

    左右 → a shaded band, 以上 → a floor (▲), 以内 → a ceiling (▼), exact → a bar mark.
    Outcomes: colour and symbol by status; estimates are hollow-centred and labelled 预计.
    Every point carries its fact id (for click-through) and its sentence and file in the hover.
    """
    p = palette(theme)
    if rows.empty:
        return empty_figure("所选县没有这一指标的目标或实绩", present=present, theme=theme)
    size = PRESENT_SIZE if present else BASE_SIZE
    marker_size = 26 if present else 16
    fig = go.Figure()
    targets = rows[rows["target_value"].notna()].drop_duplicates(["period"])
    unit = next((u for u in list(rows["target_unit"]) + list(rows["actual_unit"]) if not pd.isna(u)), "") or ""
    # Qualifier shapes, one legend entry each.
    shown = set()
    for row in targets.itertuples():
        q = row.target_qualifier if not pd.isna(row.target_qualifier) else "exact"
        x0, x1 = row.period - 0.32, row.period + 0.32
        if q == "about":
            half = _band(row.target_value, measure)
            fig.add_shape(type="rect", x0=x0, x1=x1, y0=row.target_value - half, y1=row.target_value + half, fillcolor=p["band"], line={"width": 0}, layer="below")
            if "about" not in shown:
                fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", marker={"symbol": "square", "size": marker_size, "color": p["band"]}, name="目标“左右”的容差带"))
        fig.add_shape(type="line", x0=x0, x1=x1, y0=row.target_value, y1=row.target_value, line={"color": p["target"], "width": 4 if present else 3, "dash": "solid" if q != "about" else "dot"})
        shown.add(q)
    qual_symbol = {"at_least": ("triangle-up", "目标下限（以上）"), "at_most": ("triangle-down", "目标上限（以内）"), "about": ("line-ew", "目标（左右）"), "exact": ("line-ew", "目标"), "range": ("line-ew", "目标（区间）")}
    for q, group in targets.groupby(targets["target_qualifier"].fillna("exact")):
        symbol, name = qual_symbol.get(q, ("line-ew", "目标"))
        hover = [
            f"<b>{int(r.period)}年目标</b>：{queries.format_value(r.target_value, r.target_unit)}{r.target_qualifier_text if not pd.isna(r.target_qualifier_text) else ''}"
            f"<br><br>{queries.wrap(r.target_sentence)}<br><br>来源：{queries.wrap(r.target_source_file if hasattr(r, 'target_source_file') else r.target_doc, 40)}"
            for r in group.itertuples()
        ]
        fig.add_trace(
            go.Scatter(
                x=group["period"], y=group["target_value"], mode="markers", name=name,
                marker={"symbol": symbol, "size": marker_size + 4, "color": p["target"], "line": {"width": 3, "color": p["target"]}},
                customdata=group["target_fact_id"], hovertext=hover, hoverinfo="text",
            )
        )
    # Outcomes by status, final and estimate apart.
    for status, (symbol, name) in STATUS_MARKERS.items():
        for estimated in (False, True):
            if status == "no_outcome_yet":
                group = rows[(rows["status"] == status)] if not estimated else rows.iloc[0:0]
                ys = group["target_value"]
            else:
                group = rows[(rows["status"] == status) & rows["actual_value"].notna() & (rows["actual_estimated"].fillna(False) == estimated)]
                ys = group["actual_value"]
            if group.empty:
                continue
            sym = symbol if not estimated else {"circle": "circle-dot", "x": "x-open", "diamond": "diamond-dot", "square-open": "square-open-dot"}.get(symbol, symbol)
            colour = p[{"no_outcome_yet": "pending"}.get(status, status)] if {"no_outcome_yet": "pending"}.get(status, status) in p else p["unknown"]
            hover = [
                f"<b>{int(r.period)}年{'实绩' if status != 'no_outcome_yet' else ''}</b>："
                + (
                    "尚无实绩" if status == "no_outcome_yet"
                    else f"{queries.format_value(r.actual_value, r.actual_unit)}{'（预计）' if estimated else ''}{'（' + queries.label(queries.CORRECTED_LABELS, getattr(r, 'actual_corrected', None)) + '）' if not pd.isna(getattr(r, 'actual_corrected', None)) else ''}"
                )
                + f" · {name}"
                + (f"<br><br>{queries.wrap(r.actual_sentence)}<br><br>来源：{queries.wrap(r.actual_source_file if hasattr(r, 'actual_source_file') else r.actual_doc, 40)}{_kind_note(getattr(r, 'actual_doc_type', None))}" if status != "no_outcome_yet" else "")
                for r in group.itertuples()
            ]
            fig.add_trace(
                go.Scatter(
                    x=group["period"], y=ys, mode="markers+text" if estimated else "markers",
                    name=name + ("（预计数）" if estimated else ""),
                    marker={"symbol": sym, "size": marker_size + (6 if symbol == "circle-open" else 0), "color": colour, "line": {"width": 3, "color": colour}},
                    text=["预计"] * len(group) if estimated else None, textposition="top center", textfont={"size": size - 2, "color": colour},
                    customdata=group["actual_fact_id"] if status != "no_outcome_yet" else group["target_fact_id"],
                    hovertext=hover, hoverinfo="text",
                )
            )
    years = sorted({int(y) for y in rows["period"].dropna()})
    fig.update_xaxes(tickmode="array", tickvals=years, ticktext=[f"{y}年" for y in years], range=[min(years) - 0.7, max(years) + 0.7], title=None)
    fig.update_yaxes(title=f"{indicator}{queries.label(queries.MEASURE_LABELS, measure)}（{unit}）" if unit else None, rangemode="tozero" if measure == "level" else "normal")
    fig.update_layout(hovermode="closest", clickmode="event+select")
    fig = style(fig, present=present, theme=theme, title=title, height=800 if present else 520)
    fig.update_layout(legend={"yanchor": "top", "y": -0.1 if not present else -0.08, "x": 0})
    return fig


def hit_rate_bar(hits: pd.DataFrame, *, present=False, theme="light", title=None) -> go.Figure:
    p = palette(theme)
    if hits.empty:
        return empty_figure("还没有可判定的目标", present=present, theme=theme)
    fig = go.Figure()
    for column, key, pattern in (("达成", "met", ""), ("未达成", "missed", "x"), ("待公布", "pending", ".")):
        fig.add_trace(go.Bar(y=hits["县"], x=hits[column], name=column, orientation="h", marker={"color": p[key], "pattern": {"shape": pattern}}, text=hits[column], textposition="inside"))
    fig.update_layout(barmode="stack")
    fig.update_xaxes(title="目标数")
    fig.update_yaxes(type="category", title=None)
    return style(fig, present=present, theme=theme, height=None if present else max(260, 120 + 50 * len(hits)), title=title)


def top_terms_bar(freq: pd.DataFrame, *, present=False, theme="light", title=None) -> go.Figure:
    p = palette(theme)
    if freq.empty:
        return empty_figure("没有词语", present=present, theme=theme)
    rows = freq.iloc[::-1]
    fig = go.Figure(go.Bar(x=rows["count"], y=rows["term"], orientation="h", marker={"color": p["focal"]}, text=rows["count"], textposition="outside", cliponaxis=False, hovertemplate="%{y}：%{x} 次<extra></extra>"))
    fig.update_yaxes(type="category", title=None)
    fig.update_xaxes(title="出现次数")
    return style(fig, present=present, theme=theme, height=None if present else max(360, 60 + 30 * len(rows)), title=title)


def distinctive_bar(terms: pd.DataFrame, *, label_a: str, label_b: str, present=False, theme="light", title=None) -> go.Figure:
    """Terms that set A apart (right) and B apart (left)."""
    p = palette(theme)
    if terms.empty:
        return empty_figure("两边用词没有明显差别", present=present, theme=theme)
    rows = terms.sort_values("z")
    colours = [p["a"] if s == "a" else p["b"] for s in rows["side"]]
    hover = [f"{t}<br>{label_a}：{int(a)} 次<br>{label_b}：{int(b)} 次" for t, a, b in zip(rows["term"], rows["count_a"], rows["count_b"])]
    fig = go.Figure(go.Bar(x=rows["z"], y=rows["term"], orientation="h", marker={"color": colours, "pattern": {"shape": ["" if s == "a" else "/" for s in rows["side"]]}}, hovertext=hover, hoverinfo="text"))
    fig.add_annotation(x=1, xref="paper", y=1.0, yref="paper", yanchor="bottom", xanchor="right", text=f"{label_a} 更常用 →", showarrow=False, font={"color": p["a"]})
    fig.add_annotation(x=0, xref="paper", y=1.0, yref="paper", yanchor="bottom", xanchor="left", text=f"← {label_b} 更常用", showarrow=False, font={"color": p["b"]})
    fig.update_yaxes(type="category", title=None)
    fig.update_xaxes(title="区分度", zeroline=True, zerolinewidth=2)
    return style(fig, present=present, theme=theme, height=None if present else max(360, 80 + 28 * len(rows)), title=title)


def slogan_trend(trend: pd.DataFrame, *, present=False, theme="light", title=None) -> go.Figure:
    if trend.empty:
        return empty_figure("没有可比较的年份", present=present, theme=theme)
    symbols = ["circle", "square", "diamond", "triangle-up", "x", "star", "cross", "triangle-down"]
    colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#999999"]
    fig = go.Figure()
    for i, (slogan, group) in enumerate(trend.groupby("slogan", sort=False)):
        fig.add_trace(go.Scatter(x=group["report_year"], y=group["count"], mode="lines+markers", name=slogan, marker={"symbol": symbols[i % 8], "size": 20 if present else 12, "color": colours[i % 8]}, line={"width": 4 if present else 2, "color": colours[i % 8]}, hovertemplate=f"{slogan}<br>%{{x}}年：%{{y}} 次<extra></extra>"))
    years = sorted({int(y) for y in trend["report_year"]})
    fig.update_xaxes(tickmode="array", tickvals=years, ticktext=[f"{y}年" for y in years], title=None)
    fig.update_yaxes(title="出现次数", rangemode="tozero")
    return style(fig, present=present, theme=theme, title=title)


def figure_font_sizes(fig: go.Figure) -> list[float]:
    """Every explicit font size in a figure (used by tests to hold the ≥24 px promise)."""
    sizes = []
    layout = fig.layout
    for attr in ("font", "legend.font", "hoverlabel.font", "xaxis.tickfont", "yaxis.tickfont"):
        obj = layout
        for part in attr.split("."):
            obj = getattr(obj, part)
        if obj.size is not None:
            sizes.append(obj.size)
    for annotation in layout.annotations or ():
        if annotation.font.size is not None:
            sizes.append(annotation.font.size)
    return [s for s in sizes if not (isinstance(s, float) and math.isnan(s))]


def _kind_note(doc_type) -> str:
    """"（统计公报）": the kind of an outcome's source, shown after its file (best evidence first)."""
    return "" if doc_type is None or pd.isna(doc_type) else f"（{doc_type}）"
