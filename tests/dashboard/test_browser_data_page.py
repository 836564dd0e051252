"""数据 page in Chromium: one 保存并重新构建 button stores the chosen files and rebuilds, the
stages 读取 → 提取 → 词云 → 写表 show while it runs, refused files come with reason and advice.

Runs on its own copy of the sample build: the rebuild changes the tables, and the other
browser tests share theirs.
"""

from __future__ import annotations

import shutil

import pytest

from tests.dashboard.conftest import ADMIN_PASSWORD, SHOTS, open_in_browser, running_app, wait_rendered

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def own_data_dir(built_data_root, tmp_path_factory):
    root = tmp_path_factory.mktemp("data-page") / "data"
    shutil.copytree(built_data_root, root)
    return root


@pytest.fixture(scope="module")
def own_app_url(own_data_dir):
    with running_app(own_data_dir) as base:
        yield base


def _unlock(page) -> None:
    page.get_by_label("管理员密码（上传、重新构建、更正需要）").fill(ADMIN_PASSWORD)
    page.get_by_role("button", name="解锁").click()
    page.wait_for_selector("text=已解锁", timeout=20000)
    wait_rendered(page)


def test_locked_page_offers_no_way_to_change_data(browser, own_app_url):
    page, _ = open_in_browser(browser, own_app_url + "/data")
    button = page.get_by_role("button", name="保存并重新构建")
    assert button.count() == 1 and button.is_disabled()
    page.context.close()


def test_one_button_saves_rebuilds_and_reports_stages(browser, own_app_url, own_data_dir, tmp_path):
    good = tmp_path / "丁县2025年政府工作报告.txt"
    good.write_text("丁县2025年政府工作报告\n" + "过去一年，全县地区生产总值增长6.5%，固定资产投资增长8%。\n" * 30, encoding="utf-8")
    short = tmp_path / "只有标题.txt"
    short.write_text("只有标题", encoding="utf-8")
    empty = tmp_path / "空文件.txt"
    empty.write_bytes(b"")
    page, requests = open_in_browser(browser, own_app_url + "/data")
    _unlock(page)
    primary = page.locator('[data-testid="stBaseButton-primary"]')
    assert primary.count() == 1 and primary.inner_text().strip() == "保存并重新构建", "one primary button"
    page.locator('[data-testid="stFileUploader"] input[type="file"]').first.set_input_files([str(good), str(short), str(empty)])
    page.wait_for_selector(f"text={good.name}", timeout=20000)
    page.get_by_role("button", name="保存并重新构建").click()
    page.wait_for_selector(".cp-steps", timeout=60000)  # the stages while the child process builds
    seen = page.locator(".cp-steps").inner_text()
    page.screenshot(path=str(SHOTS / "data-building.png"))
    for stage in ("读取", "提取", "词云", "写表"):
        assert stage in seen
    page.wait_for_selector("text=构建完成", timeout=240000)
    wait_rendered(page)
    page.screenshot(path=str(SHOTS / "data-built.png"), full_page=True)
    assert page.locator(".cp-step-done").count() == 4
    # Stored under raw/uploads; the empty file was refused by the uploader, with what to do.
    assert (own_data_dir / "raw" / "uploads" / good.name).read_text(encoding="utf-8") == good.read_text(encoding="utf-8")
    assert not (own_data_dir / "raw" / "uploads" / empty.name).exists()
    body = page.inner_text("body")
    assert "本次上传的文件" in body and "文件是空的" in body and "重新导出" in body
    # The build took the report in and rejected the one without text, with the full reason and advice.
    rejected = page.locator(".cp-table", has_text="怎么办").filter(has_text="已拒收").filter(has_text="状态").filter(has_text=short.name)
    assert rejected.count() >= 1
    row = rejected.first.locator("tr", has_text=short.name).inner_text()
    assert "正文" in row and "报告全文" in row
    assert "丁县" in page.locator('[data-testid="stSidebar"]').inner_text() or "丁县" in body
    assert all(r.startswith(own_app_url) or r.startswith("data:") or r.startswith("blob:") for r in requests)
    page.context.close()


def test_when_every_chosen_file_is_refused_nothing_is_rebuilt(browser, own_app_url, own_data_dir, tmp_path):
    empty = tmp_path / "另一个空文件.txt"
    empty.write_bytes(b"")
    before = (own_data_dir / "processed").stat().st_mtime_ns, sorted(p.name for p in (own_data_dir / "processed").iterdir())
    page, _ = open_in_browser(browser, own_app_url + "/data")
    _unlock(page)
    page.locator('[data-testid="stFileUploader"] input[type="file"]').first.set_input_files(str(empty))
    page.wait_for_selector(f"text={empty.name}", timeout=20000)
    page.get_by_role("button", name="保存并重新构建").click()
    page.wait_for_selector("text=所以没有重新构建", timeout=30000)
    wait_rendered(page)
    assert "文件是空的" in page.inner_text("body")
    after = (own_data_dir / "processed").stat().st_mtime_ns, sorted(p.name for p in (own_data_dir / "processed").iterdir())
    assert before == after
    page.context.close()
