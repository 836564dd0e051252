"""The text as identification reads it: simplified, half-width, without inline pinyin.

Identification only needs names and years, so it may clean more boldly than extraction:
mirrors gloss characters with pinyin (``预(yù)期``, ``增(zeng)(zeng)长``), which would
split 霸州 or 莱芜 in two, and PDF text layers or old encodings use variant characters
in place names (陜 for 陕).
"""

from __future__ import annotations

import re

from pipeline.normalise import fold_width, join_spaced_han, to_simplified_if_traditional
from pipeline.normalise.characters import any_of, translate_present

HAN = r"\u3400-\u4dbf\u4e00-\u9fff"
# A pinyin gloss: lower-case Latin letters, tone marks allowed, in brackets after a character.
# (the bracket before the lookbehind: a leading literal lets the regex engine skip ahead)
_PINYIN = re.compile(r"[(（](?<=[\u3400-\u9fff\)）][(（])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7}[)）]")
# Variant characters seen in place names that OpenCC leaves alone.
_VARIANTS = str.maketrans({"陜": "陕", "⻓": "长", "⼯": "工", "⾏": "行", "⻄": "西"})
_VARIANTS_ANY = any_of(_VARIANTS)
# The first lines of a document that may hold its title, meeting line and date.
HEAD_LINES = 15


def prepare(text: str) -> str:
    text = to_simplified_if_traditional(fold_width(text))
    text = translate_present(_PINYIN.sub("", text), _VARIANTS, _VARIANTS_ANY)
    return text


def head_lines(text: str, limit: int = HEAD_LINES) -> list[str]:
    lines = (join_spaced_han(line.strip()) for line in text.split("\n"))
    return [line for line in lines if line][:limit]
