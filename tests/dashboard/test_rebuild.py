"""Rebuilds started from the app run in a separate process and report back."""

from __future__ import annotations

import shutil

import pytest

from dashboard import rebuild
from pipeline import settings
from tests.dashboard.conftest import REPO, assert_no_exception, open_page, page_text, unlock


@pytest.fixture
def fresh_data_dir(tmp_path, monkeypatch):
    root = tmp_path / "data"
    shutil.copytree(REPO / "data" / "raw", root / "raw")
    shutil.copytree(REPO / "data" / "reference", root / "reference")
    for name in ("COUNTY_PULSE_RAW", "COUNTY_PULSE_REFERENCE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COUNTY_PULSE_DATA", str(root))
    monkeypatch.setenv("COUNTY_PULSE_PROCESSED", str(root / "processed"))
    return root


def test_the_build_runs_in_a_child_process_not_in_the_server(fresh_data_dir, monkeypatch):
    import pipeline.build

    def in_process(*args, **kwargs):
        raise AssertionError("the app ran the build inside the server process")

    monkeypatch.setattr(pipeline.build, "run_build", in_process)
    at = unlock(open_page("data"))
    at.button(key="build_run").click().run(timeout=300)
    assert_no_exception(at)
    assert "构建完成" in page_text(at)
    job = rebuild.current()
    assert job.state == "done" and job.pid and job.pid != __import__("os").getpid()
    assert job.stages_done == ("read", "extract", "vocabulary") and job.stage == "write", "every stage was reported"
    from pipeline import contracts

    documents = contracts.read_table("documents", settings.table_path(settings.processed_dir(), "documents"))
    assert job.summary["ok"] == int((documents["status"] == "ok").sum()) > 0


def test_a_failed_build_shows_its_reason_and_keeps_the_old_tables(fresh_data_dir, monkeypatch):
    monkeypatch.setenv("COUNTY_PULSE_RAW", str(fresh_data_dir / "missing"))
    at = unlock(open_page("data"))
    at.button(key="build_run").click().run(timeout=120)
    assert_no_exception(at)
    assert "构建失败" in page_text(at) and "不存在" in page_text(at)
    assert any("cp-step-failed" in str(h.proto.body) for h in at.get("html")), "the stage that failed is marked"


def test_a_build_that_died_is_not_shown_as_running(fresh_data_dir):
    from pipeline.publish import write_atomic

    path = rebuild.status_path()
    path.parent.mkdir(parents=True)
    write_atomic(path, '{"state": "running", "pid": 999999999, "done": 3, "total": 7}')
    job = rebuild.current()
    assert not job.running and "意外终止" in job.error
