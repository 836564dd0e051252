"""Assembling facts: spellings, value mentions and the sentence's context into rows."""

from __future__ import annotations

from typing import Iterable

import pandas as pd

from pipeline.extract.grammar import QUALITATIVE_RE, Mention, close_enough, read_mentions, reading_window
from pipeline.extract.kinds import DocContext
from pipeline.extract.sections import (
    HEADING_PEEK, SECTION_NUMBER, Section, SentenceContext, classify_heading, is_heading, iter_paragraphs,
    iter_sentences, sentence_context, update_section, with_clause_year,
)
from pipeline.extract.vocabulary import AliasHit, Family, Vocabulary, find_aliases, group_hits, load_vocabulary

FACT_COLUMNS = [
    "indicator", "measure", "kind", "estimated", "period", "period_start", "period_end",
    "scope", "value", "unit", "qualifier", "qualifier_text", "masked", "sentence",
    "start", "end", "value_text", "value_start", "value_end",
]


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
        group_ctx = with_clause_year(ctx, text, start, group[0].start)
        mentions = read_mentions(segment, window_start, aspiration, ctx.term if ctx.five_year else None)
        if mentions and not close_enough(text, window_start, mentions[0]):
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
