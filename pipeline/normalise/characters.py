"""Characters: one newline and space convention, ASCII digits, simplified script."""

from __future__ import annotations

import functools
import hashlib
import os
import re
from collections import Counter
from pathlib import Path

from pipeline import settings

# Text is converted to simplified characters when this share of its Han characters
# are traditional-only: simplified reports have none, traditional ones 20-30 %.
TRADITIONAL_SHARE = 0.05

HAN = r"\u3400-\u4dbf\u4e00-\u9fff"


_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = dict.fromkeys(map(ord, "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
                             "\u2007\u2008\u2009\u200a\u202f\u205f\u3000\x0b\x0c"), " ")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def any_of(table: dict[int, str | None]) -> re.Pattern[str]:
    """A pattern that finds the runs of characters a translation table would change."""
    return re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(table)) + "]+")


def translate_present(text: str, table: dict[int, str | None], present: re.Pattern[str]) -> str:
    """``text.translate(table)``, skipped when ``present`` (``any_of(table)``) finds nothing.

    str.translate looks every character of a non-ASCII text up in the table; a regex scan
    is several times faster, and most texts hold none of the table's characters. A text that
    holds some has them in short runs (full-width digits, odd spaces), so only the runs are
    translated: a character outside them is not in the table, which ``translate`` would keep.
    """
    if present.search(text) is None:
        return text
    return present.sub(lambda run: run.group().translate(table), text)


_INVISIBLE_ANY = any_of(_INVISIBLE)
_SPACES_ANY = any_of(_SPACES)


def clean_characters(text: str) -> str:
    """One newline convention, one kind of space, no invisible or control characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = translate_present(text, _INVISIBLE, _INVISIBLE_ANY)
    text = translate_present(text, _SPACES, _SPACES_ANY)
    return _CONTROL.sub("", text)


def _width_table() -> dict[int, str]:
    # Digits, Latin letters and the symbols of numbers fold to ASCII. Chinese
    # punctuation (，。；：、！？（）“”) keeps its full-width form: it carries meaning.
    table = {code: chr(code - 0xFEE0) for code in range(0xFF10, 0xFF1A)}
    table.update({code: chr(code - 0xFEE0) for code in range(0xFF21, 0xFF3B)})
    table.update({code: chr(code - 0xFEE0) for code in range(0xFF41, 0xFF5B)})
    table.update({ord(ch): chr(ord(ch) - 0xFEE0) for ch in "％＊＋－．／＜＝＞＠＃＆＿［］｛｝＂＇＄＾｀｜＼"})
    return table


_WIDTH = _width_table()
_WIDTH_ANY = any_of(_WIDTH)
# The punctuation mark comes first, the lookbehind after it: a pattern that opens with a
# literal lets the regex engine skip to the next one instead of trying every position.
_THOUSANDS_COMMA = re.compile(r"，(?<=\d，)(?=\d{3}(?!\d))")
_DIGIT_COLON = re.compile(r"：(?<=[\dXx]：)(?=[\dXx])")


def fold_width(text: str) -> str:
    """７．９％ → 7.9%, ＸＸ → XX, １，２３４ → 1,234, 12.8：51.9 → 12.8:51.9."""
    text = translate_present(text, _WIDTH, _WIDTH_ANY)
    text = _THOUSANDS_COMMA.sub(",", text)
    return _DIGIT_COLON.sub(":", text)


# 二〇二三年工作回顾: a year in Chinese digits, folded to Arabic digits (four characters for four,
# so offsets keep their meaning) for the year logic that reads "2023年".
_CHINESE_YEAR = re.compile(r"(?:一九|二[〇零○])[〇零○一二三四五六七八九]{2}(?=\s*年)")
_YEAR_DIGITS = str.maketrans({"〇": "0", "零": "0", "○": "0", "一": "1", "二": "2", "三": "3", "四": "4",
                              "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"})


def fold_chinese_years(text: str) -> str:
    """二〇二三年 → 2023年, 一九九八年 → 1998年."""
    return _CHINESE_YEAR.sub(lambda m: m.group(0).translate(_YEAR_DIGITS), text)


def to_simplified_if_traditional(text: str) -> str:
    if traditional_share(text) < TRADITIONAL_SHARE:
        return text
    return _t2s().convert(text)


def traditional_share(text: str) -> float:
    """Share of Han characters that simplified conversion would change."""
    if not _traditional_pattern().search(text):
        return 0.0  # the usual case: a simplified text, decided by one scan in C
    # Counter counts in C; the Python loop then runs once per distinct character, not per character.
    total = changed = 0
    for ch, n in Counter(text).items():
        if _is_han(ch):
            total += n
            if _is_traditional(ch):
                changed += n
    if not total:
        return 0.0
    return changed / total


@functools.lru_cache(maxsize=1)
def _traditional_pattern() -> re.Pattern[str]:
    """Every Han character that simplified conversion changes (3,751 of 27,584), as one
    character class: searching a report for it takes ~0.1 ms, the set of its distinct
    characters ~1.4 ms."""
    return re.compile("[" + _traditional_characters() + "]")


def _traditional_characters() -> str:
    """Asking OpenCC about every Han character takes ~0.3 s: the answer is kept in the cache
    directory under a stamp of OpenCC's files (with a checksum), so a process building one
    report does not pay it."""
    path = settings.jieba_cache_dir() / f"t2s-changed-{_opencc_stamp()}.txt"
    try:
        chars, check = path.read_text(encoding="utf-8").rsplit("\n", 1)
        if check == _checksum(chars):
            return chars
    except (OSError, ValueError):
        pass
    han = map(chr, (*range(0x3400, 0x4DC0), *range(0x4E00, 0xA000)))  # the ranges of _is_han
    chars = "".join(ch for ch in han if _is_traditional(ch))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        tmp.write_text(chars + "\n" + _checksum(chars), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only cache only costs the 0.3 s next time
    return chars


def _opencc_stamp() -> str:
    import opencc

    root = Path(opencc.__file__).parent
    files = sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    listing = "".join(f"{p.relative_to(root)}:{p.stat().st_size}:{p.stat().st_mtime_ns};" for p in files)
    return hashlib.blake2b(listing.encode("utf-8"), digest_size=8).hexdigest()


def _checksum(chars: str) -> str:
    return hashlib.blake2b(chars.encode("utf-8"), digest_size=16).hexdigest()


@functools.lru_cache(maxsize=65536)
def _is_traditional(ch: str) -> bool:
    """Per character, cached: a corpus reuses a few thousand characters millions of times."""
    return _t2s().convert(ch) != ch


@functools.lru_cache(maxsize=1)
def _t2s():
    import opencc  # loads dictionaries: only when a text needs it

    return opencc.OpenCC("t2s")


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"
