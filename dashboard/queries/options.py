"""Options and defaults for the global selections (county, year, indicator, measure)."""

from __future__ import annotations

import pandas as pd

from dashboard.queries.facts import comparable
from dashboard.queries.labels import MEASURE_LABELS


SEVERAL_SEPARATOR = ";"  # an article covering several counties lists them (pipeline/attribution.py)


def document_counties(documents: pd.DataFrame) -> pd.DataFrame:
    """Accepted, named documents, one row per county they are about: an article covering several
    counties (``county`` = ``历下区;市中区``) gives a row for each, never one joined "county"."""
    if documents.empty:
        return documents
    named = documents[(documents["status"] == "ok") & documents["county"].notna()
                      & ~documents["anonymised"].fillna(False).astype(bool)].copy()
    named["county"] = named["county"].astype(str).str.split(SEVERAL_SEPARATOR)
    named = named.explode("county")
    named["county"] = named["county"].str.strip()
    return named[named["county"] != ""]


def county_options(documents: pd.DataFrame, indicators: pd.DataFrame) -> list[str]:
    names = set()
    if not documents.empty:
        names |= set(document_counties(documents)["county"])
    if not indicators.empty:
        names |= set(indicators["county"].dropna())
    return sorted(n for n in names if str(n).strip())


def default_county(documents: pd.DataFrame, indicators: pd.DataFrame) -> str | None:
    """The named county with the most facts: the richest first view."""
    rows = comparable(indicators[["county"]])  # the one column counted: no copy of the sentences
    if rows.empty:
        options = county_options(documents, indicators)
        return options[0] if options else None
    counts = rows.groupby("county").size()
    return str(sorted(counts.index, key=lambda c: (-counts[c], c))[0])


def year_options(documents: pd.DataFrame, indicators: pd.DataFrame) -> list[int]:
    years = set()
    if not indicators.empty:
        years |= {int(y) for y in indicators["period"].dropna()}
    if not documents.empty:
        years |= {int(y) for y in documents.loc[documents["status"] == "ok", "report_year"].dropna()}
    return sorted(years, reverse=True)


def default_year(indicators: pd.DataFrame, county: str | None = None, indicator: str | None = None) -> int | None:
    """A sensible first year: where the first county reports the first indicator, with the
    most other counties reporting it too, latest first; else the year richest in outcomes."""
    rows = indicators[(indicators["kind"] == "actual") & indicators["value"].notna() & indicators["period"].notna()
                      & (indicators["scope"] == "annual")]
    rows = comparable(rows)
    if rows.empty:
        return None
    if county and indicator:
        same = rows[rows["indicator"] == indicator]
        mine = set(same.loc[same["county"] == county, "period"].astype(int))
        if mine:
            counties = same.groupby("period")["county"].nunique()
            return int(max(mine, key=lambda y: (counties.get(y, 0), y)))
    counties = rows.groupby("period")["county"].nunique()
    facts = rows.groupby("period").size()
    return int(max(counties.index, key=lambda y: (counties[y], facts[y], y)))


def indicator_options(indicators: pd.DataFrame) -> list[str]:
    if indicators.empty:
        return []
    counts = indicators.dropna(subset=["indicator"]).groupby("indicator").size().sort_values(ascending=False)
    ordered = list(counts.index)
    if "地区生产总值" in ordered:
        ordered.remove("地区生产总值")
        ordered.insert(0, "地区生产总值")
    return ordered


def measure_options(indicators: pd.DataFrame, indicator: str | None) -> list[str]:
    rows = indicators[indicators["indicator"] == indicator] if indicator else indicators
    found = set(rows["measure"].dropna())
    return [m for m in MEASURE_LABELS if m in found] + sorted(found - set(MEASURE_LABELS))


def comparison_pair(values: list, focus) -> tuple[int, int]:
    """Where the 甲 / 乙 pickers of a two-way comparison start: 甲 at the selected county or
    year when it is among ``values``; 乙 at the year before it (comparing years), or else at the
    first other value. ``values`` must hold at least two entries."""
    a = values.index(focus) if focus in values else 0
    earlier = [i for i, v in enumerate(values) if i != a and isinstance(v, int) and isinstance(values[a], int) and v < values[a]]
    b = earlier[-1] if earlier else next(i for i in range(len(values)) if i != a)
    return a, b


def report_years_hint(documents: pd.DataFrame, county: str | None) -> str:
    """For a view by report year that came up empty: the years the county does have reports for
    (the year picker follows outcomes, and a year's outcomes are reported in the next year's report)."""
    if not county or documents.empty:
        return ""
    rows = document_counties(documents)
    years = sorted({int(y) for y in rows.loc[rows["county"] == county, "report_year"].dropna()})
    if not years:
        return f"{county}还没有注明年份的报告。"
    return f"{county}有报告的年份：" + "、".join(f"{y}年" for y in years) + "（在左侧“年份”中选择）。"
