"""Readable from the back of the room (issue 8 §4), measured in the page at 1920×1080.

Text contrast ≥ 4.5:1 against what is really behind it, the selected county ≥ 3:1 against its
(grey) peers, no text under 18 px on normal pages, a 大字号 switch that enlarges it, and the
县情驾驶舱 on one screen without scrolling.
"""

from __future__ import annotations

import pytest

from tests.dashboard.conftest import SHOTS, open_in_browser
from tests.dashboard.page_measure import BAR_FILLS_JS, CONTRAST_JS, PAGE_HEIGHT_JS, TEXT_METRICS_JS

pytestmark = pytest.mark.browser

MAIN = '[data-testid="stMain"]'
VIEWS = {
    "cockpit": "/?page=cockpit&county=浚县&year=2021",
    "compare": "/compare?county=浚县&year=2022&indicator=固定资产投资",
    "targets": "/targets?county=浚县&year=2022&indicator=固定资产投资&measure=growth",
    "vocabulary": "/vocabulary?county=浚县&year=2021",
    "data": "/data?county=浚县&year=2022",
}


def _text(page, scope=MAIN):
    return page.evaluate(TEXT_METRICS_JS, scope)


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("view", list(VIEWS))
def test_text_contrast_and_size(browser, fixture_app_url, view, theme):
    url = fixture_app_url + VIEWS[view] + ("&theme=dark" if theme == "dark" else "")
    page, _ = open_in_browser(browser, url)
    page.screenshot(path=str(SHOTS / f"readable-{view}-{theme}.png"))
    texts = _text(page)
    assert len(texts) > 10, "the page shows text"
    low = [t for t in texts if t["ratio"] < 4.5]
    assert not low, f"text under 4.5:1: {low[:8]}"
    small = [t for t in texts if t["size"] < 18 - 0.01]
    assert not small, f"text under 18 px: {small[:8]}"
    page.context.close()


def test_focal_county_stands_out_from_its_peers(browser, fixture_app_url):
    for theme in ("light", "dark"):
        page, _ = open_in_browser(browser, fixture_app_url + VIEWS["compare"] + f"&theme={theme}")
        fills = page.evaluate(BAR_FILLS_JS)
        distinct = sorted(set(fills))
        assert len(distinct) == 2, fills  # one accent, peers grey
        assert page.evaluate(CONTRAST_JS, distinct) >= 3.0
        page.context.close()


def test_large_text_switch_enlarges_the_page(browser, fixture_app_url):
    page, _ = open_in_browser(browser, fixture_app_url + VIEWS["targets"])
    normal = min(t["size"] for t in _text(page))
    page.context.close()
    page, _ = open_in_browser(browser, fixture_app_url + VIEWS["targets"] + "&text=large")
    page.screenshot(path=str(SHOTS / "readable-targets-large.png"))
    large = min(t["size"] for t in _text(page))
    assert page.get_by_text("大字号").count() >= 1
    assert large >= normal * 1.15, (normal, large)
    page.context.close()


@pytest.mark.parametrize("mode", ["", "&mode=present"])
def test_cockpit_fits_one_screen(browser, fixture_app_url, mode):
    page, _ = open_in_browser(browser, fixture_app_url + VIEWS["cockpit"] + mode)
    assert page.evaluate(PAGE_HEIGHT_JS) <= 1080
    page.context.close()
