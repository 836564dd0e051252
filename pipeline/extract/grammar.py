"""The number / unit / qualifier grammar of value mentions.

The words right after an indicator spelling are read for value mentions: a level
(221.46亿元), a growth (同比增长7.9%, 下降2.1%), a change in points (提高1个百分点), a rate
(控制在3.5%以内), a multiple (翻一番, 是2015年的1.9倍). Only the clause of the spelling and
clauses that continue it (,同比增长…) are read (``windows.reading_window``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.numerals import CN_NUMBER, chinese_number

# --- value mentions ---------------------------------------------------------------

NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
MASK = r"(?:[Xx×＊*]{1,6}(?:\.[Xx×＊*]{1,3})?)"
AMOUNT_UNITS = r"亿美元|万美元|亿元|万元|元|万吨|吨|亿斤|万斤|万亩|亩|万人次|万人|人次|人|万户|户|公里|个"
GROWTH_VERB = r"增长率(?:为|达到?)?|增长|增加|提高|提升|上升|下降|减少|回落|降低|增速为?|增幅为?|增速达到?|增幅达到?|增(?=\s*\d[\d.]*\s*%)"
YEARS_IN_WORDS = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5}
NEGATIVE_VERBS = ("下降", "减少", "回落", "降低")
PRE_QUALIFIERS = r"控制在|稳定在|保持在|不低于|不超过|不高于|不少于|超过|超|首破|突破|迈上|跨越|站上|高于|低于|达到|达|力争|争取|确保|实现|约"
POST_QUALIFIER = r"左右|以上|以内|以下|上下"

RANGE_RE = re.compile(
    rf"(?P<verb>{GROWTH_VERB})?\s*(?P<lo>{NUM})\s*%?\s*[-~～—–至到]\s*(?P<hi>{NUM})\s*(?P<unit>%)"
    rf"(?P<post>{POST_QUALIFIER})?"
)
GROWTH_RE = re.compile(
    rf"(?P<verb>{GROWTH_VERB})\s*(?:[(（][^()（）]{{1,8}}[)）])?(?P<pre>(?:{PRE_QUALIFIERS})?)了?\s*(?P<sign>[-−])?(?P<num>{NUM}|{MASK})?\s*"
    rf"(?P<unit>%|个百分点|倍|{AMOUNT_UNITS})(?P<post>{POST_QUALIFIER})?"
)
# 达到325.6亿，增长6%; 人均收入4.2万: news drops the 元 (or 人); the family's unit completes it.
BARE_UNITS = r"(?<=\d)(?:亿|万)(?![元美人吨斤亩户个千万亿级多余])"
LEVEL_RE = re.compile(
    rf"(?P<pre>(?:{PRE_QUALIFIERS}|为|是|完成)?)了?\s*(?P<num>{NUM}|{MASK})?\s*(?P<yu>余)?"
    rf"(?P<unit>(?:万|亿)余(?:人|元|吨|亩|美元)|{AMOUNT_UNITS}|%|{BARE_UNITS})(?P<post>{POST_QUALIFIER})?"
)
# 突破千亿, 破百亿元大关: a round threshold written in words (not 千亿级, a scale class).
WORD_THRESHOLD_RE = re.compile(r"(?P<pre>突破|超过|破)了?(?P<num>百|千|万)亿(?:元)?(?!级|元级)")
WORD_AMOUNTS = {"百": 100.0, "千": 1000.0, "万": 10000.0}
# 分别增长7%和8%, 分别增长*%、*%: values after the first share its verb.
GROWTH_LIST_TAIL = re.compile(
    rf"(?:、|和|及|与|,|，)\s*(?P<num>{NUM}|{MASK})?\s*(?P<unit>%|个百分点)(?P<post>{POST_QUALIFIER})?"
)
# 分别增长4.1%8.7%: a page that lost its list separators glues the next percentage on.
GLUED_LIST_TAIL = re.compile(rf"(?<=%)(?P<num>{NUM})\s*(?P<unit>%)(?P<post>{POST_QUALIFIER})?")
# 增量247.5亿元, 净增45亿元: the amount is a change over the year, not the level.
CHANGE_WORDS = re.compile(r"(?:增量|净增|增加额|增长额|增收)(?:为|达到?|是|约)?\s*$")
QUALITATIVE_RE = re.compile(
    r"^(?:增长|收入增长)?(?:和|与)?(?:经济增长)?(?:基本)?(?:保持)?同步|^稳步增长|^稳定增长|^保持(?:平稳|稳定|较快)增长"
    r"|^持续增长|^稳中有升|^较快增长|^实现正增长|^保持稳定|^不低于上年(?:水平)?|^高于经济增长"
)
# A value followed by 目标 names the target, wherever it is written (低于3.5%的控制目标).
NAMES_TARGET = re.compile(r"\s*(?:的)?(?:控制|预期|年度|计划|既定|调控|奋斗)?目标")
# 计划增长7%，预计完成6.5%; 年度目标18亿元，实际完成18.6亿元: the words right before a value
# say it is the plan's figure (a plan-execution report sets each outcome beside its target).
TARGET_BEFORE = re.compile(r"(?:(?<![完实])计划|年度目标|目标值?|计划目标|年初计划|预期目标|预期)(?:数|值)?(?:为|是)?\s*$")


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
    names_target: bool = False  # 完成增长8%的目标: the value is the target, not the outcome
    like_for_like: bool = False  # 同口径增长8.2%: beside the headline growth, on a comparable basis
    by_year: bool = False  # 到2023年达到…: ``year`` is a horizon
    sum_years: int = 0  # 五年增加20865元: the change over that many years, up to the period
    relative_year: int | None = None  # …，今年力争增长7%: the clause's 今年 (0), 明年 (1) or 去年 (−1)


def qualifier_of(pre: str, post: str, context: str) -> tuple[str, str]:
    """Normalise the qualifier words around a value; the words after it win."""
    words = [w for w in (_aspiration(context), pre, post) if w]
    text = "…".join(dict.fromkeys(words))
    if post in ("左右", "上下") or (pre == "约" and not post):
        return "about", text
    if post in ("以上", "余") or pre in ("不低于", "不少于", "超过", "超", "首破", "突破", "迈上", "跨越", "站上", "高于"):
        return "at_least", text
    if post in ("以内", "以下") or pre in ("控制在", "不超过", "不高于", "低于"):
        return "at_most", text
    if pre in ("力争", "争取", "确保") or (_aspiration(context) and pre in ("", "达到", "达", "实现")):
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
    rf"[由从](?:(?P<ya>(?:19|20)\d\d)年(?:底|末)?的?)?(?P<a>{NUM})(?P<ua>{AMOUNT_UNITS}|%)"
    rf"(?:增加|增长|提高|提升|上升|扩大|跃升|下降|降低|回落|减少|缩小)?(?:到|至)(?:(?P<yb>(?:19|20)\d\d)年(?:底|末)?(?:预计)?的?)?"
    rf"(?P<b>{NUM})(?P<ub>{AMOUNT_UNITS}|%)"
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


CHINESE_PERCENT_RE = re.compile(
    rf"(?P<verb>{GROWTH_VERB})?\s*(?P<pre>(?:{PRE_QUALIFIERS}|为|是)?)\s*百分之(?P<cn>{CN_NUMBER})(?P<post>{POST_QUALIFIER})?")


def read_chinese_percents(segment: str, offset: int, aspiration_context: str) -> list[Mention]:
    """增长百分之六 (a growth), 控制在百分之四点五以内 (a rate)."""
    mentions = []
    for match in CHINESE_PERCENT_RE.finditer(segment):
        value = chinese_number(match["cn"])
        if value is None:
            continue
        verb = match["verb"] or ""
        if verb in NEGATIVE_VERBS or segment[max(0, match.start() - 1):match.start()] == "负":
            value = -value
        qualifier, qualifier_text = qualifier_of(match["pre"], match["post"] or "",
                                                 _before(aspiration_context, segment, match.start()))
        mentions.append(Mention("growth" if verb else "rate", value, False, "%", qualifier, qualifier_text,
                                offset + match.start(), offset + match.end()))
    return mentions


def _level_or_rate(unit: str) -> str:
    """由3.5%下降到3.2%: a percentage reached is a rate (a growth family takes none)."""
    return "rate" if unit == "%" else "level"


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
                mentions.append(Mention(_level_or_rate(from_to[unit]), float(from_to[num].replace(",", "")), False,
                                        from_to[unit], "exact",
                                        "", offset + from_to.start(num), offset + from_to.end(unit), year=year))
            span_term = (years[0] + 1, years[1])
        else:
            # 由28650元提高到30120元 with no years: the level reached is the sentence's own year's;
            # the one it started from is left out (its year is not said)
            mentions.append(Mention(_level_or_rate(from_to["ub"]), float(from_to["b"].replace(",", "")), False,
                                    from_to["ub"], "exact", "",
                                    offset + from_to.start("b"), offset + from_to.end("ub")))
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
        before = segment[max(0, match.start() - 7):match.start()]
        if re.search(r"连续[两二三四五六七八九十\d]{1,2}年(?:实现|保持)?$", before):
            continue  # 连续三年增长10%以上: each of several years, none of them named
        span = re.search(r"([两二三四五])年平均(?:分别|均)?$", before)
        summed_over = re.search(r"([两二三四五])年(?:来|间)?(?:累计)?$", before)  # 五年增加20865元
        negative = match["verb"] in NEGATIVE_VERBS or segment[max(0, match.start() - 1):match.start()] == "负"
        for part in _growth_list(segment, match):
            value, masked = parse_number(part["num"])
            if value is not None and (negative != bool(part.groupdict().get("sign"))):
                value = -value  # 下降2.1% and 增长-2.1% are both −2.1; 下降-1% would be +1
            unit = part["unit"]
            measure = "growth" if unit == "%" else "change"
            qualifier, qualifier_text = qualifier_of(match["pre"], part["post"] or "",
                                                     _before(aspiration_context, segment, match.start()))
            mentions.append(Mention(measure, value, masked, unit, qualifier, qualifier_text,
                                    offset + part.start(), offset + part.end(),
                                    multi_year="年均" in before or "平均" in before,
                                    cumulative="累计" in before,
                                    span_years=YEARS_IN_WORDS[span.group(1)] if span else 0,
                                    term=span_term, like_for_like="同口径" in before,
                                    sum_years=YEARS_IN_WORDS[summed_over.group(1)] if summed_over and not span else 0,
                                    base_year=_compared_with(_before(aspiration_context, segment, match.start())),
                                    year=_clause_year(segment, match.start()),
                                    relative_year=_clause_relative_year(segment, match.start())))
            taken.append(part.span())
    for mention in read_chinese_percents(segment, offset, aspiration_context):
        if free(mention.start - offset, mention.end - offset):
            mentions.append(mention)
            taken.append((mention.start - offset, mention.end - offset))
    for match in WORD_THRESHOLD_RE.finditer(segment):
        if not free(*match.span()):
            continue
        qualifier, qualifier_text = qualifier_of("突破", "", "")
        mentions.append(Mention("level", WORD_AMOUNTS[match["num"]], False, "亿元", qualifier, match["pre"],
                                offset + match.start(), offset + match.end(),
                                year=_year_reached(segment, match), by_year=_by_year(segment, match)))
        taken.append(match.span())
    for match in LEVEL_RE.finditer(segment):
        if not free(*match.span()) or (match["num"] is None and match.start() != 0 and not match["pre"]):
            continue
        if match["num"] is None and not _blank_level_allowed(segment, match):
            continue
        value, masked = parse_number(match["num"])
        unit = match["unit"]
        measure = "rate" if unit == "%" else "level"
        if measure == "level" and CHANGE_WORDS.search(segment, 0, match.start()):
            measure = "change"
        if measure == "rate" and _stretches_a_growth(match, mentions, offset):
            measure = "growth"  # 增长10%，力争11.5%: the stretch value is a growth too
        yu = match["yu"] or "余" in unit
        unit = unit.replace("余", "")
        post = match["post"] or ("余" if yu else "")
        qualifier, qualifier_text = qualifier_of(match["pre"], post, _before(aspiration_context, segment, match.start()))
        before = segment[max(0, match.start() - 6):match.start()]
        mentions.append(Mention(measure, value, masked, unit, qualifier, qualifier_text,
                                offset + match.start(), offset + match.end(), cumulative="累计" in before,
                                year=_year_reached(segment, match) if match["pre"] in MILESTONE_VERBS else None,
                                by_year=match["pre"] in MILESTONE_VERBS and _by_year(segment, match)))
        taken.append(match.span())
    multiples = [m for m in read_multiples(segment, offset, aspiration_context)
                 if free(m.start - offset, m.end - offset)]
    for mention in mentions:
        mention.names_target = bool(NAMES_TARGET.match(segment, mention.end - offset)
                                    or TARGET_BEFORE.search(segment, 0, mention.start - offset))
    return sorted(mentions + multiples, key=lambda m: m.start)


MILESTONE_VERBS = ("突破", "超过", "达到", "达", "实现")
# 2018年突破百亿元, 在2021年突破2000亿元: the year a milestone was passed, written just before it.
YEAR_REACHED = re.compile(r"(?P<by>到|至)?(?:在|于)?((?:19|20)\d\d)年(?:底|末)?(?:就|首次|已经|已|即|前)?$")


def _year_reached(segment: str, match: re.Match) -> int | None:
    found = YEAR_REACHED.search(segment, 0, match.start())
    return int(found.group(2)) if found else None


def _by_year(segment: str, match: re.Match) -> bool:
    """到2023年达到300亿元: the year is a horizon to reach, not one reached."""
    found = YEAR_REACHED.search(segment, 0, match.start())
    return bool(found and found["by"])


# 比2020年增长20%, 与2018年相比，…增长15%: a growth measured from a base year named in its clause.
COMPARED_WITH = re.compile(r"(?:比|较|与|同|和)((?:19|20)\d\d)年(?:底|末)?(?:相比|相较|比较)?[^。；;]{0,24}$")


# …增长6%，2024年预期增长6.5%; 2023年增长6%，2022年增长5.1%: a later clause of the item that
# opens with its own year speaks of that year.
CLAUSE_OPENING_YEAR = re.compile(r"[，,]\s*((?:19|20)\d\d)年(?:全年)?(?:预期|预计|力争|计划|目标为?)?(?:同比)?$")


def _clause_year(segment: str, pos: int) -> int | None:
    found = CLAUSE_OPENING_YEAR.search(segment, 0, pos)
    return int(found.group(1)) if found else None


CLAUSE_OPENING_RELATIVE = re.compile(r"[，,]\s*(今年|明年|去年)(?:全年)?(?:预期|预计|力争|计划|目标为?|确保|争取)?(?:同比)?$")
RELATIVE_YEARS = {"今年": 0, "明年": 1, "去年": -1}


def _clause_relative_year(segment: str, pos: int) -> int | None:
    found = CLAUSE_OPENING_RELATIVE.search(segment, 0, pos)
    return RELATIVE_YEARS[found.group(1)] if found else None


def _compared_with(before: str) -> int | None:
    found = COMPARED_WITH.search(before)
    return int(found.group(1)) if found else None


def _before(context: str, segment: str, pos: int) -> str:
    """The context up to a mention: 增长6%，争取7% aspires to the second value only.
    ``context`` ends where ``segment`` ends."""
    return context[:len(context) - len(segment) + pos]


def _stretches_a_growth(match: re.Match, mentions: list[Mention], offset: int) -> bool:
    return match["pre"] in ("力争", "争取", "完成", "实现") and any(
        m.measure == "growth" and m.unit == "%" and m.end <= offset + match.start() for m in mentions)


def _growth_list(segment: str, first: re.Match) -> list[re.Match]:
    """The growth mention and the bare values chained after it (、8%和9%)."""
    parts = [first]
    while True:
        tail = GROWTH_LIST_TAIL.match(segment, parts[-1].end()) or GLUED_LIST_TAIL.match(segment, parts[-1].end())
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
    # 就业人数23560人: a unit character that starts a word (人数, 元素) is not a stripped value.
    ends_value = re.match(r"$|[，,。；;、）)]|同比|比上年|较上年|增长|下降", segment[match.end():])
    return (match["unit"] in ("亿元", "万元", "元", "亿美元", "万吨", "万亩", "万人", "人") and match.start() <= 4
            and bool(ends_value))
