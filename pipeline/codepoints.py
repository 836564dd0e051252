"""Counts of character classes over a whole text, in numpy instead of a Python loop per character.

A report is 20,000–40,000 characters; ``sum(1 for ch in text if ...)`` costs ~0.4 µs a
character (≈ 10 ms a report for the few counts reading does), the same count over the
text's code points as a numpy array ~50 µs. Each function here returns exactly what the
per-character test it replaces returned (tests compare them on every code point).
"""

from __future__ import annotations

import functools

import numpy as np


def code_points(text: str) -> np.ndarray:
    """The text's code points (UTF-32 needs no decoding step: one element per character)."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def han_mask(points: np.ndarray) -> np.ndarray:
    """CJK Unified Ideographs and Extension A (U+4E00–U+9FFF, U+3400–U+4DBF)."""
    return ((points >= 0x4E00) & (points <= 0x9FFF)) | ((points >= 0x3400) & (points <= 0x4DBF))


def count_han(text: str) -> int:
    return int(np.count_nonzero(han_mask(code_points(text))))


def count_controls(text: str) -> int:
    """Characters of Unicode category Cc (U+0000–U+001F, U+007F–U+009F) other than \\t \\n \\r \\f."""
    points = code_points(text)
    control = (points <= 0x1F) | ((points >= 0x7F) & (points <= 0x9F))
    layout = (points == 0x09) | (points == 0x0A) | (points == 0x0D) | (points == 0x0C)
    return int(np.count_nonzero(control & ~layout))


def common_han_share(text: str) -> float:
    """Share of Han characters that are GB2312 level-1 (the 3755 everyday characters); 1.0
    when the text has no Han character."""
    points = code_points(text)
    han = points[han_mask(points)]
    if not len(han):
        return 1.0
    return int(np.count_nonzero(np.isin(han, _gb2312_level1()))) / len(han)


@functools.lru_cache(maxsize=1)
def _gb2312_level1() -> np.ndarray:
    """Code points of GB2312 rows 16–55 (first byte 0xB0–0xD7): level-1 Hanzi."""
    chars = []
    for first in range(0xB0, 0xD8):
        for second in range(0xA1, 0xFF):
            try:
                chars.append(ord(bytes((first, second)).decode("gb2312")))
            except UnicodeDecodeError:
                continue  # the unassigned cells at the end of row 55
    return np.array(sorted(chars), dtype=np.uint32)
