"""The meeting line ("——2021年3月12日在浚县第十五届人民代表大会第六次会议上") and delivery date."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.identify.text import HAN, head_lines

_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_YEAR = r"(\d{4}|[〇零○一二三四五六七八九]{4})"
_MONTH = r"(\d{1,2}|[一二三四五六七八九十]{1,3})"
_N = r"[一二三四五六七八九十\d]+"
_MEETING_PLACE = rf"[在于]\s*([^\n，,。在]{{0,30}}?)\s*第\s*{_N}\s*届\s*人民代表大会"
_MEETING = re.compile(rf"(?:{_YEAR}\s*年\s*{_MONTH}\s*月[^在于。，,]{{0,12}})?{_MEETING_PLACE}")
# _MEETING as its two branches, each opening with a character class, so the regex engine skips
# to the next possible first character instead of trying the optional date at every position
# (≈ 0.9 → 0.2 ms a report): a dated match opens with a year's first digit, an undated one with
# 在/于, and no character is both. _YEAR's first character is taken out of its repeat for that.
_YEAR_DIGITS = "〇零○一二三四五六七八九"
_DATED_MEETING = re.compile(
    rf"([\d{_YEAR_DIGITS}](?:(?<=\d)\d{{3}}|(?<!\d)[{_YEAR_DIGITS}]{{3}}))\s*年\s*{_MONTH}\s*月[^在于。，,]{{0,12}}"
    + _MEETING_PLACE
)
_UNDATED_MEETING = re.compile(_MEETING_PLACE)
# The short form news uses: "长丰县十二届人大四次会议", "贡井区第十七届人大第三次会议".
_SHORT_MEETING = re.compile(rf"([{HAN}]{{2,12}}?)第?\s*{_N}\s*届\s*(?:人大|人民代表大会)\s*第?\s*{_N}\s*次")
_DATE = re.compile(rf"{_YEAR}\s*年\s*{_MONTH}\s*月")
# A date on a line of its own under the meeting line: "(2022年1月5日)".
_DATE_LINE = re.compile(rf"^[(（]?\s*{_YEAR}\s*年\s*{_MONTH}\s*月\s*[\d一二三四五六七八九十]{{1,3}}\s*日\s*[)）]?$")


@dataclass(frozen=True)
class MeetingLine:
    text: str
    place: str
    year: int | None
    month: int | None


def find_meeting_line(text: str) -> MeetingLine | None:
    """"——2021年3月12日在浚县第十五届人民代表大会…", the dated one first."""
    # Both patterns need 届 (the long one 人民代表大会 too): a substring test spares the scan.
    if "人民代表大会" in text:
        first = None
        for match, dated in meeting_matches(text):
            if dated:
                year, month = parse_number(match.group(1)), parse_number(match.group(2))
                return MeetingLine(match.group(0), match.group(3).strip(), year, month)
            first = first or match
        if first:
            return MeetingLine(first.group(0), first.group(1).strip(), None, None)
    head = text[:3000]
    short = _SHORT_MEETING.search(head) if "届" in head else None
    if short:
        return MeetingLine(short.group(0), short.group(1), None, None)
    return None


def meeting_matches(text: str):
    """``_MEETING.finditer(text)``, each match with whether it is dated (its groups: year,
    month, place when dated; place alone when not), from the two branch patterns."""
    dated, undated = _DATED_MEETING.search(text), _UNDATED_MEETING.search(text)
    while dated or undated:
        is_dated = undated is None or (dated is not None and dated.start() < undated.start())
        match = dated if is_dated else undated
        yield match, is_dated
        end = match.end()  # the next match starts at or after this one's end, as in finditer
        if dated is not None and dated.start() < end:
            dated = _DATED_MEETING.search(text, end)
        if undated is not None and undated.start() < end:
            undated = _UNDATED_MEETING.search(text, end)


def find_delivery_date(text: str, meeting: MeetingLine | None, title: str | None) -> tuple[int, int] | None:
    if meeting and meeting.year and meeting.month and _plausible_date(meeting.year, meeting.month):
        return meeting.year, meeting.month
    for match in _DATE.finditer(title or ""):
        year, month = parse_number(match.group(1)), parse_number(match.group(2))
        if _plausible_date(year, month):
            return year, month
    if meeting:  # a report's date line sits next to its meeting line
        for line in head_lines(text):
            match = _DATE_LINE.match(line)
            if match:
                year, month = parse_number(match.group(1)), parse_number(match.group(2))
                if _plausible_date(year, month):
                    return year, month
    return None


def _plausible_date(year: int, month: int) -> bool:
    return 1949 <= year <= 2100 and 1 <= month <= 12


def parse_number(token: str) -> int:
    """Arabic or Chinese numerals: 2021, 二〇二一, 十二."""
    if token.isdigit():
        return int(token)
    if "十" in token:  # month numerals: 十, 十一, 二十
        tens, _, units = token.partition("十")
        return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(units, 0) if units else 0)
    return int("".join(str(_CN_DIGITS[ch]) for ch in token))
