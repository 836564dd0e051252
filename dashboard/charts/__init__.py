"""Figure builders: DataFrames in, plotly figures out. No Streamlit here. ``theme`` (templates, sizes,
subtitles), ``targets`` (ranks, timelines, hit rates), ``terms`` (words and slogans).

Two high-contrast templates (light and dark) for the projector; ``present=True`` raises
every piece of chart text to at least 24 px for a 1920×1080 screen read from the back of
a room. Outcome status is told by colour *and* marker symbol (Okabe–Ito palette, safe
for colour-blind viewers).
"""

from dashboard.charts.targets import hit_rate_bar, ranking_bar, timeline
from dashboard.charts.terms import distinctive_bar, slogan_trend, top_terms_bar
from dashboard.charts.theme import (BASE_SIZE, FONT_FAMILY, LARGE_SIZE, PALETTES, PLOTLY_CONFIG, PRESENT_SIZE,
                                    STATUS_MARKERS, empty_figure, export_name, figure_font_sizes, labels_above_plot,
                                    palette, plotly_config, resize_text, style, with_message)

__all__ = [
    "BASE_SIZE", "FONT_FAMILY", "LARGE_SIZE", "PALETTES", "PLOTLY_CONFIG", "PRESENT_SIZE", "STATUS_MARKERS",
    "distinctive_bar", "empty_figure", "export_name", "figure_font_sizes", "hit_rate_bar", "labels_above_plot",
    "palette", "plotly_config", "ranking_bar", "resize_text", "slogan_trend", "style", "timeline",
    "top_terms_bar", "with_message",
]
