"""Start the app the way the README does and look at every page in headless Chromium.

Every page of the sample build is opened in normal mode (light) and in presentation mode
(dark): each mode and each theme once a page. The test checks that no Streamlit exception is
shown, that Chinese text is rendered, that no request leaves localhost, that presentation
hides the filters, and saves a 1920×1080 screenshot under ``artifacts/screenshots/``. Normal
mode in the dark theme is checked on every page by test_browser_readability.py. The targets
page goes on in the same load: a clicked point shows its sentence. Uploading and rebuilding
change the tables, so they run on their own copy (test_browser_data_page.py).
"""

from __future__ import annotations

import pytest

from tests.dashboard.conftest import SHOTS, open_in_browser, wait_rendered
from tests.dashboard.page_measure import assert_page_sound

pytestmark = pytest.mark.browser

PAGES = {
    "cockpit": "县情驾驶舱",
    "compare": "县域对比",
    "targets": "目标与实绩",
    "vocabulary": "政策热词",
    "data": "数据",
}
VIEWS = {
    "normal": {},
    "present-dark": {"mode": "present", "theme": "dark"},
}
# Opened and checked (as test_page_renders does) by the test below, which goes on from there.
GOES_ON = {("targets", "normal")}


def _open_view(browser, app_url, slug, view):
    params = {"page": slug, **VIEWS[view]}
    query = "&".join(f"{k}={v}" for k, v in params.items())
    page, requests = open_in_browser(browser, f"{app_url}/?{query}")
    page.screenshot(path=str(SHOTS / f"{slug}-{view}.png"), full_page=False)
    assert_page_sound(page, requests, PAGES[slug])
    if "present" in view:
        assert page.locator('[data-testid="stSidebar"]').is_hidden()
    return page


@pytest.mark.parametrize(("slug", "view"), [(s, v) for s in PAGES for v in VIEWS if (s, v) not in GOES_ON])
def test_page_renders(browser, app_url, slug, view):
    _open_view(browser, app_url, slug, view).context.close()


def test_clicking_a_point_shows_its_sentence_and_file(browser, app_url):
    page = _open_view(browser, app_url, "targets", "normal")
    points = page.locator(".js-plotly-plot .scatterlayer .trace .points path")
    assert points.count() > 0
    # The last traces are the outcomes; click one (hover labels also carry the source).
    points.nth(points.count() - 1).click(force=True)
    page.wait_for_selector("text=来源文件：", timeout=20000)
    wait_rendered(page)
    page.screenshot(path=str(SHOTS / "targets-clicked.png"))
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.get_by_text("发现数值有误？更正或隐藏这个数值").count() == 1
    page.context.close()
