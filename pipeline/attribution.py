"""Which county each fact belongs to, in an article that covers several.

A roundup of district figures (济南 districts, 北京 districts, 丽水 counties) names each
county in the sentence or paragraph that gives its figures: a fact belongs to the place
named last before its value in its sentence, else to the last place named earlier in its
paragraph, never to the first county of the page. A city or a functional zone named last
(济南市全市…, 济南高新区1619亿元) means the figure is not a county's: its county stays empty.

For a single-county document every fact takes the document's county.
"""

from __future__ import annotations

import re

import pandas as pd

from pipeline.identify import find_places
from pipeline.identify.divisions import County, Mention
from pipeline.identify.text import HAN, prepare

PLACE_COLUMNS = ("county", "city", "province")
# Figures of a city as a whole or of a zone that is not a county-level division.
_NOT_A_COUNTY = re.compile(rf"[{HAN}]{{2,8}}?(?:高新区|高新技术产业开发区|经济技术开发区|开发区|起步区|新区|园区|示范区|自贸区"
                           r"|保税区|区块|板块|片区|发展带|核心带|经济带|都市区|组团)|(?<![居位高低快慢于超])(?:全市|全省|市本级|市区)(?!前列|第|平均|排名|首位|之首|领先|前)")
_PARAGRAPH_BREAK = "\n"


def attribute_counties(facts: pd.DataFrame, text: str, identity) -> pd.DataFrame:
    """``facts`` with county, city and province set per fact (start/end/value_start offsets into ``text``)."""
    facts = facts.copy()
    several = tuple(getattr(identity, "counties", ()) or ())
    if len(facts) == 0 or not several:
        for column in PLACE_COLUMNS:
            facts[column] = getattr(identity, column, None)
        return facts
    city = getattr(identity, "city", None)
    places = [_place_of(text, row, city) for row in facts.itertuples(index=False)]
    facts["county"] = [p.name if p else None for p in places]
    facts["city"] = [p.city if p else None for p in places]
    facts["province"] = [p.province if p else None for p in places]
    return facts


def _place_of(text: str, fact, city: str | None) -> County | None:
    start, end = int(fact.start), int(fact.end)
    value_start = int(getattr(fact, "value_start", end) or end)
    in_sentence = _last_place(text[start:max(start, min(value_start, end))])
    if in_sentence is not None:
        return _county_of(in_sentence, city)
    paragraph_start = text.rfind(_PARAGRAPH_BREAK, 0, start) + 1
    earlier = _last_place(text[paragraph_start:start])
    return _county_of(earlier, city) if earlier is not None else None


def _last_place(snippet: str) -> Mention | str | None:
    """The place named last in ``snippet``: a county mention, or the string of a non-county place."""
    snippet = prepare(snippet)
    best: tuple[int, Mention | str] | None = None
    for mention in find_places(snippet):
        best = (mention.end, mention)
    for zone in _NOT_A_COUNTY.finditer(snippet):
        if best is None or zone.end() >= best[0]:
            best = (zone.end(), zone.group(0))
    return best[1] if best else None


def _county_of(found: Mention | str, city: str | None) -> County | None:
    if isinstance(found, str) or found.place.kind == "higher":
        return None
    counties = found.place.counties
    if len(counties) > 1:  # 市中区 of 济南 or of 枣庄: the article's city decides
        counties = tuple(c for c in counties if c.city == city)
    return counties[0] if len(counties) == 1 else None
