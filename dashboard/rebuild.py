"""Rebuilds started from the app run in a separate process, never inside the Streamlit server.

A build reads every report, segments it and draws clouds: gigabytes on a big corpus.
Inside the server that memory would stay with the server. So the 数据 page starts
``python -m pipeline build --status FILE`` as a child process and follows the status file
it keeps (state, stage, files done, current file, result). The child holds the build lock, so
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

# The build's stages (``pipeline.build.STAGES``) in the order it runs them, as the page names them.
STAGES = {
    "read": ("读取", "读取、识别并提取每个文件"),
    "extract": ("提取", "汇总数值、应用更正、配对目标与实绩"),
    "vocabulary": ("词云", "统计关键词和提法（词云的依据）"),
    "write": ("写表", "写入新表格并切换到新版本"),
}
_lock = threading.Lock()


@dataclass(frozen=True)
class Job:
    state: str  # none | running | done | failed
    done: int = 0
    total: int = 0
    current: str = ""
    stage: str = ""  # one of STAGES, "" before the first is announced
    stages_done: tuple[str, ...] = ()
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


def stage_steps(job: Job) -> list[tuple[str, str, str]]:
    """(label, what happens, done | current | failed | waiting) for each stage, in build order."""
    steps = []
    # A build that failed before announcing a stage failed while starting to read.
    at = job.stage or ("read" if job.state == "failed" else "")
    for code, (label, detail) in STAGES.items():
        if job.state == "done" or code in job.stages_done:
            state = "done"
        elif code == at:
            state = "failed" if job.state == "failed" else "current"
        else:
            state = "waiting"
        steps.append((label, detail, state))
    return steps


def progress_text(job: Job) -> str:
    """The line under the stages: files read while reading, the stage's work after."""
    if job.stage in ("", "read"):
        if not job.total:
            return "等待构建开始（另一个构建结束后才会开始）…" if not job.stage else "正在读取报告文件…"
        return f"读取第 {job.done}/{job.total} 个文件：{job.current}"
    return STAGES.get(job.stage, ("", job.stage))[1] + "…"


def progress_share(job: Job) -> float:
    """Reading the files is most of a build; the three later stages share the last fifth."""
    if job.state == "done":
        return 1.0
    reading = min(job.done / job.total, 1.0) if job.total else 0.0
    if job.stage in ("", "read"):
        return 0.8 * reading
    order = list(STAGES)
    return 0.8 + 0.2 * order.index(job.stage) / len(order) if job.stage in order else 0.8


def status_path() -> Path:
    return settings.build_status_path(settings.processed_dir())


def current() -> Job:
    """The app's latest build as its status file tells it; a dead 'running' build is failed."""
    try:
        data = json.loads(status_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Job("none")
    fields = {k: data.get(k) for k in ("done", "total", "current", "stage", "summary", "error", "pid", "finished_at")}
    fields["stages_done"] = tuple(data.get("stages_done") or ())
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


def panel(admin: bool, before_start=None, label: str = "重新构建") -> None:
    """The rebuild button (``before_start()`` runs first, e.g. saving uploads, and may return
    False to cancel), the stages with a progress bar while the build runs, and the result."""
    import streamlit as st

    from dashboard import auth

    job = current()
    clicked = st.button(label, key="build_run", type="primary", disabled=not admin or job.running)
    if clicked and auth.is_unlocked() and (before_start is None or before_start() is not False):
        job = start()
    if job.running:
        stages = st.empty()
        bar = st.progress(0.0, text="构建已在后台开始…")

        def show(progress: Job) -> None:
            stages.html(stages_html(progress))
            bar.progress(progress_share(progress), text=progress_text(progress))

        job = follow(show)
        st.session_state["_build_shown"] = None
        st.rerun()  # the new build's tables, everywhere on the page
    if job.state in ("done", "failed") and st.session_state.get("_build_shown") != job.finished_at:
        st.html(stages_html(job))
        (st.success if job.state == "done" else st.error)(job.message())
        st.session_state["_build_shown"] = job.finished_at


_MARKS = {"done": "✔", "current": "●", "failed": "✘", "waiting": "○"}


def stages_html(job: Job) -> str:
    """读取 → 提取 → 词云 → 写表 as a row of steps, each with its state as a mark and a word."""
    import html

    words = {"done": "完成", "current": "进行中", "failed": "失败", "waiting": "等待"}
    cells = [
        f"<li class='cp-step cp-step-{state}' title='{html.escape(detail, quote=True)}'>"
        f"<span class='cp-step-mark'>{_MARKS[state]}</span> <b>{html.escape(label)}</b>"
        f"<span class='cp-step-state'>{words[state]}</span><br><small>{html.escape(detail)}</small></li>"
        for label, detail, state in stage_steps(job)
    ]
    return f"<ol class='cp-steps' aria-label='构建进度'>{''.join(cells)}</ol>"
