"""Row helpers every question shares: named counties only, one fact per county."""

from __future__ import annotations

import pandas as pd


def where(rows: pd.DataFrame, **equals) -> pd.DataFrame:
    """The rows whose columns equal the given values; a value left empty (None, "", 0) does not
    filter: ``where(indicators, county=county, period=year)`` for "this county, this year, if chosen"."""
    for column, value in equals.items():
        if value:
            rows = rows[rows[column] == value]
    return rows


def comparable(indicators: pd.DataFrame) -> pd.DataFrame:
    """Facts from named counties (anonymised templates are not counties)."""
    return indicators[indicators["county"].notna() & (indicators["county"].astype("string").str.strip() != "")]


def _pick_one(rows: pd.DataFrame) -> pd.DataFrame:
    """One fact per county: final before estimate, values before masks, later reports first."""
    if rows.empty:
        return rows
    rows = rows.assign(
        _est=rows["estimated"].fillna(False).astype(bool),
        _nov=rows["value"].isna(),
        _ry=-rows["report_year"].fillna(0).astype("int64"),
    )
    rows = rows.sort_values(["county", "_est", "_nov", "_ry", "fact_id"], kind="mergesort")
    return rows.drop_duplicates("county").drop(columns=["_est", "_nov", "_ry"])
