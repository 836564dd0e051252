"""No English from Streamlit's own chrome on any page (issue 8 §5), including what only shows
on interaction: a selectbox search without a match, the table toolbar's tooltips, the
uploader, and the dialog when the server has gone away (an offline app must not ask
"Are you connected to the internet?"). Every page as it opens, in both themes, is checked in
the same load as its readability (test_browser_readability.py)."""

from __future__ import annotations

import re
import shutil

import pytest

from tests.dashboard.conftest import ADMIN_PASSWORD, SHOTS, open_in_browser, running_app
from tests.dashboard.page_measure import SHOWN_JS, english_in  # the words and what is shown: one list for all

pytestmark = pytest.mark.browser

PAGES = {
    "cockpit": "/?county=浚县&year=2021",
    "compare": "/compare?county=浚县&year=2022&indicator=固定资产投资",
    "targets": "/targets?county=浚县&year=2022&indicator=固定资产投资",
    "vocabulary": "/vocabulary?county=浚县&year=2021",
    "data": "/data?county=浚县&year=2022",
}


def _unlock(page) -> None:
    page.get_by_label("管理员密码（上传、重新构建、更正需要）").fill(ADMIN_PASSWORD)
    page.get_by_role("button", name="解锁").click()
    page.wait_for_selector("text=已解锁", timeout=20000)


def test_a_selectbox_search_without_a_match_answers_in_chinese(browser, fixture_app_url):
    page, _ = open_in_browser(browser, fixture_app_url + PAGES["compare"])
    page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').first.click()
    page.keyboard.type("zzzz")
    page.wait_for_selector("text=没有匹配的选项", timeout=10000)
    page.screenshot(path=str(SHOTS / "english-no-match.png"))
    found = english_in(page.evaluate(SHOWN_JS))
    assert not found, found
    page.keyboard.press("Escape")
    page.context.close()


def test_table_toolbar_and_uploader_speak_chinese(browser, fixture_app_url):
    page, _ = open_in_browser(browser, fixture_app_url + PAGES["data"])
    _unlock(page)
    holder = page.locator('[data-testid="stElementContainer"]', has=page.locator('[data-testid="stDataFrame"]')).first
    holder.scroll_into_view_if_needed()
    holder.hover()
    buttons = holder.locator('[data-testid="stElementToolbar"] button')
    buttons.first.wait_for(timeout=10000)
    labels = [buttons.nth(i).get_attribute("aria-label") for i in range(buttons.count())]
    assert labels and all(label and re.search(r"[\u4e00-\u9fff]", label) for label in labels), labels
    tips = []
    for i in range(buttons.count()):
        box = buttons.nth(i).bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.wait_for_timeout(1400)  # Streamlit shows a toolbar tooltip after 1 s
        tips.append(page.evaluate("() => Array.from(document.querySelectorAll('[data-testid=\"stTooltipContent\"], [role=\"tooltip\"], [data-baseweb=\"tooltip\"]')).map(t => t.innerText).join(' ')"))
        found = english_in(page.evaluate(SHOWN_JS))
        assert not found, (labels[i], found)
    page.screenshot(path=str(SHOTS / "english-table-toolbar.png"))
    assert any(re.search(r"[\u4e00-\u9fff]", t) for t in tips), f"a tooltip was shown in Chinese: {tips}"
    uploader = page.locator('[data-testid="stFileUploaderDropzone"]').first.inner_text()
    assert "选择" in uploader and "单个文件不超过 50 MB" in uploader, uploader
    page.context.close()


def test_the_connection_lost_dialog_is_chinese_and_does_not_blame_the_internet(browser, fixture_data_dir, tmp_path):
    data_dir = tmp_path / "data"
    shutil.copytree(fixture_data_dir, data_dir)
    with running_app(data_dir) as base:
        page, _ = open_in_browser(browser, base + PAGES["cockpit"])
    # The server is stopped now; Streamlit notices within seconds and shows its dialog.
    page.wait_for_selector('[role="dialog"]', timeout=60000)
    page.wait_for_timeout(1500)
    dialog = page.locator('[role="dialog"]').first.inner_text()
    page.screenshot(path=str(SHOTS / "english-connection-lost.png"))
    assert "连接中断" in dialog and "看板程序" in dialog, dialog
    assert "internet" not in dialog and "互联网" not in dialog.replace("不需要互联网", ""), dialog
    found = english_in(page.evaluate(SHOWN_JS))
    assert not found, found
    page.context.close()
