"""``python -m pipeline watch``: rebuild whenever report files land in the raw directory.

A polling loop over the raw directory's (path, size, modification time) snapshot:

- a change starts a quiet period; the build starts once the snapshot has stayed the same for
  ``debounce`` seconds, so a folder copied in file by file, or one large file still being
  written, gives one build of the finished drop, not one per file;
- one build at a time: builds run in the loop itself, and changes that land during a build
  are seen when it ends (its snapshot is compared with the directory's); ``run_build``'s own
  lock also keeps it from overlapping a build started from the app or the command line;
- a failed build (nothing readable, another build holding the lock) is reported and the
  loop goes on; the last good tables stay as they were.

Why polling rather than file-system events (``watchdog``, inotify): events do not reach us
from network shares (SMB/NFS), where offices often keep such folders; a drop still needs
the quiet period either way; and a scan is cheap next to a build (about 0.25 s of CPU per
10,000 files). The pause between scans grows with the scan's own cost (at most
``1 / SCAN_SHARE`` of the time is spent scanning), so a very large raw directory is watched
less often rather than keeping a core busy. No dependency.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from pipeline import settings
from pipeline.documents import scan_raw_dir

Snapshot = dict[str, tuple[int, int]]

DEFAULT_DEBOUNCE_SECONDS = 5.0
DEFAULT_INTERVAL_SECONDS = 1.0
SCAN_SHARE = 10  # pause at least this many times as long as a scan took


@dataclass
class WatchEvent:
    kind: str  # build | failed
    message: str
    changed: int  # files added, changed or removed since the previous build


def snapshot(raw_dir: Path) -> Snapshot:
    """(size, mtime) of every file a build would read."""
    state: Snapshot = {}
    for path in scan_raw_dir(raw_dir):
        try:
            stat = path.stat()
        except OSError:
            continue  # removed between the scan and the stat
        state[path.relative_to(raw_dir).as_posix()] = (stat.st_size, stat.st_mtime_ns)
    return state


def count_changes(before: Snapshot, after: Snapshot) -> int:
    return len(set(before) ^ set(after)) + sum(1 for k in set(before) & set(after) if before[k] != after[k])


def watch(
    raw_dir: Path | None = None,
    build: Callable[[], str] | None = None,
    debounce: float = DEFAULT_DEBOUNCE_SECONDS,
    interval: float = DEFAULT_INTERVAL_SECONDS,
    on_event: Callable[[WatchEvent], None] = lambda event: None,
    stop: threading.Event | None = None,
    build_at_start: bool = True,
) -> None:
    """Watch ``raw_dir`` until ``stop`` is set (or forever); ``build()`` runs one build and
    returns its summary line, raising on failure."""
    raw_dir = Path(raw_dir or settings.raw_dir())
    build = build or _default_build(raw_dir)
    stop = stop or threading.Event()
    built: Snapshot | None = None if build_at_start else snapshot(raw_dir)
    while not stop.is_set():
        current = _wait_until_quiet(raw_dir, built, debounce, interval, stop)
        if current is None:
            return
        changed = count_changes(built or {}, current)
        try:
            on_event(WatchEvent("build", build(), changed))
        except Exception as exc:  # noqa: BLE001 - a failed build must not end the watch
            on_event(WatchEvent("failed", f"{type(exc).__name__}: {exc}", changed))
        built = current


def _wait_until_quiet(raw_dir: Path, built: Snapshot | None, debounce: float, interval: float,
                      stop: threading.Event) -> Snapshot | None:
    """The snapshot to build from: different from ``built`` and unchanged for ``debounce``
    seconds. None when stopped first."""
    last, scan_seconds = _timed_snapshot(raw_dir)
    quiet_since = time.monotonic()
    while True:
        if last != built and time.monotonic() - quiet_since >= debounce:
            return last
        if stop.wait(max(interval, SCAN_SHARE * scan_seconds)):
            return None
        current, scan_seconds = _timed_snapshot(raw_dir)
        if current != last:
            last, quiet_since = current, time.monotonic()


def _timed_snapshot(raw_dir: Path) -> tuple[Snapshot, float]:
    started = time.process_time()
    state = snapshot(raw_dir)
    return state, time.process_time() - started


def _default_build(raw_dir: Path, out_dir: Path | None = None, workers: int = 1) -> Callable[[], str]:
    def build() -> str:
        from pipeline.__main__ import format_summary
        from pipeline.build import run_build

        return format_summary(run_build(raw_dir, out_dir, workers=workers))

    return build


def main(raw_dir: Path | None, out_dir: Path | None, workers: int, debounce: float, interval: float) -> int:
    """The command line's ``watch``: prints one line per build until interrupted."""
    raw_dir = Path(raw_dir or settings.raw_dir())

    def report(event: WatchEvent) -> None:
        stamp = time.strftime("%H:%M:%S")
        if event.kind == "build":
            print(f"[{stamp}] 构建完成（{event.changed} 个文件有变化）：{event.message}", flush=True)
        else:
            print(f"[{stamp}] 构建失败（{event.changed} 个文件有变化），下次文件变化时重试：{event.message}", flush=True)

    print(f"监视 {raw_dir}：文件停止变化 {debounce:g} 秒后重新构建（Ctrl+C 退出）", flush=True)
    try:
        watch(raw_dir, _default_build(raw_dir, out_dir, workers), debounce, interval, report)
    except KeyboardInterrupt:
        print("已停止监视", flush=True)
    return 0
