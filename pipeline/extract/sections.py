"""Where a sentence sits and what year it speaks of.

The text is walked paragraph by paragraph; headings and cue sentences say whether we are
in the review of the past year (outcomes), a five-year review, the year's plan (targets)
or a five-year plan. ``periods.sentence_context`` turns that into the kind, period and
scope a sentence's facts get.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Iterator

from pipeline.extract.cues import LOOKS_BACK, LOOKS_FORWARD, REORDERED_KINDS, looks_ahead, looks_back, scope_of
from pipeline.extract.kinds import DocContext
from pipeline.normalise.lines import ASCII_FULL_STOP

# --- text structure ---------------------------------------------------------------

SENTENCE_END = re.compile(rf"[。！？!?\n]|{ASCII_FULL_STOP}")
LONG_SENTENCE = 300


def iter_paragraphs(text: str) -> Iterator[tuple[int, int]]:
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            yield pos, end
        pos = end + 1


def iter_sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Sentence spans inside a paragraph; very long sentences are cut at semicolons."""
    pos = start
    for match in SENTENCE_END.finditer(text, start, end):
        yield from _cut_long(text, pos, match.end())
        pos = match.end()
    if pos < end:
        yield from _cut_long(text, pos, end)


def _cut_long(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    if end - start <= LONG_SENTENCE:
        yield _strip_span(text, start, end)
        return
    pos = start
    for match in re.finditer(r"[；;]", text[start:end]):
        yield _strip_span(text, pos, start + match.end())
        pos = start + match.end()
    if pos < end:
        yield _strip_span(text, pos, end)


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# --- where in the report are we ---------------------------------------------------

CN_NUM = "一二三四五六七八九十"
HEADING = re.compile(rf"^\s*(?:[{CN_NUM}]+[、.．]|第[{CN_NUM}]+部分|◇|【|(?:19|20)\d\d年[^，,。]{{0,12}}(?:回顾|工作)\s*$)")
SECTION_NUMBER = re.compile(rf"^\s*[{CN_NUM}]{{1,3}}、")
HEADING_PEEK = 16
# A heading glued to its text ends at a space or a comma when the page has one.
GLUED_HEADING_END = re.compile(r"[ ，,]")
GLUED_HEADING_MAX = 32


def glued_heading(sentence: str) -> str:
    """一、2021年…计划执行情况 2021年，全区…: the heading part of a sentence that starts with one."""
    stop = GLUED_HEADING_END.search(sentence, 2, GLUED_HEADING_MAX)
    return sentence[:stop.start()] if stop else sentence[:HEADING_PEEK]


YEAR = re.compile(r"((?:19|20)\d\d)年")
REVIEW_WORDS = re.compile(r"回顾|成就|成绩|过去|总结|工作情况|进展情况|推进情况|基本情况|完成情况|执行情况|运行情况")
PLAN_MULTI_WORDS = re.compile(r"十[一二三四五六]五|今后五年|未来五年|五年规划|二〇三五|2035")
PLAN_WORDS = re.compile(r"安排|目标|任务|重点工作|主要工作|思路|打算|计划|下一步|下步|建议|总体要求")
FIVE_YEAR_REVIEW = re.compile(
    r"[四五]年来|过去(?:的)?[四五]年|十[一二三四]五.{0,3}(?:时期|期间|以来|成就)|本届政府|五年发展|[四五]年累计"
)
# A government's term under review is five years, or four for one elected mid-plan (过去四年).
TERM_YEARS = {"四": 4, "五": 5}
ONE_YEAR_REVIEW = re.compile(
    r"一年来|过去的?一年|刚刚过去的|去年|今年|全年|预计|(?:19|20)\d\d年(?:[,，]|是|全县|全区|全市|我县)|[Xx]{4}年[,，]|前三季度"
)
TARGET_CUE = re.compile(r"预期目标|主要目标|奋斗目标|发展目标(?=主要|是|为|[:：])|目标任务是|目标(?=主要是|是|为)")
PLAN_TERM_NAMES = {"十一五": (2006, 2010), "十二五": (2011, 2015), "十三五": (2016, 2020), "十四五": (2021, 2025), "十五五": (2026, 2030)}


@dataclass
class Section:
    """What the paragraphs under the current heading are about."""

    part: str = "review"  # review | plan | plan_multi | other
    year: int | None = None
    five_year: bool = False
    term: tuple[int, int] | None = None  # the years a five-year review or plan covers
    scope: str | None = None  # a briefing's 前三季度 heading covers the figures under it
    basis: str = ""  # what decided it: heading:…, cue:…, doc_type:…


def is_heading(paragraph: str) -> bool:
    return len(paragraph) <= 60 and bool(HEADING.match(paragraph))


# 一、地区生产总值增长6%左右。: a numbered item of a list of figures, not a heading.
LIST_ITEM_VALUE = re.compile(r"\d\s*(?:%|个百分点|亿元|万元|元|万人|人|万吨|万亩)")


def is_list_item(paragraph: str) -> bool:
    if REVIEW_WORDS.search(paragraph) or PLAN_WORDS.search(paragraph) or PLAN_MULTI_WORDS.search(paragraph):
        return False
    return paragraph.rstrip().endswith(("。", "；", ";")) or bool(LIST_ITEM_VALUE.search(paragraph))


def classify_heading(heading: str, doc: DocContext, previous: Section) -> Section:
    section = _classify_heading(heading, doc, previous)
    if section is previous:
        return section
    return replace(section, basis=f"heading:{heading.strip()[:HEADING_BASIS_CHARS]}")


HEADING_BASIS_CHARS = 30


def _classify_heading(heading: str, doc: DocContext, previous: Section) -> Section:
    if doc.outcomes_only:
        return _bulletin_heading(heading, doc, previous)
    years = [int(y) for y in YEAR.findall(heading)]
    year = years[0] if years else None
    if PLAN_MULTI_WORDS.search(heading) and PLAN_WORDS.search(heading):
        return Section("plan_multi", year, term=plan_multi_term(heading, doc))
    if REVIEW_WORDS.search(heading) or (doc.doc_type == "工作汇报" and scope_of(heading)):
        five = bool(FIVE_YEAR_REVIEW.search(heading)) and not years
        review_year = year or doc.review_year
        return Section("review", review_year, five, review_term(heading, review_year) if five else None,
                       scope_of(heading) if doc.doc_type == "工作汇报" else None)
    if PLAN_WORDS.search(heading):
        if year is not None and doc.report_year is not None and year < doc.report_year:
            return Section("review", year)  # 一、2022年政府主要工作 in the 2023 report: the year's work done
        return Section("plan", year or doc.report_year)
    if re.search(r"问题|不足|挑战|自身建设", heading):
        return Section("other", year)
    return previous


def _bulletin_heading(heading: str, doc: DocContext, previous: Section) -> Section:
    """A bulletin's chapters (一、综合, 五、人口和计划生育) are all outcomes of its year;
    only a chapter on another year (2016年以来…) moves the period."""
    years = [int(y) for y in YEAR.findall(heading)]
    if years and years[0] != previous.year:
        return Section("review", years[0])
    return previous


def review_term(text: str, end_year: int | None) -> tuple[int, int] | None:
    """过去五年 are the five years up to the one under review (a government's term, which
    need not match a plan's); a named plan (“十三五”) fixes its own years."""
    named = _named_term(text, end_year)
    if named:
        return named
    length = re.search(r"([四五])年(?:来|累计|工作|发展)|过去(?:的)?([四五])年", text)
    years = TERM_YEARS[length.group(1) or length.group(2)] if length else 5
    return None if end_year is None else (end_year - years + 1, end_year)


def plan_multi_term(text: str, doc: DocContext) -> tuple[int, int] | None:
    """今后五年 start with the report's year; a named plan (“十四五”) fixes its own years."""
    named = _named_term(text, doc.report_year)
    if named and not re.search(r"今后五年|未来五年", text):
        return named
    return None if doc.report_year is None else (doc.report_year, doc.report_year + 4)


def update_section(sentence: str, section: Section, doc: DocContext) -> Section:
    """Cue sentences move us between review and plan even without a heading."""
    head = sentence[:40]
    if is_target_statement(sentence) and not doc.outcomes_only:
        cue = TARGET_CUE.search(sentence)
        lead = sentence[:cue.start()]
        basis = f"cue:{cue.group(0)}"
        if PLAN_MULTI_WORDS.search(lead) and not re.search(r"今年|明年|(?:19|20)\d\d年(?:经济|我县|全县|主要)|[Xx]{4}年", lead):
            return Section("plan_multi", None, term=plan_multi_term(lead, doc), basis=basis)
        return Section("plan", _plan_year(sentence, doc), basis=basis)
    if section.part == "plan" and doc.doc_type in REORDERED_KINDS and looks_back(sentence):
        # a news summary goes back and forth: 过去一年，… after the year's targets
        return Section("review", doc.review_year, basis=f"cue:{LOOKS_BACK.search(sentence).group(1)}")
    if section.part == "review" and doc.doc_type in REORDERED_KINDS and looks_ahead(sentence):
        # …今年，全县将力争…: the summary turns to the year's plan again
        return Section("plan", doc.report_year, basis=f"cue:{LOOKS_FORWARD.search(sentence).group(1)}")
    if doc.doc_type == "工作汇报" and section.part == "review" and scope_of(head):
        # 今年前三季度，全县…: the figures that follow in this part share the period
        section = replace(section, scope=scope_of(head))
    if section.part == "review":
        five = FIVE_YEAR_REVIEW.search(head)
        one = ONE_YEAR_REVIEW.search(head)
        if five and (not one or five.start() < one.start()):
            year = section.year or doc.review_year
            named = _named_term(head, year)
            if section.five_year and section.term:
                # 是“十一五”时期的3.2倍 compares with an older plan; the term in view stays
                covers = named and year is not None and named[0] <= year <= named[1]
                term = named if covers else section.term
            else:
                term = named or review_term(head, year)
            return replace(section, five_year=True, term=term, basis=f"cue:{five.group(0)}")
        if one and section.five_year:
            return replace(section, five_year=False, basis=f"cue:{one.group(0)}")
    return section


def is_target_statement(sentence: str) -> bool:
    """预期目标是：… with values after it; 完成了预期目标 says nothing about the values."""
    cue = TARGET_CUE.search(sentence)
    if not cue:
        return False
    rest = sentence[cue.end():]
    return bool(re.match(r"\s*(?:主要)?(?:是|为|设定为|确定为|安排为|如下|[:：])", rest))


def _plan_year(paragraph: str, doc: DocContext) -> int | None:
    match = re.search(r"((?:19|20)\d\d)年(?:经济社会发展|全县|全区|全市|主要)?.{0,12}目标", paragraph)
    if match:
        return int(match.group(1))
    return doc.report_year


def _named_term(sentence: str, year: int | None = None) -> tuple[int, int] | None:
    """The plan named in the text; with several (是“十一五”时期的3.2倍), the one that
    ends nearest before or at ``year``, which is what the sentence reports on."""
    named = [term for name, term in PLAN_TERM_NAMES.items() if name in sentence]
    if not named:
        return None
    if year is None or len(named) == 1:
        return named[-1]
    covering = [term for term in named if term[0] <= year <= term[1]]
    if covering:
        return covering[0]
    before = [term for term in named if term[1] <= year]
    return max(before) if before else min(named)
