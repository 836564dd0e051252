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
        return self._executor.map(fn, map(_Shipped, jobs), chunksize=chunksize)

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


class _Shipped:
    """A job on its way to a worker, which receives the job itself (``_received``).

    Its text arguments travel as UTF-8 bytes encoded for the trip: CPython's pickler writes a
    ``str`` through ``PyUnicode_AsUTF8AndSize``, which keeps the UTF-8 form on the string for
    as long as it lives. Shipped as they are, the build's texts (held until the tables are
    written) each grew by their UTF-8 size on their first trip: ≈ 300 MB at 10,000 reports."""

    __slots__ = ("job",)

    def __init__(self, job):
        self.job = job

    def __reduce__(self):
        job = self.job
        if type(job) is str:
            return _received, (_utf8(job), True)
        if type(job) is tuple and any(type(value) is str for value in job):
            texts = tuple(i for i, value in enumerate(job) if type(value) is str)
            return _received, (tuple(_utf8(v) if i in texts else v for i, v in enumerate(job)), texts)
        return _received, (job, None)


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")  # lone surrogates too, as pickle ships them


def _received(job, texts):
    """The job as it was given to ``BuildPool.map`` (``texts``: True, the job is a text; else
    the positions of the tuple's texts, or None)."""
    if texts is True:
        return job.decode("utf-8", "surrogatepass")
    if texts:
        return tuple(v.decode("utf-8", "surrogatepass") if i in texts else v for i, v in enumerate(job))
    return job
