"""The 数据 page's long lists one page at a time, cut and counted in the engine (DuckDB).

At 10,000 reports the document list has 10,000 rows and the coverage 4,580 counties: drawn
whole they cost the server seconds and the browser half a minute. The engine filters and counts
(for "共 N 条，显示第 a–b 条") and cuts the page of documents (``offset``, ``limit``); for the
coverage it sums the documents per county and year, and only the page's counties are laid out
here. ``run(sql, params)`` as in ``engine``. A page equals the same slice of the pandas view of
the whole table (``tests/dashboard/test_listing.py``); downloads still read the whole table, on click.
"""

from __future__ import annotations

import pandas as pd

from dashboard.queries.corpus import ABSENT
from dashboard.queries.labels import ANONYMOUS, county_label

DOCUMENT_COLUMNS = ("doc_id", "source_file", "status", "error", "warning", "county", "anonymised", "report_year",
                    "doc_type", "title", "n_chars")


def _contains(columns: tuple[str, ...], text: str) -> tuple[str, list]:
    """Any of ``columns`` holds ``text`` (plain substring, case as typed: names are Chinese)."""
    return "(" + " OR ".join(f"strpos(coalesce(\"{c}\", ''), ?) > 0" for c in columns) + ")", [text] * len(columns)


def _documents_where(status: str | None, search: str | None, pending: bool = False, county: str | None = None,
                     year: int | None = None) -> tuple[str, list]:
    clauses, params = [], []
    if status:
        clauses.append("status = ?")
        params.append(status)
    if county:  # the county's own, named documents (an anonymised template names none)
        clauses.append("county = ? AND NOT coalesce(anonymised, false)")
        params.append(county)
    if year is not None:
        clauses.append("report_year = ?")
        params.append(int(year))
    if pending:  # accepted, but the county or the year is unknown (待补充)
        clauses.append("status = 'ok' AND (county IS NULL OR report_year IS NULL)")
    if search and search.strip():
        clause, more = _contains(("source_file", "county", "title"), search.strip())
        clauses.append(clause)
        params += more
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def document_count(run, *, status: str | None = None, search: str | None = None, pending: bool = False,
                   county: str | None = None, year: int | None = None) -> int:
    """How many documents the filters keep (those of ``document_page``)."""
    where, params = _documents_where(status, search, pending, county, year)
    return int(run(f"SELECT count(*) AS n FROM {{documents}}{where}", params)["n"].iloc[0])


def document_page(run, *, status: str | None = None, search: str | None = None, pending: bool = False,
                  county: str | None = None, year: int | None = None, offset: int = 0, limit: int = 50) -> pd.DataFrame:
    """One page of the documents, by source file (the table's order): ``status`` ok | rejected |
    duplicate (None: all), ``search`` in the file name, county or title, ``pending``: only the
    accepted documents lacking a county or a year (待补充), ``county`` / ``year``: one county's
    (named) documents, of one report year."""
    where, params = _documents_where(status, search, pending, county, year)
    columns = ", ".join(f'"{c}"' for c in DOCUMENT_COLUMNS)
    return run(f"SELECT {columns} FROM {{documents}}{where} ORDER BY source_file LIMIT {int(limit)} OFFSET {int(offset)}", params)


def coverage_counties(run, search: str | None = None) -> tuple[pd.DataFrame, list[str]]:
    """The accepted documents counted per county, anonymity and report year by the engine (a few
    thousand rows of sums), labelled with ``县``; and the counties the coverage lists, in its order
    (anonymous last), those whose name holds ``search`` when given."""
    groups = run("SELECT county, anonymised, report_year, count(*) AS n FROM {documents} WHERE status = 'ok' GROUP BY ALL")
    groups = groups.assign(县=[county_label(c, a) for c, a in zip(groups["county"], groups["anonymised"])])
    labels = sorted(set(groups["县"]), key=lambda c: (c == ANONYMOUS, c))
    if search and search.strip():
        labels = [c for c in labels if search.strip() in c]
    return groups, labels


def coverage_page(groups: pd.DataFrame, counties: list[str]) -> pd.DataFrame:
    """The rows of ``queries.coverage_table`` for ``counties`` (one page of ``coverage_counties``):
    every year from the corpus' first to its last a column, so every page has the same columns."""
    if groups.empty:
        return pd.DataFrame()
    known = sorted({int(y) for y in groups["report_year"].dropna()})
    columns = [str(y) for y in range(known[0], known[-1] + 1)] if known else []
    if groups["report_year"].isna().any():
        columns.append("年份不明")
    mine = groups[groups["县"].isin(counties)]
    year = mine["report_year"].map(lambda y: "年份不明" if pd.isna(y) else str(int(y)))
    counts = mine.assign(年份=year).groupby(["县", "年份"])["n"].sum()
    table = pd.DataFrame({"县": pd.Series(counties, dtype="str")})
    for column in columns:
        cells = [int(counts.get((county, column), 0)) for county in counties]
        table[f"{column}年" if column.isdigit() else column] = pd.Series([str(n) if n > 0 else ABSENT for n in cells], dtype="str")
    return table
