"""The pages' questions about the big tables, asked of the embedded engine (DuckDB) in SQL.

keywords, slogans and contexts grow with the corpus (≈ 680, 95 and 820 rows a report), so they
are never loaded whole: each function here sends one query whose filters and sums run in the
engine over the Parquet files, and gets back what a chart or a picker shows. ``run(sql, params)``
is ``dashboard.data.query`` in the app (or ``data.runner(build)`` in tests); tables are named
``{keywords}``, ``{slogans}``, ``{contexts}``. Each answer equals the pandas function of the
same name on the whole table (``tests/dashboard/test_engine_queries.py``): same rows, same order.
"""

from __future__ import annotations

import pandas as pd

from dashboard.queries.labels import county_label

# Which table and term column each 词语来源 reads; slogans are the policy slogans only
# (queries.policy_slogans: plan periods, honours and project names are not drawn).
SOURCES = {"keywords": ("{keywords}", "term", ""), "slogans": ("{slogans}", "slogan", "kind = 'slogan'")}


def _where(source: str, **equals) -> tuple[str, list]:
    """WHERE for ``queries.where``'s rule (a value left empty does not filter) and the source's own."""
    _, _, own = SOURCES[source]
    clauses, params = [own] if own else [], []
    for column, value in equals.items():
        if value:
            clauses.append(f'"{column}" = ?')
            params.append(value)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _limit(top: int | None) -> str:
    return f" LIMIT {int(top)}" if top else ""


def has_terms(run) -> bool:
    """Whether there is any keyword or policy slogan to draw (the page's empty state otherwise)."""
    sql = "SELECT (SELECT count(*) FROM (SELECT 1 FROM {keywords} LIMIT 1)) + (SELECT count(*) FROM (SELECT 1 FROM {slogans} WHERE kind = 'slogan' LIMIT 1)) AS n"
    return int(run(sql)["n"].iloc[0]) > 0


def term_frequencies(run, source: str, *, doc_id=None, county=None, year=None, top: int | None = None) -> pd.DataFrame:
    """``queries.term_frequencies`` of the source's table: summed counts (keywords), or ranked by
    documents with the cloud's 1 + ln(mentions) weight per document (slogans, ``by_documents``)."""
    table, column, _ = SOURCES[source]
    where, params = _where(source, doc_id=doc_id, county=county, report_year=year)
    if source == "keywords":
        sql = (f'SELECT "{column}" AS term, CAST(coalesce(sum("count"), 0) AS BIGINT) AS "count" FROM {table}{where} '
               f'GROUP BY 1 HAVING term IS NOT NULL ORDER BY "count" DESC, term{_limit(top)}')
    else:
        sql = (f'WITH per_doc AS (SELECT "{column}" AS term, doc_id, sum("count") AS n FROM {table}{where} GROUP BY 1, 2 '
               f"HAVING term IS NOT NULL AND doc_id IS NOT NULL AND sum(\"count\") > 0) "
               f'SELECT term, CAST(sum(n) AS BIGINT) AS "count", CAST(count(DISTINCT doc_id) AS BIGINT) AS documents, '
               f'sum(1.0 + ln(n::DOUBLE)) AS weight FROM per_doc GROUP BY term ORDER BY documents DESC, "count" DESC, term{_limit(top)}')
    freq = run(sql, params)
    if freq.empty:
        return pd.DataFrame({"term": pd.Series(dtype="string"), "count": pd.Series(dtype="Int64")})
    return freq


def comparison_values(run, source: str, field: str) -> list:
    """The counties (``field="county"``) or report years the source has rows for, sorted."""
    table, _, _ = SOURCES[source]
    where, params = _where(source)
    where += (" AND " if where else " WHERE ") + f'"{field}" IS NOT NULL'
    values = run(f'SELECT DISTINCT "{field}" AS v FROM {table}{where} ORDER BY v', params)["v"]
    return [int(v) for v in values] if field == "report_year" else [str(v) for v in values]


def side_terms(run, source: str, field: str, value) -> tuple[pd.DataFrame, int]:
    """One side of a two-way comparison: (term, count) summed over the rows whose ``field`` is
    ``value``, and how many reports those are (what ``keywords.compare_terms`` reads)."""
    table, column, own = SOURCES[source]
    clauses = [c for c in (own, f'"{field}" = ?') if c]
    sql = (f'SELECT "{column}" AS term, CAST(coalesce(sum("count"), 0) AS BIGINT) AS "count", '
           f'CAST(count(DISTINCT doc_id) AS BIGINT) AS reports FROM {table} WHERE {" AND ".join(clauses)} '
           f'GROUP BY 1 HAVING term IS NOT NULL ORDER BY term')
    rows = run(sql, [value])
    reports = run(f'SELECT CAST(count(DISTINCT doc_id) AS BIGINT) AS n FROM {table} WHERE {" AND ".join(clauses)}', [value])
    return rows[["term", "count"]], int(reports["n"].iloc[0])


def top_slogans(run, county: str | None = None, top: int = 3) -> list[str]:
    """``queries.top_slogans`` of the policy slogans: the most mentioned, ties by name."""
    where, params = _where("slogans", county=county)
    sql = (f'SELECT slogan FROM {{slogans}}{where} GROUP BY slogan HAVING slogan IS NOT NULL '
           f'ORDER BY coalesce(sum("count"), 0) DESC, slogan{_limit(top)}')
    return [str(s) for s in run(sql, params)["slogan"]]


def slogan_rows(run, *, county: str | None = None, slogans: list[str] | None = None, policy: bool = True) -> pd.DataFrame:
    """The slogans table's rows of one county and/or some slogans (policy slogans only unless
    ``policy=False``), in the table's order: what ``slogan_changes`` and ``slogan_rate_trend`` read."""
    where, params = _where("slogans", county=county) if policy else _where("keywords", county=county)  # keywords: no own filter
    if slogans is not None:
        marks = ", ".join("?" for _ in slogans) or "NULL"
        where += (" AND " if where else " WHERE ") + f"slogan IN ({marks})"
        params += list(slogans)
    return run(f"SELECT * FROM {{slogans}}{where} ORDER BY doc_id, slogan", params)


def term_options(run) -> list[str]:
    """``queries.term_options``: the terms some report ranks among its best and every slogan,
    the most counted first (keyword and slogan mentions together), ties by name."""
    sql = ('WITH weights AS (SELECT term, sum("count") AS w FROM {keywords} GROUP BY term '
           'UNION ALL SELECT slogan, sum("count") FROM {slogans} GROUP BY slogan), '
           'terms AS (SELECT term FROM {term_idf} WHERE ranked UNION SELECT slogan FROM {slogans} WHERE slogan IS NOT NULL) '
           'SELECT terms.term, coalesce(sum(weights.w), 0)::DOUBLE AS weight FROM terms LEFT JOIN weights USING (term) '
           'GROUP BY terms.term ORDER BY weight DESC, terms.term')
    return [str(t) for t in run(sql)["term"]]


def phrase_kinds(run) -> pd.DataFrame:
    """One row per quoted phrase (every kind): its kind and reason (the first report's, by doc_id),
    in how many documents, mentions, quoted mentions; for 提法归类 (``slogan_review``)."""
    sql = ('SELECT slogan, first(kind ORDER BY doc_id) FILTER (WHERE kind IS NOT NULL) AS kind, '
           'first(kind_basis ORDER BY doc_id) FILTER (WHERE kind_basis IS NOT NULL) AS kind_basis, '
           'CAST(count(DISTINCT doc_id) AS BIGINT) AS documents, CAST(coalesce(sum("count"), 0) AS BIGINT) AS "count", '
           'CAST(coalesce(sum(quoted_count), 0) AS BIGINT) AS quoted_count '
           'FROM {slogans} WHERE slogan IS NOT NULL GROUP BY slogan ORDER BY documents DESC, "count" DESC, slogan')
    return run(sql)


def kwic(run, term: str, scope: str, county: str | None, year: int | None, doc_id: str | None = None,
         limit: int = 30) -> tuple[pd.DataFrame, int]:
    """``queries.kwic_in_scope(queries.kwic(contexts, documents, term, limit=None), …)`` without
    loading the term's rows: the first ``limit`` sentences (县, 年份, sentence_id, doc_id, 来源文件)
    and how many there are. The order is kwic's: report year, county, offset (missing last), ties
    in the tables' own order; each sentence of a file once, at its first place."""
    clauses, params = [], [term]
    if scope == "document" and doc_id:
        clauses.append("source_file IN (SELECT source_file FROM {documents} WHERE doc_id = ?)")
        params.append(doc_id)
    if scope in ("county", "county_year") and county:
        clauses.append("NOT coalesce(anonymised, false) AND county = ?")  # 县 is the county's name only then
        params.append(county)
    if scope == "county_year" and year is not None:
        clauses.append("report_year = ?")
        params.append(year)
    sql = ("WITH hits AS (SELECT c.doc_id, c.sentence_id, d.source_file, d.county, d.report_year, d.anonymised, "
           "row_number() OVER (ORDER BY d.report_year NULLS LAST, d.county NULLS LAST, c.start NULLS LAST, c.doc_id, c.start, "
           "d.source_file) AS pos FROM {contexts} c LEFT JOIN {documents} d ON d.doc_id = c.doc_id WHERE c.term = ?), "
           "firsts AS (SELECT *, row_number() OVER (PARTITION BY sentence_id, source_file ORDER BY pos) AS nth FROM hits) "
           "SELECT doc_id, sentence_id, source_file, county, report_year, anonymised, count(*) OVER () AS total FROM firsts "
           f"WHERE nth = 1{''.join(' AND ' + c for c in clauses)} ORDER BY pos LIMIT {int(limit)}")
    found = run(sql, params)
    if found.empty:
        return pd.DataFrame(columns=["县", "年份", "sentence_id", "doc_id", "来源文件"]), 0
    rows = pd.DataFrame({"县": [county_label(c, a) for c, a in zip(found["county"], found["anonymised"])],
                         "年份": found["report_year"], "sentence_id": found["sentence_id"], "doc_id": found["doc_id"],
                         "来源文件": found["source_file"]})
    return rows, int(found["total"].iloc[0])
