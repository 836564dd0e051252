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

from dashboard import plotly_locale, queries
from dashboard.safe_text import plot_text as esc

FONT_FAMILY = '"Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif'

# Measured, not guessed (tests/dashboard/test_contrast.py): every text colour ≥ 4.5:1 on its
# background, the focal county ≥ 3:1 against its grey peers, trend lines ≥ 3:1 on the page.
# Verdicts are green / red / amber *and* a shape (✔ circle, ✘ cross, ◌ ring).
PALETTES = {
    "light": {
        "bg": "#FFFFFF", "fg": "#111111", "grid": "#D0D0D0", "muted": "#4D4D4D",
        "bar": "#C8C8C8", "focal": "#005A8C", "median": "#B3261E", "band": "rgba(0,90,140,0.40)", "band_line": "#005A8C",
        "target": "#111111", "met": "#1B6E3A", "missed": "#B3261E", "pending": "#7A5300",
        "no_target": "#005A8C", "unknown": "#6A3D9A", "a": "#005A8C", "b": "#B3261E",
        "series": ["#005A8C", "#B3261E", "#1B6E3A", "#7A5300", "#6A3D9A", "#111111"],
    },
    "dark": {
        "bg": "#000000", "fg": "#FFFFFF", "grid": "#555555", "muted": "#BBBBBB",
        "bar": "#4A4A4A", "focal": "#FFD400", "median": "#FF8A80", "band": "rgba(86,180,233,0.45)", "band_line": "#56B4E9",
        "target": "#FFFFFF", "met": "#7CE38B", "missed": "#FF8A80", "pending": "#FFD54F",
        "no_target": "#56B4E9", "unknown": "#CC99FF", "a": "#56B4E9", "b": "#FFB000",
        "series": ["#FFD400", "#56B4E9", "#7CE38B", "#FF8A80", "#FFFFFF", "#CC99FF"],
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
    "locale": plotly_locale.LOCALE,
    "locales": plotly_locale.LOCALES,  # shipped with the app: nothing fetched
    "displaylogo": False,
    "typesetMath": False,  # no MathJax, which would be fetched from a CDN
    "modeBarButtonsToRemove": ["lasso2d", "select2d", "autoScale2d"],
    "toImageButtonOptions": {"format": "png", "width": 1920, "height": 1080, "scale": 1, "filename": "县情看板"},
}



def plotly_config(name: str | None = None) -> dict:
    """The chart config; ``name`` becomes the PNG's file name (浚县_2022_地区生产总值增速_排名)."""
    config = {**PLOTLY_CONFIG, "toImageButtonOptions": dict(PLOTLY_CONFIG["toImageButtonOptions"])}
    if name:
        config["toImageButtonOptions"]["filename"] = name
    return config


BASE_SIZE, LARGE_SIZE, PRESENT_SIZE = 18, 22, 26


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
        title={"text": esc(title), "font": {"size": size + 8}, "x": 0.01, "xanchor": "left"} if title else None,
        hoverlabel={"font": {"family": FONT_FAMILY, "size": max(size - 2, 16)}, "align": "left"},
        legend={"font": {"size": size}, "orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0, "bgcolor": "rgba(0,0,0,0)"},
        margin={"l": 20, "r": 30, "t": 90 if title else 50, "b": 30},
        height=height or (860 if present else 480),
    )
    fig.update_xaxes(gridcolor=p["grid"], zerolinecolor=p["grid"], linecolor=p["fg"], tickfont={"size": size}, title_font={"size": size}, automargin=True)
    fig.update_yaxes(gridcolor=p["grid"], zerolinecolor=p["grid"], linecolor=p["fg"], tickfont={"size": size}, title_font={"size": size}, automargin=True)
    fig.update_annotations(font_size=size)
    return fig


def with_message(fig: go.Figure, sentence: str | None, source: str | None, *, theme: str = "light",
                 canvas: bool = False) -> go.Figure:
    """The chart's message as its subtitle, with the source and build date on the line below:
    both travel with the PNG export. Text is escaped (it names counties and documents)."""
    p = palette(theme)
    size = fig.layout.font.size or BASE_SIZE
    lines = [esc(sentence)] if sentence else []
    if source:
        lines.append(f"<span style='color:{p['muted']}'>{esc(source)}</span>")
    if not lines:
        return fig
    # Pinned to the top: plotly centres an "auto" title in the top margin, which puts the
    # subtitle's last line on the label reserved below it when the type is large (projector).
    fig.update_layout(title={"text": fig.layout.title.text or " ", "x": 0.01, "xanchor": "left",
                             "yref": "container", "y": 1, "yanchor": "top", "pad": {"t": 20},
                             "subtitle": {"text": "<br>".join(lines), "font": {"size": size, "color": p["fg"]}}})
    # A label standing on the plot's top edge (the median's) needs a line of its own below the subtitle.
    # + half a line: the top tick label of the y axis stands half above the plot area.
    top = (size + 8) * 1.6 + size * 1.5 * (len(lines) + min(labels_above_plot(fig), 1)) + size * 0.6 + 40
    before = fig.layout.margin.t or 0
    after = max(before, int(top))
    fig.update_layout(margin={"t": after})
    # On a page a chart keeps its plot area (the lines are added above it); on a slide
    # (``canvas``) it keeps its height, which is what fits the 1920×1080 canvas.
    if fig.layout.height and not canvas:
        fig.update_layout(height=fig.layout.height + after - before)
    return fig


def labels_above_plot(fig: go.Figure) -> int:
    """How many annotations stand on the plot area's top edge (in the title margin)."""
    return sum(1 for a in fig.layout.annotations if a.yref == "paper" and (a.y or 0) >= 1 and a.yanchor == "bottom")


def resize_text(fig: go.Figure, size: int) -> go.Figure:
    """Every text of a page figure at ``size`` (the 大字号 switch); titles stay larger."""
    fig.update_layout(font_size=size, legend_font_size=size, hoverlabel_font_size=size)
    if fig.layout.title.text:
        fig.update_layout(title_font_size=size + 8)
    if fig.layout.title.subtitle and fig.layout.title.subtitle.text:
        fig.update_layout(title_subtitle_font_size=size)
    fig.update_xaxes(tickfont_size=size, title_font_size=size)
    fig.update_yaxes(tickfont_size=size, title_font_size=size)
    for annotation in fig.layout.annotations or ():
        annotation.font.size = size
    for trace in fig.data:
        if getattr(trace, "text", None) is not None and hasattr(trace, "textfont"):
            trace.textfont.size = size
    return fig


def export_name(*parts) -> str:
    """A file name that says what the chart is: 浚县_2022_固定资产投资增速_目标与实绩."""
    cleaned = []
    for part in parts:
        text = "" if part is None else str(part)
        text = "".join(ch for ch in text if ch.isalnum() or ch in "-·（）()")
        if text:
            cleaned.append(text)
    return "_".join(cleaned)[:120] or "县情看板"


def empty_figure(message: str, **kwargs) -> go.Figure:
    fig = go.Figure()
    fig.add_annotation(text=esc(message), showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return style(fig, **kwargs)


def ranking_bar(rank: pd.DataFrame, *, focal: str | None, median: float | None, indicator: str, unit: str, present=False, theme="light", title=None) -> go.Figure:
    """Counties ranked (best on top), the focal county highlighted, the median marked.

    Masked or undisclosed values get no bar but a label saying so: never a zero bar.
    """
    p = palette(theme)
    if rank.empty:
        return empty_figure("这一年没有该指标的数值", present=present, theme=theme, title=title)
    rows = rank.iloc[::-1]  # plotly draws the first category at the bottom
    has_value = rows["value"].notna()
    colours = [p["focal"] if c == focal else p["bar"] for c in rows["county"]]
    hover = [
        f"<b>{esc(c)}</b>：{esc(d)}{'（预计）' if queries.truthy(e) else ''}{'（' + queries.label(queries.CORRECTED_LABELS, k) + '）' if not pd.isna(k) else ''}"
        f"<br><br>{queries.wrap(s)}<br><br>来源：{queries.wrap(f, 40)}"
        for c, d, e, k, s, f in zip(rows["county"], rows["display"], rows["estimated"], rows["corrected"], rows["sentence"], rows["source_file"])
    ]
    values = [float(v) if not pd.isna(v) else 0.0 for v in rows["value"]]
    fig = go.Figure(
        go.Bar(
            x=[v if h else None for v, h in zip(values, has_value)],
            y=[esc(c) for c in rows["county"]],
            orientation="h",
            marker={"color": colours, "line": {"color": p["fg"], "width": [2 if c == focal else 0 for c in rows["county"]]}},
            text=[esc(d) + ("*" if not pd.isna(k) else "") for d, k in zip(rows["display"], rows["corrected"])],
            textposition="outside",
            # A halo of the background: a label at the median line stays readable over its dashes.
            textfont={"shadow": ", ".join(f"{dx}px {dy}px 2px {p['bg']}" for dx in (-1, 1) for dy in (-1, 1))},
            constraintext="none",  # plotly shrinks an outside label to the bar's thickness: unreadable on a slide
            cliponaxis=False,
            customdata=list(rows["fact_id"]),
            hovertext=hover,
            hoverinfo="text",
            name=indicator,
            showlegend=False,
        )
    )
    for county, display in zip(rows["county"], rows["display"]):
        if display in (queries.MASKED, queries.UNDISCLOSED, queries.NO_DATA):
            fig.add_annotation(x=0, y=esc(county), text=display, showarrow=False, xanchor="left", font={"color": p["muted"]})
    if median is not None:
        # Under the bars and their labels: the line shows between the bars, never through a figure.
        fig.add_vline(x=median, line={"color": p["median"], "width": 3, "dash": "dash"}, layer="below")
        fig.add_annotation(x=median, y=1.0, yref="paper", yanchor="bottom", text=f"中位数 {queries.format_number(median)}{esc(unit)}", showarrow=False, font={"color": p["median"]})
    finite = [v for v, h in zip(values, has_value) if h]
    top = max(finite + [median or 0, 0]) if finite else 1
    low = min(finite + [0])
    span = (top - low) or 1
    fig.update_xaxes(range=[low - 0.05 * span if low < 0 else 0, top + 0.25 * span], title=esc(unit) or None)
    fig.update_yaxes(type="category", title=None)
    # On a slide the choices and the slide buttons stand above it, a note below: 640 px keeps one screen.
    height = 640 if present else max(300, 120 + 46 * len(rows))
    return style(fig, present=present, theme=theme, height=height, title=title)


def _band(target: float, measure: str) -> float:
    from pipeline import settings

    if measure in ("growth", "rate", "share", "change"):
        return settings.ABOUT_TOLERANCE_POINTS
    return abs(target) * settings.ABOUT_TOLERANCE_RELATIVE


def _timeline_y_range(rows: pd.DataFrame, targets: pd.DataFrame, measure: str) -> list[float] | None:
    """Every target (its 左右 band included) and outcome on the plot, with head room for the
    target's label written above its mark (autoscaling fits the marks, not their labels, so the
    highest target's label ran into the subtitle)."""
    values = [float(v) for v in list(rows["actual_value"].dropna()) + list(targets["target_value"].dropna())]
    bands = [_band(float(v), measure) for v, q in zip(targets["target_value"], targets["target_qualifier"])
             if q == "about" and not pd.isna(v)]
    if not values:
        return None
    low, high = min(values) - max(bands, default=0), max(values) + max(bands, default=0)
    if measure == "level":  # amounts start at zero
        low = min(low, 0.0)
    span = (high - low) or abs(high) or 1.0
    return [0.0 if measure == "level" and low == 0 else low - 0.08 * span, high + 0.22 * span]


def timeline(rows: pd.DataFrame, *, indicator: str, measure: str, present=False, theme="light", title=None) -> go.Figure:
    """Targets (with their qualifier drawn) against reported outcomes, year by year.

    左右 → a shaded band, 以上 → a floor (▲), 以内 → a ceiling (▼), exact → a bar mark.
    Outcomes: colour and symbol by status; estimates are hollow-centred and labelled 预计.
    Every point carries its fact id (for click-through) and its sentence and file in the hover.
    """
    p = palette(theme)
    if rows.empty:
        return empty_figure("所选县没有这一指标的目标或实绩", present=present, theme=theme, title=title)
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
            fig.add_shape(type="rect", x0=x0, x1=x1, y0=row.target_value - half, y1=row.target_value + half, fillcolor=p["band"], line={"width": 2, "color": p["band_line"]}, layer="below")
            if "about" not in shown:
                fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", marker={"symbol": "square", "size": marker_size, "color": p["band"]}, name="目标“左右”的容差带"))
        fig.add_shape(type="line", x0=x0, x1=x1, y0=row.target_value, y1=row.target_value, line={"color": p["target"], "width": 4 if present else 3, "dash": "solid" if q != "about" else "dot"})
        shown.add(q)
    qual_symbol = {"at_least": ("triangle-up", "目标下限（以上）"), "at_most": ("triangle-down", "目标上限（以内）"), "about": ("line-ew", "目标（左右）"), "exact": ("line-ew", "目标"), "range": ("line-ew", "目标（区间）")}
    for q, group in targets.groupby(targets["target_qualifier"].fillna("exact")):
        symbol, name = qual_symbol.get(q, ("line-ew", "目标"))
        hover = [
            f"<b>{int(r.period)}年目标</b>：{esc(queries.format_value(r.target_value, r.target_unit))}{esc(r.target_qualifier_text) if not pd.isna(r.target_qualifier_text) else ''}"
            f"<br><br>{queries.wrap(r.target_sentence)}<br><br>来源：{queries.wrap(r.target_source_file if hasattr(r, 'target_source_file') else r.target_doc, 40)}"
            for r in group.itertuples()
        ]
        fig.add_trace(
            go.Scatter(
                x=group["period"], y=group["target_value"], mode="markers+text", name=name,
                marker={"symbol": symbol, "size": marker_size + 4, "color": p["target"], "line": {"width": 3, "color": p["target"]}},
                # Direct labels: the target as written, above its mark.
                text=[f"目标 {esc(queries.format_value(v, u, qualifier=q if isinstance(q, str) else None))}" for v, u, q in zip(group["target_value"], group["target_unit"], group["target_qualifier"])],
                textposition="top center", textfont={"size": size, "color": p["target"]},
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
                    else f"{esc(queries.format_value(r.actual_value, r.actual_unit))}{'（预计）' if estimated else ''}{'（' + queries.label(queries.CORRECTED_LABELS, getattr(r, 'actual_corrected', None)) + '）' if not pd.isna(getattr(r, 'actual_corrected', None)) else ''}"
                )
                + f" · {name}"
                + (f"<br><br>{queries.wrap(r.actual_sentence)}<br><br>来源：{_kind_prefix(getattr(r, 'actual_doc_type', None))}{queries.wrap(r.actual_source_file if hasattr(r, 'actual_source_file') else r.actual_doc, 40)}" if status != "no_outcome_yet" else "")
                for r in group.itertuples()
            ]
            fig.add_trace(
                go.Scatter(
                    x=group["period"], y=ys, mode="markers+text",
                    name=name + ("（预计数）" if estimated else ""),
                    marker={"symbol": sym, "size": marker_size + (6 if symbol == "circle-open" else 0), "color": colour, "line": {"width": 3, "color": colour}},
                    # Direct labels: the outcome (and 预计) right of its mark; pending says so.
                    text=["待公布"] * len(group) if status == "no_outcome_yet" else [f"{esc(queries.format_value(v, u))}{'（预计）' if estimated else ''}" for v, u in zip(group["actual_value"], group["actual_unit"])],
                    # 待公布 sits on the target's line: written below it, not across it.
                    textposition="bottom right" if status == "no_outcome_yet" else "middle right", textfont={"size": size, "color": colour},
                    customdata=group["actual_fact_id"] if status != "no_outcome_yet" else group["target_fact_id"],
                    hovertext=hover, hoverinfo="text",
                )
            )
    years = sorted({int(y) for y in rows["period"].dropna()})
    fig.update_xaxes(tickmode="array", tickvals=years, ticktext=[f"{y}年" for y in years], range=[min(years) - 0.7, max(years) + 0.7], title=None)
    fig.update_yaxes(title=esc(f"{indicator}{queries.label(queries.MEASURE_LABELS, measure)}（{unit}）") if unit else None,
                     range=_timeline_y_range(rows, targets, measure))
    fig.update_layout(hovermode="closest", clickmode="event+select")
    fig = style(fig, present=present, theme=theme, title=title, height=800 if present else 520)
    fig.update_layout(legend={"yanchor": "top", "y": -0.1 if not present else -0.08, "x": 0})
    return fig


def hit_rate_bar(hits: pd.DataFrame, *, present=False, theme="light", title=None) -> go.Figure:
    p = palette(theme)
    if hits.empty:
        return empty_figure("还没有可判定的目标", present=present, theme=theme, title=title)
    fig = go.Figure()
    for column, key, pattern in (("达成", "met", ""), ("未达成", "missed", "x"), ("待公布", "pending", ".")):
        fig.add_trace(go.Bar(y=[esc(c) for c in hits["县"]], x=hits[column], name=column, orientation="h", marker={"color": p[key], "pattern": {"shape": pattern}}, text=hits[column], textposition="inside"))
    fig.update_layout(barmode="stack")
    fig.update_xaxes(title="目标数")
    fig.update_yaxes(type="category", title=None)
    return style(fig, present=present, theme=theme, height=None if present else max(260, 120 + 50 * len(hits)), title=title)


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


def _kind_prefix(doc_type) -> str:
    """"统计公报 · ": the kind of an outcome's source, shown before its file (best evidence first)."""
    return "" if doc_type is None or pd.isna(doc_type) else f"{esc(doc_type)} · "
