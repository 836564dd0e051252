"""Assembling facts: spellings, value mentions and the sentence's context into rows."""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.extract.grammar import QUALITATIVE_RE, Mention, read_mentions
from pipeline.extract.kinds import DocContext, other_place_named_last
from pipeline.extract.periods import MILESTONE_WORDS, SentenceContext, join_basis, milestone_from_year, with_clause_year
from pipeline.extract.rankings import ranking_mentions
from pipeline.extract.vocabulary import AliasHit, Family, Vocabulary, find_aliases, group_hits
from pipeline.extract.windows import close_enough, reading_window

FACT_COLUMNS = [
    "indicator", "measure", "kind", "estimated", "period", "period_start", "period_end",
    "scope", "value", "unit", "qualifier", "qualifier_text", "masked", "sentence",
    "start", "end", "value_text", "value_start", "value_end", "basis",
]


def mentions_to_facts(
    group: list[AliasHit], mentions: list[Mention], ctx: SentenceContext, vocab: Vocabulary,
    each: bool = False, in_order: bool = False, per_place: bool = False,
) -> list[dict]:
    """``each``: the words say the values apply to each item (分别, 均); ``in_order``: they say
    分别, one value per item, so a single value for several items is a list that lost values;
    ``per_place``: an article on several counties, where a 分别 list may go to places instead."""
    indicators = [name for hit in group for name in hit.indicators]
    combined = vocab.combined.get(tuple(indicators))
    n = len(indicators)
    facts = []
    for (measure, _), found in _by_reading(mentions).items():
        if combined and measure == "level" and len(found) == 1 and not each:
            # 城乡居民人均可支配收入突破4万元: one level cannot be both the urban and the rural
            # figure, so it is the all-residents one (a single growth may well be both)
            assigned = [(combined, found[0])]
        elif n == 1 and per_place and in_order:
            # 甲县、乙县GDP分别增长5.5%和5.2% in a several-county article: one value per place,
            # each given its place by attribution
            assigned = [(indicators[0], m) for m in found]
        elif n == 1:
            assigned = [(indicators[0], m) for m in _distinct_readings(found)]
        elif len(found) == n:
            _share_trailing_qualifier(found)
            assigned = list(zip(indicators, found))
        elif len(found) == 1 and not in_order:
            assigned = [(name, found[0]) for name in indicators]  # A、B均增长5%
        else:
            continue  # a list whose values do not line up: leave it out
        for name, mention in assigned:
            fact = _fact(name, measure, mention, ctx, vocab)
            if fact:
                facts.append(fact)
    return facts


def _distinct_readings(found: list[Mention]) -> list[Mention]:
    """增长8.6%，两年平均增长6% or 完成10.75亿元，首次突破10亿元: different statements, keep
    each; a repeated statement of the same kind keeps only its first value."""
    seen: set[tuple] = set()
    kept = []
    for mention in found:
        stretch = bool(re.search("力争|争取", mention.qualifier_text or ""))  # 增长6%以上，力争7%: a second aim
        reading = (mention.multi_year, mention.cumulative, mention.qualifier, mention.year, mention.names_target,
                   mention.like_for_like, stretch)
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
    if measure == "level" and m.unit in ("亿", "万"):
        completed = _completed_unit(m.unit, family)
        if completed is None:
            return None
        m = replace(m, unit=completed)  # a copy: the mention may be shared by several items
    if measure == "level" and not _unit_fits(m.unit, family):
        return None
    scope, period_start, period_end, period = ctx.scope, ctx.period_start, ctx.period_end, ctx.period
    if measure == "multiple":
        end_year = m.year if m.year is not None else None if period is None else period - m.years_early
        start_year = m.base_year + 1 if m.base_year else (ctx.term[0] if ctx.term else None)
        return _with_period(name, measure, m, ctx, "cumulative", start_year, end_year, end_year)
    if measure in ("growth", "change") and m.base_year is not None and period is not None and m.base_year < period - 1:
        return None  # 比2020年增长20%: a change over several years, not the year's growth
    if m.year is None and m.relative_year is not None and ctx.this_year is not None:
        m = replace(m, year=ctx.this_year + m.relative_year)  # …，今年力争增长7%
    if m.year is not None:
        period = period_start = period_end = m.year
    elif m.term and m.multi_year:
        return _with_period(name, measure, m, ctx, "multi_year_avg", m.term[0], m.term[1], m.term[1])
    summed = m.cumulative or measure in ("growth", "change") or (measure == "level" and family.flow)
    if measure == "level" and not m.cumulative and (m.year is not None or ctx.point_in_time):
        summed = False  # 截至2020年末…完成130亿元, 2018年突破百亿元: that year's level, not a sum
    if ctx.term and (m.multi_year or (ctx.five_year and summed)):
        scope = "multi_year_avg" if m.multi_year else "cumulative"
        period_start, period_end = ctx.term
        period = period_end
    elif ctx.plan_multi and ctx.term:
        period = period_start = period_end = ctx.term[1]  # a five-year plan's level: by its last year
    elif m.sum_years and period is not None:
        scope, period_start, period_end = "cumulative", period - m.sum_years + 1, period
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
        "kind": "target" if _ahead(m, ctx) else ctx.kind,
        "estimated": ctx.estimated and not _ahead(m, ctx),
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
        "basis": join_basis([ctx.basis, f"cue:{m.year}年" if m.year is not None else "",
                             "cue:目标" if m.names_target else ""]),
    }


def _ahead(m: Mention, ctx: SentenceContext) -> bool:
    """The value is a target: it names one, or it is for a year still to come for the document
    (到2025年达到…, …，今年力争增长7% in a report whose own year is still ahead)."""
    if m.names_target or _horizon(m, ctx):
        return True
    return (m.relative_year is not None and m.relative_year >= 0 and m.year is not None
            and ctx.first_future_year is not None and m.year >= ctx.first_future_year)


def _horizon(m: Mention, ctx: SentenceContext) -> bool:
    return m.by_year and m.year is not None and ctx.first_future_year is not None and m.year >= ctx.first_future_year


def _completed_unit(bare: str, family: Family) -> str | None:
    """325.6亿 of an amount in 元 is 亿元; 1.2万 of a count of people is 万人; else unknown."""
    if family.level_unit in ("亿元", "元"):
        return bare + "元"
    if family.level_unit == "人":
        return bare + "人"
    return None


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
            "basis": ctx.basis,
        }
        for hit in group for name in hit.indicators
    ]


def extract_sentence(text: str, start: int, end: int, ctx: SentenceContext, vocab: Vocabulary,
                     doc: DocContext | None = None, hits: list[AliasHit] | None = None) -> list[dict]:
    """``hits``: the sentence's ``find_aliases``, when the caller has them already."""
    if SUB_COUNTY_LEAD.match(text, start, end):
        return []  # 城关镇：地区生产总值增长8%，…: a town's line of a breakdown, not the county's
    if hits is None:
        hits = find_aliases(text, start, end, vocab)
    facts = []
    groups = group_hits(text, hits)
    for i, group in enumerate(groups):
        if doc is not None and doc.higher_than_own().search(text, max(start, group[0].start - HIGHER_REACH), group[0].start):
            continue  # 全市地区生产总值增长5.5% in a county's report: the city's figure
        if doc is not None and _another_place_speaks(text, start, group[0].start, doc):
            continue  # 泉州市地区生产总值…, 邻县甲县生产总值… in a county's report: not the county's figure
        limit = groups[i + 1][0].start if i + 1 < len(groups) else end
        if doc is not None and doc.several and len(group) == 1 and len(group[0].indicators) == 1:
            listed = ranking_mentions(text, group[0].end, end)
            if listed:  # 地区生产总值前五位分别是：甲区…亿元，乙区…亿元
                ranking_ctx = with_clause_year(ctx, text, start, group[0].start, doc)
                facts.extend(f for m in listed if (f := _fact(group[0].indicators[0], m.measure, m, ranking_ctx, vocab)))
                continue
        window_start, window_end = reading_window(text, group[-1].end, limit)
        segment = text[window_start:window_end]
        if len(group) == 1 and group[0].alias in vocab.qualitative_only:
            facts.extend(qualitative_fact(group, text, window_end, ctx))
            continue
        # 力争 reaches over the item it is written in, not over the items before a semicolon
        item_start = max([start] + [text.rfind(mark, start, group[0].start) + 1 for mark in "；;"])
        aspiration = text[item_start:window_end]
        group_ctx = with_clause_year(ctx, text, start, group[0].start, doc)
        first_estimate = text.find("预计", start, end)
        if group_ctx.estimated and first_estimate >= window_end:
            # …社会消费品零售总额完成197.4亿元；预计城乡居民收入…: 预计 speaks of what follows it
            group_ctx = replace(group_ctx, estimated=False)
        mentions = read_mentions(segment, window_start, aspiration, ctx.term if ctx.five_year else None)
        if mentions and not close_enough(text, window_start, mentions[0]):
            mentions = []
        if not mentions:
            facts.extend(qualitative_fact(group, text, window_end, ctx))
            continue
        mentions = _without_passed_thresholds(text, mentions)
        _date_milestones(text, start, group[0].start, mentions)
        places_listed = doc is not None and doc.several and _places_right_before(text, start, group[0].start)
        if "分别" in segment and not places_listed:
            # the list reaches back over the items of its own clause group, not over a semicolon
            stop = max(text.rfind(mark, start, group[0].start) for mark in "；;")
            listed = [g for g in groups[:i + 1] if g[0].start > stop]
            facts.extend(_distribute_backwards(listed, mentions, group_ctx, vocab))
            mentions = [m for m in mentions if not m.distributed]
        if BOTH_GREW.search(segment):
            facts.extend(_share_with_listed(text, groups[:i], group, mentions, group_ctx, vocab))
        facts.extend(mentions_to_facts(group, mentions, group_ctx, vocab, each=bool(re.search("分别|均", segment)),
                                       in_order="分别" in segment, per_place=doc is not None and doc.several))
    for fact in facts:
        fact["sentence"] = text[start:end]
        fact["start"], fact["end"] = start, end
        fact["value_text"] = text[fact["value_start"]:fact["value_end"]]
    return facts


HIGHER_REACH = 12
SUB_COUNTY_LEAD = re.compile(r"[^，,。；;：:\d]{1,12}?(?<!城)(?:镇|乡|街道|开发区|高新区|经开区|园区|工业园|产业园)\s*[:：]")


def _places_right_before(text: str, sentence_start: int, item_start: int) -> bool:
    """甲区、乙区地区生产总值分别…: the item is written right after a list of places."""
    from pipeline.identify import find_places
    from pipeline.identify.text import prepare

    words = prepare(text[max(sentence_start, item_start - HIGHER_REACH):item_start])
    found = find_places(words)
    return bool(found) and found[-1].end == len(words) and found[-1].place.kind != "higher"


def _another_place_speaks(text: str, sentence_start: int, item_start: int, doc: DocContext) -> bool:
    """The place named last in the item's clause, right before it, is not the document's county."""
    if doc.county is None or doc.several:
        return False
    clause_start = max([sentence_start] + [text.rfind(mark, sentence_start, item_start) + 1 for mark in "，,；;：:"])
    return other_place_named_last(text[max(clause_start, item_start - HIGHER_REACH):item_start], doc.county)


def _date_milestones(text: str, start: int, item_start: int, mentions: list[Mention]) -> None:
    """从2014年开始，历下区地区生产总值就突破了千亿元: the level passed dates from that year."""
    year = milestone_from_year(text, start, item_start)
    if year is None:
        return
    for mention in mentions:
        if mention.measure == "level" and mention.year is None and MILESTONE_WORDS.match(text, mention.start):
            mention.year = year


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


def _without_passed_thresholds(text: str, mentions: list[Mention]) -> list[Mention]:
    """突破300亿元达到301.5亿元, 突破8万元，达到83657元: the threshold only announces the
    exact level right after it; 完成10.75亿元，首次突破10亿元 states both and keeps both."""
    kept = []
    for mention, following in zip(mentions, mentions[1:] + [None]):
        if not (following is not None and _announces(text, mention, following)):
            kept.append(mention)
    return kept


def _announces(text: str, threshold: Mention, level: Mention) -> bool:
    return (threshold.measure == level.measure == "level" and threshold.qualifier == "at_least"
            and level.qualifier == "exact" and level.value is not None
            and re.fullmatch(r"[，,]?\s*", text[threshold.end:level.start]) is not None
            and re.match(r"达到|达|为", text[level.start:level.end]) is not None)


# 城镇居民…31256元、农村居民…16982元，均增长5.6%: one growth for every item listed.
BOTH_GREW = re.compile(r"[，,]\s*(?:同比|比上年)?(?<!人)均[^，,。；;\d]{0,4}?(?:增长|下降|提高|增加)")
LISTED_AFTER_VALUE = re.compile(r"[^，,；;。：:]*[、和及与]\s*")


def _share_with_listed(text: str, earlier: list[list[AliasHit]], group: list[AliasHit], mentions: list[Mention],
                       ctx: SentenceContext, vocab: Vocabulary) -> list[dict]:
    shared = [m for m in mentions if m.measure in ("growth", "change")]
    if len(shared) != 1:
        return []
    facts, following = [], group
    for previous in reversed(earlier):
        if not LISTED_AFTER_VALUE.fullmatch(text, previous[-1].end, following[0].start):
            break
        facts.extend(mentions_to_facts(previous, shared, ctx, vocab, each=True))
        following = previous
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
