"""The charts' look: two high-contrast templates (light and dark), the projector's type sizes,
the outcome markers, the toolbar's config, the subtitle (message and source) and the empty figure."""

from __future__ import annotations

import math

import plotly.graph_objects as go

from dashboard import plotly_locale
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
