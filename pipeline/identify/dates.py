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
_MEETING = re.compile(
    rf"(?:{_YEAR}\s*年\s*{_MONTH}\s*月[^在于。，,]{{0,12}})?[在于]\s*([^\n，,。在]{{0,30}}?)\s*"
    rf"第\s*{_N}\s*届\s*人民代表大会"
)
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
    matches = list(_MEETING.finditer(text)) if "人民代表大会" in text else []
    if matches:
        dated = [m for m in matches if m.group(1)]
        match = (dated or matches)[0]
        year = parse_number(match.group(1)) if match.group(1) else None
        month = parse_number(match.group(2)) if match.group(2) else None
        return MeetingLine(match.group(0), match.group(3).strip(), year, month)
    head = text[:3000]
    short = _SHORT_MEETING.search(head) if "届" in head else None
    if short:
        return MeetingLine(short.group(0), short.group(1), None, None)
    return None


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
