"""The words an indicator spelling's values are read from: its clause and the clauses that continue it.

``reading_window`` takes the clause after a spelling plus the clauses that only go on about it
(,同比增长…, ，按可比价计算，…); ``close_enough`` checks that the first value follows the
spelling closely (实现, 总额, 同比 … not a new topic).
"""

from __future__ import annotations

import re

from pipeline.extract.grammar import (
    AMOUNT_UNITS, FROM_TO_RE, GROWTH_VERB, MASK, NUM, POST_QUALIFIER, PRE_QUALIFIERS, Mention,
)

CONTINUATION = re.compile(
    rf"^(?:同比|同口径|按(?:可比|不变)价格?计算|可比价|比上年(?:同期)?|较上年(?:同期)?|比去年(?:同期)?|较去年|比年初|较年初|比上年末|较上年末"
    rf"|年均|(?:[两二三四五]年)?平均|分别|均|预计|预期|计划|全年|实际|并|且|[(（]下同[)）]|历史上?|首次|首度"
    rf"|(?:在|于|到|至)?(?:19|20)\d\d年(?:底|末)?|今年|明年|去年)*"
    rf"(?:{GROWTH_VERB}|{PRE_QUALIFIERS}|为|完成)"
    # 3030.21亿元，按可比价计算，增长8.0%: a clause that only says how the growth is measured
    rf"|^(?:按(?:可比|不变)价(?:格)?计算|按可比口径|可比价|同口径)$"
    rf"|^(?:{NUM}|{MASK})?\s*(?:%|{AMOUNT_UNITS})(?:{POST_QUALIFIER})?$"
    # …，完成县人代会确定的增长8%以上目标: the target the outcome is measured against
    rf"|^[^，,]{{0,16}}?(?:{NUM})\s*(?:%|{AMOUNT_UNITS})(?:{POST_QUALIFIER})?\s*(?:的)?(?:控制|预期|年度|计划|既定)?目标"
)
# A comma ends a clause, except a thousands separator (1,234.5亿元).
CLAUSE_SPLIT = re.compile(r"，|(?<!\d),|,(?!\d{3}(?!\d))")
RANKING_ASIDE = re.compile(r"^(?:总量|增速|增幅|规模)(?:稳居|位居|居|排名?|列)[^，,\d%]{0,24}(?:第[一二三四五六七八九十\d]+[位名]?|前列|首位)[^，,%]{0,6}$")
HARD_STOP = re.compile(r"[;；:：]")
FILLER_MAX = 14
YEAR_WORD = re.compile(r"(?:19|20)\d\d年(?:底|末)?")


def reading_window(text: str, start: int, limit: int) -> tuple[int, int]:
    """The clause after a spelling plus the clauses that continue it (,同比增长…)."""
    stop = HARD_STOP.search(text, start, limit)
    if stop:
        limit = stop.start()
    end = start
    first = True
    pos = start
    while pos < limit:
        match = _clause_comma(text, pos, limit)
        clause_end = match.start() if match else limit
        clause = text[pos:clause_end].strip()
        if not first and RANKING_ASIDE.match(clause) and match:
            pos = match.end()  # 423.46亿元，总量稳居全市第一，增长5.4%: the ranking is an aside
            continue
        if not first and not CONTINUATION.match(clause):
            break
        end = clause_end
        first = False
        if not match:
            break
        pos = match.end()
    return start, end


def _clause_comma(text: str, pos: int, limit: int) -> re.Match | None:
    """The next comma that ends a clause: 1330亿元(预计数,下同),增长7% has one, not two."""
    match = CLAUSE_SPLIT.search(text, pos, limit)
    while match:
        opened = max(text.rfind("(", pos, match.start()), text.rfind("（", pos, match.start()))
        closed = max(text.rfind(")", pos, match.start()), text.rfind("）", pos, match.start()))
        if opened <= closed:
            return match
        match = CLAUSE_SPLIT.search(text, match.end(), limit)
    return None


def close_enough(text: str, window_start: int, mention: Mention) -> bool:
    """The first value must follow the spelling closely: 总额, 实现, 同比 … not a new topic."""
    if mention.year is not None:
        return True  # 由2015年的…: FROM_TO_RE already required it to open the clause
    from_to = FROM_TO_RE.search(text, window_start, mention.end)
    if from_to and from_to.start() - window_start <= 4 and from_to.end() == mention.end:
        return True  # 由28650元提高到30120元: the level reached, after the one it started from
    gap = text[window_start:mention.start]
    first_clause = CLAUSE_SPLIT.split(gap)[0]
    return len(first_clause) <= FILLER_MAX and not re.search(r"\d", YEAR_WORD.sub("", first_clause))
