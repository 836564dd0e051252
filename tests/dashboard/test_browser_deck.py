"""Decks that can be presented (issue 8 §3), driven with the keyboard at 1920×1080."""

from __future__ import annotations

import re

import pytest

from tests.dashboard.conftest import SHOTS, open_in_browser, wait_rendered
from tests.dashboard.page_measure import OVERFLOW_JS, PAGE_HEIGHT_JS

pytestmark = pytest.mark.browser

DECK = "/?page=cockpit&county=浚县&year=2022&mode=present"


def _position(page) -> tuple[int, int]:
    label = page.locator(".cp-slide-label").first.inner_text()
    current, total = re.search(r"（(\d+) / (\d+)）", label).groups()
    return int(current), int(total)


def _press(page, key: str) -> None:
    page.locator("h1").first.click()  # focus the page, not a widget
    page.keyboard.press(key)
    page.wait_for_timeout(500)
    wait_rendered(page)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_keyboard_moves_slides_and_nothing_overflows(browser, fixture_app_url, theme):
    page, requests = open_in_browser(browser, fixture_app_url + DECK + f"&theme={theme}")
    current, total = _position(page)
    assert (current, total) == (1, total) and total >= 3
    assert page.locator('[data-testid="stSidebar"]').is_hidden(), "filters hidden on slides"
    value = page.locator(".cp-tile-value").first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    label = page.locator(".cp-tile-label").first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert value >= 1.8 * label, (value, label)
    seen = []
    for step in range(total):
        page.screenshot(path=str(SHOTS / f"deck-{theme}-{step + 1}.png"))
        assert page.evaluate(OVERFLOW_JS) == [], f"slide {step + 1} overflows"
        assert page.evaluate(PAGE_HEIGHT_JS) <= 1080, f"slide {step + 1} scrolls"
        seen.append(_position(page)[0])
        if step < total - 1:
            _press(page, ["ArrowRight", "PageDown", "Space"][step % 3])
    assert seen == list(range(1, total + 1))
    assert f"slide={total}" in page.url
    _press(page, "ArrowLeft")
    assert _position(page)[0] == total - 1
    _press(page, "PageUp")
    assert _position(page)[0] == total - 2
    page.context.close()


def test_slide_link_opens_that_slide_and_auto_advance_moves_on(browser, fixture_app_url):
    page, _ = open_in_browser(browser, fixture_app_url + DECK + "&slide=2&auto=10")
    assert _position(page)[0] == 2
    # The next slide arrives by itself (10 s interval; generous timeout for a loaded machine).
    page.wait_for_function("() => /（3 \\/ /.test(document.querySelector('.cp-slide-label')?.innerText || '')", timeout=40000)
    assert "auto=10" in page.url
    page.context.close()


def test_deck_prints_one_slide_per_page(browser, fixture_app_url):
    page, requests = open_in_browser(browser, fixture_app_url + DECK + "&print=all")
    page.wait_for_timeout(2000)
    titles = page.locator(".cp-print-title")
    assert titles.count() >= 3
    pdf = page.pdf(width="1920px", height="1080px", print_background=True, prefer_css_page_size=True)
    (SHOTS / "deck.pdf").write_bytes(pdf)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages >= titles.count(), (pages, titles.count())
    assert all(u.startswith(fixture_app_url) or u.startswith(("data:", "blob:", "about:")) for u in requests)
    page.context.close()


# Each omitted element's box, as the browser laid it out.
OMITTED_BOXES_JS = """
() => [...document.querySelectorAll('.cp-slide-omit, .cp-legend')].map(e => {
  const box = e.closest('[data-testid="stElementContainer"]');
  return {text: e.textContent.trim().slice(0, 20), display: getComputedStyle(box).display};
})
"""


def test_what_a_slide_omits_leaves_no_gap(browser, fixture_app_url):
    """A year without targets shows the county's other years' targets: on a slide their heading
    follows the tiles without the empty year's heading, and its element box is gone too (an
    empty box still took the column's gap, a hole above the heading)."""
    page, requests = open_in_browser(browser, fixture_app_url + "/?page=cockpit&county=浚县&year=2023&mode=present")
    omitted = page.evaluate(OMITTED_BOXES_JS)
    assert any("目标完成情况" in box["text"] for box in omitted), omitted
    assert all(box["display"] == "none" for box in omitted), omitted
    assert page.get_by_text("浚县其他年份的目标").first.is_visible()
    page.context.close()
