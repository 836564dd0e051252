"""Freed memory handed back to the operating system between the build's stages.

Memory a stage frees stays with the allocator that gave it out, ready for reuse but still
resident: Arrow's pool (mimalloc) keeps the pages of freed arrays, and glibc's malloc keeps
free chunks inside its heaps. A build's peak is counted over all its processes, and the
stage after a large transient one (the indicators typed, the pairs made) rarely reuses
exactly those pages, so the build returns them at a few points (``give_back``). Measured at
10,000 reports: ≈ 120 MB after the indicators table (``bench/README.md``).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from functools import lru_cache

import pyarrow as pa


def give_back() -> None:
    """Return the pages freed since the last call (a few tens of ms on a 2 GB process)."""
    pa.default_memory_pool().release_unused()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@lru_cache(maxsize=1)
def _malloc_trim():
    """glibc's ``malloc_trim`` (None elsewhere: musl, macOS, Windows)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None
