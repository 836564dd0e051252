"""No English left on screen (issue 8 §5): page text, the uploader, plotly's toolbar tooltips,
old addresses such as /overview reaching a page instead of "Page not found"."""

from __future__ import annotations

import pytest

from tests.dashboard.conftest import SHOTS, open_in_browser

pytestmark = pytest.mark.browser

ENGLISH = ("Upload", "per file", "Drag and drop", "Browse files", "No results", "Page not found", "Download plot",
           "Zoom", "Pan", "Autoscale", "Reset axes", "Box Select", "Lasso", "Deploy", "Rerun", "Running...",
           "Made with Streamlit", "Choose an option", "True", "False", "UTC")

PAGES = {
    "cockpit": "/?county=浚县&year=2021",
    "compare": "/compare?county=浚县&year=2022&indicator=固定资产投资",
    "targets": "/targets?county=浚县&year=2022&indicator=固定资产投资",
    "vocabulary": "/vocabulary?county=浚县&year=2021",
    "data": "/data?county=浚县&year=2022",
}

# What a person sees or hears: visible text, and the tooltips / labels of controls.
SHOWN_JS = r"""
() => {
  const parts = [document.body.innerText];
  for (const el of document.querySelectorAll('[title], [aria-label], [placeholder]')) {
    for (const a of ['data-title', 'title', 'aria-label', 'placeholder']) if (el.getAttribute(a)) parts.push(el.getAttribute(a));
  }
  for (const el of document.querySelectorAll('*')) {
    const after = getComputedStyle(el, '::after').content;
    if (after && after !== 'none' && after !== 'normal') parts.push(after);
  }
  return parts.join('\n');
}
"""


def _english(shown: str) -> list[str]:
    import re

    # Streamlit's own chrome that we hide or cannot translate is not shown (aria labels of
    # icons are checked too, so only real words count: whole-word matches).
    return [w for w in ENGLISH if re.search(rf"(?<![A-Za-z]){re.escape(w)}(?![A-Za-z])", shown)]


@pytest.mark.parametrize("slug", list(PAGES))
def test_no_english_on_screen(browser, fixture_app_url, slug):
    page, _ = open_in_browser(browser, fixture_app_url + PAGES[slug])
    plots = page.locator(".js-plotly-plot")
    if plots.count():
        plots.first.hover()  # shows plotly's toolbar
        page.wait_for_timeout(300)
        # The tooltip a person sees is the button's ::after content (plotly draws it from data-title).
        titles = page.evaluate("() => Array.from(document.querySelectorAll('.modebar-btn')).map(b => getComputedStyle(b, '::after').content.replace(/^\"|\"$/g, '') || b.getAttribute('data-title'))")
        assert titles and all(t and not any(c.isascii() and c.isalpha() for c in t.replace("PNG", "").replace("JSON", "")) for t in titles), titles
    page.screenshot(path=str(SHOTS / f"language-{slug}.png"))
    found = _english(page.evaluate(SHOWN_JS))
    assert not found, found
    page.context.close()


@pytest.mark.parametrize("old", ["/overview", "/overview?county=浚县&year=2021", "/?page=overview"])
def test_old_addresses_reach_a_page(browser, fixture_app_url, old):
    page, _ = open_in_browser(browser, fixture_app_url + old)
    text = page.inner_text("body")
    assert "Page not found" not in text and "县情驾驶舱" in page.locator("h1").first.inner_text()
    page.context.close()
