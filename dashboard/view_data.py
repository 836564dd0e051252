"""One view's rows: what a page shows of the facts and pairs, asked of the engine.

While the build's facts are current (``data.facts_current``: the corrections file is the one the
build applied) each accessor sends the view's filters to DuckDB (``queries.view_rows``) and gets
only the rows the page looks at, without the sentences, which are fetched for the numbers
shown; after a correction made in the app they fall back to the corrected frames, whole (what
the pages read before), so the correction shows at once. The sidebar's choices and first year,
cached per build and corrections, are counted the same way.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import data, queries
from dashboard.queries import view_rows
from pipeline import contracts


def view_facts(county: str, year: int | None) -> pd.DataFrame:
    """The facts the cockpit of ``county`` in ``year`` reads (``view_rows.view_facts``: no sentences)."""
    return view_rows.view_facts(data.query, county, year) if data.facts_current() else data.load_indicators()


def compare_facts(indicator: str | None, year: int | None) -> pd.DataFrame:
    """The facts 县域对比 of ``indicator`` in ``year`` reads (``view_rows.compare_facts``: no sentences)."""
    return view_rows.compare_facts(data.query, indicator, year) if data.facts_current() else data.load_indicators()


def ranking(indicator: str, measure: str, year: int, kind: str) -> pd.DataFrame:
    """``queries.ranking`` of the (corrected) facts: one row per county, ranked in the engine."""
    if data.facts_current():
        return view_rows.ranking(data.query, indicator, measure, year, kind)
    return queries.ranking(data.load_indicators(), indicator, measure, year, kind)


def with_sentences(rows: pd.DataFrame, facts: pd.DataFrame, **equals) -> pd.DataFrame:
    """``rows`` (shown facts) with their ``sentence``: as read when ``facts`` carry sentences, else
    fetched for the facts matching ``equals`` (the filter that chose ``rows``)."""
    if "sentence" in facts.columns or "fact_id" not in rows.columns:
        return rows
    found = view_rows.sentences_where(data.query, **equals)
    return rows.assign(sentence=rows["fact_id"].map(found).astype("string"))


def county_pairs(county: str) -> pd.DataFrame:
    """The county's targets against outcomes."""
    if data.facts_current():
        return view_rows.county_pairs(data.query, county)
    tvo = data.load_targets_vs_outcomes()
    return tvo[tvo["county"] == county].reset_index(drop=True)


def hit_rates(indicator: str | None = None) -> pd.DataFrame:
    """``queries.hit_rates`` of every county (of one indicator or all), summed in the engine."""
    if data.facts_current():
        return queries.hit_table(view_rows.hit_counts(data.query, indicator).set_index("县"))
    return queries.hit_rates(data.load_targets_vs_outcomes(), indicator=indicator)


def corrected_facts() -> pd.DataFrame:
    """The facts a correction changed or added."""
    if data.facts_current():
        return view_rows.corrected_facts(data.query)
    facts = data.load_indicators()
    return facts[facts["corrected"].notna()]


def fact_sentences(fact_ids: list[str]) -> dict[str, str | None]:
    """fact_id → source sentence, for the facts a page shows."""
    if data.facts_current():
        return view_rows.fact_sentences(data.query, fact_ids)
    facts = data.load_indicators()
    rows = facts[facts["fact_id"].isin(set(fact_ids))]
    return {str(f): (None if pd.isna(s) else str(s)) for f, s in zip(rows["fact_id"], rows["sentence"])}


def matching_facts(**equals) -> pd.DataFrame:
    """``queries.where(data.load_indicators(), **equals)``, every column (sentences included)."""
    if data.facts_current():
        return view_rows.matching_facts(data.query, **equals)
    return queries.where(data.load_indicators(), **equals)


def count_facts() -> int:
    return data.count_rows("indicators") if data.facts_current() else len(data.load_indicators())


def _facts_key() -> tuple[str, float]:
    """What the corrected indicators depend on: the build and the corrections file's mtime."""
    manifest = data.load_manifest()
    corr = data.corrections_path()
    return ("" if manifest is None else str(manifest["build_id"]), corr.stat().st_mtime if corr.exists() else 0.0)


@st.cache_data(show_spinner=False, max_entries=8)
def _filter_options(key: tuple[str, float]) -> dict:
    documents = data.load_table("documents")
    if not data.facts_current():
        indicators = data.load_indicators()
        return {"counties": queries.county_options(documents, indicators), "first_county": queries.default_county(documents, indicators),
                "years": queries.year_options(documents, indicators), "indicators": queries.indicator_options(indicators)}
    # Counted in the engine: the same answers from a few thousand rows of sums.
    per_county = view_rows.fact_counts(data.query, "county")
    counties = queries.county_names(documents, set(per_county.index))
    named = per_county[[str(c).strip() != "" for c in per_county.index]]
    return {"counties": counties, "first_county": queries.county_with_most(named, lambda: counties),
            "years": queries.year_choices(documents, view_rows.fact_periods(data.query)),
            "indicators": queries.indicator_order(view_rows.fact_counts(data.query, "indicator"))}


def filter_options() -> dict:
    """The sidebar's choices (counties, years, indicators, the first county), once per build and
    corrections: every page's run needs them."""
    return _filter_options(_facts_key())


@st.cache_data(show_spinner=False, max_entries=64)
def _default_year(key: tuple[str, float], county: str | None, indicator: str | None, ranking: bool) -> int | None:
    # The build's pairs choose the year (a correction since changes a verdict, not which years have one).
    if county and not ranking:
        found = queries.default_year(contracts.empty_frame("indicators"), county, indicator,
                                     pairs=view_rows.county_pairs(data.query, county), documents=data.load_table("documents"))
        if found is not None:
            return found
    if data.facts_current():
        return queries.outcome_year(view_rows.outcome_groups(data.query), county, indicator)
    return queries.outcome_year(queries.annual_outcomes(data.load_indicators()), county, indicator)


def default_year(county: str | None, indicator: str | None, ranking: bool = False) -> int | None:
    """The year first shown: the one the county's cockpit shows the most for (``queries.default_year``),
    or for a ranking (``ranking``) the year of outcomes the most counties report (``queries.outcome_year``)."""
    return _default_year(_facts_key(), county, indicator, ranking)
