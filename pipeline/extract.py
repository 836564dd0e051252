"""Indicator statements: normalised report text in, one row per fact out.

How a fact is read (see DOMAIN.md for the phrasing it follows):

1. The text is walked paragraph by paragraph. Headings and cue sentences tell which
   part of the report we are in: the review of the past year (outcomes), a five-year
   review, the year's plan (targets) or a five-year plan. That decides ``kind`` and
   the default ``period``.
2. In each sentence the spellings of indicator families are found (longest first, from
   ``data/reference/indicator_aliases.tsv``), skipping contexts listed in
   ``indicator_blocks.tsv`` (万元生产总值能耗 is not GDP).
3. The words right after a spelling are read for value mentions: a level
   (221.46亿元), a growth (同比增长7.9%, 下降2.1%), a change in points (提高1个百分点),
   a rate (控制在3.5%以内). Only the clause of the spelling and clauses that continue it
   (,同比增长…) are read, so a number further on is never attached to it.
4. Coordinated spellings (A、B分别增长x%、y%; 城乡居民… = urban, rural) share the
   values that follow, in order; a qualifier written once after the list applies to
   every item.

Masked values (X, x.x, *, blanks) become ``value`` null with ``masked`` true. Wrong
numbers are worse than missing ones: anything ambiguous is left out.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

import pandas as pd

from pipeline import settings

FACT_COLUMNS = [
    "indicator", "measure", "kind", "estimated", "period", "period_start", "period_end",
    "scope", "value", "unit", "qualifier", "qualifier_text", "masked", "sentence",
    "start", "end", "value_text", "value_start", "value_end",
]

# --- vocabulary -------------------------------------------------------------------


@dataclass(frozen=True)
class Family:
    name: str
    headline: bool
    direction: str
    level_unit: str
    kind: str  # amount | rate | count
    flow: bool


@dataclass(frozen=True)
class Vocabulary:
    families: dict[str, Family]
    aliases: dict[str, tuple[str, ...]]
    qualitative_only: frozenset[str]
    alias_pattern: re.Pattern
    blocks_before: tuple[re.Pattern, ...]
    blocks_after: tuple[re.Pattern, ...]


def _read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def load_vocabulary(reference_dir: Path | None = None) -> Vocabulary:
    """Read the reviewed indicator vocabulary (cached per directory)."""
    return _load_vocabulary(reference_dir or settings.reference_dir())


@lru_cache(maxsize=4)
def _load_vocabulary(ref: Path) -> Vocabulary:
    families = {
        row["indicator"]: Family(
            row["indicator"], row["headline"] == "true", row["direction"], row["level_unit"], row["kind"],
            row["flow"] == "true",
        )
        for row in _read_tsv(ref / "indicator_families.tsv")
    }
    aliases: dict[str, tuple[str, ...]] = {}
    qualitative: set[str] = set()
    for row in _read_tsv(ref / "indicator_aliases.tsv"):
        targets = tuple(row["indicator"].split(";"))
        unknown = [t for t in targets if t not in families]
        if unknown:
            raise ValueError(f"indicator_aliases.tsv: {row['alias']} names unknown families {unknown}")
        aliases[row["alias"]] = targets
        if row["qualitative_only"] == "true":
            qualitative.add(row["alias"])
    # Spellings written as "re:…" are patterns (城镇、农村居民… and its variants);
    # all others are literal and the longest wins.
    literal = sorted((a for a in aliases if not a.startswith("re:")), key=len, reverse=True)
    patterns = [a[3:] for a in aliases if a.startswith("re:")]
    pattern = re.compile("|".join([f"(?:{p})" for p in patterns] + [re.escape(a) for a in literal]))
    blocks = _read_tsv(ref / "indicator_blocks.tsv")
    return Vocabulary(
        families=families,
        aliases=aliases,
        qualitative_only=frozenset(qualitative),
        alias_pattern=pattern,
        blocks_before=tuple(re.compile(b["pattern"]) for b in blocks if b["side"] == "before"),
        blocks_after=tuple(re.compile(b["pattern"]) for b in blocks if b["side"] == "after"),
    )


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


@dataclass(frozen=True)
class DocContext:
    report_year: int | None
    doc_type: str
    delivered_year: int | None

    @property
    def review_year(self) -> int | None:
        """The year a review section reports on by default."""
        if self.report_year is None:
            return None
        if self.doc_type == "工作汇报":
            return self.report_year
        return self.report_year - 1

    @property
    def this_year(self) -> int | None:
        """The year 今年 means in the text."""
        if self.delivered_year is not None:
            return self.delivered_year
        return self.report_year


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


# --- value mentions ---------------------------------------------------------------

NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
MASK = r"(?:[Xx×＊*]{1,6}(?:\.[Xx×＊*]{1,3})?)"
AMOUNT_UNITS = r"亿美元|万美元|亿元|万元|元|万吨|吨|亿斤|万斤|万亩|亩|万人次|万人|人次|人|万户|户|公里|个"
GROWTH_VERB = r"增长|增加|提高|提升|上升|下降|减少|回落|降低|增速为?|增幅为?|增速达到?|增幅达到?"
YEARS_IN_WORDS = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5}
NEGATIVE_VERBS = ("下降", "减少", "回落", "降低")
PRE_QUALIFIERS = r"控制在|稳定在|保持在|不低于|不超过|不高于|不少于|超过|突破|高于|低于|达到|达|力争|争取|确保|实现"
POST_QUALIFIER = r"左右|以上|以内|以下|上下"

RANGE_RE = re.compile(
    rf"(?P<verb>{GROWTH_VERB})?\s*(?P<lo>{NUM})\s*%?\s*[-~～—–至到]\s*(?P<hi>{NUM})\s*(?P<unit>%)"
    rf"(?P<post>{POST_QUALIFIER})?"
)
GROWTH_RE = re.compile(
    rf"(?P<verb>{GROWTH_VERB})\s*(?P<pre>(?:{PRE_QUALIFIERS})?)\s*(?P<sign>[-−])?(?P<num>{NUM}|{MASK})?\s*"
    rf"(?P<unit>%|个百分点|倍|{AMOUNT_UNITS})(?P<post>{POST_QUALIFIER})?"
)
LEVEL_RE = re.compile(
    rf"(?P<pre>(?:{PRE_QUALIFIERS}|为|是|完成)?)\s*(?P<num>{NUM}|{MASK})?\s*(?P<yu>余)?"
    rf"(?P<unit>(?:万|亿)余(?:人|元|吨|亩|美元)|{AMOUNT_UNITS}|%)(?P<post>{POST_QUALIFIER})?"
)
# 分别增长7%和8%, 分别增长*%、*%: values after the first share its verb.
GROWTH_LIST_TAIL = re.compile(
    rf"(?:、|和|及|与|,|，)\s*(?P<num>{NUM}|{MASK})?\s*(?P<unit>%|个百分点)(?P<post>{POST_QUALIFIER})?"
)
QUALITATIVE_RE = re.compile(
    r"^(?:增长|收入增长)?(?:和|与)?(?:经济增长)?(?:基本)?(?:保持)?同步|^稳步增长|^稳定增长|^保持(?:平稳|稳定|较快)增长"
    r"|^持续增长|^稳中有升|^较快增长|^实现正增长|^保持稳定|^不低于上年(?:水平)?|^高于经济增长"
)
CONTINUATION = re.compile(
    rf"^(?:同比|同口径|按可比价格?计算|可比价|比上年|较上年|比去年|较去年|比年初|较年初|比上年末|较上年末|年均|(?:[两二三四五]年)?平均|分别|均|预计|全年|实际|并|且)*"
    rf"(?:{GROWTH_VERB}|{PRE_QUALIFIERS}|为)"
    rf"|^(?:{NUM}|{MASK})?\s*(?:%|{AMOUNT_UNITS})(?:{POST_QUALIFIER})?$"
)
CLAUSE_SPLIT = re.compile(r"[,，]")
HARD_STOP = re.compile(r"[;；:：]")
FILLER_MAX = 14
YEAR_WORD = re.compile(r"(?:19|20)\d\d年(?:底|末)?")
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
class Mention:
    measure: str
    value: float | None
    masked: bool
    unit: str
    qualifier: str
    qualifier_text: str
    start: int
    end: int
    multi_year: bool = False
    cumulative: bool = False
    span_years: int = 0  # 两年平均增长: the number of years averaged
    year: int | None = None  # the mention names its own year (由2015年的…到2020年的…)
    term: tuple[int, int] | None = None  # …年均增长7.2% after a 由…到 statement
    distributed: bool = False  # taken by a 分别 list that reaches back over earlier items
    base_year: int | None = None  # 比2010年翻一番: the year the multiple is measured from
    years_early: int = 0  # 提前一年实现: reached a year before the period in view


def qualifier_of(pre: str, post: str, context: str) -> tuple[str, str]:
    """Normalise the qualifier words around a value; the words after it win."""
    words = [w for w in (_aspiration(context), pre, post) if w]
    text = "…".join(dict.fromkeys(words))
    if post in ("左右", "上下"):
        return "about", text
    if post in ("以上", "余") or pre in ("不低于", "不少于", "超过", "突破", "高于"):
        return "at_least", text
    if post in ("以内", "以下") or pre in ("控制在", "不超过", "不高于", "低于"):
        return "at_most", text
    if _aspiration(context) and pre in ("", "达到", "达", "实现"):
        return "at_least", text  # 力争增长8%, 力争达到2亿美元: the floor the government commits to
    return "exact", text


def _aspiration(context: str) -> str:
    match = re.search(r"力争|争取|确保", context)
    return match.group(0) if match else ""


def parse_number(text: str | None) -> tuple[float | None, bool]:
    """A number, or (None, True) when masked or blank."""
    if not text or re.fullmatch(MASK, text):
        return None, True
    return float(text.replace(",", "")), False


# 地区生产总值由2015年的152.4亿元增加到2020年的236.8亿元: two levels, each with its year.
FROM_TO_RE = re.compile(
    rf"由(?:(?P<ya>(?:19|20)\d\d)年(?:底|末)?的?)?(?P<a>{NUM})(?P<ua>{AMOUNT_UNITS})"
    rf"(?:增加|增长|提高|提升|上升|扩大|跃升)?(?:到|至)(?:(?P<yb>(?:19|20)\d\d)年(?:底|末)?(?:预计)?的?)?"
    rf"(?P<b>{NUM})(?P<ub>{AMOUNT_UNITS})"
)


# 比2010年翻一番, 是2015年的1.9倍: a multiple of a base year's level.
DOUBLING = {"一": 2.0, "两": 4.0, "二": 4.0, "三": 8.0}
MULTIPLE_RE = re.compile(
    rf"(?:比(?P<base>(?:19|20)\d\d)年(?:底|末)?)?(?:实现|提前[一二两]年实现)?翻(?P<times>[一两二三])?番"
    rf"|是(?P<base2>(?:19|20)\d\d)年(?:底|末)?的(?P<num>{NUM})倍"
)


MULTIPLE_TAIL = re.compile(rf"(?:、|和)(?P<num>{NUM})倍")


def read_multiples(segment: str, offset: int, aspiration_context: str) -> list[Mention]:
    mentions = []
    for match in MULTIPLE_RE.finditer(segment):
        value = float(match["num"]) if match["num"] else DOUBLING[match["times"] or "一"]
        base = match["base"] or match["base2"]
        early = re.search(r"提前([一二两])年", segment[max(0, match.start() - 8):match.end()])
        by_year = re.search(r"(?:在|到|于)((?:19|20)\d\d)年(?:底|末)?(?:前)?(?:实现)?$", segment[max(0, match.start() - 12):match.start()])
        qualifier, qualifier_text = qualifier_of("", "", aspiration_context)
        spans = [(value, match.start(), match.end())]
        for tail in MULTIPLE_TAIL.finditer(segment, match.end()):
            if tail.start() != spans[-1][2]:
                break
            spans.append((float(tail["num"]), tail.start(), tail.end()))  # 1.9倍、1.5倍
        for number, start, end in spans:
            mentions.append(Mention("multiple", number, False, "倍", qualifier, qualifier_text,
                                    offset + start, offset + end,
                                    base_year=int(base) if base else None,
                                    years_early=YEARS_IN_WORDS.get(early.group(1), 1) if early else 0,
                                    year=int(by_year.group(1)) if by_year else None))
    return mentions


def _from_to_years(match: re.Match, term: tuple[int, int] | None) -> tuple[int, int] | None:
    """由2015年的…到2020年的…; without years, a five-year review's 由…增加到… spans its term."""
    if match["ya"] and match["yb"]:
        return int(match["ya"]), int(match["yb"])
    if term:
        return (int(match["ya"]) if match["ya"] else term[0] - 1), (int(match["yb"]) if match["yb"] else term[1])
    return None


def read_mentions(segment: str, offset: int, aspiration_context: str,
                  term: tuple[int, int] | None = None) -> list[Mention]:
    """Value mentions in the words that follow an indicator spelling."""
    mentions: list[Mention] = []
    taken: list[tuple[int, int]] = []
    span_term: tuple[int, int] | None = None
    from_to = FROM_TO_RE.search(segment)
    if from_to and from_to.start() <= 4:
        years = _from_to_years(from_to, term)
        if years:
            for (num, unit), year in zip((("a", "ua"), ("b", "ub")), years):
                mentions.append(Mention("level", float(from_to[num].replace(",", "")), False, from_to[unit], "exact",
                                        "", offset + from_to.start(num), offset + from_to.end(unit), year=year))
            span_term = (years[0] + 1, years[1])
        taken.append(from_to.span())

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for match in RANGE_RE.finditer(segment):
        lo, hi = float(match["lo"]), float(match["hi"])
        if lo >= hi:
            continue
        text = f"{match['lo']}-{match['hi']}%"
        mentions.append(Mention("growth", lo, False, "%", "range", _join_words(_aspiration(aspiration_context), text),
                                offset + match.start(), offset + match.end()))
        taken.append(match.span())
    for match in GROWTH_RE.finditer(segment):
        if not free(*match.span()) or not _plausible_blank(match):
            continue
        if match["unit"] == "倍":
            continue  # 增长1.2倍 is rare and ambiguous (ratio or increase): leave it out
        before = segment[max(0, match.start() - 4):match.start()]
        span = re.search(r"([两二三四五])年平均$", before)
        negative = match["verb"] in NEGATIVE_VERBS
        for part in _growth_list(segment, match):
            value, masked = parse_number(part["num"])
            if value is not None and (negative != bool(part.groupdict().get("sign"))):
                value = -value  # 下降2.1% and 增长-2.1% are both −2.1; 下降-1% would be +1
            unit = part["unit"]
            measure = "growth" if unit == "%" else "change"
            qualifier, qualifier_text = qualifier_of(match["pre"], part["post"] or "", aspiration_context)
            mentions.append(Mention(measure, value, masked, unit, qualifier, qualifier_text,
                                    offset + part.start(), offset + part.end(),
                                    multi_year="年均" in before or "平均" in before,
                                    cumulative="累计" in before,
                                    span_years=YEARS_IN_WORDS[span.group(1)] if span else 0,
                                    term=span_term))
            taken.append(part.span())
    for match in LEVEL_RE.finditer(segment):
        if not free(*match.span()) or (match["num"] is None and match.start() != 0 and not match["pre"]):
            continue
        if match["num"] is None and not _blank_level_allowed(segment, match):
            continue
        value, masked = parse_number(match["num"])
        unit = match["unit"]
        measure = "rate" if unit == "%" else "level"
        yu = match["yu"] or "余" in unit
        unit = unit.replace("余", "")
        post = match["post"] or ("余" if yu else "")
        qualifier, qualifier_text = qualifier_of(match["pre"], post, aspiration_context)
        before = segment[max(0, match.start() - 6):match.start()]
        mentions.append(Mention(measure, value, masked, unit, qualifier, qualifier_text,
                                offset + match.start(), offset + match.end(), cumulative="累计" in before))
        taken.append(match.span())
    multiples = [m for m in read_multiples(segment, offset, aspiration_context)
                 if free(m.start - offset, m.end - offset)]
    return sorted(mentions + multiples, key=lambda m: m.start)


def _growth_list(segment: str, first: re.Match) -> list[re.Match]:
    """The growth mention and the bare values chained after it (、8%和9%)."""
    parts = [first]
    while True:
        tail = GROWTH_LIST_TAIL.match(segment, parts[-1].end())
        if not tail or (tail["num"] is None and tail["unit"] != "%"):
            return parts
        parts.append(tail)


def _join_words(*words: str) -> str:
    return "…".join(w for w in words if w)


def _plausible_blank(match: re.Match) -> bool:
    """A blank growth value (增长 %) only counts when the unit is a percent sign."""
    return match["num"] is not None or match["unit"] in ("%", "个百分点")


def _blank_level_allowed(segment: str, match: re.Match) -> bool:
    # 完成地区生产总值亿元: the digits were stripped, the unit stayed right behind the name.
    return match["unit"] in ("亿元", "万元", "元", "亿美元", "万吨", "万亩", "万人", "人") and match.start() <= 4


# --- facts --------------------------------------------------------------------------


@dataclass
class AliasHit:
    alias: str
    indicators: tuple[str, ...]
    start: int
    end: int


def find_aliases(text: str, start: int, end: int, vocab: Vocabulary) -> list[AliasHit]:
    hits = []
    for match in vocab.alias_pattern.finditer(text, start, end):
        before = text[max(start, match.start() - 8):match.start()]
        after = text[match.end():min(end, match.end() + 8)]
        if any(p.search(before) for p in vocab.blocks_before) or any(p.search(after) for p in vocab.blocks_after):
            continue
        hits.append(AliasHit(match.group(0), _alias_targets(match.group(0), vocab), match.start(), match.end()))
    return hits


def _alias_targets(spelling: str, vocab: Vocabulary) -> tuple[str, ...]:
    if spelling in vocab.aliases:
        return vocab.aliases[spelling]
    for alias, targets in vocab.aliases.items():
        if alias.startswith("re:") and re.fullmatch(alias[3:], spelling):
            return targets
    raise KeyError(spelling)


LIST_JOINER = re.compile(r"^(?:、|和|与|及|以及|、以及)$")


def group_hits(text: str, hits: list[AliasHit]) -> list[list[AliasHit]]:
    """Coordinated spellings (A、B分别…) form one group that shares the values after it."""
    groups: list[list[AliasHit]] = []
    for hit in hits:
        if groups and LIST_JOINER.match(text[groups[-1][-1].end:hit.start]):
            groups[-1].append(hit)
        else:
            groups.append([hit])
    return groups


def reading_window(text: str, start: int, limit: int) -> tuple[int, int]:
    """The clause after a spelling plus the clauses that continue it (,同比增长…)."""
    stop = HARD_STOP.search(text, start, limit)
    if stop:
        limit = stop.start()
    end = start
    first = True
    pos = start
    while pos < limit:
        match = CLAUSE_SPLIT.search(text, pos, limit)
        clause_end = match.start() if match else limit
        clause = text[pos:clause_end].strip()
        if not first and not CONTINUATION.match(clause):
            break
        end = clause_end
        first = False
        if not match:
            break
        pos = match.end()
    return start, end


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


def mentions_to_facts(
    group: list[AliasHit], mentions: list[Mention], ctx: SentenceContext, vocab: Vocabulary
) -> list[dict]:
    indicators = [name for hit in group for name in hit.indicators]
    n = len(indicators)
    facts = []
    for (measure, _), found in _by_reading(mentions).items():
        if n == 1:
            assigned = [(indicators[0], m) for m in _distinct_readings(found)]
        elif len(found) == n:
            _share_trailing_qualifier(found)
            assigned = list(zip(indicators, found))
        elif len(found) == 1:
            assigned = [(name, found[0]) for name in indicators]  # A、B均增长5%
        else:
            continue  # a list whose values do not line up: leave it out
        for name, mention in assigned:
            fact = _fact(name, measure, mention, ctx, vocab)
            if fact:
                facts.append(fact)
    return facts


def _distinct_readings(found: list[Mention]) -> list[Mention]:
    """突破250亿元，达到255.2亿元 or 增长8.6%，两年平均增长6%: different statements, keep
    each; a repeated statement of the same kind keeps only its first value."""
    seen: set[tuple] = set()
    kept = []
    for mention in found:
        reading = (mention.multi_year, mention.cumulative, mention.qualifier, mention.year)
        if reading not in seen:
            seen.add(reading)
            kept.append(mention)
    return kept


def _share_trailing_qualifier(found: list[Mention]) -> None:
    last = found[-1]
    if last.qualifier == "exact":
        return
    for mention in found[:-1]:
        if mention.qualifier == "exact" and not mention.qualifier_text:
            mention.qualifier, mention.qualifier_text = last.qualifier, last.qualifier_text


def _fact(name: str, measure: str, m: Mention, ctx: SentenceContext, vocab: Vocabulary) -> dict | None:
    family = vocab.families[name]
    if measure == "rate" and family.kind != "rate":
        return None  # a bare percentage after an amount is a share or a rank, not the value
    if measure == "level" and family.kind == "rate":
        return None
    if measure == "level" and not _unit_fits(m.unit, family):
        return None
    scope, period_start, period_end, period = ctx.scope, ctx.period_start, ctx.period_end, ctx.period
    if measure == "multiple":
        end_year = m.year if m.year is not None else None if period is None else period - m.years_early
        start_year = m.base_year + 1 if m.base_year else (ctx.term[0] if ctx.term else None)
        return _with_period(name, measure, m, ctx, "cumulative", start_year, end_year, end_year)
    if m.year is not None:
        period = period_start = period_end = m.year
    elif m.term and m.multi_year:
        return _with_period(name, measure, m, ctx, "multi_year_avg", m.term[0], m.term[1], m.term[1])
    summed = m.cumulative or measure in ("growth", "change") or (measure == "level" and family.flow)
    if ctx.term and (m.multi_year or (ctx.five_year and summed)):
        scope = "multi_year_avg" if m.multi_year else "cumulative"
        period_start, period_end = ctx.term
        period = period_end
    elif ctx.plan_multi and ctx.term:
        period = period_start = period_end = ctx.term[1]  # a five-year plan's level: by its last year
    elif m.multi_year and m.span_years:
        scope, period_start, period_end = "multi_year_avg", period - m.span_years + 1, period
    elif m.multi_year:
        return None  # 年均 outside a plan term: we cannot tell which years
    elif ctx.five_year and m.cumulative:
        return None
    elif m.cumulative and measure == "level":
        scope = "cumulative"
    return _with_period(name, measure, m, ctx, scope, period_start, period_end, period)


def _with_period(name: str, measure: str, m: Mention, ctx: SentenceContext, scope: str,
                 period_start: int | None, period_end: int | None, period: int | None) -> dict:
    return {
        "indicator": name,
        "measure": measure,
        "kind": ctx.kind,
        "estimated": ctx.estimated,
        "period": period,
        "period_start": period_start,
        "period_end": period_end,
        "scope": scope,
        "value": m.value,
        "unit": m.unit,
        "qualifier": m.qualifier,
        "qualifier_text": m.qualifier_text or None,
        "masked": m.masked,
        "value_start": m.start,
        "value_end": m.end,
    }


def _unit_fits(unit: str, family: Family) -> bool:
    if family.level_unit in ("亿元",):
        return unit in ("亿元", "万元", "元", "亿美元", "万美元")
    if family.level_unit == "元":
        return unit in ("元", "万元")
    if family.level_unit == "亿美元":
        return unit in ("亿美元", "万美元", "亿元", "万元")
    if family.level_unit == "人":
        return unit in ("人", "万人", "人次", "万人次")
    if family.level_unit == "万吨":
        return unit in ("万吨", "吨", "亿斤", "万斤")
    return unit == family.level_unit


def qualitative_fact(group: list[AliasHit], text: str, window_end: int, ctx: SentenceContext) -> list[dict]:
    """居民收入与经济增长同步: a target kept with its words and no value."""
    if ctx.kind != "target":
        return []
    after = text[group[-1].end:window_end]
    match = QUALITATIVE_RE.search(after)
    if not match:
        return []
    start = group[-1].end + match.start()
    end = group[-1].end + match.end()
    scope, period_start, period_end, period = ctx.scope, ctx.period_start, ctx.period_end, ctx.period
    if ctx.term:
        scope, (period_start, period_end) = "multi_year_avg", ctx.term
        period = period_end
    return [
        {
            "indicator": name, "measure": "growth", "kind": "target", "estimated": False,
            "period": period, "period_start": period_start, "period_end": period_end,
            "scope": scope, "value": None, "unit": None, "qualifier": "exact",
            "qualifier_text": match.group(0), "masked": False, "value_start": start, "value_end": end,
        }
        for hit in group for name in hit.indicators
    ]


def extract_sentence(text: str, start: int, end: int, ctx: SentenceContext, vocab: Vocabulary) -> list[dict]:
    hits = find_aliases(text, start, end, vocab)
    facts = []
    groups = group_hits(text, hits)
    for i, group in enumerate(groups):
        limit = groups[i + 1][0].start if i + 1 < len(groups) else end
        window_start, window_end = reading_window(text, group[-1].end, limit)
        segment = text[window_start:window_end]
        if len(group) == 1 and group[0].alias in vocab.qualitative_only:
            facts.extend(qualitative_fact(group, text, window_end, ctx))
            continue
        aspiration = text[start:window_end]
        group_ctx = _with_clause_year(ctx, text, start, group[0].start)
        mentions = read_mentions(segment, window_start, aspiration, ctx.term if ctx.five_year else None)
        if mentions and not _close_enough(text, window_start, mentions[0]):
            mentions = []
        if not mentions:
            facts.extend(qualitative_fact(group, text, window_end, ctx))
            continue
        if "分别" in segment:
            facts.extend(_distribute_backwards(groups[:i + 1], mentions, group_ctx, vocab))
            mentions = [m for m in mentions if not m.distributed]
        facts.extend(mentions_to_facts(group, mentions, group_ctx, vocab))
    for fact in facts:
        fact["sentence"] = text[start:end]
        fact["start"], fact["end"] = start, end
        fact["value_text"] = text[fact["value_start"]:fact["value_end"]]
    return facts


CLAUSE_YEAR = re.compile(r"(?:到|至)((?:19|20)\d\d)年(?:底|末)?")


def _with_clause_year(ctx: SentenceContext, text: str, sentence_start: int, item_start: int) -> SentenceContext:
    """力争到2030年全市地区生产总值突破4500亿元: the clause names its own year."""
    clause_start = max(text.rfind(mark, sentence_start, item_start) for mark in "，,；;：:")
    match = None
    for match in CLAUSE_YEAR.finditer(text, max(clause_start, sentence_start), item_start):
        pass
    if match is None:
        return ctx
    year = int(match.group(1))
    return replace(ctx, period=year, period_start=year, period_end=year, plan_multi=False)


def _distribute_backwards(
    groups: list[list[AliasHit]], mentions: list[Mention], ctx: SentenceContext, vocab: Vocabulary
) -> list[dict]:
    """存款余额386亿元、贷款余额245亿元，分别增长12.1%、15.6%: a 分别 list after the last
    item reaches back over the items named before it, one value each, in order.

    The mentions it uses are marked ``distributed``; a list that does not line up with
    the items before it is marked too and dropped, since any assignment would be a guess."""
    own = len([name for hit in groups[-1] for name in hit.indicators])
    facts: list[dict] = []
    for found in _by_reading(mentions).values():
        if len(found) <= own:
            continue
        for mention in found:
            mention.distributed = True
        hits = _last_items(groups, len(found))
        if hits is not None:
            facts.extend(mentions_to_facts(hits, found, ctx, vocab))
    return facts


def _by_reading(mentions: list[Mention]) -> dict[tuple[str, bool], list[Mention]]:
    """分别增长8.2%、10.1%，两年平均分别增长6.0%、7.9%: two lists, one per reading."""
    grouped: dict[tuple[str, bool], list[Mention]] = {}
    for mention in mentions:
        grouped.setdefault((mention.measure, mention.multi_year), []).append(mention)
    return grouped


def _last_items(groups: list[list[AliasHit]], count: int) -> list[AliasHit] | None:
    """The last ``count`` named items, as hits, or None when there are not exactly that many."""
    hits: list[AliasHit] = []
    total = 0
    for group in reversed(groups):
        for hit in reversed(group):
            hits.insert(0, hit)
            total += len(hit.indicators)
            if total == count:
                return hits
            if total > count:
                return None
    return None


def _close_enough(text: str, window_start: int, mention: Mention) -> bool:
    """The first value must follow the spelling closely: 总额, 实现, 同比 … not a new topic."""
    if mention.year is not None:
        return True  # 由2015年的…: FROM_TO_RE already required it to open the clause
    gap = text[window_start:mention.start]
    first_clause = CLAUSE_SPLIT.split(gap)[0]
    return len(first_clause) <= FILLER_MAX and not re.search(r"\d", YEAR_WORD.sub("", first_clause))


def extract_indicators(text: str, identity) -> pd.DataFrame:
    """All indicator facts of one normalised document (see the module docstring)."""
    vocab = load_vocabulary()
    doc = DocContext(identity.report_year, identity.doc_type, getattr(identity, "delivered_year", None))
    section = Section("review", doc.review_year)
    rows: list[dict] = []
    for p_start, p_end in iter_paragraphs(text):
        paragraph = text[p_start:p_end].strip()
        if is_heading(paragraph):
            section = classify_heading(paragraph, doc, section)
            continue
        for s_start, s_end in iter_sentences(text, p_start, p_end):
            sentence = text[s_start:s_end]
            if SECTION_NUMBER.match(sentence):
                # Exported documents glue a heading to its first sentence (二、今后五年目标全县…).
                section = classify_heading(sentence[:HEADING_PEEK], doc, section)
            # Cues can sit anywhere: exported documents often run a whole page into one line.
            section = update_section(sentence, section, doc)
            ctx = sentence_context(sentence, section, doc)
            if ctx is not None:
                rows.extend(extract_sentence(text, s_start, s_end, ctx, vocab))
    return _to_frame(rows)


def _to_frame(rows: Iterable[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(list(rows), columns=FACT_COLUMNS)
    frame = frame.drop_duplicates(subset=["indicator", "measure", "value_start"], keep="first")
    return frame.reset_index(drop=True)
