"""One phrase, three forms: as written (``normalise_phrase``), folded for matching
(``fold_phrase``: simplified script) and its family key (``family_key``: no separators).

Real pages add noise inside a quote that is not part of the slogan: footnote markers
(“放管服”[1], “六稳①”), inline pinyin (三重四创(chuàng)), full-width digits, a '+' turned into
a space by a mirror site (“5 1” for “5+1”). All of it is dropped here, so every later step
sees the slogan itself.
"""

from __future__ import annotations

import functools
import re
import unicodedata

NUMERALS = "一二两三四五六七八九十百千万双多"
CJK = "\u3400-\u9fff"
MASK = re.compile(r"[XxＸｘ*＊×]")
FOOTNOTE = re.compile(r"(?:\[\d{1,2}\]|［\d{1,2}］|〔\d{1,2}〕|\(\d{1,2}\)|（\d{1,2}）|[①-⑳⑴-⒇])")
# Inline pinyin after a character, with or without tone marks: 创(chuàng), 四(si).
PINYIN = re.compile(r"\((?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7})\)")
SEPARATORS = re.compile(r"[、，,·•\s]")
# Two numbers with a space between, inside quotes: a '+' lost by a mirror site.
_LOST_PLUS = re.compile(r"(?<=[0-9A-Za-z])\s+(?=[0-9A-Za-z])")


def strip_pinyin(text: str) -> str:
    return PINYIN.sub("", text)


@functools.lru_cache(maxsize=65536)  # a corpus quotes the same few thousand phrases again and again
def normalise_phrase(phrase: str) -> str:
    """The phrase as a slogan row shows it: NFKC, no footnotes, pinyin or spaces, ASCII '+'."""
    phrase = strip_pinyin(FOOTNOTE.sub("", phrase)).replace("‘", "").replace("’", "")
    phrase = unicodedata.normalize("NFKC", phrase).strip()
    if re.fullmatch(r"[0-9A-Za-z+\s]+", phrase):
        phrase = _LOST_PLUS.sub("+", phrase)
    phrase = re.sub(r"\s+", "", phrase).strip("、，,·.。:：;；")
    return phrase


@functools.lru_cache(maxsize=1)
def _t2s():
    import opencc  # a dependency; its dictionaries load once

    return opencc.OpenCC("t2s")


@functools.lru_cache(maxsize=65536)
def to_simplified(text: str) -> str:
    """Traditional characters folded to simplified (六穩 -> 六稳); simplified text unchanged."""
    if text.isascii():
        return text
    return _t2s().convert(text)


def fold_phrase(phrase: str) -> str:
    """The form matching and classification use: normalised and in simplified script."""
    return to_simplified(normalise_phrase(phrase))


def family_key(phrase: str) -> str:
    """Variants share a key: 两不愁、三保障 = 两不愁三保障, 六穩 = 六稳."""
    return SEPARATORS.sub("", fold_phrase(phrase))


def is_masked(phrase: str) -> bool:
    return bool(MASK.search(phrase))


def has_cjk(phrase: str) -> bool:
    return bool(re.search(f"[{CJK}]", phrase))


def is_numbered_compound(phrase: str) -> bool:
    """A phrase led by a numeral (四个意识, 三年百亿, 双招双引) has a slogan's shape."""
    key = family_key(phrase)
    return len(key) >= 2 and key[0] in NUMERALS


def clauses(phrase: str) -> list[str]:
    return [c for c in SEPARATORS.split(fold_phrase(phrase)) if c]
