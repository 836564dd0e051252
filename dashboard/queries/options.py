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
    return county_names(documents, set(indicators["county"].dropna()) if not indicators.empty else set())


def county_names(documents: pd.DataFrame, fact_counties: set) -> list[str]:
    """The counties to choose from: those of the documents and those the facts name."""
    names = set(fact_counties)
    if not documents.empty:
        names |= set(document_counties(documents)["county"])
    return sorted(n for n in names if str(n).strip())


def default_county(documents: pd.DataFrame, indicators: pd.DataFrame) -> str | None:
    """The named county with the most facts: the richest first view."""
    rows = comparable(indicators[["county"]])  # the one column counted: no copy of the sentences
    counts = rows.groupby("county").size() if not rows.empty else pd.Series(dtype="int64")
    return county_with_most(counts, lambda: county_options(documents, indicators))


def county_with_most(counts: pd.Series, options) -> str | None:
    """The county with the most facts (``counts``: facts per named county); ties by name. With
    none, the first of ``options()``."""
    if counts.empty:
        names = options()
        return names[0] if names else None
    return str(sorted(counts.index, key=lambda c: (-counts[c], c))[0])


def year_options(documents: pd.DataFrame, indicators: pd.DataFrame) -> list[int]:
    return year_choices(documents, [] if indicators.empty else list(indicators["period"].dropna()))


def year_choices(documents: pd.DataFrame, periods: list) -> list[int]:
    """Every year a fact is about or a report is for, latest first."""
    years = {int(y) for y in periods}
    if not documents.empty:
        years |= {int(y) for y in documents.loc[documents["status"] == "ok", "report_year"].dropna()}
    return sorted(years, reverse=True)


def outcome_year(rows: pd.DataFrame, county: str | None = None, indicator: str | None = None) -> int | None:
    """Where the county reports the indicator's outcome, with the most other counties reporting
    it too, latest first; else the year richest in outcomes. ``rows``: the annual outcomes with a
    value (one row per fact, or ``n`` facts per row as ``view_rows.outcome_groups`` gives)."""
    rows = comparable(rows)
    if rows.empty:
        return None
    if county and indicator:
        same = rows[rows["indicator"] == indicator] if "indicator" in rows.columns else rows
        mine = set(same.loc[same["county"] == county, "period"].astype(int))
        if mine:
            counties = same.groupby("period")["county"].nunique()
            return int(max(mine, key=lambda y: (counties.get(y, 0), y)))
    counties = rows.groupby("period")["county"].nunique()
    facts = rows.groupby("period")["n"].sum() if "n" in rows.columns else rows.groupby("period").size()
    return int(max(counties.index, key=lambda y: (counties[y], facts[y], y)))


def annual_outcomes(indicators: pd.DataFrame) -> pd.DataFrame:
    return indicators[(indicators["kind"] == "actual") & indicators["value"].notna() & indicators["period"].notna()
                      & (indicators["scope"] == "annual")]


def default_year(indicators: pd.DataFrame, county: str | None = None, indicator: str | None = None,
                 pairs: pd.DataFrame | None = None, documents: pd.DataFrame | None = None) -> int | None:
    """The first year shown: the one whose 县情驾驶舱 shows the most for the county.

    A year's targets are set in that year's report and its outcomes reported in the next one, so
    the year richest in outcomes is usually one with no report of the county's own: every card
    says 暂无目标 and there are no slogans. Hence, in order: the latest year whose targets have a
    verdict (targets, outcomes and, from that year's report, slogans), else the latest year the
    county has a report for (targets and slogans, outcomes pending), else the outcome year
    (``outcome_year``). ``pairs``: the targets against outcomes (the county's suffice);
    ``documents``: the documents table. A ranking (县域对比) wants the outcome year itself.
    """
    if county and pairs is not None and not pairs.empty:
        judged = pairs[(pairs["county"] == county) & pairs["target_doc"].notna() & pairs["period"].notna()
                       & pairs["status"].isin(["met", "missed"])]
        if not judged.empty:
            return int(judged["period"].max())
    if county and documents is not None and not documents.empty:
        named = document_counties(documents)
        years = named.loc[named["county"] == county, "report_year"].dropna()
        if not years.empty:
            return int(years.max())
    return outcome_year(annual_outcomes(indicators), county, indicator)


def indicator_options(indicators: pd.DataFrame) -> list[str]:
    if indicators.empty:
        return []
    return indicator_order(indicators.dropna(subset=["indicator"]).groupby("indicator").size())


def indicator_order(counts: pd.Series) -> list[str]:
    """Indicators by how many facts they have (``counts``: facts per indicator, by name), 地区生产总值 first."""
    ordered = list(counts.sort_values(ascending=False).index)
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
