"""Where a sentence sits and what year it speaks of.

The text is walked paragraph by paragraph; headings and cue sentences say whether we are
in the review of the past year (outcomes), a five-year review, the year's plan (targets)
or a five-year plan. ``sentence_context`` turns that into the kind, period and scope a
sentence's facts get.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Iterator

from pipeline.extract.kinds import DocContext

# --- text structure ---------------------------------------------------------------

SENTENCE_END = re.compile(r"[。！？!?\n]")
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
YEAR = re.compile(r"((?:19|20)\d\d)年")
REVIEW_WORDS = re.compile(r"回顾|成就|成绩|过去|总结|工作情况|进展情况|推进情况|基本情况|完成情况")
PLAN_MULTI_WORDS = re.compile(r"十[一二三四五六]五|今后五年|未来五年|五年规划|二〇三五|2035")
PLAN_WORDS = re.compile(r"安排|目标|任务|重点工作|主要工作|思路|打算|计划|下一步|下步|建议|总体要求")
FIVE_YEAR_REVIEW = re.compile(r"五年来|过去(?:的)?五年|十[一二三四]五.{0,3}(?:时期|期间|以来|成就)|本届政府|五年发展|五年累计")
ONE_YEAR_REVIEW = re.compile(
    r"一年来|过去的?一年|刚刚过去的|去年|今年|全年|预计|(?:19|20)\d\d年(?:[,，]|是|全县|全区|全市|我县)|[Xx]{4}年[,，]|前三季度"
)
TARGET_CUE = re.compile(r"预期目标|主要目标|目标是|目标为|目标任务是")
PLAN_TERM_NAMES = {"十一五": (2006, 2010), "十二五": (2011, 2015), "十三五": (2016, 2020), "十四五": (2021, 2025), "十五五": (2026, 2030)}


@dataclass
class Section:
    """What the paragraphs under the current heading are about."""

    part: str = "review"  # review | plan | plan_multi | other
    year: int | None = None
    five_year: bool = False
    term: tuple[int, int] | None = None  # the years a five-year review or plan covers
    scope: str | None = None  # a briefing's 前三季度 heading covers the figures under it


def is_heading(paragraph: str) -> bool:
    return len(paragraph) <= 60 and bool(HEADING.match(paragraph))


def classify_heading(heading: str, doc: DocContext, previous: Section) -> Section:
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
        return Section("plan", year or doc.report_year)
    if re.search(r"问题|不足|挑战|自身建设", heading):
        return Section("other", year)
    return Section(previous.part, previous.year, previous.five_year, previous.term, previous.scope)


def review_term(text: str, end_year: int | None) -> tuple[int, int] | None:
    """过去五年 are the five years up to the one under review (a government's term, which
    need not match a plan's); a named plan (“十三五”) fixes its own years."""
    named = _named_term(text, end_year)
    if named:
        return named
    return None if end_year is None else (end_year - 4, end_year)


def plan_multi_term(text: str, doc: DocContext) -> tuple[int, int] | None:
    """今后五年 start with the report's year; a named plan (“十四五”) fixes its own years."""
    named = _named_term(text, doc.report_year)
    if named and not re.search(r"今后五年|未来五年", text):
        return named
    return None if doc.report_year is None else (doc.report_year, doc.report_year + 4)


def update_section(sentence: str, section: Section, doc: DocContext) -> Section:
    """Cue sentences move us between review and plan even without a heading."""
    head = sentence[:40]
    if is_target_statement(sentence):
        cue = TARGET_CUE.search(sentence)
        lead = sentence[:cue.start()]
        if PLAN_MULTI_WORDS.search(lead) and not re.search(r"今年|明年|(?:19|20)\d\d年(?:经济|我县|全县|主要)|[Xx]{4}年", lead):
            return Section("plan_multi", None, term=plan_multi_term(lead, doc))
        return Section("plan", _plan_year(sentence, doc))
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
            return replace(section, five_year=True, term=term)
        if one:
            return replace(section, five_year=False)
    return section


def is_target_statement(sentence: str) -> bool:
    """预期目标是：… with values after it; 完成了预期目标 says nothing about the values."""
    cue = TARGET_CUE.search(sentence)
    if not cue:
        return False
    rest = sentence[cue.end():]
    return bool(re.match(r"\s*(?:是|为|设定为|确定为|安排为|如下|[:：])", rest))


def _plan_year(paragraph: str, doc: DocContext) -> int | None:
    match = re.search(r"((?:19|20)\d\d)年(?:经济社会发展|全县|全区|全市|主要)?.{0,12}目标", paragraph)
    if match:
        return int(match.group(1))
    return doc.report_year


ESTIMATE_RE = re.compile(r"预计")
SCOPE_CUES = (
    (re.compile(r"上半年|1[-—~至到]6月"), "half_year"),
    (re.compile(r"前三季度|1[-—~至到]9月"), "first_three_quarters"),
    (re.compile(r"一季度|第一季度|1[-—~至到]3月"), "first_quarter"),
    (re.compile(r"前(?:1[01]|[2-9]|[二四五七八十]|十一)个月|1[-—~至到](?:[2-9]|1[01])月|今年以来|年初以来|目前"), "year_to_date"),
    (re.compile(r"^(?:[Xx*＊]{1,4}|(?:19|20)\d\d)年以来"), "cumulative"),
)


def scope_of(text: str) -> str | None:
    """The part of a year a text speaks of (上半年, 前三季度 …), if it says."""
    for pattern, name in SCOPE_CUES:
        if pattern.search(text):
            return name
    return None


@dataclass
class SentenceContext:
    kind: str
    period: int | None
    scope: str
    period_start: int | None
    period_end: int | None
    estimated: bool
    five_year: bool
    term: tuple[int, int] | None = None
    plan_multi: bool = False


def sentence_context(sentence: str, section: Section, doc: DocContext) -> SentenceContext | None:
    if section.part == "other":
        return None
    kind = "target" if section.part in ("plan", "plan_multi") else "actual"
    if kind == "actual" and TARGET_CUE.search(sentence):
        kind = "target"
    estimated = bool(ESTIMATE_RE.search(sentence))
    if estimated:
        kind = "actual"  # 预计全年增长5.5%: an estimate of the outcome, wherever it is written
    period = section.year if section.year is not None else (doc.review_year if kind == "actual" else doc.report_year)
    period = _explicit_period(sentence, period, doc)
    scope = scope_of(sentence) or (section.scope if kind == "actual" else None) or "annual"
    if scope != "annual" and kind == "actual" and doc.doc_type == "工作汇报" and doc.this_year is not None:
        if "今年" in sentence or scope_of(sentence) is None:
            period = doc.this_year
    term = None
    if section.part == "plan_multi":
        term = section.term or plan_multi_term(sentence, doc)
    elif section.five_year:
        term = section.term or review_term(sentence, period)
    if estimated and scope == "annual" and section.part in ("plan", "plan_multi"):
        period = doc.this_year if doc.doc_type == "工作汇报" else period
    return SentenceContext(kind, period, scope, period, period, estimated,
                           section.five_year or section.part == "plan_multi", term,
                           plan_multi=section.part == "plan_multi" and kind == "target")


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


def _explicit_period(sentence: str, default: int | None, doc: DocContext) -> int | None:
    head = sentence[:24]
    match = re.search(r"(?:^|[^比较至到])((?:19|20)\d\d)年(?:[,，]|全年|全县|全区|全市|上半年|前三季度|以来|，?我县|，?全县)", head)
    if match:
        return int(match.group(1))
    match = re.match(r"^[^，,。]{0,6}?(?:到|至)((?:19|20)\d\d)年", sentence)
    if match:
        return int(match.group(1))  # 到2025年，…: the whole sentence speaks of that year
    if "去年" in head and doc.this_year is not None:
        return doc.this_year - 1 if doc.delivered_year or doc.doc_type == "工作汇报" else doc.report_year - 1
    return default


CLAUSE_YEAR = re.compile(r"(?:到|至)((?:19|20)\d\d)年(?:底|末)?")


def with_clause_year(ctx: SentenceContext, text: str, sentence_start: int, item_start: int) -> SentenceContext:
    """力争到2030年全市地区生产总值突破4500亿元: the clause names its own year."""
    clause_start = max(text.rfind(mark, sentence_start, item_start) for mark in "，,；;：:")
    match = None
    for match in CLAUSE_YEAR.finditer(text, max(clause_start, sentence_start), item_start):
        pass
    if match is None:
        return ctx
    year = int(match.group(1))
    return replace(ctx, period=year, period_start=year, period_end=year, plan_multi=False)
