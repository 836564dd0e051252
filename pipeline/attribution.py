"""Which county each fact belongs to, in an article that covers several.

A roundup of district figures (济南 districts, 北京 districts, 丽水 counties) names each
county in the sentence or paragraph that gives its figures: a fact belongs to the place
named last before its value in its sentence, else to the last place named earlier in its
paragraph, never to the first county of the page. A city or a functional zone named last
(济南市全市…, 济南高新区1619亿元) means the figure is not a county's: such a fact is left out,
since a figure with no county would only mislead.

Places listed together (甲县、乙县GDP均增长5.9%) share a figure: one fact per county. With
分别 (甲县、乙县GDP分别增长5.9%、6.1%) the values go to the places in order, and a list whose
values do not line up with its places is left out. A figure stated twice for one county
(a ranking list, then the county's own paragraph) is kept once.

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
_NOT_A_COUNTY = re.compile(rf"[{HAN}]{{2,8}}?(?:高新区|高新技术产业开发区|经济技术开发区|开发区|经开区|产业园|工业园|集聚区|合作区|起步区|新区|园区|示范区|自贸区"
                           r"|保税区|区块|板块|片区|发展带|核心带|经济带|都市区|组团)|(?<![居位高低快慢于超])(?:全市|全省|市本级|市区)(?!前列|第|平均|排名|首位|之首|领先|前)")
_PARAGRAPH_BREAK = "\n"
# 甲县、乙县和丙县: places joined into one list.
_PLACE_JOINER = re.compile(r"^\s*(?:、|和|与|及|以及|，|,)\s*$")
_EACH_IN_ORDER = "分别"
# The statement a several-county article repeats: one per county.
_RESTATEMENT = ["county", "indicator", "measure", "kind", "period", "scope", "value", "unit", "qualifier"]


def attribute_counties(facts: pd.DataFrame, text: str, identity) -> pd.DataFrame:
    """``facts`` with county, city and province set per fact (start/end/value_start offsets into ``text``)."""
    facts = facts.copy()
    several = tuple(getattr(identity, "counties", ()) or ())
    if len(facts) == 0 or not several:
        for column in PLACE_COLUMNS:
            facts[column] = getattr(identity, column, None)
        return facts
    city = getattr(identity, "city", None)
    rows, places = [], []
    order = _order_in_sentence(facts)
    for (index, row), position in zip(facts.iterrows(), order):
        for place in _places_of(text, row, city, position):
            rows.append(index)
            places.append(place)
    out = facts.loc[rows].reset_index(drop=True)
    out["county"] = [p.name for p in places]
    out["city"] = [p.city for p in places]
    out["province"] = [p.province for p in places]
    return _without_restatements(out)


def _order_in_sentence(facts: pd.DataFrame) -> list[tuple[int, int]]:
    """(position, count) of each fact among the facts of its sentence, indicator and measure:
    the i-th value of a 分别 list goes to the i-th place."""
    blank = pd.Series("", index=facts.index)
    key = facts.get("indicator", blank).astype(str) + "|" + facts.get("measure", blank).astype(str) + "|" + \
        facts.get("start", blank).astype(str)
    where = pd.to_numeric(facts.get("value_start", pd.Series(0, index=facts.index)), errors="coerce").fillna(0)
    ranks = facts.assign(_key=key, _pos=where).groupby("_key")["_pos"]
    position = ranks.rank(method="first").astype(int) - 1
    count = ranks.transform("count")
    return list(zip(position, count))


def _places_of(text: str, fact, city: str | None, order: tuple[int, int]) -> list[County]:
    start, end = int(fact["start"]), int(fact["end"])
    value_start = _int_or(fact.get("value_start"), end)
    snippet = prepare(text[start:max(start, min(value_start, end))])
    listed = _last_places(snippet)
    if listed:
        between = snippet[listed[-1][1]:]
        counties = [_county_of(found, city) for found, _ in listed]
        if len(counties) == 1:
            return [counties[0]] if counties[0] else []
        if _EACH_IN_ORDER in between:
            position, count = order
            if count != len(counties):
                return []  # the values do not line up with the places: any pairing is a guess
            return [counties[position]] if counties[position] else []
        return [c for c in counties if c]
    paragraph_start = text.rfind(_PARAGRAPH_BREAK, 0, start) + 1
    earlier = _last_places(prepare(text[paragraph_start:start]))
    if earlier and len(earlier) == 1:
        county = _county_of(earlier[0][0], city)
        return [county] if county else []
    return []


def _int_or(value, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _last_places(snippet: str) -> list[tuple[Mention | str, int]]:
    """The place named last in a (prepared) ``snippet`` with the places listed with it (甲县、乙县),
    in order, each with its end offset: county mentions, or the strings of non-county places."""
    found: list[tuple[int, int, Mention | str]] = [(m.start, m.end, m) for m in find_places(snippet)]
    for zone in _NOT_A_COUNTY.finditer(snippet):
        found = [f for f in found if not (zone.start() <= f[0] < zone.end())]
        found.append((zone.start(), zone.end(), zone.group(0)))
    if not found:
        return []
    found.sort(key=lambda f: (f[1], f[0]))
    listed = [found[-1]]
    for previous in reversed(found[:-1]):
        if previous[1] <= listed[0][0] and _PLACE_JOINER.match(snippet[previous[1]:listed[0][0]]) \
                and not _is_higher(previous[2]):
            listed.insert(0, previous)
        else:
            break
    return [(place, end) for _, end, place in listed]


def _is_higher(found: Mention | str) -> bool:
    return not isinstance(found, str) and found.place.kind == "higher"


def _county_of(found: Mention | str, city: str | None) -> County | None:
    if isinstance(found, str) or found.place.kind == "higher":
        return None
    counties = found.place.counties
    if len(counties) > 1:  # 市中区 of 济南 or of 枣庄: the article's city decides
        counties = tuple(c for c in counties if c.city == city)
    return counties[0] if len(counties) == 1 else None


def _without_restatements(facts: pd.DataFrame) -> pd.DataFrame:
    key = [c for c in _RESTATEMENT if c in facts]
    valued = facts["value"].notna() if "value" in facts else pd.Series(False, index=facts.index)
    repeated = facts[valued].duplicated(subset=key, keep="first")
    return facts.drop(index=repeated[repeated].index).reset_index(drop=True)
