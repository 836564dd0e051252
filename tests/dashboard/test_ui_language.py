"""The translations of Streamlit's chrome (dashboard/ui_language.py): patterns that match what
Streamlit shows, say it in Chinese, and a script that carries them into every page."""

from __future__ import annotations

import re

import pytest

from dashboard import ui_language


def _js_replace(pattern: str, replacement: str, text: str) -> str:
    return re.sub(pattern, re.sub(r"\$(\d)", r"\\\1", replacement), text)


@pytest.mark.parametrize("shown, chinese", [
    ("200MB per file", "单个文件不超过 200 MB"),
    ("Limit 5MB per file", "单个文件不超过 5 MB"),
    ("• TXT, DOCX", "· 类型：TXT, DOCX"),
    ("Help for 大字号", "大字号的说明"),
    ("3 options available.", "共 3 个选项"),
    ("File must be 50.0MB or smaller.", "文件不能超过 50.0MB"),
    ("You have requested page /nosuch, but no corresponding file was found in the app's pages/ directory. Running the app's main page.",
     "没有“nosuch”这个页面，已为您打开首页（县情驾驶舱）。"),
    ("Cannot connect to Streamlit (HTTP status: 403).  If you are trying to access …", "连不上看板服务（HTTP 状态 403）：请管理员检查服务设置。"),
])
def test_patterns_say_it_in_chinese(shown, chinese):
    matches = [(p, r) for p, r in ui_language.PATTERNS if re.search(p, shown)]
    assert matches, shown
    assert _js_replace(*matches[0], shown) == chinese


def test_every_translation_is_chinese_and_the_offline_dialog_never_mentions_the_internet():
    for english, chinese in ui_language.EXACT.items():
        assert re.search(r"[\u4e00-\u9fff]", chinese) or chinese.startswith("streamlit run"), english
    dialog = ui_language.EXACT["Streamlit server is not responding. Are you connected to the internet?"]
    assert "看板程序" in dialog and "不需要互联网" in dialog


def test_the_script_carries_every_translation():
    script = ui_language.script()
    assert "__EXACT__" not in script and "__PATTERNS__" not in script
    assert '"No results": "没有匹配的选项"' in script and "MutationObserver" in script


def test_every_page_gets_the_script(fixture_app):
    for page in ("overview", "compare", "data"):
        at = fixture_app(page)
        assert any("__cpZh" in str(h.proto.body) for h in at.get("html")), page
