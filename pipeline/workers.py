"""Worker processes of a parallel build die with the build.

``ProcessPoolExecutor`` workers outlive a parent killed with ``kill -9`` (nothing runs in
the parent to stop them) and would go on using memory and CPU forever. Each worker's
initializer therefore asks the kernel to kill it when its parent dies (Linux
``prctl(PR_SET_PDEATHSIG, SIGKILL)``), and where that is not available watches its parent
from a daemon thread and exits once the parent is gone.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterable

PR_SET_PDEATHSIG = 1
WATCH_INTERVAL_SECONDS = 1.0


def die_with_parent(parent_pid: int) -> None:
    """Initializer for pool workers: never outlive ``parent_pid``."""
    if not _kernel_kills_us_with_parent():
        threading.Thread(target=_watch_parent, args=(parent_pid,), name="watch-parent", daemon=True).start()
    if os.getppid() != parent_pid:  # the parent died before we could ask
        os._exit(1)


def _kernel_kills_us_with_parent() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent_pid: int) -> None:
    while True:
        if os.getppid() != parent_pid:
            os._exit(1)
        time.sleep(WATCH_INTERVAL_SECONDS)


class BuildPool:
    """``workers`` processes, forked at the first ``map`` (after ``before_fork``, which loads
    what every worker should inherit) and kept until ``shutdown``, so that each stage of a
    build reuses them instead of forking its own pool from a grown build process."""

    def __init__(self, workers: int, before_fork: Callable[[], None] | None = None):
        self.workers = workers
        self._before_fork = before_fork
        self._executor: ProcessPoolExecutor | None = None

    def map(self, fn: Callable, jobs: Iterable, chunksize: int = 1):
        if self._executor is None:
            if self._before_fork is not None:
                self._before_fork()
            self._executor = ProcessPoolExecutor(max_workers=self.workers, initializer=die_with_parent,
                                                 initargs=(os.getpid(),))
        return self._executor.map(fn, jobs, chunksize=chunksize)

    @property
    def started(self) -> bool:
        return self._executor is not None

    def shutdown(self) -> None:
        if self._executor is not None:
            self._executor.shutdown()
            self._executor = None

    def __enter__(self) -> "BuildPool":
        return self

    def __exit__(self, *exc) -> None:
        self.shutdown()
