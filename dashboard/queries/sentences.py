"""The message of a chart as one generated Chinese sentence (its subtitle and its export).

Targets and outcomes are compared as 高于 / 低于 (a number is higher or lower than a
target; whether that is good depends on the target's kind, which the verdict says).
Ties are ranked as ties (并列第 4), medians carry their unit.
"""

from __future__ import annotations

import math

import pandas as pd

from dashboard.queries.labels import MEASURE_LABELS, STATUS_LABELS, format_number, format_value, higher_is_better, label

POINT_MEASURES = ("growth", "rate", "share", "change")


def is_missing(value) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value))


def gap_unit(measure: str | None, unit) -> str:
    """Differences of percentages are percentage points, not per cent."""
    unit = "" if is_missing(unit) else str(unit)
    if measure in POINT_MEASURES and unit in ("%", "％", ""):
        return "个百分点"
    return unit


def rank_position(values: pd.Series, mine, indicator: str) -> tuple[int, bool] | None:
    """(position, tied) of ``mine`` among ``values``, best first; equal values share a place."""
    values = pd.Series(values, dtype="Float64").dropna()
    if is_missing(mine) or values.empty:
        return None
    mine = float(mine)
    if higher_is_better(indicator):
        better = int((values > mine + 1e-9).sum())
    else:
        better = int((values < mine - 1e-9).sum())
    tied = int(((values - mine).abs() <= 1e-9).sum()) > 1
    return better + 1, tied


def rank_phrase(position: tuple[int, bool] | None, n: int, group: str = "") -> str:
    """同市 7 县中并列第 4."""
    if position is None or n < 2:
        return ""
    place, tied = position
    return f"{group}{n}县中{'并列' if tied else ''}第{place}"


def outcome_phrase(indicator: str, measure: str | None, value, unit, masked=False) -> str:
    """固定资产投资增长7.0% / 下降1.2% / 为300亿元."""
    if masked:
        return f"{indicator}{label(MEASURE_LABELS, measure) if measure else ''}已遮盖"
    if is_missing(value):
        return f"{indicator}{label(MEASURE_LABELS, measure) if measure else ''}未披露"
    if measure == "growth":
        verb = "增长" if float(value) >= 0 else "下降"
        return f"{indicator}{verb}{format_value(abs(float(value)), unit)}"
    if measure == "change":
        verb = "提高" if float(value) >= 0 else "降低"
        return f"{indicator}{verb}{format_number(abs(float(value)))}个百分点"
    return f"{indicator}为{format_value(value, unit)}"


def gap_phrase(actual, target, measure: str | None, unit) -> str:
    """高于目标0.5个百分点 / 低于目标1.0个百分点 / 与目标持平."""
    if is_missing(actual) or is_missing(target):
        return ""
    gap = float(actual) - float(target)
    if math.isclose(gap, 0.0, abs_tol=1e-9):
        return "与目标持平"
    amount = f"{abs(gap):.1f}".rstrip("0").rstrip(".") if measure in POINT_MEASURES else format_number(abs(gap))
    return f"{'高于' if gap > 0 else '低于'}目标{amount}{gap_unit(measure, unit)}"


def target_text(value, unit, qualifier) -> str:
    return format_value(value, unit, qualifier=qualifier if isinstance(qualifier, str) else None)


def verdict_sentence(county: str, year: int, indicator: str, measure: str | None, *, actual, unit, target=None,
                     target_unit=None, qualifier=None, status=None, estimated=False, rank: str = "") -> str:
    """淇县2020年固定资产投资增长7.0%，低于“8%左右”目标1.0个百分点，未达成；同市7县中并列第4。"""
    parts = [f"{county}{year}年{outcome_phrase(indicator, measure, actual, unit)}{'（预计）' if estimated else ''}"]
    if not is_missing(target):
        gap = gap_phrase(actual, target, measure, unit)
        wording = f"“{target_text(target, target_unit or unit, qualifier)}”目标"
        if gap:
            parts.append(gap.replace("目标", wording, 1))
        else:
            parts.append(f"目标为“{target_text(target, target_unit or unit, qualifier)}”")
    if status in ("met", "missed"):
        parts[-1] += "，" + label(STATUS_LABELS, status)
    sentence = "，".join(parts)
    if rank:
        sentence += "；" + rank
    return sentence + "。"


def ranking_sentence(county: str | None, year: int, indicator: str, measure: str, rank: pd.DataFrame, median, unit: str, group: str = "") -> str:
    """The message of a ranking chart: where the selected county stands, ties as ties."""
    if rank.empty:
        return f"{year}年没有县报告{indicator}{label(MEASURE_LABELS, measure)}。"
    values = rank["value"].dropna()
    n = len(values)
    mine = rank[rank["county"] == county]
    median_text = f"，中位数{format_value(median, unit)}" if median is not None else ""
    if mine.empty or is_missing(mine["value"].iloc[0]):
        return f"{year}年{n}个县有{indicator}{label(MEASURE_LABELS, measure)}数值{median_text}；{county or '所选县'}没有数值。"
    row = mine.iloc[0]
    where = rank_phrase(rank_position(values, row["value"], indicator), n, group)
    head = f"{county}{year}年{outcome_phrase(indicator, measure, row['value'], row['unit'], row['masked'])}"
    return head + (f"，{where}" if where else "，只有一个县有数值，无法排名") + median_text + "。"


def timeline_sentence(county: str, indicator: str, measure: str, rows: pd.DataFrame) -> str:
    """The message of a target timeline: the latest judged year, and how many targets were met."""
    if rows.empty:
        return f"{county}没有{indicator}的目标或实绩。"
    judged = rows[rows["status"].isin(["met", "missed"])]
    if judged.empty:
        years = sorted({int(y) for y in rows["period"].dropna()})
        return f"{county}{indicator}{label(MEASURE_LABELS, measure)}：{years[0]}—{years[-1]}年暂无可判定的目标（缺目标或缺实绩）。"
    judged = judged.sort_values(["period", "actual_estimated"], na_position="first").drop_duplicates("period", keep="first")
    last = judged.iloc[-1]
    latest = verdict_sentence(
        county, int(last["period"]), indicator, measure, actual=last["actual_value"], unit=last["actual_unit"],
        target=last["target_value"], target_unit=last["target_unit"], qualifier=last["target_qualifier"],
        status=last["status"], estimated=bool(last["actual_estimated"]) if not is_missing(last["actual_estimated"]) else False,
    )
    met = int((judged["status"] == "met").sum())
    return latest.rstrip("。") + f"；可判定的{len(judged)}年中达成{met}年。"
