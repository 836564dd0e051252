"""县域对比: rankings, medians, the focal county against its peers, many indicators side by side."""

from __future__ import annotations

import math

import pandas as pd

from dashboard.queries.facts import _pick_one, comparable
from dashboard.queries.labels import CORRECTED_LABELS, MISSING, format_number, format_value, higher_is_better, label


def ranking(indicators: pd.DataFrame, indicator: str, measure: str, year: int, kind: str = "actual") -> pd.DataFrame:
    """One row per county for an indicator/measure/year, best first, masked and undisclosed last."""
    # The narrow filters first: each filter copies the rows it keeps, and most rows go here.
    rows = indicators[
        (indicators["indicator"] == indicator)
        & (indicators["measure"] == measure)
        & (indicators["kind"] == kind)
        & (indicators["period"] == year)
        & (indicators["scope"] == "annual")
    ]
    rows = _pick_one(comparable(rows))
    if rows.empty:
        return with_display(rows)
    ascending = not higher_is_better(indicator)
    rows = rows.sort_values(["value", "county"], ascending=[ascending, True], na_position="last", kind="mergesort")
    return with_display(rows.reset_index(drop=True))


def with_display(rows: pd.DataFrame) -> pd.DataFrame:
    """The ranked facts with their ``display`` text (value, unit, qualifier; masks and gaps named)."""
    if rows.empty:
        return rows.assign(display=pd.Series(dtype="string"))
    return rows.assign(display=[format_value(v, u, m, qualifier=q) for v, u, m, q in zip(rows["value"], rows["unit"], rows["masked"], rows["qualifier"])])


def ranking_shown(rank: pd.DataFrame, focal: str | None, top: int) -> tuple[pd.DataFrame, str, int]:
    """The bars a ranking chart draws, the note saying what was left out, and how many
    counties could be drawn: the first ``top`` of the counties with something to show (a chart
    of every county is unreadable at thousands; 无数据 rows stay in the table, 已遮盖 and 未披露
    are drawn, since they say something), and the focal county below them, at its place, when
    it ranks lower. The note is empty when every county is drawn."""
    drawable = rank[rank["display"] != NO_DATA] if "display" in rank.columns else rank
    mine = rank[rank["county"] == focal] if focal else rank.head(0)
    absent = len(rank) - len(drawable) - int(not mine.empty and focal not in set(drawable["county"]))
    shown = drawable.head(top)
    if not mine.empty and focal not in set(shown["county"]):
        shown = pd.concat([shown, mine])
    notes = []
    if len(drawable) > top:
        notes.append(f"显示前 {top} 个县，共 {len(drawable)} 个（{int(rank['value'].notna().sum())} 个有数值）")
        if focal not in set(drawable.head(top)["county"]) and not mine.empty:
            notes.append(f"所选县{focal}排在后面，单独列在最下")
    if absent > 0:
        notes.append(f"另有 {absent} 个县没有这项数据，未画出")
    return shown, "；".join(notes) + ("。" if notes else ""), len(drawable)


NO_DATA = "无数据"
PEER_LEVELS = {"city": "同市", "province": "同省", "all": "全部县"}


def with_peers(rank: pd.DataFrame, peers: list[str]) -> pd.DataFrame:
    """The ranking of ``peers`` only, with every peer listed: those without a fact say 无数据."""
    mine = rank[rank["county"].isin(peers)] if not rank.empty else rank
    absent = [c for c in peers if c not in set(mine["county"])]
    if not absent:
        return mine.reset_index(drop=True)
    filler = pd.DataFrame({"county": absent, "display": [NO_DATA] * len(absent)})
    out = pd.concat([mine, filler], ignore_index=True) if not mine.empty else filler
    for column in ("value", "masked", "estimated", "corrected", "sentence", "source_file", "fact_id", "unit"):
        if column not in out.columns:
            out[column] = pd.NA
    return out.reset_index(drop=True)


def rank_frame(rank: pd.DataFrame, indicator: str) -> pd.DataFrame:
    """A ranking as its chart's data: 名次 (ties share a place), 县, 数值, 单位, 来源文件."""
    from dashboard.queries.sentences import rank_position

    values = rank["value"].dropna() if not rank.empty else pd.Series(dtype=float)
    places = [rank_position(values, v, indicator) if not pd.isna(v) else None for v in rank["value"]]
    return pd.DataFrame(
        {
            "名次": [(("并列" if p[1] else "") + f"第{p[0]}") if p else "" for p in places],
            "县": rank["county"],
            "数值": rank["display"],
            "单位": rank["unit"].fillna("") if "unit" in rank else "",
            "来源文件": rank["source_file"].fillna("") if "source_file" in rank else "",
        }
    )


def median_value(rank: pd.DataFrame) -> float | None:
    """The median of the counties with a value; None below two (a median of one says nothing)."""
    values = rank["value"].dropna() if not rank.empty else pd.Series(dtype=float)
    return float(values.median()) if len(values) >= 2 else None


def compare_flag(mine, theirs, indicator: str) -> str:
    if mine is None or theirs is None or pd.isna(mine) or pd.isna(theirs):
        return "无法比较"
    if math.isclose(float(mine), float(theirs), abs_tol=1e-9):
        return "持平"
    better = float(mine) > float(theirs) if higher_is_better(indicator) else float(mine) < float(theirs)
    return "更好" if better else "更差"


FLAG_SYMBOLS = {"更好": "▲ {focal}更好", "更差": "▼ {focal}更差", "持平": "＝ 持平", "无法比较": "— 无法比较"}


def peer_table(rank: pd.DataFrame, focal: str | None, indicator: str) -> pd.DataFrame:
    """Each peer against the focal county: is the focal county better or worse than it?"""
    if rank.empty:
        return pd.DataFrame(columns=["名次", "县", "数值", f"{focal or '所选县'}与之相比", "更正", "来源文件", "来源句子"])
    focal_rows = rank[rank["county"] == focal]
    mine = focal_rows["value"].iloc[0] if not focal_rows.empty else None
    out = pd.DataFrame(
        {
            "名次": [i + 1 if not pd.isna(v) else None for i, v in enumerate(rank["value"])],
            "县": rank["county"],
            "数值": rank["display"],
            f"{focal or '所选县'}与之相比": [
                "（所选县）" if c == focal else FLAG_SYMBOLS[compare_flag(mine, v, indicator)].format(focal=focal or "所选县")
                for c, v in zip(rank["county"], rank["value"])
            ],
            "更正": rank["corrected"].map(lambda c: label(CORRECTED_LABELS, c) if not pd.isna(c) else ""),
            "来源文件": rank["source_file"],
            "来源句子": rank["sentence"],
        }
    )
    out["名次"] = out["名次"].astype("Int64")
    return out


def focal_summary(rank: pd.DataFrame, focal: str | None, indicator: str) -> str:
    if rank.empty:
        return ""
    med = median_value(rank)
    rows = rank[rank["county"] == focal]
    if rows.empty:
        return f"{focal or '所选县'}在这一年没有该指标的数值。"
    row = rows.iloc[0]
    if pd.isna(row["value"]):
        return f"{focal}的数值{row['display']}，无法与其他县比较。"
    n = int(rank["value"].notna().sum())
    pos = int(rank.index[rank["county"] == focal][0]) + 1
    if med is None or n < 2:
        return f"{focal}：{row['display']}。只有一个县有数值，无法排名。"
    flag = compare_flag(row["value"], med, indicator)
    direction = "数值越低越好" if not higher_is_better(indicator) else "数值越高越好"
    return f"{focal}：{row['display']}，在 {n} 个有数值的县中排第 {pos}，较中位数 {format_number(med)}{flag}（{direction}）。"


def with_ranks(values: pd.DataFrame, display: pd.DataFrame) -> pd.DataFrame:
    """Each display cell followed by the county's place for that indicator (ties share it)."""
    from dashboard.queries.sentences import rank_position

    out = display.copy()
    for column in values.columns:
        column_values = values[column].dropna()
        for county in values.index:
            value = values.at[county, column]
            if pd.isna(value) or len(column_values) < 2:
                continue
            place, tied = rank_position(column_values, value, column)
            out.at[county, column] = f"{display.at[county, column]}（{'并列' if tied else ''}第{place}）"
    out.attrs = display.attrs
    return out


def sort_multi(values: pd.DataFrame, display: pd.DataFrame, by: str | None, sources: pd.DataFrame | None = None):
    """The display table sorted by one indicator, best first; masked and missing last.

    With ``sources`` returns ``(table, tooltips)`` in the same order.
    """
    if values.empty:
        return (display, sources) if sources is not None else display
    order = list(values.index)
    if by in values.columns:
        column = values[by]
        ranked = column.dropna().sort_values(ascending=not higher_is_better(by), kind="mergesort")
        order = list(ranked.index) + [c for c in values.index if c not in ranked.index]
    table = display.loc[order].reset_index()
    table = table.rename(columns={table.columns[0]: "县"})
    if sources is None:
        return table
    tips = sources.reindex(index=order, columns=display.columns).reset_index(drop=True)
    tips.insert(0, "县", None)
    return table, tips


def multi_indicator(indicators: pd.DataFrame, year: int, measure: str, kind: str = "actual") -> tuple[pd.DataFrame, pd.DataFrame]:
    """Counties × indicators: numeric values (for sorting) and a same-shaped frame of display text."""
    rows = indicators[(indicators["measure"] == measure) & (indicators["kind"] == kind) & (indicators["period"] == year)
                      & (indicators["scope"] == "annual")]
    rows = comparable(rows)
    if rows.empty:
        return pd.DataFrame(), pd.DataFrame()
    picked = rows.groupby("indicator", group_keys=False)[rows.columns].apply(_pick_one)
    picked = picked.assign(display=[format_value(v, u, m, qualifier=q) for v, u, m, q in zip(picked["value"], picked["unit"], picked["masked"], picked["qualifier"])])
    values = picked.pivot(index="county", columns="indicator", values="value").astype("Float64")
    display = picked.pivot(index="county", columns="indicator", values="display").reindex_like(values)
    display = display.where(display.notna(), MISSING)
    picked = picked.assign(source=[f"{s}\n来源文件：{f}" for s, f in zip(picked["sentence"].fillna(""), picked["source_file"].fillna(""))])
    sources = picked.pivot(index="county", columns="indicator", values="source").reindex_like(values)
    display.attrs["sources"] = sources
    return values, display
