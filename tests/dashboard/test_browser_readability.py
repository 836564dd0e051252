"""Readable from the back of the room (issue 8 §4) and no English left on screen (issue 8 §5),
measured in the page at 1920×1080.

Each page is opened once per theme, and everything that page must be is checked in that one
load: no Streamlit exception, its Chinese title, no request leaving localhost; text contrast
≥ 4.5:1 against what is really behind it, no text under 18 px on normal pages; the selected
county ≥ 3:1 against its (grey) peers; the 县情驾驶舱 on one screen without scrolling; no
English in the page text, the uploader or plotly's toolbar tooltips. A 大字号 switch enlarges
the text; old addresses such as /overview reach a page (tests/dashboard/test_browser_language.py).
"""

from __future__ import annotations

import pytest

from tests.dashboard.conftest import SHOTS, open_in_browser, wait_rendered
from tests.dashboard.page_measure import (BAR_FILLS_JS, CONTRAST_JS, PAGE_HEIGHT_JS, TEXT_METRICS_JS,
                                          assert_page_sound, english_on_screen, toolbar_tooltips)

pytestmark = pytest.mark.browser

MAIN = '[data-testid="stMain"]'
VIEWS = {
    "cockpit": "/?page=cockpit&county=浚县&year=2021",
    "compare": "/compare?county=浚县&year=2022&indicator=固定资产投资",
    "targets": "/targets?county=浚县&year=2022&indicator=固定资产投资&measure=growth",
    "vocabulary": "/vocabulary?county=浚县&year=2021",
    "data": "/data?county=浚县&year=2022",
}
TITLES = {"cockpit": "县情驾驶舱", "compare": "县域对比", "targets": "目标与实绩", "vocabulary": "政策热词", "data": "数据"}


def _text(page, scope=MAIN):
    return page.evaluate(TEXT_METRICS_JS, scope)


def _assert_contrast_and_size(page) -> None:
    texts = _text(page)
    assert len(texts) > 10, "the page shows text"
    low = [t for t in texts if t["ratio"] < 4.5]
    assert not low, f"text under 4.5:1: {low[:8]}"
    small = [t for t in texts if t["size"] < 18 - 0.01]
    assert not small, f"text under 18 px: {small[:8]}"


def _assert_focal_county_stands_out(page) -> None:
    fills = page.evaluate(BAR_FILLS_JS)
    distinct = sorted(set(fills))
    assert len(distinct) == 2, fills  # one accent, peers grey
    assert page.evaluate(CONTRAST_JS, distinct) >= 3.0


def _assert_no_english(page) -> None:
    if page.locator(".js-plotly-plot").count():
        titles = toolbar_tooltips(page)
        assert titles and all(t and not any(c.isascii() and c.isalpha() for c in t.replace("PNG", "").replace("JSON", "")) for t in titles), titles
    found = english_on_screen(page)
    assert not found, found


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("view", list(VIEWS))
def test_page_is_readable_and_chinese(browser, fixture_app_url, view, theme):
    url = fixture_app_url + VIEWS[view] + ("&theme=dark" if theme == "dark" else "")
    page, requests = open_in_browser(browser, url)
    page.screenshot(path=str(SHOTS / f"readable-{view}-{theme}.png"))
    assert_page_sound(page, requests, TITLES[view])
    _assert_contrast_and_size(page)
    if view == "compare":
        _assert_focal_county_stands_out(page)
    if view == "cockpit":
        assert page.evaluate(PAGE_HEIGHT_JS) <= 1080, "the cockpit fits one screen"
    _assert_no_english(page)  # last: it hovers a chart to show plotly's toolbar
    page.screenshot(path=str(SHOTS / f"language-{view}-{theme}.png"))
    page.context.close()


def test_large_text_switch_enlarges_the_page(browser, fixture_app_url):
    page, _ = open_in_browser(browser, fixture_app_url + VIEWS["targets"] + "&text=large")
    page.screenshot(path=str(SHOTS / "readable-targets-large.png"))
    assert page.get_by_text("大字号").count() >= 1
    large = min(t["size"] for t in _text(page))
    page.locator('[data-testid="stSidebar"] label').filter(has_text="大字号").click()
    page.wait_for_function("() => !location.search.includes('text=large')", timeout=20000)
    wait_rendered(page)
    normal = min(t["size"] for t in _text(page))
    assert large >= normal * 1.15, (normal, large)
    page.context.close()


def test_cockpit_fits_one_screen_when_presented(browser, fixture_app_url):
    page, requests = open_in_browser(browser, fixture_app_url + VIEWS["cockpit"] + "&mode=present")
    assert_page_sound(page, requests, TITLES["cockpit"])
    assert page.evaluate(PAGE_HEIGHT_JS) <= 1080
    page.context.close()


# The chart's heading (title, and the subtitle: message and source) and the labels standing on
# the plot's top edge (the median's), as the browser drew them.
CHART_HEADING_JS = """
() => {
  const box = e => { const r = e.getBoundingClientRect(); return {text: e.textContent.trim().slice(0, 30), top: r.top, bottom: r.bottom}; };
  const plot = document.querySelector('.js-plotly-plot');
  return {heading: [...plot.querySelectorAll('.g-gtitle text')].map(box),
          labels: [...plot.querySelectorAll('.annotation-text')].map(box)};
}
"""


def _settled(page, script: str, tries: int = 20):
    """What ``script`` measures once two readings half a second apart agree: on a loaded
    machine plotly may still be laying the chart out when the page reports rendered."""
    before = page.evaluate(script)
    for _ in range(tries):
        page.wait_for_timeout(500)
        now = page.evaluate(script)
        if now == before:
            return now
        before = now
    return before


@pytest.mark.parametrize("mode", ["", "&mode=present"])
def test_median_label_stands_below_the_chart_heading(browser, fixture_app_url, mode):
    """The median's label stood on the subtitle's source line on a slide (large type): plotly
    centres a title in the top margin unless it is pinned to the top."""
    page, _ = open_in_browser(browser, fixture_app_url + VIEWS["compare"] + mode)
    drawn = _settled(page, CHART_HEADING_JS)
    median = [b for b in drawn["labels"] if b["text"].startswith("中位数")]
    assert median and len(drawn["heading"]) == 2, drawn
    heading_bottom = max(b["bottom"] for b in drawn["heading"])
    assert median[0]["top"] >= heading_bottom, drawn
    page.context.close()


@pytest.mark.parametrize("view, query", [("cockpit", "/?mode=present"), ("cockpit", "/?mode=present&county=浚县&year=2021"),
                                         ("compare", "/compare?mode=present"), ("vocabulary", "/vocabulary?mode=present"),
                                         ("targets", "/targets?mode=present"), ("data", "/data?mode=present")])
def test_slide_fits_one_screen_on_the_sample_build(browser, app_url, view, query):
    """Real reports hold more than the fixture: 13 targets in a year, a long list of dropped
    slogans, a year without targets that lists the other years' (the sample's first view), a
    peer-group note above the ranking, choices on two lines above the cloud."""
    page, requests = open_in_browser(browser, app_url + query)
    assert_page_sound(page, requests, TITLES[view])
    assert page.evaluate(PAGE_HEIGHT_JS) <= 1080 + 16  # the block's bottom padding may reach past the fold
    page.context.close()
