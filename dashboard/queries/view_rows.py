"""The facts one view reads, asked of the engine (DuckDB) instead of filtered from the whole table.

At 10,000 reports the indicators table holds 211,000 facts, each with its source sentence; the
cockpit shows one county's year (a dozen numbers). These functions send the view's filters to
the engine and get back only the rows its pandas questions (``kpi_tiles``, ``scorecard``,
``source_line``, the deck) look at, without the sentences; the sentence of a number is fetched
when the number is shown (``fact_sentences``). ``run(sql, params)`` is ``dashboard.data.query``
in the app, ``data.runner(build)`` in tests. They read the build's tables, so they stand for the
corrected facts only while the corrections are the ones the build applied (``data.facts_current``).
Each answer equals the pandas question on the whole table (``tests/dashboard/test_view_rows.py``).
"""

from __future__ import annotations

import pandas as pd

from dashboard.queries.compare import with_display
from dashboard.queries.labels import HEADLINE_INDICATORS, higher_is_better
from pipeline import contracts

# Every stored column but the sentence: the one a view reads for the numbers it shows only.
FACT_COLUMNS = [c for c in contracts.CONTRACTS["indicators"].stored_names if c != "sentence"]


def _columns(names: list[str]) -> str:
    return ", ".join(f'"{c}"' for c in names)


def view_facts(run, county: str, year: int | None) -> pd.DataFrame:
    """The facts the cockpit (and its deck) of ``county`` in ``year`` reads, in the table's order:
    the county's own (every year: earlier outcomes, last year, the sources), the headline outcomes
    of ``year`` of every county (the rankings), and the corrected facts (a timeline shows their
    corrected values). No ``sentence`` column."""
    headline = " OR ".join("(indicator = ? AND measure = ?)" for _ in HEADLINE_INDICATORS)
    params: list = [county]
    ranked = "false"
    if year is not None:
        ranked = f"(period = ? AND kind = 'actual' AND scope = 'annual' AND ({headline}))"
        params += [year, *[v for pair in HEADLINE_INDICATORS for v in pair]]
    sql = (f"SELECT {_columns(FACT_COLUMNS)} FROM {{indicators}} "
           f"WHERE county = ? OR corrected IS NOT NULL OR {ranked} ORDER BY fact_id")
    return run(sql, params)


def compare_facts(run, indicator: str | None, year: int | None) -> pd.DataFrame:
    """The facts 县域对比 reads, in the table's order, without sentences: the indicator's (its
    measures, its ranking) and the year's (the many-indicator table)."""
    sql = (f"SELECT {_columns(FACT_COLUMNS)} FROM {{indicators}} "
           "WHERE indicator = ? OR period = ? ORDER BY fact_id")
    return run(sql, [indicator, year])


def ranking(run, indicator: str, measure: str, year: int, kind: str = "actual") -> pd.DataFrame:
    """``queries.ranking`` of the whole table, picked and ordered in the engine: one fact per named
    county (final before estimate, values before masks, later reports first), best first, those
    without a value last, ties by county; no sentences. A ranking of every county (thousands at
    10,000 reports) is this query's rows, never a pandas pass over the year's facts."""
    order = "DESC" if higher_is_better(indicator) else "ASC"
    sql = (f"WITH picked AS (SELECT {_columns(FACT_COLUMNS)}, row_number() OVER (PARTITION BY county ORDER BY "
           "coalesce(estimated, false), value IS NULL, coalesce(report_year, 0) DESC, fact_id) AS nth FROM {indicators} "
           "WHERE indicator = ? AND measure = ? AND kind = ? AND period = ? AND scope = 'annual' "
           "AND county IS NOT NULL AND trim(county) <> '') "
           f"SELECT {_columns(FACT_COLUMNS)} FROM picked WHERE nth = 1 ORDER BY value {order} NULLS LAST, county")
    return with_display(run(sql, [indicator, measure, kind, year]))


def sentences_where(run, **equals) -> dict[str, str | None]:
    """fact_id → sentence of the facts whose columns equal ``equals`` (one ranking, one year's
    table): the filter a view already applied, so no list of thousands of ids is sent."""
    clauses = [f'"{column}" = ?' for column in equals]
    found = run(f"SELECT fact_id, sentence FROM {{indicators}} WHERE {' AND '.join(clauses)}", list(equals.values()))
    return {str(f): (None if pd.isna(s) else str(s)) for f, s in zip(found["fact_id"], found["sentence"])}


def county_pairs(run, county: str) -> pd.DataFrame:
    """The county's targets against outcomes (every year), in the table's key order."""
    key = ", ".join(f'"{c}" NULLS FIRST' for c in contracts.CONTRACTS["targets_vs_outcomes"].key)
    return run(f"SELECT * FROM {{targets_vs_outcomes}} WHERE county = ? ORDER BY {key}", [county])


def hit_counts(run, indicator: str | None = None) -> pd.DataFrame:
    """Per county (县, sorted): targets 达成, 未达成 and 待公布, counted in the engine as
    ``queries.hit_rates`` counts them: an estimated and a final outcome of one target once, the
    final one (the row without an outcome first, then the final, then the estimate)."""
    clause, params = ("", []) if not indicator else (" AND indicator = ?", [indicator])
    sql = ("WITH ranked AS (SELECT county, status, row_number() OVER (PARTITION BY county, indicator, measure, period "
           "ORDER BY CASE WHEN actual_estimated IS NULL THEN 0 WHEN NOT actual_estimated THEN 1 ELSE 2 END, province NULLS FIRST) AS nth "
           f"FROM {{targets_vs_outcomes}} WHERE county IS NOT NULL{clause}) "
           "SELECT county AS \"县\", count(*) FILTER (WHERE status = 'met') AS \"达成\", "
           "count(*) FILTER (WHERE status = 'missed') AS \"未达成\", count(*) FILTER (WHERE status = 'no_outcome_yet') AS \"待公布\" "
           "FROM ranked WHERE nth = 1 GROUP BY county ORDER BY county")
    return run(sql, params)


def corrected_facts(run) -> pd.DataFrame:
    """The facts a reviewed correction changed or added (a timeline shows their corrected values)."""
    return run("SELECT * FROM {indicators} WHERE corrected IS NOT NULL ORDER BY fact_id")


def fact_sentences(run, fact_ids: list[str]) -> dict[str, str | None]:
    """fact_id → its source sentence, for the facts a page shows (the report ids, the head of a
    fact id, let the engine skip the other reports' parts)."""
    ids = sorted({str(f) for f in fact_ids if isinstance(f, str) and f})
    if not ids:
        return {}
    docs = sorted({f.split(":", 1)[0] for f in ids})
    sql = (f"SELECT fact_id, sentence FROM {{indicators}} WHERE doc_id IN ({', '.join('?' for _ in docs)}) "
           f"AND fact_id IN ({', '.join('?' for _ in ids)})")
    found = run(sql, [*docs, *ids])
    return {str(f): (None if pd.isna(s) else str(s)) for f, s in zip(found["fact_id"], found["sentence"])}


def matching_facts(run, **equals) -> pd.DataFrame:
    """``queries.where(indicators, **equals)`` in the engine (a value left empty does not filter),
    every column, in the table's order: the facts a correction form offers."""
    clauses, params = [], []
    for column, value in equals.items():
        if value:
            clauses.append(f'"{column}" = ?')
            params.append(value)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    return run(f"SELECT * FROM {{indicators}}{where} ORDER BY fact_id", params)


# --- The sidebar's choices -----------------------------------------------------------------


def fact_counts(run, column: str) -> pd.Series:
    """Facts per value of ``column`` (nulls left out), indexed by value in sorted order: what
    ``groupby(column).size()`` gives on the whole table."""
    rows = run(f'SELECT "{column}" AS v, count(*) AS n FROM {{indicators}} WHERE "{column}" IS NOT NULL GROUP BY 1')
    counts = pd.Series(rows["n"].astype("int64").to_numpy(), index=rows["v"].astype(object).to_numpy(), dtype="int64")
    return counts.sort_index()


def fact_periods(run) -> list[int]:
    return [int(p) for p in run("SELECT DISTINCT period FROM {indicators} WHERE period IS NOT NULL")["period"]]


def outcome_groups(run) -> pd.DataFrame:
    """(indicator, period, county, n): the reported annual outcomes with a value, counted per
    indicator, year and county: what ``queries.outcome_year`` reads."""
    sql = ("SELECT indicator, period, county, count(*) AS n FROM {indicators} WHERE kind = 'actual' AND value IS NOT NULL "
           "AND period IS NOT NULL AND scope = 'annual' AND county IS NOT NULL GROUP BY 1, 2, 3")
    return run(sql)
