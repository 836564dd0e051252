"""Rebuilds started from the app run in a separate process, never inside the Streamlit server.

A build reads every report, segments it and draws clouds: gigabytes on a big corpus.
Inside the server that memory would stay with the server. So the 数据 page starts
``python -m pipeline build --status FILE`` as a child process and follows the status file
it keeps (state, files done, current file, result). The child holds the build lock, so
a build started from the command line at the same time simply waits its turn. If the
page is left, the build goes on; coming back shows its progress again.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from pipeline import settings

_children: dict[int, subprocess.Popen] = {}  # reaped by poll(): this server's builds
_lock = threading.Lock()


@dataclass(frozen=True)
class Job:
    state: str  # none | running | done | failed
    done: int = 0
    total: int = 0
    current: str = ""
    summary: dict | None = None
    error: str | None = None
    pid: int | None = None
    finished_at: float | None = None

    @property
    def running(self) -> bool:
        return self.state == "running"

    def message(self) -> str:
        if self.state == "done" and self.summary:
            s = self.summary
            return (f"构建完成（{s['seconds']:.1f} 秒）：入库 {s['ok']}，拒收 {s['rejected']}，重复 {s['duplicate']}，"
                    f"未变 {s['unchanged']}，数值 {s['facts']}。")
        if self.state == "failed":
            return f"构建失败：{self.error}。原有表格保持不变。"
        return ""


def status_path() -> Path:
    return settings.build_status_path(settings.processed_dir())


def current() -> Job:
    """The app's latest build as its status file tells it; a dead 'running' build is failed."""
    try:
        data = json.loads(status_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Job("none")
    fields = {k: data.get(k) for k in ("done", "total", "current", "summary", "error", "pid", "finished_at")}
    job = Job(data.get("state", "none"), **{k: v for k, v in fields.items() if v is not None})
    if job.running and not _alive(job.pid):
        return Job("failed", error="构建进程意外终止", pid=job.pid)
    return job


def start() -> Job:
    """Start a build in a child process, unless this app's previous one is still running."""
    with _lock:
        job = current()
        if job.running:
            return job
        path = status_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(settings.PROJECT_ROOT),
                                                                          os.environ.get("PYTHONPATH")]))}
        child = subprocess.Popen(
            [sys.executable, "-m", "pipeline", "build", "--status", str(path)],
            cwd=settings.PROJECT_ROOT, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, start_new_session=True,  # a Streamlit rerun or Ctrl-C does not stop it
        )
        _children[child.pid] = child
        _wait_for_status(path, child)
        return current()


def follow(on_progress, poll_seconds: float = 0.3, timeout: float | None = None) -> Job:
    """Call ``on_progress(job)`` until the build has finished; return the final state."""
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        job = current()
        on_progress(job)
        if not job.running or (deadline is not None and time.monotonic() > deadline):
            return job
        time.sleep(poll_seconds)


def _wait_for_status(path: Path, child: subprocess.Popen, seconds: float = 30) -> None:
    """The child writes its status file first thing; wait for it so the page never shows 'none'."""
    deadline = time.monotonic() + seconds
    while not path.exists() and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    if not path.exists() and child.poll() is not None:
        from pipeline.publish import write_atomic

        write_atomic(path, json.dumps({"state": "failed", "error": f"构建进程未能启动（退出码 {child.returncode}）"},
                                      ensure_ascii=False))


def _alive(pid: int | None) -> bool:
    if not pid:
        return False
    child = _children.get(pid)
    if child is not None:
        return child.poll() is None  # also reaps it
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie (exited, not yet reaped by another parent) is not running
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return True


def panel(admin: bool) -> None:
    """The 数据 page's rebuild button, progress bar and result."""
    import streamlit as st

    from dashboard import auth

    job = current()
    clicked = st.button("重新构建", key="build_run", disabled=not admin or job.running)
    if clicked and auth.is_unlocked():
        job = start()
    if job.running:
        bar = st.progress(0.0, text="构建已在后台开始…")

        def show(progress: Job) -> None:
            share = min(progress.done / progress.total, 1.0) if progress.total else 0.0
            bar.progress(share, text=f"{progress.done}/{progress.total}　{progress.current}" if progress.total
                         else "等待构建开始（另一个构建结束后才会开始）…")

        job = follow(show)
        st.session_state["_build_shown"] = None
        st.rerun()  # the new build's tables, everywhere on the page
    if job.state in ("done", "failed") and st.session_state.get("_build_shown") != job.finished_at:
        (st.success if job.state == "done" else st.error)(job.message())
        st.session_state["_build_shown"] = job.finished_at
