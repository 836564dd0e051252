"""Who may change data: uploading, rebuilding and corrections need the admin password.

Viewing needs nothing (and the app binds 127.0.0.1 unless configured otherwise, see
``.streamlit/config.toml``). The password comes from Streamlit secrets
(``.streamlit/secrets.toml``, never committed)::

    [county_pulse]
    admin_password = "…"

or from the environment variable ``COUNTY_PULSE_ADMIN_PASSWORD``. Without either, the
changing actions stay disabled and the page says how to enable them. A password is
compared in constant time (``hmac.compare_digest``); after ``MAX_FAILURES`` wrong
passwords from one client address within ``LOCKOUT_SECONDS``, that address is locked out
for ``LOCKOUT_SECONDS``, whatever browser session it opens. A right password unlocks the
current browser session only (kept in server-side session state).
"""

from __future__ import annotations

import hmac
import os
import threading
import time
from dataclasses import dataclass, field

import streamlit as st

ENV_PASSWORD = "COUNTY_PULSE_ADMIN_PASSWORD"
SECRETS_SECTION, SECRETS_KEY = "county_pulse", "admin_password"
MAX_FAILURES = 5
LOCKOUT_SECONDS = 5 * 60
_SESSION_KEY = "_county_pulse_admin"

NOT_CONFIGURED = (
    "未设置管理员密码，上传、重新构建和更正已停用。设置方法：在 .streamlit/secrets.toml 中写入 "
    "[county_pulse] 下的 admin_password = \"…\"，或设置环境变量 COUNTY_PULSE_ADMIN_PASSWORD，然后重启看板。"
)
NEEDS_LOGIN = "修改数据（上传、重新构建、更正）需要管理员密码：请先在“数据”页输入密码解锁。"


@dataclass
class Guard:
    """Failed attempts per client, and the lock-out they earn. Thread-safe: Streamlit runs
    each session's script in its own thread, all in this one process."""

    max_failures: int = MAX_FAILURES
    lockout_seconds: float = LOCKOUT_SECONDS
    clock: object = time.monotonic
    _failures: dict[str, list[float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def check(self, expected: str, given: str, client: str) -> tuple[bool, str]:
        """(accepted, message to show). A locked-out client is refused without comparing."""
        now = self.clock()
        with self._lock:
            recent = [t for t in self._failures.get(client, []) if now - t < self.lockout_seconds]
            if len(recent) >= self.max_failures:
                wait = self.lockout_seconds - (now - recent[-1])
                return False, f"密码错误次数过多，请 {max(1, round(wait / 60))} 分钟后再试。"
            if hmac.compare_digest(expected.encode("utf-8"), given.encode("utf-8")):
                self._failures.pop(client, None)
                return True, "已解锁：本次会话可以上传、重新构建和更正。"
            recent.append(now)
            self._failures[client] = recent
            left = self.max_failures - len(recent)
            if left <= 0:
                return False, f"密码错误次数过多，已锁定 {self.lockout_seconds // 60:.0f} 分钟。"
            return False, f"密码不正确（还可尝试 {left} 次）。"

    def reset(self) -> None:
        with self._lock:
            self._failures.clear()


GUARD = Guard()


def configured_password() -> str | None:
    """The admin password from secrets, else the environment; None when neither is set."""
    try:
        value = st.secrets[SECRETS_SECTION][SECRETS_KEY]
    except Exception:  # noqa: BLE001 - no secrets file, no section, no key: all mean "not set"
        value = None
    value = value or os.environ.get(ENV_PASSWORD)
    return str(value) if value else None


def is_unlocked() -> bool:
    return bool(st.session_state.get(_SESSION_KEY)) and configured_password() is not None


def login_panel() -> bool:
    """Draw the unlock form (or the unlocked state); True when this session may change data."""
    expected = configured_password()
    if expected is None:
        st.info(NOT_CONFIGURED)
        return False
    if is_unlocked():
        c1, c2 = st.columns([4, 1])
        c1.caption("已解锁：本次会话可以上传、重新构建和更正。")
        if c2.button("锁定", key="admin_lock"):
            st.session_state.pop(_SESSION_KEY, None)
            st.rerun()
        return True
    with st.form("admin_login", clear_on_submit=True):
        given = st.text_input("管理员密码（上传、重新构建、更正需要）", type="password", key="admin_password")
        submitted = st.form_submit_button("解锁")
    if submitted:
        ok, message = GUARD.check(expected, given or "", _client())
        if ok:
            st.session_state[_SESSION_KEY] = True
            st.rerun()
        st.error(message)
    return False


def _client() -> str:
    """The client's address; one shared bucket when it is unknown (tests, bare mode, proxies
    that hide it), so unknown clients are locked out together rather than never."""
    try:
        address = st.context.ip_address
    except Exception:  # noqa: BLE001
        address = None
    return address if isinstance(address, str) and address else "unknown"
