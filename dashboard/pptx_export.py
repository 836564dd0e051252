"""A deck as a PowerPoint file, made offline with python-pptx: one slide per deck view.

Each slide: the view's name, its chart sentence as the slide title, a native PowerPoint
chart (editable, drawn by PowerPoint itself, so no browser or image renderer is needed at
run time: plotly's PNG export would need kaleido and a downloaded Chrome), the cockpit's
scorecard as a native table, and the source with the build date in the footer. Text is
set with an East Asian typeface so Chinese renders in PowerPoint, WPS and LibreOffice.
No Streamlit here: ``deck_pptx`` takes the slides' content (``queries.slide_content``).
"""

from __future__ import annotations

import io

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_MARKER_STYLE
from pptx.enum.text import PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

FACE = "Microsoft YaHei"  # 微软雅黑 on every Chinese Windows; LibreOffice substitutes a CJK face
INK, MUTED, ACCENT, PEER, TARGET = RGBColor(0x1A, 0x1A, 0x1A), RGBColor(0x3D, 0x3D, 0x3D), RGBColor(0x00, 0x5A, 0x9C), \
    RGBColor(0xA6, 0xA6, 0xA6), RGBColor(0x7A, 0x53, 0x00)
WIDTH, HEIGHT = Inches(13.333), Inches(7.5)  # 16:9, shown at 1920×1080
MARGIN = Inches(0.55)
TITLE_ONLY = 5  # the default template's "Title Only" layout: the sentence is the slide's real title


def deck_pptx(contents: list[dict]) -> bytes:
    """The .pptx bytes of a deck whose slides are ``contents`` (see ``queries.slide_content``)."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = WIDTH, HEIGHT
    for i, content in enumerate(contents, start=1):
        _slide(deck, content, i, len(contents))
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


def _slide(deck, content: dict, number: int, total: int) -> None:
    slide = deck.slides.add_slide(deck.slide_layouts[TITLE_ONLY])
    _text(slide.shapes.add_textbox(MARGIN, Inches(0.25), WIDTH - 2 * MARGIN, Inches(0.45)), content["heading"], 18, MUTED)
    title = slide.shapes.title
    title.left, title.top, title.width, title.height = MARGIN, Inches(0.7), WIDTH - 2 * MARGIN, Inches(1.35)
    _text(title, content["title"], 28, INK, bold=True)
    top, bottom = Inches(2.2), Inches(6.75)
    table = content.get("table")
    chart_width = WIDTH - 2 * MARGIN
    if table is not None and len(table):
        chart_width = Inches(4.4) if content.get("chart") else Emu(0)
        _table(slide, table, MARGIN + chart_width + (Inches(0.3) if chart_width else 0), top,
               WIDTH - 2 * MARGIN - chart_width - (Inches(0.3) if chart_width else 0))
    if content.get("chart"):
        _chart(slide, content["chart"], MARGIN, top, chart_width, bottom - top)
    footer = f"{content['footer']}　　{number} / {total}"
    _text(slide.shapes.add_textbox(MARGIN, Inches(6.85), WIDTH - 2 * MARGIN, Inches(0.5)), footer, 12, MUTED)


def _text(shape, text: str, size: int, color: RGBColor, bold: bool = False) -> None:
    frame = shape.text_frame
    frame.word_wrap = True
    frame.text = text
    for paragraph in frame.paragraphs:
        paragraph.alignment = PP_ALIGN.LEFT
        for run in paragraph.runs:
            run.font.size, run.font.bold = Pt(size), bold
            run.font.color.rgb = color
            _east_asian(run.font)


def _east_asian(font) -> None:
    """python-pptx sets only the Latin typeface; Chinese glyphs take the East Asian one."""
    font.name = FACE
    props = font._rPr if hasattr(font, "_rPr") else font._element  # noqa: SLF001 - no public API for <a:ea>
    latin = props.find(qn("a:latin"))
    ea = props.find(qn("a:ea"))
    if ea is None:
        ea = props.makeelement(qn("a:ea"), {})
        latin.addnext(ea)
    ea.set("typeface", FACE)


def _number_format(unit: str) -> str:
    return f'General"{unit}"' if unit else "General"


def _chart(slide, spec: dict, left, top, width, height) -> None:
    data = CategoryChartData(number_format=_number_format(spec.get("unit") or ""))
    data.categories = spec["categories"]
    for name, values in spec["series"]:
        data.add_series(name, values)
    ranking = spec["kind"] == "bar" and len(spec["series"]) == 1
    # Bars lie down: indicator and county names read horizontally, however many there are.
    kind = XL_CHART_TYPE.LINE_MARKERS if spec["kind"] == "line" else XL_CHART_TYPE.BAR_CLUSTERED
    chart = slide.shapes.add_chart(kind, left, top, width, height, data).chart
    chart.font.size = Pt(16)
    chart.font.color.rgb = INK
    _east_asian(chart.font)
    chart.has_title = False  # the slide's title is the chart's sentence
    chart.has_legend = len(spec["series"]) > 1
    if chart.has_legend:
        chart.legend.position, chart.legend.include_in_layout = XL_LEGEND_POSITION.TOP, False
    plot = chart.plots[0]
    plot.has_data_labels = True  # every value labelled on its bar or point, no legend-hunting
    plot.data_labels.number_format, plot.data_labels.number_format_is_linked = _number_format(spec.get("unit") or ""), False
    plot.data_labels.font.size = Pt(16)
    if spec["kind"] == "line":
        _label_apart(plot, spec)
    values = [v for _, series in spec["series"] for v in series if v is not None]
    if values and min(values) >= 0:
        chart.value_axis.minimum_scale = 0  # bars start at zero: a cut axis exaggerates gaps
    if spec["kind"] == "bar":
        chart.category_axis.reverse_order = True  # the first (the best, in a ranking) at the top, as on the page
        plot.gap_width = 60
    if ranking:
        _colour_ranking(plot.series[0], spec)
    else:
        for series, colour in zip(plot.series, (TARGET, ACCENT)):
            _colour_series(series, colour, line=spec["kind"] == "line")
    if spec["kind"] == "bar":
        chart.value_axis.visible = False  # every bar carries its value; an axis would only crowd
    else:
        chart.value_axis.has_major_gridlines = True
        chart.value_axis.major_gridlines.format.line.color.rgb = RGBColor(0xDD, 0xDD, 0xDD)


def _label_apart(plot, spec: dict) -> None:
    """Each year's higher value labelled above its point, the lower one below: never on top of each other."""
    (_, targets), (_, outcomes) = spec["series"][0], spec["series"][1]
    for i, (target, outcome) in enumerate(zip(targets, outcomes)):
        target_higher = target is not None and (outcome is None or target >= outcome)
        for series, higher in ((plot.series[0], target_higher), (plot.series[1], not target_higher)):
            label = series.points[i].data_label
            label.position = XL_LABEL_POSITION.ABOVE if higher else XL_LABEL_POSITION.BELOW
            label.font.size = Pt(16)


def _colour_ranking(series, spec: dict) -> None:
    """The selected county in the accent colour, its peers grey (as on the 县域对比 page)."""
    series.format.fill.solid()
    series.format.fill.fore_color.rgb = PEER
    if spec.get("focal") is not None:
        point = series.points[spec["focal"]]
        point.format.fill.solid()
        point.format.fill.fore_color.rgb = ACCENT


def _colour_series(series, colour: RGBColor, line: bool) -> None:
    if line:
        series.format.line.color.rgb = colour
        series.format.line.width = Pt(3.5)
        series.marker.style, series.marker.size = XL_MARKER_STYLE.CIRCLE, 11
        series.marker.format.fill.solid()
        series.marker.format.fill.fore_color.rgb = colour
        series.smooth = False
    else:
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = colour


def _table(slide, frame, left, top, width) -> None:
    rows, cols = len(frame) + 1, len(frame.columns)
    shape = slide.shapes.add_table(rows, cols, left, top, width, Inches(0.42) * rows)
    table = shape.table
    # Columns as wide as their longest text, so no cell breaks a number across lines.
    longest = [max([_width(column)] + [_width(v) for v in frame[column]]) + 2 for column in frame.columns]
    for j, share in enumerate(longest):
        table.columns[j].width = Emu(int(width * share / sum(longest)))
    for j, column in enumerate(frame.columns):
        _cell(table.cell(0, j), str(column), bold=True)
    for i, record in enumerate(frame.itertuples(index=False), start=1):
        for j, value in enumerate(record):
            _cell(table.cell(i, j), "" if value is None else str(value))


def _width(text) -> int:
    """Printed width in half-width characters: a Chinese character takes two."""
    return sum(1 if ord(c) < 0x2E80 else 2 for c in str(text))


def _cell(cell, text: str, bold: bool = False) -> None:
    cell.text = text
    cell.margin_left = cell.margin_right = Inches(0.06)
    for paragraph in cell.text_frame.paragraphs:
        for run in paragraph.runs:
            run.font.size, run.font.bold = Pt(13), bold
            _east_asian(run.font)
