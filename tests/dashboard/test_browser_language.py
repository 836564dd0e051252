"""No English left on screen (issue 8 §5): old addresses such as /overview reach a page instead
of "Page not found". Page text, the uploader and plotly's toolbar tooltips are checked on every
page, in both themes, by test_browser_readability.py (one load a page and theme)."""

from __future__ import annotations

import pytest

from tests.dashboard.conftest import open_in_browser
from tests.dashboard.page_measure import english_on_screen

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("old", ["/overview", "/overview?county=浚县&year=2021", "/?page=overview"])
def test_old_addresses_reach_a_page(browser, fixture_app_url, old):
    page, _ = open_in_browser(browser, fixture_app_url + old)
    text = page.inner_text("body")
    assert "Page not found" not in text and "县情驾驶舱" in page.locator("h1").first.inner_text()
    assert not english_on_screen(page)
    page.context.close()


@pytest.mark.parametrize("address", ["/no-such-page", "/cockpit"])
def test_the_page_not_found_dialog_speaks_chinese(browser, fixture_app_url, address):
    """Streamlit's own dialog for an address it has no page for (its title and its body), and the
    cockpit under its menu name (the default page lives at "/"), then the main page."""
    page, _ = open_in_browser(browser, fixture_app_url + address)
    text = page.inner_text("body")
    assert "does not seem to exist" not in text and "no corresponding file" not in text and "main page" not in text
    assert not english_on_screen(page)
    assert "县情驾驶舱" in page.locator("h1").first.inner_text()
    page.context.close()
