"""Document-derived text is never interpreted: Markdown, plotly HTML, spreadsheet formulas."""

import html
import io

import openpyxl
import pandas as pd
import pytest

from dashboard import queries
from dashboard.safe_text import md, neutralise_formulas, plot_text

HOSTILE = '[点我](http://evil.example/) ![图](http://evil.example/x.png) <img src="http://evil.example/y.png"> :red[红] $x^2$ **粗**'


def test_markdown_escaping_leaves_no_link_image_or_directive():
    # Every ASCII punctuation becomes a character reference (&#91; for "["): decoded to text,
    # never syntax; the browser test checks the rendered page.
    escaped = md(HOSTILE + " www.evil.example a@evil.example")
    assert not any(ch in escaped.replace("&#", "").replace(";", "") for ch in "[]()!<>:$*`_/@.")
    assert html.unescape(escaped).replace("\u2060", "") == HOSTILE + " www.evil.example a@evil.example"  # nothing lost
    assert "http\u2060&#58;" in escaped and "www\u2060&#46;" in escaped, "bare URLs are split so they are not autolinked"


def test_plot_text_escapes_plotly_html():
    assert plot_text("<b>六稳</b>") == "&lt;b&gt;六稳&lt;/b&gt;"
    assert plot_text('<a href="http://evil.example">x</a>').startswith("&lt;a href=")


@pytest.mark.parametrize("cell", ['=HYPERLINK("http://evil.example","点我")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])
def test_formula_cells_get_a_leading_apostrophe(cell):
    out = neutralise_formulas(pd.DataFrame({"来源句子": [cell, "正常句子"], "数值": [-1.5, 2.0]}))
    assert out["来源句子"][0] == "'" + cell and out["来源句子"][1] == "正常句子"
    assert out["数值"].tolist() == [-1.5, 2.0], "numbers stay numbers"


def test_excel_download_has_no_live_formula():
    from dashboard import components

    frame = pd.DataFrame({"sentence": ['=HYPERLINK("http://evil.example","点我")'], "estimated": [True], "period": [2021.0]})
    book = openpyxl.load_workbook(io.BytesIO(components.excel_bytes(frame, "表")))
    cells = [c.value for c in book.active[2]]
    assert cells[0].startswith("'=") and book.active["A2"].data_type == "s"
    assert cells[1] == "是" and cells[2] == 2021
    text = components.csv_bytes(frame).decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "是" in text and "2021.0" not in text and "True" not in text


def test_export_ready_says_yes_no_and_integer_years():
    frame = pd.DataFrame({"masked": pd.array([True, False, None], dtype="boolean"), "report_year": [2020.0, None, 2021.0]})
    out = queries.export_ready(frame)
    assert out["masked"].tolist() == ["是", "否", ""]
    assert out["report_year"].tolist()[0] == 2020 and str(out["report_year"].dtype) == "Int64"
