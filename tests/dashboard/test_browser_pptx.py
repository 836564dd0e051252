"""The cockpit's 导出演示文稿（PPTX） downloads a deck PowerPoint opens: a slide per view, Chinese titles, charts."""

from __future__ import annotations

import re

import pytest

from tests.dashboard.conftest import SHOTS, open_in_browser

pytestmark = pytest.mark.browser


def test_download_the_deck_as_pptx(browser, fixture_app_url, tmp_path):
    from pptx import Presentation

    page, requests = open_in_browser(browser, fixture_app_url + "/?county=浚县&year=2022", accept_downloads=True)
    page.get_by_text("演示内容（幻灯片）").click()
    button = page.get_by_role("button", name="导出演示文稿（PPTX）")
    button.wait_for(timeout=10000)
    page.screenshot(path=str(SHOTS / "deck-pptx-button.png"))
    with page.expect_download(timeout=60000) as info:
        button.click()
    download = info.value
    assert download.suggested_filename.startswith("浚县_2022_") and download.suggested_filename.endswith(".pptx")
    path = tmp_path / "deck.pptx"
    download.save_as(path)
    deck = Presentation(str(path))
    pages = int(re.search(r"（(\d+)页）", download.suggested_filename).group(1))
    assert len(deck.slides) == pages >= 3
    for slide in deck.slides:
        assert re.search(r"[\u4e00-\u9fff]", slide.shapes.title.text_frame.text)
        assert any(shape.has_chart or shape.shape_type == 13 for shape in slide.shapes)  # 13: picture
    assert all(r.startswith(fixture_app_url) or r.startswith(("data:", "blob:")) for r in requests)
    page.context.close()
