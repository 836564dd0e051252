"""The presentation deck: the slides that have data for a county and year, in order.

Slide 1 is the county's 县情驾驶舱; then a ranking for each headline indicator the county
reported that year (with at least one other county to rank against); then the target
timeline of every indicator the county set a target for. An official may pin slides and
order them; otherwise every slide is shown.
"""

from __future__ import annotations

import pandas as pd

from dashboard.queries.cockpit import (
    beijing_time, headline_sentence, kpi_tiles, measure_name, peer_group, scorecard, scorecard_counts, source_line,
)
from dashboard.queries.compare import median_value, ranking, with_peers
from dashboard.queries.facts import _pick_one
from dashboard.queries.labels import HEADLINE_INDICATORS
from dashboard.queries.sentences import ranking_sentence, timeline_sentence
from dashboard.queries.targets import timeline


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


# --- What each slide says, for an export (PPTX): sentence, chart data, table, source -----------


def slide_content(t: dict, county: str, year: int | None, manifest: dict | None, slide: dict) -> dict:
    """The slide as data: ``title`` (the chart's sentence), ``heading`` (the view's name),
    ``chart`` (``kind`` bar | line, ``categories``, ``series`` [(name, values)], ``unit``,
    ``focal`` index or None) or None, ``table`` (a small frame) or None, ``footer`` (source
    and build date). Values are numbers or None (masked / no data, never 0)."""
    if slide["kind"] == "cockpit":
        return _cockpit_content(t, county, year, manifest, slide)
    if slide["kind"] == "ranking":
        return _ranking_content(t, county, year, manifest, slide)
    return _timeline_content(t, county, manifest, slide)


def _built(manifest: dict | None) -> str:
    return beijing_time((manifest or {}).get("built_at"))


def _cockpit_content(t, county, year, manifest, slide) -> dict:
    tiles = kpi_tiles(t["indicators"], t["tvo"], t["documents"], county, year)
    card = scorecard(t["tvo"], t["documents"], county, year)
    counts = scorecard_counts(card)
    title = headline_sentence(tiles, county, year) or (
        f"{county}{year}年共 {len(card)} 项目标：达成 {counts['met']} 项，未达成 {counts['missed']} 项，待公布 {counts['no_outcome_yet']} 项。"
        if len(card) else f"{county}{year}年没有可以判断的目标。")
    chart = target_outcome_chart(t["tvo"], county, year) or headline_chart(t["indicators"], county, year)
    return {"heading": slide["title"], "title": title, "chart": chart,
            "table": card[["结果", "指标", "目标", "实绩", "差距"]].head(8) if len(card) else None,
            "footer": source_line(t["indicators"], t["documents"], county, year, manifest)}


def target_outcome_chart(tvo: pd.DataFrame, county: str, year: int | None) -> dict | None:
    """目标 against 实绩 for the year's targets in the unit most of them share (a chart mixes no units)."""
    if tvo.empty or year is None:
        return None
    rows = tvo[(tvo["county"] == county) & (tvo["period"] == year) & tvo["target_doc"].notna() & tvo["target_value"].notna()]
    rows = rows.sort_values("actual_value", na_position="first").drop_duplicates(["indicator", "measure"], keep="last")
    if rows.empty:
        return None
    unit = rows["target_unit"].fillna("").mode().iloc[0]
    rows = rows[rows["target_unit"].fillna("") == unit].sort_values(["indicator", "measure"])
    return {"kind": "bar", "categories": [measure_name(i, m) for i, m in zip(rows["indicator"], rows["measure"])],
            "series": [("目标", _numbers(rows["target_value"])), ("实绩", _numbers(rows["actual_value"]))], "unit": unit, "focal": None}


def headline_chart(indicators: pd.DataFrame, county: str, year: int | None) -> dict | None:
    """Without targets: the year's headline outcomes in the unit most of them share."""
    if indicators.empty or year is None:
        return None
    mine = indicators[(indicators["county"] == county) & (indicators["period"] == year) & (indicators["kind"] == "actual")
                      & (indicators["scope"] == "annual") & indicators["value"].notna()]
    rows = []
    for indicator, measure in HEADLINE_INDICATORS:
        found = mine[(mine["indicator"] == indicator) & (mine["measure"] == measure)]
        if not found.empty:
            rows.append(_pick_one(found).iloc[0])
    if not rows:
        return None
    frame = pd.DataFrame(rows)
    unit = frame["unit"].fillna("").mode().iloc[0]
    frame = frame[frame["unit"].fillna("") == unit]
    return {"kind": "bar", "categories": [measure_name(i, m) for i, m in zip(frame["indicator"], frame["measure"])],
            "series": [("实绩", _numbers(frame["value"]))], "unit": unit, "focal": None}


def _ranking_content(t, county, year, manifest, slide) -> dict:
    indicator, measure = slide["indicator"], slide["measure"]
    group, peers = peer_group(t["documents"], county, "city")
    rank = with_peers(ranking(t["indicators"], indicator, measure, year), peers)
    unit = next((u for u in rank["unit"].dropna()), "") if not rank.empty else ""
    median = median_value(rank)
    names = [c if v is not None else f"{c}（无数据）" for c, v in zip(rank["county"], _numbers(rank["value"]))]
    docs = rank["doc_id"].dropna().nunique() if "doc_id" in rank.columns else 0
    return {"heading": f"{year}年 {measure_name(indicator, measure)} · {group}",
            "title": ranking_sentence(county, year, indicator, measure, rank, median, unit, group),
            "chart": {"kind": "bar", "categories": names, "series": [(measure_name(indicator, measure), _numbers(rank["value"]))],
                      "unit": unit, "focal": list(rank["county"]).index(county) if county in set(rank["county"]) else None},
            "table": None, "footer": f"来源：{rank['county'].nunique()} 个县的报告（{docs} 份文档）；数据构建于 {_built(manifest)}"}


def _timeline_content(t, county, manifest, slide) -> dict:
    indicator, measure = slide["indicator"], slide["measure"]
    rows = timeline(t["tvo"], t["documents"], county, indicator, measure, t["indicators"])
    # One point per year: the final outcome where there is one, else the estimate.
    per_year = rows.sort_values(["period", "actual_estimated"], ascending=[True, False], na_position="first").drop_duplicates("period", keep="last")
    unit = next((u for u in per_year["target_unit"].dropna()), "")
    docs = pd.concat([rows["target_doc"], rows["actual_doc"]]).dropna().nunique()
    return {"heading": f"{county} · {measure_name(indicator, measure)} · 目标与实绩",
            "title": timeline_sentence(county, indicator, measure, rows),
            "chart": {"kind": "line", "categories": [f"{int(p)}年" for p in per_year["period"]],
                      "series": [("目标", _numbers(per_year["target_value"])), ("实绩", _numbers(per_year["actual_value"]))],
                      "unit": unit, "focal": None},
            "table": None, "footer": f"来源：{county}历年报告（{docs} 份文档）；数据构建于 {_built(manifest)}"}


def _numbers(values: pd.Series) -> list[float | None]:
    return [None if v is None or pd.isna(v) else float(v) for v in values]
