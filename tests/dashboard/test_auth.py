"""Changing data needs the admin password; wrong guesses earn a lock-out."""

from __future__ import annotations

import pytest

from dashboard import auth
from pipeline import corrections
from tests.dashboard.conftest import ADMIN_PASSWORD, assert_no_exception, page_text, unlock


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_right_password_unlocks_and_wrong_ones_lock_out_the_client():
    clock = FakeClock()
    guard = auth.Guard(max_failures=5, lockout_seconds=300, clock=clock)
    assert guard.check("s3cret", "s3cret", "10.0.0.1")[0]
    for _ in range(4):
        ok, message = guard.check("s3cret", "guess", "10.0.0.1")
        assert not ok and "还可尝试" in message
    ok, message = guard.check("s3cret", "guess", "10.0.0.1")
    assert not ok and "锁定" in message
    ok, message = guard.check("s3cret", "s3cret", "10.0.0.1")
    assert not ok and "分钟后再试" in message, "even the right password is refused while locked out"
    assert guard.check("s3cret", "s3cret", "10.0.0.2")[0], "another client is not locked out"
    clock.now += 301
    assert guard.check("s3cret", "s3cret", "10.0.0.1")[0]


def test_non_ascii_passwords_compare_without_error():
    assert auth.Guard().check("县情看板", "县情看板", "c")[0]
    assert not auth.Guard().check("县情看板", "县情", "c")[0]


def test_without_a_configured_password_nothing_can_be_changed(fixture_app, monkeypatch):
    monkeypatch.delenv(auth.ENV_PASSWORD)
    at = fixture_app("data")
    assert_no_exception(at)
    assert "未设置管理员密码" in page_text(at)
    assert at.button(key="build_run").disabled and all(u.proto.disabled for u in at.get("file_uploader"))


def test_locked_page_refuses_uploads_rebuilds_and_corrections(fixture_app, tmp_path, monkeypatch):
    reference = tmp_path / "reference"
    monkeypatch.setenv("COUNTY_PULSE_REFERENCE", str(reference))
    at = fixture_app("data", county="利津县", year=2020)
    assert at.button(key="build_run").disabled and all(u.proto.disabled for u in at.get("file_uploader"))
    inputs = {t.label: t for t in at.text_input}
    inputs["指标"].input("粮食产量")
    inputs["数值"].input("30.5")
    at.button(key="FormSubmitter:add_fact-保存补录").click().run()
    assert "需要管理员密码" in page_text(at)
    assert corrections.load_corrections(reference / "corrections.csv").empty


def test_wrong_password_is_refused_and_the_right_one_unlocks(fixture_app):
    at = unlock(fixture_app("data"), "wrong")
    assert "密码不正确" in page_text(at) and at.button(key="build_run").disabled
    unlock(at, ADMIN_PASSWORD)
    assert_no_exception(at)
    assert "已解锁" in page_text(at) and not at.button(key="build_run").disabled
    at.button(key="admin_lock").click().run()
    assert at.button(key="build_run").disabled


def test_five_wrong_passwords_lock_out_even_a_new_session(fixture_app):
    for _ in range(auth.MAX_FAILURES):
        unlock(fixture_app("data"), "wrong")
    at = unlock(fixture_app("data"), ADMIN_PASSWORD)
    assert "分钟后再试" in page_text(at) and at.button(key="build_run").disabled


def test_password_from_streamlit_secrets(fixture_app, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from tests.dashboard.conftest import APP

    monkeypatch.delenv(auth.ENV_PASSWORD)
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.secrets[auth.SECRETS_SECTION] = {auth.SECRETS_KEY: "from-secrets"}
    at.query_params["page"] = "data"
    at.run()
    fixture_app  # noqa: B018 - the fixture points the app at the fixture tables
    unlock(at, "from-secrets")
    assert "已解锁" in page_text(at)


@pytest.mark.parametrize("page", ["overview", "compare", "targets", "vocabulary"])
def test_viewing_needs_no_password(fixture_app, monkeypatch, page):
    monkeypatch.delenv(auth.ENV_PASSWORD)
    at = fixture_app(page)
    assert_no_exception(at)
    assert "管理员密码" not in page_text(at)


def test_file_pickers_are_disabled_until_unlocked(fixture_app):
    at = fixture_app("data")
    assert all(u.proto.disabled for u in at.get("file_uploader"))
    unlock(at)
    assert not any(u.proto.disabled for u in at.get("file_uploader"))
