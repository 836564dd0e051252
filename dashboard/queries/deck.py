"""The presentation deck: the slides that have data for a county and year, in order.

Slide 1 is the county's 县情驾驶舱; then a ranking for each headline indicator the county
reported that year (with at least one other county to rank against); then the target
timeline of every indicator the county set a target for. An official may pin slides and
order them; otherwise every slide is shown.
"""

from __future__ import annotations

import pandas as pd

from dashboard.queries.cockpit import measure_name
from dashboard.queries.compare import ranking
from dashboard.queries.labels import HEADLINE_INDICATORS


def deck_slides(indicators: pd.DataFrame, tvo: pd.DataFrame, county: str | None, year: int | None) -> list[dict]:
    if not county or year is None:
        return []
    slides = [{"id": "cockpit", "kind": "cockpit", "title": f"{county} {year}年 · 县情驾驶舱"}]
    for indicator, measure in HEADLINE_INDICATORS:
        rank = ranking(indicators, indicator, measure, year)
        valued = rank[rank["value"].notna()] if not rank.empty else rank
        if county in set(valued["county"]) and len(valued) >= 2:
            slides.append({"id": f"rank|{indicator}|{measure}", "kind": "ranking", "indicator": indicator, "measure": measure,
                           "title": f"{measure_name(indicator, measure)} · 县域排名"})
    if not tvo.empty:
        mine = tvo[(tvo["county"] == county) & tvo["target_doc"].notna()]
        for indicator, measure in sorted(set(zip(mine["indicator"], mine["measure"]))):
            slides.append({"id": f"timeline|{indicator}|{measure}", "kind": "timeline", "indicator": indicator, "measure": measure,
                           "title": f"{measure_name(indicator, measure)} · 目标与实绩"})
    return slides


def ordered(slides: list[dict], pinned: list[str] | None) -> list[dict]:
    """The pinned slides in the order they were pinned; all slides when nothing is pinned."""
    if not pinned:
        return slides
    by_id = {s["id"]: s for s in slides}
    chosen = [by_id[i] for i in pinned if i in by_id]
    return chosen or slides
