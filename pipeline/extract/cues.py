"""Sentence cues: words that say what a sentence reports (预计, 过去一年, 今年…力争, 上半年)."""

from __future__ import annotations

import re

ESTIMATE_RE = re.compile(r"预计")
POINT_IN_TIME = re.compile(r"(?:截至|截止)(?:19|20)\d\d年(?:底|末)|十[一二三四五]五[”’\"']?(?:末|期末)")
# A sentence that opens by looking back (过去一年，…) reports outcomes, wherever it sits,
# unless it also sets out what is to come (在去年增长8%的基础上，今年力争…).
LOOKS_BACK = re.compile(r"^(?:[^，,。]{0,8}[，,])?[^，,。]{0,4}?(过去的?一年|一年来|刚刚过去的一年|去年)")
LOOKS_AHEAD = re.compile(r"今年|明年|力争|争取|确保|目标|预期|计划|将")
LOOKS_FORWARD = re.compile(r"^(?:[^，,。]{0,8}[，,])?[^，,。]{0,4}?(今年|明年)")
AIMS = re.compile(r"力争|争取|确保|目标|预期|计划|将")
# Kinds whose parts come in any order: a summary of a report quotes review and plan freely.
REORDERED_KINDS = frozenset({"报告摘要"})
# Part-year briefings: the year's aim is written beside the figures to date.
PART_YEAR_KINDS = frozenset({"工作汇报"})
AIMS_FOR_YEAR = re.compile(r"(?:力争|确保|争取)[^，,。；;]{0,6}全年|全年[^，,。；;]{0,6}(?:力争|确保|争取)")
WHOLE_YEAR = re.compile(r"预计全年|全年预计|全年(?:将|可)?(?:实现|完成|达到)|(?:力争|确保|争取)[^，,。；;]{0,6}全年")
SCOPE_CUES = (
    (re.compile(r"上半年|1[-—~至到]6月"), "half_year"),
    (re.compile(r"前三季度|1[-—~至到]9月"), "first_three_quarters"),
    (re.compile(r"一季度|第一季度|1[-—~至到]3月"), "first_quarter"),
    (re.compile(r"前(?:1[01]|[2-9]|[二四五七八十]|十一)个月|1[-—~至到](?:[2-9]|1[01])月|今年以来|年初以来|目前"), "year_to_date"),
    (re.compile(r"^(?:[Xx*＊]{1,4}|(?:19|20)\d\d)年以来"), "cumulative"),
)


# Any of the scope cues: one scan rules out the many sentences that name no part of a year.
_ANY_SCOPE_CUE = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in SCOPE_CUES))


def scope_of(text: str) -> str | None:
    """The part of a year a text speaks of (上半年, 前三季度 …), if it says."""
    if not _ANY_SCOPE_CUE.search(text):
        return None
    for pattern, name in SCOPE_CUES:
        if pattern.search(text):
            return name
    return None


def aims_for_the_year(sentence: str) -> bool:
    return bool(AIMS_FOR_YEAR.search(sentence)) and not ESTIMATE_RE.search(sentence)


def looks_back(sentence: str) -> bool:
    return bool(LOOKS_BACK.search(sentence)) and not LOOKS_AHEAD.search(sentence)


def looks_ahead(sentence: str) -> bool:
    return bool(LOOKS_FORWARD.search(sentence) and AIMS.search(sentence)) and not ESTIMATE_RE.search(sentence)
