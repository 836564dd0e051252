"""Where a build's output goes and how it becomes visible: the lock, the versioned build
directories, the one pointer switched last, and the clean-up of what killed builds leave.

Layout of an output directory (paths from ``pipeline.settings``)::

    .build.lock             held (flock) by the running build; the OS releases it if the build dies
    CURRENT                 the name of the current build directory, replaced atomically
    builds/<id>/            one complete build: tables and build.json
    builds/.staging-<id>/   a build being written (never read)
    .cache/                 per-document results and drawn clouds, shared by builds

A reader resolves ``CURRENT`` once and reads everything from that directory, so it sees
one complete build or the previous one, never a mixture. The last ``KEEP_BUILDS`` builds
are kept, so a reader that resolved the pointer just before a switch still finds its files.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import filelock

from pipeline import settings

log = logging.getLogger(__name__)

KEEP_BUILDS = 2
STAGING_PREFIX = ".staging-"


class LockTimeout(RuntimeError):
    """Another build held the output directory for longer than we were willing to wait."""


@contextmanager
def build_lock(out_dir: Path, timeout: float | None = None, waiting=None) -> Iterator[None]:
    """One build at a time per output directory; the second waits for the first.

    ``filelock`` (``fcntl.flock`` on POSIX, ``msvcrt.locking`` on Windows) rather than a
    pid file: the kernel drops the lock when its holder dies, so a ``kill -9``'d build or
    a stopped app never locks out later builds.
    """
    timeout = settings.BUILD_LOCK_TIMEOUT_SECONDS if timeout is None else timeout
    lock = filelock.FileLock(settings.build_lock_path(out_dir), thread_local=False)
    try:
        lock.acquire(timeout=0)
    except filelock.Timeout:
        if waiting is not None:
            waiting()
        try:
            lock.acquire(timeout=timeout)
        except filelock.Timeout as exc:
            raise LockTimeout(f"另一个构建正在进行，已等待 {timeout:.0f} 秒仍未结束") from exc
    try:
        yield
    finally:
        lock.release()


def new_staging_dir(out_dir: Path) -> Path:
    """A fresh directory to write one build into; invisible to readers until published."""
    name = time.strftime("%Y%m%dT%H%M%S", time.gmtime()) + "-" + uuid.uuid4().hex[:8]
    staging = settings.builds_dir(out_dir) / f"{STAGING_PREFIX}{name}"
    staging.mkdir(parents=True)
    return staging


def publish(out_dir: Path, staging: Path, manifest: dict) -> Path:
    """Make the staged build the current one: manifest, rename, then the pointer, last."""
    write_atomic(settings.manifest_path(staging), json.dumps(manifest, ensure_ascii=False, indent=2,
                                                               sort_keys=True))
    final = staging.with_name(staging.name.removeprefix(STAGING_PREFIX))
    os.replace(staging, final)
    _fsync_dir(final.parent)
    write_atomic(settings.current_pointer_path(out_dir), final.name + "\n")
    _remove_flat_layout(out_dir)
    prune_builds(out_dir)
    return final


def write_atomic(path: Path, text: str) -> None:
    """Temp file, fsync, rename: a reader (or a full disk) never leaves half a file behind."""
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def prune_builds(out_dir: Path, keep: int = KEEP_BUILDS) -> None:
    """Delete all but the newest ``keep`` complete builds (never the current one)."""
    current = settings.current_build_dir(out_dir).name
    # Oldest first: by time of publishing (the rename), then by name (a UTC timestamp).
    builds = sorted((p for p in settings.builds_dir(out_dir).iterdir() if p.is_dir() and not p.name.startswith(".")),
                    key=lambda p: (p.stat().st_mtime, p.name))
    for old in builds[:-keep] if keep else builds:
        if old.name != current:
            shutil.rmtree(old, ignore_errors=True)


def clean_stale(out_dir: Path) -> list[Path]:
    """Remove what killed builds left: staging directories and half-written temp files.

    Call only while holding the build lock: then no live build owns any of them.
    """
    out_dir = Path(out_dir)
    patterns = [
        (settings.builds_dir(out_dir), f"{STAGING_PREFIX}*"),
        (out_dir, f"{STAGING_PREFIX}*"),  # the flat layout's staging directories
        (out_dir, ".clouds-old-*"),
        (out_dir, ".*.tmp"),
        (settings.cache_dir(out_dir), "*.tmp"),
        (settings.cache_dir(out_dir) / "clouds", ".tmp-*"),
    ]
    removed = []
    for folder, pattern in patterns:
        if not folder.is_dir():
            continue
        for path in folder.glob(pattern):
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
            removed.append(path)
    if removed:
        log.info("removed %d leftovers of killed builds", len(removed))
    return removed


def _remove_flat_layout(out_dir: Path) -> None:
    """Tables of the layout before versioned builds, now shadowed by the pointer."""
    for path in out_dir.glob("*.parquet"):
        path.unlink(missing_ok=True)
    settings.manifest_path_flat(out_dir).unlink(missing_ok=True)
    clouds = out_dir / "clouds"
    if clouds.is_dir() and not clouds.is_symlink():
        shutil.rmtree(clouds, ignore_errors=True)


def _fsync_dir(path: Path) -> None:
    """Make a rename durable; not every platform can open a directory."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
