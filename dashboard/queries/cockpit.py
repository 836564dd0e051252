"""县情驾驶舱: one screen answering "did we hit our targets, where do we rank, what did we stress".

For a county and a year (the year the figures are about): headline tiles (target, outcome,
verdict, rank among peers, last year), a scorecard of every target of that year, the
slogans new and dropped that year, and which documents it all came from. Optional columns
added by later pipeline work (``actual_doc_type``, ``doc_type`` values like 统计公报) are
read when present and ignored when absent.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pandas as pd

from dashboard.queries.compare import ranking
from dashboard.queries.facts import _pick_one
from dashboard.queries.options import document_counties
from dashboard.queries.labels import (
    HEADLINE_INDICATORS, MEASURE_LABELS, MISSING, document_name, format_value, is_document_title, label, truthy,
)
from dashboard.queries.sentences import gap_phrase, is_missing, rank_phrase, rank_position

BEIJING = timezone(timedelta(hours=8), "北京时间")  # China keeps one offset all year: no tz database needed
VERDICT_ORDER = {"missed": 0, "no_outcome_yet": 1, "unknown": 2, "met": 3}
VERDICT_SYMBOLS = {"met": "✔", "missed": "✘", "no_outcome_yet": "◌", "unknown": "？"}
VERDICT_WORDS = {"met": "达成", "missed": "未达成", "no_outcome_yet": "待公布", "unknown": "无法判断"}


def beijing_time(stamp) -> str:
    """An ISO time stamp (any offset, or UTC when naive) as ``2026-11-24 02:00（北京时间）``."""
    if is_missing(stamp) or not str(stamp).strip():
        return MISSING
    try:
        when = datetime.fromisoformat(str(stamp).replace("Z", "+00:00"))
    except ValueError:
        return str(stamp)
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M") + "（北京时间）"


def measure_name(indicator: str, measure: str | None) -> str:
    """地区生产总值增速; a level, a rate or a share is named by its indicator alone (调查失业率)."""
    return indicator if measure in (None, "level", "rate", "share") else f"{indicator}{label(MEASURE_LABELS, measure)}"


# --- Peers ---------------------------------------------------------------------------------


def peer_group(documents: pd.DataFrame, county: str | None, level: str = "city") -> tuple[str, list[str]]:
    """The counties a county is compared with: same city (同市), else same province (同省), else all.

    Returns the group's name and its counties (the county itself included).
    """
    named = document_counties(documents)
    everyone = sorted(set(named["county"].astype(str)))
    mine = named[named["county"] == county]
    if not county or mine.empty or level == "all":
        return "全部", everyone
    levels = ("city", "province") if level == "city" else ("province",)
    for column in levels:
        if column not in named.columns:
            continue
        places = set(mine[column].dropna().astype(str))
        if not places:
            continue
        peers = sorted(set(named.loc[named[column].astype("string").isin(places), "county"].astype(str)))
        if len(peers) >= 2:
            return ("同市" if column == "city" else "同省"), peers
    return "全部", everyone


def peer_fallback_note(county: str | None, level: str, group: str) -> str | None:
    """Why the comparison is wider than asked (同市 asked, 全部 given), or None when it is not:
    a silent fallback reads as if the city's counties were ranked."""
    from dashboard.queries.compare import PEER_LEVELS

    asked = PEER_LEVELS.get(level)
    if not county or level == "all" or group == asked:
        return None
    where = {"city": "所在的市", "province": "所在的省"}[level]
    return f"{county}{where}只有它一个县入库，已改为与{'同省各县' if group == '同省' else '全部县'}比较。"


# --- Headline tiles ---------------------------------------------------------------------------


def _outcome(indicators: pd.DataFrame, county: str, indicator: str, measure: str, year: int):
    rows = indicators[
        (indicators["county"] == county) & (indicators["indicator"] == indicator) & (indicators["measure"] == measure)
        & (indicators["kind"] == "actual") & (indicators["scope"] == "annual") & (indicators["period"] == year)
    ]
    return None if rows.empty else _pick_one(rows).iloc[0]


def _latest_before(indicators: pd.DataFrame, county: str, indicator: str, measure: str, year: int):
    rows = indicators[
        (indicators["county"] == county) & (indicators["indicator"] == indicator) & (indicators["measure"] == measure)
        & (indicators["kind"] == "actual") & (indicators["scope"] == "annual") & (indicators["period"] < year)
        & (indicators["value"].notna() | indicators["masked"].fillna(False).astype(bool))
    ]
    if rows.empty:
        return None
    return _pick_one(rows[rows["period"] == rows["period"].max()]).iloc[0]


def _pair(tvo: pd.DataFrame, county: str, indicator: str, measure: str, year: int):
    """The judged pair for one target: the final outcome before an estimate."""
    rows = tvo[(tvo["county"] == county) & (tvo["indicator"] == indicator) & (tvo["measure"] == measure) & (tvo["period"] == year)]
    rows = rows[rows["target_value"].notna() | rows["target_doc"].notna()]
    if rows.empty:
        return None
    order = rows.assign(_est=rows["actual_estimated"].fillna(False).astype(bool), _none=rows["actual_value"].isna())
    return order.sort_values(["_none", "_est"], kind="mergesort").iloc[0]


def _rank_text(indicators, documents, county, indicator, measure, year, value, peers_level="city") -> tuple[str, int | None, bool]:
    group, peers = peer_group(documents, county, peers_level)
    rank = ranking(indicators, indicator, measure, year)
    rank = rank[rank["county"].isin(peers)]
    values = rank["value"].dropna()
    position = rank_position(values, value, indicator)
    return rank_phrase(position, len(values), group), (position[0] if position else None), bool(position and position[1])


def kpi_tiles(indicators: pd.DataFrame, tvo: pd.DataFrame, documents: pd.DataFrame, county: str | None, year: int | None) -> list[dict]:
    """One tile per headline indicator the county has anything for in or before ``year``.

    A value from an earlier year is never shown as this year's: the tile names its year.
    """
    if not county or year is None or indicators.empty:
        return []
    tiles = []
    for indicator, measure in HEADLINE_INDICATORS:
        row = _outcome(indicators, county, indicator, measure, year)
        pair = _pair(tvo, county, indicator, measure, year)
        stale = None
        if row is None or (is_missing(row["value"]) and not truthy(row["masked"])):
            earlier = _latest_before(indicators, county, indicator, measure, year)
            if earlier is not None and row is None:
                row, stale = earlier, int(earlier["period"])
        if row is None and pair is None:
            continue
        previous = _outcome(indicators, county, indicator, measure, year - 1) if stale is None else None
        tiles.append(_tile(indicators, documents, county, indicator, measure, year, row, pair, stale, previous))
    return tiles


def _tile(indicators, documents, county, indicator, measure, year, row, pair, stale, previous) -> dict:
    value = None if row is None else row["value"]
    unit = None if row is None else row["unit"]
    actual = MISSING if row is None else format_value(value, unit, row["masked"], qualifier=row["qualifier"])
    estimated = row is not None and truthy(row["estimated"])
    target = MISSING
    status = None
    gap = ""
    if pair is not None:
        target = format_value(pair["target_value"], pair["target_unit"], qualifier=pair["target_qualifier"]) if not is_missing(pair["target_doc"]) else MISSING
        status = pair["status"] if stale is None else None
        if stale is None and not is_missing(value):
            gap = gap_phrase(value, pair["target_value"], measure, pair["target_unit"])
    rank_text, place, tied = ("", None, False)
    if stale is None and row is not None and not is_missing(value):
        rank_text, place, tied = _rank_text(indicators, documents, county, indicator, measure, year, value)
    prev_text = ""
    if previous is not None:
        prev_text = f"上年 {format_value(previous['value'], previous['unit'], previous['masked'], qualifier=previous['qualifier'])}"
    return {
        "indicator": indicator,
        "measure": measure,
        "label": measure_name(indicator, measure),
        "target": target,
        "actual": actual,
        "estimated": estimated,
        "stale_year": stale,
        "status": status,
        "verdict": f"{VERDICT_SYMBOLS[status]} {VERDICT_WORDS[status]}" if status in VERDICT_SYMBOLS else "",
        "gap": gap,
        "rank": rank_text,
        "place": place,
        "tied": tied,
        "previous": prev_text,
        "source_kind": _source_kind(row, documents),
        # Read with the facts when they carry it; else fetched for the tiles shown (with_sentences).
        "sentence": None if row is None else row.get("sentence"),
        "fact_id": None if row is None else row["fact_id"],
        "source_file": None if row is None else row["source_file"],
    }


def _source_kind(row, documents: pd.DataFrame) -> str:
    """The kind of document an outcome came from (政府工作报告, 统计公报…), when known."""
    if row is None or documents.empty or "doc_type" not in documents.columns:
        return ""
    kinds = documents.loc[documents["doc_id"] == row["doc_id"], "doc_type"].dropna()
    return "" if kinds.empty else str(kinds.iloc[0])


def with_sentences(tiles: list[dict], sentences: dict) -> list[dict]:
    """The tiles with the source sentence of their number (``sentences``: fact_id → sentence),
    for tiles built from facts read without their sentences."""
    return [{**t, "sentence": sentences.get(t["fact_id"])} if t.get("sentence") is None and t.get("fact_id") else t for t in tiles]


def tile_line(tile: dict) -> str:
    """地区生产总值增速 目标 8%左右 · 实绩 7.0% · ✘ 低于目标1.0个百分点 · 同市7县中第5 · 上年 7.6%."""
    actual = tile["actual"] + ("（预计）" if tile["estimated"] else "")
    if tile["stale_year"]:
        actual += f"（{tile['stale_year']}年数据）"
    parts = [f"目标 {tile['target']}", f"实绩 {actual}"]
    verdict = " ".join(p for p in (tile["verdict"].split(" ")[0] if tile["verdict"] else "", tile["gap"]) if p)
    if verdict:
        parts.append(verdict)
    parts += [p for p in (tile["rank"], tile["previous"]) if p]
    return f"{tile['label']} " + " · ".join(parts)


# --- Scorecard -------------------------------------------------------------------------------


def _doc_types(refs: pd.Series, documents: pd.DataFrame) -> pd.Series:
    if documents.empty or "doc_type" not in documents.columns:
        return pd.Series(pd.NA, index=refs.index, dtype="string")
    # A document reference is a doc_id or a source file, depending on who wrote it.
    by_id = documents.drop_duplicates("doc_id").set_index("doc_id")["doc_type"]
    by_file = documents.drop_duplicates("source_file").set_index("source_file")["doc_type"]
    kinds = refs.map(by_id)
    return kinds.where(kinds.notna(), refs.map(by_file)).astype("string")


def scorecard(tvo: pd.DataFrame, documents: pd.DataFrame, county: str | None, year: int | None) -> pd.DataFrame:
    """Every target of the county's year: 目标 | 实绩 | 差距 | 结果, misses first.

    Keeps ``indicator`` / ``measure`` / ``status`` columns for the click-through; the
    display columns are Chinese.
    """
    columns = ["结果", "指标", "目标", "实绩", "实绩来源", "差距", "indicator", "measure", "status"]
    if not county or year is None or tvo.empty:
        return pd.DataFrame(columns=columns)
    rows = tvo[(tvo["county"] == county) & (tvo["period"] == year) & tvo["target_doc"].notna()]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    rows = rows.assign(_est=rows["actual_estimated"].fillna(False).astype(bool), _none=rows["actual_value"].isna())
    rows = rows.sort_values(["_none", "_est"], kind="mergesort").drop_duplicates(["indicator", "measure"], keep="first")
    kinds = rows["actual_doc_type"].astype("string") if "actual_doc_type" in rows.columns else _doc_types(rows["actual_doc"], documents)
    out = pd.DataFrame(
        {
            "结果": [f"{VERDICT_SYMBOLS.get(s, '·')} {VERDICT_WORDS.get(s, label({}, s))}" for s in rows["status"]],
            "指标": [measure_name(i, m) for i, m in zip(rows["indicator"], rows["measure"])],
            "目标": [format_value(v, u, qualifier=q if isinstance(q, str) else None) for v, u, q in zip(rows["target_value"], rows["target_unit"], rows["target_qualifier"])],
            "实绩": [
                MISSING if is_missing(d) else format_value(v, u) + ("（预计）" if e else "（终值）")
                for v, u, e, d in zip(rows["actual_value"], rows["actual_unit"], rows["_est"], rows["actual_doc"])
            ],
            "实绩来源": ["" if is_missing(k) else str(k) for k in kinds],
            "差距": [gap_phrase(a, t, m, u) or MISSING for a, t, m, u in zip(rows["actual_value"], rows["target_value"], rows["measure"], rows["target_unit"])],
            "indicator": rows["indicator"],
            "measure": rows["measure"],
            "status": rows["status"],
        }
    )
    out = out.assign(_o=out["status"].map(lambda s: VERDICT_ORDER.get(s, 2)))
    return out.sort_values(["_o", "指标"], kind="mergesort").drop(columns="_o").reset_index(drop=True)


def other_targets(tvo: pd.DataFrame, documents: pd.DataFrame, county: str | None, year: int | None) -> pd.DataFrame:
    """The county's targets of the other years (a ``scorecard`` of each, with 年份 first), latest
    year first: what the cockpit shows when the year's own report sets none."""
    cards = []
    if county and not tvo.empty:
        mine = tvo[(tvo["county"] == county) & tvo["target_doc"].notna() & tvo["period"].notna()]
        years = sorted({int(y) for y in mine["period"]} - ({int(year)} if year is not None else set()), reverse=True)
        cards = [scorecard(mine, documents, county, y).assign(period=y) for y in years]
    if not cards:
        return pd.DataFrame(columns=["年份", *scorecard(tvo.iloc[0:0], documents, None, None).columns, "period"])
    out = pd.concat(cards, ignore_index=True)
    out.insert(0, "年份", [f"{y}年" for y in out["period"]])
    return out


def no_comparison_reason(others: pd.DataFrame, county: str, year: int | None) -> str:
    """Why the county's year has no target to compare, in plain words, from ``other_targets``."""
    here = f"{county}{year}年的报告里没有提取到年度目标" if year is not None else f"{county}没有所选年份"
    if others.empty:
        return f"{here}，其他年份的报告里也没有，因此还没有可对照的目标。"
    judged = sorted({int(y) for y, s in zip(others["period"], others["status"]) if s in ("met", "missed")})
    if judged:
        return f"{here}；{'、'.join(f'{y}年' for y in judged)}的目标已可对照，可在侧栏换年份查看。"
    years = sorted({int(y) for y in others["period"]})
    waiting = "、".join(f"{y + 1}年" for y in years)
    reports = "这份报告" if len(years) == 1 else "这些报告"
    return (f"{here}。{county}的目标来自{'、'.join(f'{y}年' for y in years)}的报告（共{len(others)}项），"
            f"它们的实绩要看{waiting}的报告，{reports}尚未入库，所以都还“待公布”，暂时无法对照。")


def scorecard_counts(card: pd.DataFrame) -> dict[str, int]:
    counts = card["status"].value_counts() if not card.empty else pd.Series(dtype=int)
    return {s: int(counts.get(s, 0)) for s in VERDICT_ORDER}


# --- Slogans ---------------------------------------------------------------------------------


def slogan_changes(slogans: pd.DataFrame, county: str | None, year: int | None, top: int = 8) -> dict:
    """The county's most frequent slogans in its report of ``year``, those new that year, those dropped.

    New = never in an earlier report of the county; dropped = in the previous report year, not
    in this one. Without an earlier report there is nothing to call new or dropped.
    """
    empty = {"top": [], "new": [], "dropped": [], "previous_year": None}
    if not county or year is None or slogans.empty:
        return empty
    mine = slogans[(slogans["county"] == county) & slogans["report_year"].notna()]
    if "kind" in mine.columns:
        mine = mine[mine["kind"] == "slogan"]
    now = mine[mine["report_year"] == year].groupby("slogan")["count"].sum().sort_values(ascending=False, kind="mergesort")
    if now.empty:
        return empty
    ranked = sorted(now.items(), key=lambda kv: (-kv[1], kv[0]))
    earlier = mine[mine["report_year"] < year]
    result = {"top": [(str(s), int(c)) for s, c in ranked[:top]], "new": [], "dropped": [], "previous_year": None}
    if earlier.empty:
        return result
    previous_year = int(earlier["report_year"].max())
    before = set(earlier["slogan"])
    last = set(earlier.loc[earlier["report_year"] == previous_year, "slogan"])
    result["previous_year"] = previous_year
    result["new"] = [str(s) for s, _ in ranked if s not in before][:top]
    result["dropped"] = sorted(str(s) for s in last - set(now.index))[:top]
    return result


# --- Sources ---------------------------------------------------------------------------------


def source_documents(indicators: pd.DataFrame, documents: pd.DataFrame, county: str | None, year: int | None) -> pd.DataFrame:
    """The accepted documents the county's figures for ``year`` came from (and its report of that year)."""
    if not county or year is None or documents.empty:
        return documents.iloc[0:0]
    used = set(indicators.loc[(indicators["county"] == county) & (indicators["period"] == year), "doc_id"])
    ok = documents[documents["status"] == "ok"]
    rows = ok[ok["doc_id"].isin(used) | ((ok["county"] == county) & (ok["report_year"] == year))]
    return rows.sort_values(["report_year", "doc_type", "source_file"], na_position="last").drop_duplicates("doc_id")


def source_line(indicators: pd.DataFrame, documents: pd.DataFrame, county: str | None, year: int | None, manifest: dict | None) -> str:
    """来源：浚县2023年政府工作报告（政府工作报告）、…；数据构建于 2026-11-24 02:00（北京时间）."""
    docs = source_documents(indicators, documents, county, year)
    names = []
    for row in docs.itertuples():
        kind = row.doc_type if not is_missing(row.doc_type) else "类型不明"
        if is_document_title(row.title):
            names.append(f"{row.title.strip()}（{kind}）")
        else:  # a section heading or nothing as the title: name it by county, year and kind
            names.append(document_name(None, row.county, row.report_year, row.doc_type, row.source_file))
    built = beijing_time((manifest or {}).get("built_at"))
    head = "来源：" + ("、".join(names) if names else "没有该县该年份的文档")
    return f"{head}；数据构建于 {built}"


def headline_sentence(tiles: list[dict], county: str, year: int) -> str:
    """The first judged headline tile as a sentence: the cockpit's message."""
    for tile in tiles:
        if tile["status"] in ("met", "missed"):
            judged = "，".join(p for p in (tile["gap"] or f"目标{tile['target']}", VERDICT_WORDS[tile["status"]]) if p)
            ranked = f"；{tile['rank']}" if tile["rank"] else ""
            return f"{county}{year}年{tile['label']}{tile['actual']}，{judged}{ranked}。"
    return ""
