"""The engine's queries (DuckDB over Parquet) give what the pandas queries give on whole tables.

Checked on the sample build (``built_data_dir``) and on the hand-written fixture tables, for
every scope and source the 政策热词 page offers, and on a table written as a directory of parts.
"""

from __future__ import annotations

import shutil

import pandas as pd
import pyarrow.parquet as pq
import pytest

from dashboard import data, queries
from dashboard.queries import engine
from dashboard.slogan_review import phrases_for_review, review_view
from pipeline import contracts, keywords, settings


def _tables(out):
    return {name: contracts.read_table(name, settings.table_path(out, name)) for name in ("documents", "keywords", "slogans", "contexts", "term_idf")
            if settings.table_path(out, name).exists()}


@pytest.fixture(scope="module", params=["sample", "fixture"])
def built(request, built_data_dir, fixture_data_dir):
    out = (built_data_dir if request.param == "sample" else fixture_data_dir) / "processed"
    build = settings.current_build_dir(out)
    return data.runner(build), _tables(build)


def _scopes(t):
    named = t["keywords"].dropna(subset=["county", "report_year"])
    county, year = named["county"].iloc[0], int(named["report_year"].iloc[0])
    doc_id = t["keywords"]["doc_id"].iloc[-1]
    return [{}, {"county": county}, {"county": county, "year": year}, {"year": year}, {"doc_id": doc_id},
            {"county": "没有这个县"}]


def _same(got: pd.DataFrame, want: pd.DataFrame) -> None:
    assert list(got.columns) == list(want.columns)
    pd.testing.assert_frame_equal(got.reset_index(drop=True), want.reset_index(drop=True), check_dtype=False, rtol=1e-12)


@pytest.mark.parametrize("source", ["keywords", "slogans"])
@pytest.mark.parametrize("top", [None, 20])
def test_term_frequencies_match_pandas(built, source, top):
    run, t = built
    table, column = (t["keywords"], "term") if source == "keywords" else (queries.policy_slogans(t["slogans"]), "slogan")
    for scope in _scopes(t):
        want = queries.term_frequencies(table, column, top=top, by_documents=source == "slogans", **scope)
        got = engine.term_frequencies(run, source, top=top, **scope)
        _same(got, want)
    assert not engine.term_frequencies(run, source).empty


@pytest.mark.parametrize("source", ["keywords", "slogans"])
def test_comparison_sides_match_pandas(built, source):
    run, t = built
    table, column = (t["keywords"], "term") if source == "keywords" else (queries.policy_slogans(t["slogans"]), "slogan")
    for field in ("county", "report_year"):
        values = engine.comparison_values(run, source, field)
        want_values = sorted(table["county"].dropna().unique()) if field == "county" else sorted(int(y) for y in table["report_year"].dropna().unique())
        assert values == want_values and len(values) >= 2
        a, b = values[0], values[-1]
        rows_a, rows_b = (table[table[field] == v].rename(columns={column: "term"}) for v in (a, b))
        (got_a, n_a), (got_b, n_b) = engine.side_terms(run, source, field, a), engine.side_terms(run, source, field, b)
        assert (n_a, n_b) == (rows_a["doc_id"].nunique(), rows_b["doc_id"].nunique())
        _same(keywords.compare_terms(got_a, got_b, top=15), keywords.compare_terms(rows_a, rows_b, top=15))
        _same(queries.term_frequencies(got_a, "term"), queries.term_frequencies(rows_a, "term"))


def test_slogan_questions_match_pandas(built):
    run, t = built
    policy = queries.policy_slogans(t["slogans"])
    counties = [None, *sorted(policy["county"].dropna().unique())]
    for county in counties:
        assert engine.top_slogans(run, county, top=30) == queries.top_slogans(policy, county, top=30)
        chosen = queries.top_slogans(policy, county, top=3)
        rows = engine.slogan_rows(run, county=county, slogans=chosen)
        _same(queries.slogan_rate_trend(rows, t["documents"], chosen, county),
              queries.slogan_rate_trend(policy, t["documents"], chosen, county))
    for county in counties[1:]:
        mine = engine.slogan_rows(run, county=county, policy=False)
        for year in sorted(int(y) for y in mine["report_year"].dropna().unique()):
            assert queries.slogan_changes(mine, county, year) == queries.slogan_changes(t["slogans"], county, year)


def test_term_options_and_phrase_kinds_match_pandas(built):
    run, t = built
    assert engine.term_options(run) == queries.term_options(t["term_idf"], t["keywords"], t["slogans"])
    _same(review_view(engine.phrase_kinds(run)), phrases_for_review(t["slogans"]))
    assert engine.has_terms(run)


def test_a_build_offers_the_ranked_terms_and_slogans_each_with_its_sentences(built_data_dir):
    build = settings.current_build_dir(built_data_dir / "processed")
    t = _tables(build)
    options = set(engine.term_options(data.runner(build)))
    ranked = set(t["term_idf"].loc[t["term_idf"]["ranked"], "term"])
    assert options == ranked | set(t["slogans"]["slogan"]) and ranked
    assert options <= set(t["contexts"]["term"])
    # The contexts hold the other terms too (a report's rows depend on the report alone).
    assert set(t["keywords"]["term"]) <= set(t["contexts"]["term"])


def test_missing_tables_read_as_empty(tmp_path):
    run = data.runner(tmp_path)
    assert engine.term_frequencies(run, "keywords").empty and not engine.has_terms(run)
    assert engine.term_options(run) == [] and engine.top_slogans(run) == []


def test_a_build_made_before_a_column_was_added_still_reads(built_data_dir, tmp_path):
    """An older build's term_idf has no ``ranked``: the engine reads it as unknown (NULL), so
    词语语境 offers the slogans alone instead of failing."""
    build = settings.current_build_dir(built_data_dir / "processed")
    copy = tmp_path / "build"
    shutil.copytree(build, copy)
    path = settings.table_path(copy, "term_idf")
    older = pq.read_table(path).drop_columns(["ranked"])
    pq.write_table(older, path)
    run = data.runner(copy)
    slogans = set(contracts.read_table("slogans", settings.table_path(copy, "slogans"))["slogan"])
    assert set(engine.term_options(run)) == slogans and slogans
    assert run("SELECT count(*) AS n FROM {term_idf} WHERE ranked IS NULL")["n"].iloc[0] == len(older)


def test_each_table_schema_is_read_once_per_build(built_data_dir, monkeypatch):
    """The columns a build stores are read once per table (the app then keeps them per build),
    not once per column and query: at 10,000 reports in parts that cost seconds a page."""
    build = settings.current_build_dir(built_data_dir / "processed")
    calls = []
    real = data.pq.read_schema
    monkeypatch.setattr(data.pq, "read_schema", lambda path: calls.append(path) or real(path))
    data.table_sources(build)
    stored = [n for n in contracts.CONTRACTS if settings.table_path(build, n).exists()]
    assert len(calls) == len(stored) > 5


def test_a_table_written_as_a_directory_of_parts(built_data_dir, tmp_path):
    """Big tables may be written as directories of Parquet parts: the engine reads them as one."""
    build = settings.current_build_dir(built_data_dir / "processed")
    copy = tmp_path / "build"
    shutil.copytree(build, copy)
    parts = settings.table_path(copy, "keywords")
    whole = contracts.read_table("keywords", parts)
    shutil.rmtree(parts) if parts.is_dir() else parts.unlink()
    parts.mkdir()
    stored = whole[contracts.CONTRACTS["keywords"].column_names]
    half = len(whole) // 2
    for i, rows in enumerate((stored.iloc[:half], stored.iloc[half:])):
        contracts.write_table(rows, "keywords", parts / f"part-{i}.parquet")
    _same(engine.term_frequencies(data.runner(copy), "keywords"), queries.term_frequencies(whole, "term"))


def test_kwic_matches_pandas(built):
    """The sentences of a term in every scope: the same rows, order and count as kwic + kwic_in_scope."""
    run, t = built
    documents = t["documents"]
    terms = engine.term_options(run)
    chosen = [terms[0], terms[len(terms) // 2], terms[-1], "没有这个词"]
    named = documents.dropna(subset=["county", "report_year"])
    county, year = named["county"].iloc[0], int(named["report_year"].iloc[0])
    doc_id = named["doc_id"].iloc[-1]
    for term in chosen:
        whole = queries.kwic(t["contexts"], documents, term, limit=None)
        for scope in ("corpus", "county", "county_year", "document"):
            want = queries.kwic_in_scope(whole, documents, scope, county, year, doc_id)
            got, total = engine.kwic(run, term, scope, county, year, doc_id, limit=30)
            assert total == len(want), (term, scope)
            if total:
                _same(got, want.head(30))
