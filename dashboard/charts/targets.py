"""Figures of the numbers: a county's rank among its peers, targets against outcomes over the years, hit rates."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard import queries
from dashboard.charts.theme import PRESENT_SIZE, BASE_SIZE, STATUS_MARKERS, empty_figure, palette, style
from dashboard.safe_text import plot_text as esc


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


def _kind_prefix(doc_type) -> str:
    """"统计公报 · ": the kind of an outcome's source, shown before its file (best evidence first)."""
    return "" if doc_type is None or pd.isna(doc_type) else f"{esc(doc_type)} · "
