"""pipeline.ingest.markup: a web page's main text, its charset, hostile markup survived."""

from __future__ import annotations

import pytest

from pipeline.ingest import RejectedInput, read_document
from tests.pipeline.conftest import sample_text
from tests.pipeline.ingest.files import write_bytes


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
