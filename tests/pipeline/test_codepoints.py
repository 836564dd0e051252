"""The numpy character counts equal the per-character tests they replace, on every code point."""

import unicodedata

import pytest

from pipeline import codepoints

EVERY_CHARACTER = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _is_common_han(ch: str) -> bool:
    try:
        encoded = ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return 0xB0 <= encoded[0] <= 0xD7


def test_han_count_is_the_per_character_count():
    assert codepoints.count_han(EVERY_CHARACTER) == sum(1 for ch in EVERY_CHARACTER if _is_han(ch))
    assert codepoints.count_han("2023年，GDP增长5%。") == 3
    assert codepoints.count_han("") == 0


def test_control_count_is_category_cc_without_layout_characters():
    expected = sum(1 for ch in EVERY_CHARACTER if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    assert codepoints.count_controls(EVERY_CHARACTER) == expected
    assert codepoints.count_controls("行\t一\n二\r\f\x0b\x85") == 2


def test_common_han_share_is_gb2312_level_one():
    han = [ch for ch in EVERY_CHARACTER if _is_han(ch)]
    level_one = {ch for ch in han if _is_common_han(ch)}
    assert len(level_one) == 3755
    assert {chr(c) for c in codepoints._gb2312_level1().tolist()} == level_one
    assert codepoints.common_han_share("啊齄") == 0.5  # first level-1 character, a level-2 one
    assert codepoints.common_han_share("abc 123") == 1.0


@pytest.mark.parametrize("text", ["", "a", "县\ud800城"])
def test_odd_texts_are_counted(text):
    assert codepoints.count_han(text) == sum(1 for ch in text if _is_han(ch))
