"""read_document: every accepted format in, raw text out; everything else rejected with a reason."""

from __future__ import annotations

from pathlib import Path

import docx
import pypdf
import pytest

from pipeline import ingest, settings
from pipeline.ingest import Ingested, RejectedInput, read_document
from tests.pipeline.conftest import sample_text
from tests.pipeline.pdf_fixtures import write_text_pdf

ENCODINGS = ("utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16", "utf-16-le", "utf-16-be")
SHORT_GBK_TEXTS = (
    "浚县2021年政府工作报告",  # short Chinese is what charset detectors get wrong
    "地区生产总值增长7.9%，一般公共预算收入增长5.8%。",
    "汇报完毕。谢谢！各位领导同志们",
)


def write_bytes(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def expected_text(text: str, encoding: str) -> str:
    """What survives a round trip: GBK cannot hold every character of a web page."""
    return text.encode(encoding, errors="ignore").decode(encoding).lstrip("\ufeff")


def rejection(path: Path) -> str:
    with pytest.raises(RejectedInput) as caught:
        read_document(path)
    return str(caught.value)


# ---------------------------------------------------------------- text encodings


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_samples_decode_in_every_encoding(tmp_path, sample_name, encoding):
    text = sample_text(sample_name)
    path = write_bytes(tmp_path, "report.txt", text.encode(encoding, errors="ignore"))
    ingested = read_document(path)
    assert ingested.text == expected_text(text, encoding)
    assert ingested.format == "txt"
    assert ingested.html_title is None


@pytest.mark.parametrize("text", SHORT_GBK_TEXTS)
@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-16-le", "utf-16-be"])
def test_short_chinese_texts_are_not_misdetected(tmp_path, text, encoding):
    padded = text * 4  # above MIN_TEXT_CHARS, still short enough to fool a detector
    path = write_bytes(tmp_path, "short.txt", padded.encode(encoding))
    assert read_document(path).text == padded


def test_encoding_is_reported(tmp_path):
    text = sample_text("seeds/000_c9aa3e43874953b5.txt")
    assert read_document(write_bytes(tmp_path, "a.txt", text.encode("utf-8"))).encoding == "utf-8"
    assert read_document(write_bytes(tmp_path, "b.txt", text.encode("utf-8-sig"))).encoding == "utf-8-sig"
    assert read_document(write_bytes(tmp_path, "c.txt", text.encode("gbk"))).encoding == "gbk"
    assert read_document(write_bytes(tmp_path, "d.md", text.encode("utf-16"))).encoding == "utf-16-le"


def test_markdown_is_read_as_text(tmp_path):
    path = write_bytes(tmp_path, "report.md", "# 浚县2021年政府工作报告\n\n各位代表：现在，我代表县人民政府向大会报告工作，请予审议，并请各位政协委员和列席人员提出意见。".encode())
    assert read_document(path).text.startswith("# 浚县")


# ---------------------------------------------------------------- rejections


def test_unknown_suffix_is_rejected(tmp_path):
    reason = rejection(write_bytes(tmp_path, "table.xls", b"whatever"))
    assert reason == "不支持的文件格式 .xls（支持 txt、md、html、htm、docx、pdf）"


def test_missing_suffix_is_rejected(tmp_path):
    assert rejection(write_bytes(tmp_path, "README", b"text")).startswith("不支持的文件格式")


def test_suffix_case_does_not_matter(tmp_path):
    path = write_bytes(tmp_path, "REPORT.TXT", sample_text("seeds/000_c9aa3e43874953b5.txt").encode())
    assert read_document(path).format == "txt"


def test_empty_file_is_rejected(tmp_path):
    assert rejection(write_bytes(tmp_path, "empty.txt", b"")) == "文件为空"


def test_whitespace_only_file_has_no_text(tmp_path):
    assert rejection(write_bytes(tmp_path, "blank.txt", " \n\t\n 　".encode())) == "未提取到正文"


def test_too_little_text_is_rejected(tmp_path):
    assert rejection(write_bytes(tmp_path, "stub.txt", "政府工作报告".encode())).startswith("未提取到正文")


def test_oversized_file_is_rejected_unread(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "MAX_INPUT_BYTES", 1024 * 1024)
    path = write_bytes(tmp_path, "huge.txt", b"a" * (3 * 1024 * 1024))
    assert rejection(path) == "文件过大（3 MB，上限 1 MB）"


def test_binary_with_nul_bytes_is_rejected(tmp_path):
    data = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40
    assert rejection(write_bytes(tmp_path, "image.txt", data)) == "二进制文件，不是文本"


def test_binary_with_control_characters_is_rejected(tmp_path):
    data = b"\x01\x02\x03\x04\x05abc\x06\x07\x08" * 200
    assert rejection(write_bytes(tmp_path, "blob.txt", data)) == "二进制文件，不是文本"


# ---------------------------------------------------------------- HTML

PORTAL_PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>浚县2021年政府工作报告_中国县域</title>
<style>body {{ font: 12px SimSun }} .nav {{ color: red }}</style>
<script>var tracker = "脚本不是正文"; document.write("统计代码");</script>
</head>
<body onload="alert('事件处理不是正文')">
<div class="top"><a href="/">设为首页</a> | <a href="#">收藏本站</a></div>
<nav><ul><li><a href="/">网站首页</a></li><li><a href="/news">新闻中心</a></li></ul></nav>
<!-- 注释不是正文 -->
<div id="article"><h1>浚县2021年政府工作报告</h1>
{paragraphs}
<table><tr><td>指标</td><td>增长</td></tr><tr><td>地区生产总值</td><td>7.9%</td></tr></table>
</div>
<iframe src="/ad">广告框架</iframe>
<footer>版权所有：中国县域 豫ICP备12345678号</footer>
</body></html>
"""
LEAKS = ("脚本不是正文", "统计代码", "事件处理", "注释不是正文", "广告框架", "tracker", "font:")


def report_paragraphs(name: str = "seeds/004_75247fd8577e948a.txt") -> list[str]:
    lines = [line.strip() for line in sample_text(name).split("\n")]
    return [line for line in lines if len(line) > 20][2:]


def long_paragraph() -> str:
    return next(p for p in report_paragraphs() if len(p) > 100)


def portal_page(charset: str = "utf-8") -> str:
    paragraphs = "\n".join(f"<p>{p}</p>" for p in report_paragraphs())
    return PORTAL_PAGE.format(charset=charset, paragraphs=paragraphs)


def test_html_keeps_the_whole_report_body_and_drops_chrome(tmp_path):
    ingested = read_document(write_bytes(tmp_path, "page.html", portal_page().encode()))
    paragraphs = report_paragraphs()
    assert ingested.format == "html"
    assert ingested.html_title == "浚县2021年政府工作报告_中国县域"
    for paragraph in (paragraphs[0], paragraphs[len(paragraphs) // 2], paragraphs[-1]):
        assert paragraph in ingested.text
    assert "地区生产总值" in ingested.text
    for leak in LEAKS + ("网站首页", "新闻中心"):
        assert leak not in ingested.text


def test_gbk_html_uses_its_meta_charset(tmp_path):
    data = portal_page("gb2312").encode("gbk", errors="ignore")
    ingested = read_document(write_bytes(tmp_path, "page.htm", data))
    assert ingested.encoding == "gb18030"
    assert report_paragraphs()[-1] in ingested.text


def test_gbk_html_without_charset_is_detected(tmp_path):
    page = portal_page().replace('<meta http-equiv="Content-Type" content="text/html; charset=utf-8">', "")
    ingested = read_document(write_bytes(tmp_path, "page.html", page.encode("gbk", errors="ignore")))
    assert report_paragraphs()[-1] in ingested.text


def test_wrong_meta_charset_falls_back_to_detection(tmp_path):
    data = portal_page("utf-8").encode("gbk", errors="ignore")
    ingested = read_document(write_bytes(tmp_path, "page.html", data))
    assert report_paragraphs()[-1] in ingested.text


def test_gbk_html_declared_as_latin1_is_detected(tmp_path):
    data = portal_page("iso-8859-1").encode("gbk", errors="ignore")
    ingested = read_document(write_bytes(tmp_path, "page.html", data))
    assert report_paragraphs()[-1] in ingested.text


def test_txt_holding_html_is_read_as_html(tmp_path):
    ingested = read_document(write_bytes(tmp_path, "saved.txt", portal_page().encode()))
    assert ingested.format == "html"
    assert "<p>" not in ingested.text


def test_html_holding_plain_text_is_read_as_text(tmp_path):
    text = sample_text("seeds/000_c9aa3e43874953b5.txt")
    ingested = read_document(write_bytes(tmp_path, "page.html", text.encode()))
    assert ingested.format == "txt"
    assert ingested.text == text


HOSTILE_PAGES = {
    "deep_nesting": "<html><body>" + "<div>" * 50000 + "{body}" + "</div>" * 10,
    "unclosed_script": "<html><body><p>{body}</p><script>var x = '脚本不是正文';",
    "broken_markup": "<html><body><<p>>{body}</b></i><p <p>>><table><td>{body}</tr></html></div>",
    "script_in_body": "<body><script>document.write('统计代码')</script><p onclick=\"tracker()\">{body}</p>"
                      "<style>font: red</style><noscript>脚本不是正文</noscript>",
    "iframes_and_comments": "<body><!-- 注释不是正文 <p>x</p> --><iframe>广告框架</iframe><p>{body}</p>"
                            "<iframe srcdoc='<script>tracker()</script>'></iframe>",
    "only_frameset": "<html><frameset><frame src='a.html'></frameset><noframes>{body}</noframes></html>",
}


@pytest.mark.parametrize("kind", sorted(HOSTILE_PAGES))
def test_hostile_html_never_crashes_or_leaks_script(tmp_path, kind):
    body = long_paragraph()
    page = HOSTILE_PAGES[kind].format(body=body)
    try:
        ingested = read_document(write_bytes(tmp_path, "hostile.html", page.encode()))
    except RejectedInput as exc:  # a clean refusal is acceptable; a crash is not
        assert str(exc)
        return
    for leak in LEAKS:
        assert leak not in ingested.text


def test_deeply_nested_html_still_yields_its_text(tmp_path):
    body = long_paragraph()
    page = HOSTILE_PAGES["deep_nesting"].format(body=body)
    assert body in read_document(write_bytes(tmp_path, "deep.html", page.encode())).text


# ---------------------------------------------------------------- docx


def test_docx_paragraphs_and_table_cells_in_order(tmp_path):
    document = docx.Document()
    document.add_paragraph("浚县2021年政府工作报告")
    document.add_paragraph("各位代表：现在，我代表县人民政府向大会报告工作，请予审议。")
    table = document.add_table(rows=2, cols=3)
    for row, values in zip(table.rows, [("指标", "数值", "增长"), ("地区生产总值", "221.46亿元", "7.9%")]):
        for cell, value in zip(row.cells, values):
            cell.text = value
    document.add_paragraph("以上目标任务，务必完成。")
    path = tmp_path / "report.docx"
    document.save(path)

    ingested = read_document(path)
    assert ingested == Ingested(
        "浚县2021年政府工作报告\n各位代表：现在，我代表县人民政府向大会报告工作，请予审议。\n"
        "指标\t数值\t增长\n地区生产总值\t221.46亿元\t7.9%\n以上目标任务，务必完成。",
        "docx",
        None,
        None,
    )


def test_merged_docx_cells_are_read_once(tmp_path):
    document = docx.Document()
    document.add_paragraph("浚县2021年政府工作报告，主要经济指标如下表所示，请各位代表审议。")
    table = document.add_table(rows=1, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "地区生产总值"
    table.cell(0, 2).text = "7.9%"
    path = tmp_path / "merged.docx"
    document.save(path)
    assert read_document(path).text.endswith("地区生产总值\t7.9%")


@pytest.mark.parametrize("data", [b"PK\x03\x04 not really a zip", b"plain text pretending", b"\x00" * 64])
def test_broken_docx_is_rejected(tmp_path, data):
    assert rejection(write_bytes(tmp_path, "broken.docx", data)).startswith("docx 文件已损坏：")


# ---------------------------------------------------------------- PDF
# pypdf cannot write text, so the text PDFs are hand-written (see pdf_fixtures):
# a Type0 / Identity-H font with a ToUnicode CMap, the way CJK PDFs carry text.

PDF_LINES = [
    "浚县2021年政府工作报告",
    "全年实现地区生产总值221.46亿元，同比增长7.9%；",
    "一般公共预算收入增长5.8%。各位代表，让我们团结奋斗！",
]


def test_pdf_text_layer_is_read(tmp_path):
    ingested = read_document(write_text_pdf(tmp_path / "report.pdf", PDF_LINES))
    assert ingested.format == "pdf"
    for line in PDF_LINES:
        assert line in ingested.text


def test_pdf_without_text_layer_is_rejected_as_scanned(tmp_path):
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    path = tmp_path / "scan.pdf"
    writer.write(path)
    assert rejection(path) == "PDF 无文字层（可能是扫描件），请提供文字版"


def test_pdf_with_unmapped_glyphs_is_rejected_as_garbled(tmp_path):
    path = write_text_pdf(tmp_path / "garbled.pdf", PDF_LINES, garbled=True)
    assert rejection(path) == "PDF 文字乱码（字体编码无法解析）"


def test_broken_pdf_is_rejected(tmp_path):
    path = write_bytes(tmp_path, "broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog")
    assert rejection(path).startswith("PDF")


@pytest.mark.parametrize(
    ("text", "garbled"),
    [
        ("各位代表：现在我代表县人民政府向大会报告工作。" * 3, False),
        ("Plain English text layer with numbers 7.9% and 221.46.", False),
        ("\ue001\ue002\ue003各位代表\ue004\ue005\ue006\ue007\ue008", True),
        ("(cid:12)(cid:55)(cid:90)(cid:4) 各位代表", True),
        ("ÕþžªÊ×¹¤×÷±¨¸æ£¬µØÇøÉú²ú×ÜÖµÔö³¤", True),
    ],
)
def test_garbled_text_layers_are_recognised(text, garbled):
    assert ingest.is_garbled(text) is garbled
