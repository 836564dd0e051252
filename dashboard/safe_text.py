"""Document-derived text shown safely: never as Markdown, HTML or a spreadsheet formula.

Report sentences, file names, county names and slogans come from documents anyone could
have written. Streamlit renders Markdown (links, images, ``:red[]`` directives, ``$math$``)
in labels, help tooltips and captions; plotly renders a subset of HTML (``<b>``, ``<a href>``)
in every piece of chart text; Excel runs a cell that starts with ``=``. Each helper here
neutralises one of those.
"""

from __future__ import annotations

import html
import re

import pandas as pd

# Every ASCII punctuation character as a numeric character reference: a reference is decoded
# to plain text and never forms syntax, so no link, image, emphasis, :directive:, $math$ or
# GFM autolink can start. Streamlit links bare URLs even after escaping (http://…, www.…,
# a@b.c), so a WORD JOINER (U+2060, invisible, no line break) splits them apart.
_MARKDOWN_SPECIAL = re.compile(r"[!-/:-@\[-`{-~]")
_AUTOLINK = re.compile(r"(?i)(?<=[a-z0-9])(?=://|@)|(?<=www)(?=\.)")
WORD_JOINER = "\u2060"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")  # OWASP CSV injection: a leading ' defuses them


def md(text) -> str:
    """Text for a Markdown context (st.markdown, st.caption, metric labels and help): every
    Markdown and HTML character escaped, so a ``[link](…)`` or ``![](…)`` stays literal."""
    if text is None:
        return ""
    text = _AUTOLINK.sub(WORD_JOINER, str(text))
    return _MARKDOWN_SPECIAL.sub(lambda m: f"&#{ord(m.group())};", text).replace("\n", " ")


def plot_text(text) -> str:
    """Text for plotly (titles, labels, hovers, category names): ``<b>`` shows as written."""
    if text is None:
        return ""
    return html.escape(str(text), quote=False)


def neutral_cell(value):
    """A cell Excel or LibreOffice will show as text, never evaluate."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Every text cell (and header) that a spreadsheet would read as a formula, defused.

    Numeric columns are untouched (a negative growth rate stays a number).
    """
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(neutral_cell).astype(out[column].dtype if out[column].dtype != object else object)
    out.columns = [neutral_cell(c) if isinstance(c, str) else c for c in out.columns]
    return out
