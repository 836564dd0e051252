"""Ranking lists of an article covering several counties: one value per place named.

    地区生产总值前五位分别是：甲区2282.9亿元，乙区1275.6亿元，丙区1240.7亿元
    规上工业增加值增速前三位依次为：甲县12.1%、乙县9.8%、丙县9.5%

Each item's value is read with the place written right before it, so that attribution
(``pipeline.attribution``) gives it to that county; an item whose words do not end with a
county's name (a zone, 温州经开区; a city) is left out. Read only in several-county documents:
in a county's own report such a list names its towns.
"""

from __future__ import annotations

import re

from pipeline.extract.grammar import NUM, Mention
from pipeline.normalise import HAN

LEAD = re.compile(r"[^，,。；;：:]{0,14}?(?:分别是|分别为|依次是|依次为|依次|分别|排名为|是|为)\s*[:：]\s*")
GROWTH_LEAD = re.compile(r"增速|增幅|增长")
ITEM = re.compile(rf"(?P<place>[{HAN}]{{2,12}}?)(?:为|以|达|达到|实现)?(?P<num>{NUM})(?P<unit>亿元|万元|%)")
ITEM_SEPARATOR = re.compile(r"\s*[，,、；;]\s*")
MIN_ITEMS = 2


def _names_a_county(words: str) -> bool:
    """The item's words end with a county's name (乐清市, 鹿城区, 乐清): not a zone (温州经开区)."""
    from pipeline.identify import find_places
    from pipeline.identify.text import prepare

    words = prepare(words)
    found = find_places(words)
    return bool(found) and found[-1].end == len(words) and found[-1].place.kind in ("county", "former", "short")


def ranking_mentions(text: str, after_alias: int, end: int) -> list[Mention]:
    """The items of a ranking list that starts right after an indicator spelling, else []."""
    lead = LEAD.match(text, after_alias, end)
    if not lead:
        return []
    unit_wanted = "%" if GROWTH_LEAD.search(lead.group(0)) else None
    mentions, pos = [], lead.end()
    while pos < end:
        item = ITEM.match(text, pos, end)
        if not item or (unit_wanted == "%") != (item["unit"] == "%"):
            break
        measure = "growth" if item["unit"] == "%" else "level"
        if _names_a_county(item["place"]):
            mentions.append(Mention(measure, float(item["num"].replace(",", "")), False, item["unit"], "exact", "",
                                    item.start("num"), item.end("unit")))
        separator = ITEM_SEPARATOR.match(text, item.end(), end)
        if not separator:
            break
        pos = separator.end()
    return mentions if len(mentions) >= MIN_ITEMS else []
