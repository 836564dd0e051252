"""Targets paired with the outcomes reported for them, across documents.

For each county × indicator × measure × year, the target set by the report for that
year is set against the outcome reported later (usually in the next year's report).
When a county reported both an estimate (预计) and a final figure, both are kept, one
row each. Only annual figures are paired: a five-year average target is compared with
a five-year average outcome by the app directly, not here.

Status rules (the qualifier decides; ``direction`` from indicator_families.tsv says
which way is good, so an unemployment ceiling is met from below):

- at_least (以上, 不低于, 突破): met when actual ≥ target;
- at_most (以内, 控制在, 不超过): met when actual ≤ target;
- about (左右): met when the outcome is no worse than the target by more than the
  tolerance: ``settings.ABOUT_TOLERANCE_POINTS`` percentage points for rates and growth,
  ``settings.ABOUT_TOLERANCE_RELATIVE`` of the target for levels;
- exact (no qualifier) and range (lower bound stored): met when the outcome is at
  least the target in the good direction;
- unknown when either side is masked or qualitative, or the units cannot be compared;
- no_outcome_yet / no_target when one side is missing.
"""

from __future__ import annotations

import pandas as pd

from pipeline import contracts, doc_kinds, settings
from pipeline.extract import load_vocabulary

UNIT_SCALE = {
    "亿元": ("元", 1e8), "万元": ("元", 1e4), "元": ("元", 1.0),
    "亿美元": ("美元", 1e8), "万美元": ("美元", 1e4),
    "万人": ("人", 1e4), "人": ("人", 1.0),
    "万吨": ("吨", 1e4), "吨": ("吨", 1.0),
    "万亩": ("亩", 1e4), "亩": ("亩", 1.0),
    "%": ("%", 1.0), "个百分点": ("个百分点", 1.0),
}


def pair_targets_outcomes(indicators: pd.DataFrame, documents: pd.DataFrame | None = None,
                          keep: pd.Series | None = None) -> pd.DataFrame:
    """Any field but the key may be null (a masked year, an unknown unit): such facts are
    paired or skipped, never allowed to stop the build. With ``documents``, each outcome
    comes from the best evidence (``doc_kinds.OUTCOME_EVIDENCE``: a 统计公报 before a
    report) and its source's kind is kept as ``actual_doc_type``. ``keep``: a mask of the facts
    to pair (None: every one), taken with the pairing's own choice of facts, so that the facts
    are copied once (≈ 170 MB at 10,000 reports)."""
    return pairs_frame(pair_rows(indicators, documents, keep))


def pairs_frame(rows: list[tuple]) -> pd.DataFrame:
    """The table of ``pair_rows``' rows (of one call, or of several, in the table's order)."""
    if not rows:
        return contracts.empty_frame("targets_vs_outcomes")
    return pd.DataFrame(rows, columns=contracts.TARGETS_VS_OUTCOMES.column_names)


def group_name(county, province) -> tuple[str, str]:
    """What the table's rows are sorted by first: a pair's county and province as text (a
    pair's key decides it alone, so a county's pairs can be made from its facts alone)."""
    return ("" if county is None or county is pd.NA or county != county else str(county),
            "" if province is None or province is pd.NA or province != province else str(province))


def pair_rows(indicators: pd.DataFrame, documents: pd.DataFrame | None = None,
              keep: pd.Series | None = None) -> list[tuple]:
    """The rows of ``pair_targets_outcomes`` (values in the table's column order), sorted by
    their key as text: by ``group_name`` first."""
    indicators = _with_doc_type(indicators, documents)
    usable = (indicators["county"].notna() & indicators["indicator"].notna() & indicators["measure"].notna()
              & indicators["period"].notna() & _is(indicators["scope"], "annual"))
    facts = indicators[usable if keep is None else usable & keep]
    key = ["county", "province", "indicator", "measure", "period"]
    targets = _pick_targets(facts[_is(facts["kind"], "target")], key)
    outcomes = _pick_outcomes(facts[_is(facts["kind"], "actual")], key)
    rows = []
    for k in sorted(set(targets) | set(outcomes), key=lambda k: tuple("" if v is None else str(v) for v in k)):
        target = targets.get(k)
        found = outcomes.get(k, {})
        if not found:
            rows.append(_row(k, target, None))
        for estimated in sorted(found):
            rows.append(_row(k, target, found[estimated]))
    return rows


def doc_types(indicators: pd.DataFrame, documents: pd.DataFrame | None) -> pd.Series:
    """Per fact, the kind of the document it came from (null when ``documents`` does not say)."""
    kinds = {} if documents is None or "doc_type" not in documents else dict(zip(documents["doc_id"], documents["doc_type"]))
    return indicators["doc_id"].map(kinds) if "doc_id" in indicators else pd.Series(None, index=indicators.index)


def _with_doc_type(indicators: pd.DataFrame, documents: pd.DataFrame | None) -> pd.DataFrame:
    rank = {kind: i for i, kind in enumerate(doc_kinds.OUTCOME_EVIDENCE)}
    doc_type = doc_types(indicators, documents)
    return indicators.assign(_doc_type=doc_type,
                             _evidence=doc_type.map(lambda k: rank.get(k, len(rank))).astype(int))


def _is(column: pd.Series, value: str) -> pd.Series:
    """``column == value`` with null counted as different (nullable columns compare to NA)."""
    return (column == value).fillna(False).astype(bool)


def _key(row) -> tuple:
    province = row["province"] if pd.notna(row["province"]) else None
    return (row["county"], province, row["indicator"], row["measure"], int(row["period"]))


# What ``_row`` and ``judge`` read of a chosen fact: only these become Python dicts (all
# 31 columns did, ≈ 0.2 s of a 1,000-report data drop).
_PAIRED_COLUMNS = ["county", "province", "indicator", "measure", "period", "value", "unit", "qualifier",
                   "qualifier_text", "source_file", "fact_id", "sentence", "estimated", "_doc_type"]


def _first_rows(ranked: pd.DataFrame, subset: list[str]) -> list[dict]:
    """The first row (in ``ranked``'s order) of each ``subset`` value, as plain dicts: one
    vectorised ``drop_duplicates`` (null equal to null, as ``_key`` makes it) instead of a
    pandas Series per fact."""
    columns = _PAIRED_COLUMNS + [c for c in subset if c not in _PAIRED_COLUMNS]
    first = ranked.drop_duplicates(subset, keep="first")
    # Column lists zipped into dicts: ``to_dict("records")`` boxes each cell on its own (2 µs a cell).
    return [dict(zip(columns, values)) for values in zip(*(first[c].tolist() for c in columns))]


def _pick_targets(targets: pd.DataFrame, key: list[str]) -> dict[tuple, dict]:
    """The target stated by the report for that very year; numbers before words."""
    # A target whose report year is unknown (masked 20XX) ranks after one stated for its own year.
    own_year = (targets["report_year"] == targets["period"]).fillna(False).astype(bool)
    ranked = targets.assign(
        _own_year=(~own_year).astype(int),
        _no_value=targets["value"].isna().astype(int),
    ).sort_values(["_own_year", "_no_value", "report_year", "source_file", "value_start"])
    return {_key(row): row for row in _first_rows(ranked, key)}


def _pick_outcomes(outcomes: pd.DataFrame, key: list[str]) -> dict[tuple, dict[bool, dict]]:
    """Per year, the estimate and the final figure, each from the best evidence (a bulletin
    before a report), then from the earliest later report."""
    reported_later = (outcomes["report_year"] >= outcomes["period"]).fillna(False).astype(bool)
    later = outcomes[outcomes["report_year"].isna().astype(bool) | reported_later]
    ranked = later.assign(_no_value=later["value"].isna().astype(int),
                          _flag=later["estimated"].fillna(False).astype(bool)).sort_values(
        ["_no_value", "_evidence", "report_year", "source_file", "value_start"]
    )
    chosen: dict[tuple, dict[bool, dict]] = {}
    for row in _first_rows(ranked, key + ["_flag"]):
        chosen.setdefault(_key(row), {})[bool(row["_flag"])] = row
    return chosen


def _row(k: tuple, target: dict | None, actual: dict | None) -> tuple:
    """One row of the table, its values in the contract's column order (county … gap)."""
    county, province, indicator, measure, period = k
    status, gap = judge(indicator, measure, target, actual)
    return (
        county, province, indicator, measure, period,
        _get(target, "value"), _get(target, "unit"), _get(target, "qualifier"), _get(target, "qualifier_text"),
        _get(target, "source_file"), _get(target, "fact_id"), _get(target, "sentence"),
        _get(actual, "value"), _get(actual, "unit"), None if actual is None else _flag(actual["estimated"]),
        _get(actual, "source_file"), _get(actual, "_doc_type"), _get(actual, "fact_id"), _get(actual, "sentence"),
        status, gap,
    )


def _flag(value) -> bool:
    return False if value is None or pd.isna(value) else bool(value)


def _get(row: dict | None, column: str):
    if row is None:
        return None
    value = row[column]
    return None if pd.isna(value) else value


def judge(indicator: str, measure: str, target: pd.Series | None, actual: pd.Series | None) -> tuple[str, float | None]:
    """Status and gap (actual − target, in the target's unit) of one pair."""
    if target is None:
        return "no_target", None
    if actual is None:
        return "no_outcome_yet", None
    if pd.isna(target["value"]) or pd.isna(actual["value"]):
        return "unknown", None
    actual_value = convert(float(actual["value"]), _get(actual, "unit"), _get(target, "unit"))
    if actual_value is None:
        return "unknown", None
    target_value = float(target["value"])
    gap = round(actual_value - target_value, 6)
    family = load_vocabulary().families.get(indicator)
    higher_is_better = family is None or family.direction == "up"
    return ("met" if is_met(target_value, actual_value, _get(target, "qualifier"), measure, higher_is_better)
            else "missed"), gap


def is_met(target: float, actual: float, qualifier: str | None, measure: str, higher_is_better: bool) -> bool:
    if qualifier == "at_least":
        return actual >= target
    if qualifier == "at_most":
        return actual <= target
    if qualifier == "about":
        tolerance = (settings.ABOUT_TOLERANCE_POINTS if measure in ("growth", "rate", "change")
                     else abs(target) * settings.ABOUT_TOLERANCE_RELATIVE)
        return actual >= target - tolerance if higher_is_better else actual <= target + tolerance
    return actual >= target if higher_is_better else actual <= target


def convert(value: float, unit: str | None, to_unit: str | None) -> float | None:
    if unit == to_unit:
        return value
    source, target = UNIT_SCALE.get(unit or ""), UNIT_SCALE.get(to_unit or "")
    if not source or not target or source[0] != target[0]:
        return None
    return value * source[1] / target[1]
