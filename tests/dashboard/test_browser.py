"""Start the app the way the README does and look at every page in headless Chromium.

For each page, in normal and presentation mode (light and dark), the test checks that no
Streamlit exception is shown, that Chinese text is rendered, that no request leaves
localhost, and saves a 1920×1080 screenshot under ``artifacts/screenshots/``.
"""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from tests.dashboard.conftest import SHOTS
from tests.dashboard.conftest import wait_rendered as _wait_rendered

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
    "present": {"mode": "present"},
    "present-dark": {"mode": "present", "theme": "dark"},
    "normal-dark": {"theme": "dark"},
}


@pytest.mark.parametrize("view", list(VIEWS))
@pytest.mark.parametrize("slug", list(PAGES))
def test_page_renders(browser, app_url, slug, view):
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="zh-CN")
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    params = {"page": slug, **VIEWS[view]}
    query = "&".join(f"{k}={v}" for k, v in params.items())
    page.goto(f"{app_url}/?{query}", wait_until="domcontentloaded")
    _wait_rendered(page)
    page.screenshot(path=str(SHOTS / f"{slug}-{view}.png"), full_page=False)
    exceptions = page.locator('[data-testid="stException"]')
    assert exceptions.count() == 0, exceptions.first.inner_text()
    text = page.inner_text("body")
    assert PAGES[slug] in text
    hosts = {urlparse(u).hostname for u in requests if urlparse(u).scheme in ("http", "https", "ws", "wss")}
    assert hosts <= {"127.0.0.1", "localhost"}, f"requests left the machine: {sorted(hosts)}"
    if "present" in view:
        assert page.locator('[data-testid="stSidebar"]').is_hidden()
    context.close()


def test_clicking_a_point_shows_its_sentence_and_file(browser, app_url):
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="zh-CN")
    page = context.new_page()
    page.goto(f"{app_url}/?page=targets", wait_until="domcontentloaded")
    _wait_rendered(page)
    points = page.locator(".js-plotly-plot .scatterlayer .trace .points path")
    assert points.count() > 0
    # The last traces are the outcomes; click one (hover labels also carry the source).
    points.nth(points.count() - 1).click(force=True)
    page.wait_for_selector("text=来源文件：", timeout=20000)
    _wait_rendered(page)
    page.screenshot(path=str(SHOTS / "targets-clicked.png"))
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.get_by_text("发现数值有误？更正或隐藏这个数值").count() == 1
    context.close()
