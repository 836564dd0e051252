"""What kind and year a sentence's facts get: the section, the document kind and the
sentence's own cues (预计, 去年, 到2025年, 2019年，…), recorded as the fact's ``basis``."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from pipeline.extract.cues import (
    AIMS_FOR_YEAR, ESTIMATE_RE, LOOKS_BACK, PART_YEAR_KINDS, POINT_IN_TIME, WHOLE_YEAR, aims_for_the_year,
    looks_back, scope_of,
)
from pipeline.extract.kinds import DocContext
from pipeline.extract.sections import TARGET_CUE, Section, plan_multi_term, review_term


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
    basis: str = ""  # the cues that decided kind and period, "; "-joined
    point_in_time: bool = False  # 截至2020年末, “十三五”末: levels are that year's, not a term's sum
    first_future_year: int | None = None  # the first year still to come for the document
    this_year: int | None = None  # the year 今年 means (a clause of its own may say 今年, 去年)


def sentence_context(sentence: str, section: Section, doc: DocContext) -> SentenceContext | None:
    if section.part == "other":
        return None
    basis = [section.basis or doc.basis]
    kind = "target" if section.part in ("plan", "plan_multi") else "actual"
    cue = TARGET_CUE.search(sentence)
    if cue and MEASURED_AGAINST.search(sentence, max(0, cue.start() - 8), cue.start()):
        cue = None  # 高于预期目标0.8个百分点, 完成年度预期目标: an outcome measured against its target
    if kind == "actual" and cue and not doc.outcomes_only:
        kind = "target"
        basis = [f"cue:{cue.group(0)}"]
    estimated = bool(ESTIMATE_RE.search(sentence))
    if estimated:
        kind = "actual"  # 预计全年增长5.5%: an estimate of the outcome, wherever it is written
        basis.append("cue:预计")
    period = section.year if section.year is not None else (doc.review_year if kind == "actual" else doc.report_year)
    if kind == "target" and section.part == "plan" and looks_back(sentence):
        kind, period = "actual", doc.review_year
        basis = [f"cue:{LOOKS_BACK.search(sentence).group(1)}"]
    explicit, said = _explicit_period(sentence, period, doc)
    if said:
        basis.append(said)
    period = explicit
    if (kind == "actual" and not estimated and said and _is_the_documents_own_coming_year(period, doc)
            and not ACHIEVED.search(sentence)):
        kind = "target"  # 2022年地区生产总值增长8%以上 in a 2022 report that reviews 2021
    if kind == "target" and said and period is not None and doc.report_year is not None and period < doc.report_year:
        kind = "actual"  # 2023年，全县…增长8% in the 2024 plan part: a past year has no target
    if kind == "actual" and said.startswith("cue:到") and is_horizon(period, doc):
        kind, estimated = "target", False  # 争取到2025年，…突破500亿元: a year still to come
    if kind == "actual" and doc.doc_type in PART_YEAR_KINDS and aims_for_the_year(sentence):
        kind = "target"  # a briefing's 下半年…力争全年增长6.5%: what the year is to reach
        basis.append(f"cue:{AIMS_FOR_YEAR.search(sentence).group(0)}")
    said_scope = scope_of(sentence)
    scope = said_scope or (section.scope if kind == "actual" else None) or "annual"
    if scope != "annual" and WHOLE_YEAR.search(sentence) and said_scope in (None, "year_to_date"):
        scope = "annual"  # 今年以来…，预计全年增长2%: the estimate is for the whole year
    if scope != "annual" and kind == "actual" and doc.doc_type == "工作汇报" and doc.this_year is not None:
        if "今年" in sentence or scope_of(sentence) is None:
            period = doc.this_year
            basis.append("date_line" if doc.delivered_year else "cue:今年")
    term = None
    if section.part == "plan_multi":
        term = section.term or plan_multi_term(sentence, doc)
    elif section.five_year:
        term = section.term or review_term(sentence, period)
    if estimated and scope == "annual" and section.part in ("plan", "plan_multi"):
        period = doc.this_year if doc.doc_type == "工作汇报" else period
    return SentenceContext(kind, period, scope, period, period, estimated,
                           section.five_year or section.part == "plan_multi", term,
                           plan_multi=section.part == "plan_multi" and kind == "target",
                           basis=join_basis(basis), point_in_time=bool(POINT_IN_TIME.search(sentence[:24])),
                           first_future_year=first_future_year(doc), this_year=doc.this_year)


MEASURED_AGAINST = re.compile(r"(?:完成|实现|超过?|超额|高于|低于|好于|快于|慢于|优于|达到|比|较|全面|圆满)(?:了)?(?:全年|年度|年初|既定|省市|市定)?(?:的)?(?:主要)?$")


def join_basis(items: list[str]) -> str:
    return "; ".join(dict.fromkeys(item for item in items if item))


# 在2022年首次突破万亿元, 已经完成: words of a thing done, not of a target.
ACHIEVED = re.compile(r"首次|首度|已经|已|实现了|完成了|突破了|达到了")


def _is_the_documents_own_coming_year(period: int | None, doc: DocContext) -> bool:
    """A document whose outcomes are for the year before it cannot report outcomes of its own
    year: figures it dates to that year (without 预计) are what it sets out to reach."""
    return (period is not None and doc.report_year is not None and period == doc.report_year
            and doc.review_year == doc.report_year - 1 and doc.delivered_year in (None, doc.report_year))


def first_future_year(doc: DocContext) -> int | None:
    if doc.report_year is None:
        return None
    return max(doc.report_year, (doc.review_year or doc.report_year) + 1)


def is_horizon(year: int | None, doc: DocContext) -> bool:
    """到2025年 names a target horizon when that year is still to come for the document."""
    future = first_future_year(doc)
    return year is not None and future is not None and year >= future


SENTENCE_YEAR = re.compile(
    r"(?:^|[^比较至到])((?:19|20)\d\d)年(?:([,，]|全年|全县|全区|全市|上半年|前三季度|以来|，?我县|，?全县)"
    r"|(?=[^，,。；;的]{2,10}?(?:增长|提高|提升|增加|上升|下降|降低|减少|达到|突破)))")


def _explicit_period(sentence: str, default: int | None, doc: DocContext) -> tuple[int | None, str]:
    """The year the sentence names for itself, and the words that named it ("" if none)."""
    head = sentence[:24]
    match = SENTENCE_YEAR.search(head)
    if match and (match.group(2) is not None or not re.search(r"[，,]", head[:match.start(1)])):
        # a year that leads a clause (2022年，…) dates the sentence; one written inside a later
        # clause (…完成12亿元，2024年计划增长5%) speaks only of that clause
        return int(match.group(1)), f"cue:{match.group(1)}年"
    match = re.match(r"^[^，,。]{0,4}?(?:从|自)((?:19|20)\d\d)年(?:开始|起)", sentence)
    if match:
        return int(match.group(1)), f"cue:{match.group(1)}年起"  # 从2014年开始，…就突破了千亿元
    match = re.match(r"^[^，,。]{0,6}?(?:到|至)((?:19|20)\d\d)年", sentence)
    if match:
        return int(match.group(1)), f"cue:到{match.group(1)}年"  # 到2025年，…: the whole sentence speaks of that year
    if "去年" in head and doc.this_year is not None:
        if doc.delivered_year or doc.doc_type == "工作汇报":
            return doc.this_year - 1, "cue:去年"
        return doc.report_year - 1, "cue:去年"
    return default, ""


# …908.82亿元；2022年，莱芜区地区生产总值增长3.4%: a part after a semicolon dated anew.
PART_YEAR = re.compile(r"[；;]\s*((?:19|20)\d\d)年(?:[，,]|全年)")


# …，尤其18年生产总值达到2229亿元: a year written right before the indicator dates it; a
# two-digit year only when it is near the document's year (近20年 is a span, not 2020).
YEAR_BEFORE_ITEM = re.compile(
    r"(?<![\d.近过去这多几连续前后每比较至到从由])((?:19|20)?\d\d)年(?!以来|来|起|开始|前|后|的)[^，,。；;：:\d年]{0,8}$")
TWO_DIGIT_YEAR_SLACK = 3


def _full_year(written: int, doc: DocContext | None) -> int | None:
    """A year as written (2018, or 18 for 2018) in full; a two-digit year only when it falls in
    the few years up to the document's own year."""
    if written >= 1900:
        return written
    if doc is None or doc.report_year is None:
        return None
    year = written + 2000
    return year if doc.report_year - TWO_DIGIT_YEAR_SLACK <= year <= doc.report_year else None


def _year_before_item(text: str, sentence_start: int, item_start: int, doc: DocContext | None) -> int | None:
    found = YEAR_BEFORE_ITEM.search(text, max(sentence_start, item_start - 14), item_start)
    if not found:
        return None
    return _full_year(int(found.group(1)), doc)


# 尤其18年生产总值达到2229亿元，……，完成名义GDP增量247.5亿元: an item dated at its head dates
# the later items of its sentence too (比17年 is a comparison, 2016年以来 a span: neither counts).
CARRIED_YEAR = re.compile(
    r"(?<![\d.近过去这多几连续前后每比较与同至到从由])((?:19|20)?\d\d)年(?!以来|来|起|开始|前|后|的|底|末|相比|同期|\d)"
    # …that dates an item: an indicator's words follow it closely (18年生产总值, 2021年全县财政收入)
    r"(?=[^，,。；;]{0,6}?(?:生产总值|GDP|财政|收入|投资|零售|增加值|就业|失业|总产值|产量))")


def _carried_year(text: str, sentence_start: int, item_start: int, doc: DocContext | None) -> int | None:
    found = None
    for found in CARRIED_YEAR.finditer(text, sentence_start, item_start):
        pass
    if found is None:
        return None
    return _full_year(int(found.group(1)), doc)


def _dated_part(text: str, sentence_start: int, item_start: int) -> int | None:
    found = None
    for found in PART_YEAR.finditer(text, sentence_start, item_start):
        pass
    if found is None or re.search(r"[；;]", text[found.end():item_start]):
        return None
    return int(found.group(1))


CLAUSE_YEAR = re.compile(r"(?:到|至)((?:19|20)\d\d)年(?:底|末)?")
LEAD_YEAR_CLAUSE = re.compile(r"\s*(?:力争|争取|预计|计划)?(?:到|至)((?:19|20)\d\d)年(?:底|末)?")


def with_clause_year(ctx: SentenceContext, text: str, sentence_start: int, item_start: int,
                     doc: DocContext | None = None) -> SentenceContext:
    """力争到2030年全市地区生产总值突破4500亿元: the clause names its own year."""
    clause_start = max(text.rfind(mark, sentence_start, item_start) for mark in "，,；;：:")
    match = None
    for match in CLAUSE_YEAR.finditer(text, max(clause_start, sentence_start), item_start):
        pass
    if match is None:
        dated = (_dated_part(text, sentence_start, item_start) or _year_before_item(text, sentence_start, item_start, doc)
                 or _carried_year(text, sentence_start, item_start, doc))
        if dated is not None and dated != ctx.period and ctx.kind == "actual":
            return replace(ctx, period=dated, period_start=dated, period_end=dated,
                           basis=join_basis([ctx.basis, f"cue:{dated}年"]))
    if match is None and clause_start > sentence_start:
        # 争取到2023年，一般公共预算收入突破20亿元: a lead clause that only names the year
        lead_start = max(text.rfind(mark, sentence_start, clause_start) for mark in "，,；;：:") + 1
        match = LEAD_YEAR_CLAUSE.fullmatch(text, max(lead_start, sentence_start), clause_start)
    if match is None:
        return ctx
    year = int(match.group(1))
    kind, estimated = ("target", False) if doc and is_horizon(year, doc) else (ctx.kind, ctx.estimated)
    return replace(ctx, period=year, period_start=year, period_end=year, plan_multi=False, kind=kind,
                   estimated=estimated, basis=join_basis([ctx.basis, f"cue:{match.group(0)}"]))


# 从2014年开始，…就突破了千亿元; 自2019年起该县…突破10亿元: the year a milestone was first passed.
FROM_YEAR = re.compile(r"(?:从|自)((?:19|20)\d\d)年(?:开始|起)")
MILESTONE_WORDS = re.compile(r"(?:首次|首度|就|已)?(?:突破|超过|跨越|迈上|达到)")


def milestone_from_year(text: str, sentence_start: int, item_start: int) -> int | None:
    """The year a lead clause (or the item's own clause) says a milestone dates from."""
    marks = [text.rfind(mark, sentence_start, item_start) for mark in "，,；;：:"]
    clause_start = max(marks)
    if clause_start < sentence_start:
        clause_start = sentence_start - 1
    own = FROM_YEAR.search(text, clause_start + 1, item_start)
    if own:
        return int(own.group(1))
    if clause_start < sentence_start:
        return None
    lead_start = max([sentence_start - 1] + [text.rfind(mark, sentence_start, clause_start) for mark in "，,；;：:"])
    lead = FROM_YEAR.fullmatch(text[lead_start + 1:clause_start].strip())
    return int(lead.group(1)) if lead else None
