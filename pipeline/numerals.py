"""Percentages written in Chinese numerals (增长百分之六, 控制在百分之四点五以内).

Reports mostly print digits, but speeches and their transcripts write 百分之七点五. Only the
plain forms are read (tens, units, 点 and decimal digits); anything else is left out.
"""

from __future__ import annotations

import re

DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_NUMBER = r"[〇零一二两三四五六七八九十点]{1,8}"
PERCENT_WORDS = re.compile(rf"百分之(?P<cn>{CN_NUMBER})")


def chinese_number(words: str) -> float | None:
    """六 → 6, 七点五 → 7.5, 十二 → 12, 二十 → 20; None for anything it cannot be sure of."""
    whole, _, decimals = words.partition("点")
    if "点" in decimals or (not whole and not decimals):
        return None
    value = _whole(whole) if whole else 0
    if value is None:
        return None
    if decimals:
        if any(ch not in DIGITS or ch == "两" for ch in decimals):
            return None
        return float(f"{value}." + "".join(str(DIGITS[ch]) for ch in decimals))
    return float(value)


def _whole(words: str) -> int | None:
    if words.count("十") > 1:
        return None
    if "十" in words:
        tens, _, units = words.partition("十")
        if len(tens) > 1 or len(units) > 1 or (tens and tens not in DIGITS) or (units and units not in DIGITS):
            return None
        return (DIGITS[tens] if tens else 1) * 10 + (DIGITS[units] if units else 0)
    if len(words) != 1 or words not in DIGITS:
        return None  # 二三 (a range), 一〇〇: not a plain number
    return DIGITS[words]
