"""Document kinds and the years their parts speak of by default.

The kind (``doc_type``, decided by identification) sets what a sentence means before any
heading or cue says otherwise:

| kind | outcomes are for | targets are for |
|---|---|---|
| 政府工作报告 (and mirrors), 报告摘要 (news summaries of one) | N−1 (the review) | N |
| 计划执行情况 (plan-execution report) | N−1 (一、…执行情况) | N (二、…计划) |
| 目标任务分解 (a notice breaking the year's targets down) | N−1 where a cue says so | N, from the first line |
| 统计公报 (statistical bulletin for N) | N, every value final | never: a bulletin sets none |
| 工作汇报 (part-year progress) | N, usually part of the year | N |
| 其他 (yearbook pages, articles on several counties) | N: an article is dated by the year it reports on | N |
| any kind covering several counties (a roundup of district reports) | N, as identification dates it | N |

A news item or article that opens on a 统计公报 (晋江发布2016年…统计公报) is read as the bulletin.

N is the document's ``report_year``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Kinds whose outcomes speak of the document's own year, not the year before it (an
# article or a yearbook page is dated by the figures it reports).
OWN_YEAR_OUTCOMES = frozenset({"工作汇报", "统计公报", "其他"})
# A statistical bulletin reports final outcomes only: no heading or cue makes a target.
OUTCOMES_ONLY = frozenset({"统计公报"})
# A target breakdown is about the coming year from its first line.
TARGETS_FIRST = frozenset({"目标任务分解"})


# A news item or article whose opening names a statistical bulletin reports that
# bulletin's figures: they are outcomes of its year, like the bulletin's own.
REPORTS_ON_BULLETIN = re.compile(r"统计公报")
BULLETIN_OPENING_CHARS = 300
RETOLD_KINDS = frozenset({"报告摘要", "其他"})


def effective_kind(doc_type: str | None, text: str) -> str | None:
    if doc_type in RETOLD_KINDS and REPORTS_ON_BULLETIN.search(text[:BULLETIN_OPENING_CHARS]):
        return "统计公报"
    return doc_type


# 全市地区生产总值增长5.5% in a county's report is the city's figure, not the county's.
_HIGHER_TAIL = r"(?:全年|今年|去年|上半年|前三季度)?(?:共|累计)?(?:实现|完成)?(?:的)?$"
HIGHER_FOR_COUNTY = re.compile(rf"(?:全市|全省|全国|全州|全盟|市级|省级){_HIGHER_TAIL}")
HIGHER_FOR_CITY = re.compile(rf"(?:全省|全国|省级){_HIGHER_TAIL}")


def other_place_named_last(words: str, county: str) -> bool:
    """Whether the place named last in ``words`` is another unit than ``county`` (its current,
    former or short names all count as its own)."""
    from pipeline.identify import find_places
    from pipeline.identify.text import prepare

    found = find_places(prepare(words))
    if not found:
        return False
    place = found[-1].place
    if place.kind == "higher":
        return True
    return all(c.name != county for c in place.counties)


def own_suffix(county: str | None) -> str | None:
    """县 for 浚县 and 景东彝族自治县, 市 for 晋江市: the kind of unit a county name names."""
    if not county or ";" in county:
        return None
    return county[-1] if county[-1] in "县区旗市" else None


@dataclass(frozen=True)
class DocContext:
    report_year: int | None
    doc_type: str
    delivered_year: int | None
    # An article giving figures for several counties is dated, like identification dates it,
    # by the year its figures are for, whatever kind it is (a roundup of district reports).
    several: bool = False
    # The kind of unit the document is about (县, 区, 旗, 市 for a county-level city), when known:
    # it tells whether 全市 is the document's own county or the city above it.
    own_suffix: str | None = None
    county: str | None = None  # the document's own county, when it has one

    def higher_than_own(self) -> re.Pattern:
        """Subjects that are a higher level than the document's own unit (全省; 全市 unless a 市)."""
        return HIGHER_FOR_CITY if self.own_suffix in (None, "市") else HIGHER_FOR_COUNTY

    @property
    def review_year(self) -> int | None:
        """The year a review section reports on by default."""
        if self.report_year is None:
            return None
        if self.doc_type in OWN_YEAR_OUTCOMES or self.several:
            return self.report_year
        return self.report_year - 1

    @property
    def this_year(self) -> int | None:
        """The year 今年 means in the text."""
        if self.delivered_year is not None:
            return self.delivered_year
        return self.report_year

    @property
    def outcomes_only(self) -> bool:
        return self.doc_type in OUTCOMES_ONLY

    @property
    def opening_part(self) -> str:
        """What the text before any heading or cue is about."""
        return "plan" if self.doc_type in TARGETS_FIRST else "review"

    @property
    def opening_year(self) -> int | None:
        return self.report_year if self.opening_part == "plan" else self.review_year

    @property
    def basis(self) -> str:
        """The cue recorded on facts whose kind and period come from the kind alone."""
        return f"doc_type:{self.doc_type}" if self.doc_type else ""
