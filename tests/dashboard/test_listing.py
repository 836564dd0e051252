"""The 数据 page's lists a page at a time (``dashboard/queries/listing.py``): each page and count
equals the same slice of the pandas view of the whole table, on the sample build and the fixture."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard import data, queries
from dashboard.components.tables import page_span
from dashboard.doc_review import pending
from dashboard.queries import listing
from pipeline import contracts, settings


@pytest.fixture(scope="module", params=["sample", "fixture"])
def built(request, built_data_dir, fixture_data_dir):
    out = (built_data_dir if request.param == "sample" else fixture_data_dir) / "processed"
    build = settings.current_build_dir(out)
    return data.runner(build), contracts.read_table("documents", settings.table_path(build, "documents"))


def _holds(documents: pd.DataFrame, text: str) -> pd.Series:
    return pd.concat([documents[c].fillna("").str.contains(text, regex=False) for c in ("source_file", "county", "title")], axis=1).any(axis=1)


def _searches(documents):
    county = documents["county"].dropna().iloc[0]
    return [None, "", county, county[:1], documents["source_file"].iloc[-1][-6:], "没有这个词"]


@pytest.mark.parametrize("status", [None, "ok", "rejected", "duplicate"])
def test_a_page_of_documents_is_that_slice_of_the_whole_list(built, status):
    run, documents = built
    for search in _searches(documents):
        want = documents if status is None else documents[documents["status"] == status]
        if search:
            want = want[_holds(want, search)]
        total = listing.document_count(run, status=status, search=search)
        assert total == len(want)
        for offset, limit in ((0, 3), (2, 3), (0, 1000), (len(want), 5)):
            got = listing.document_page(run, status=status, search=search, offset=offset, limit=limit)
            pd.testing.assert_frame_equal(queries.documents_view(got).reset_index(drop=True),
                                          queries.documents_view(want.iloc[offset:offset + limit]).reset_index(drop=True))


def test_the_pending_documents_page(built):
    run, documents = built
    want = pending(documents)
    assert listing.document_count(run, pending=True) == len(want)
    got = listing.document_page(run, pending=True, offset=0, limit=1000)
    assert list(got["doc_id"]) == list(want["doc_id"])


def test_a_page_of_the_coverage_is_those_rows_of_the_whole_table(built):
    run, documents = built
    whole = queries.coverage_table(documents)
    whole.columns.name = None
    for search in [None, *[s for s in _searches(documents) if s]]:
        groups, counties = listing.coverage_counties(run, search)
        want = whole[whole["县"].str.contains(search, regex=False)] if search else whole
        assert counties == list(want["县"])
        for offset, limit in ((0, 2), (1, 2), (0, 1000)):
            got = listing.coverage_page(groups, counties[offset:offset + limit])
            pd.testing.assert_frame_equal(got.reset_index(drop=True), want.iloc[offset:offset + limit].reset_index(drop=True))


@pytest.mark.parametrize("total, page, size, span", [
    (0, 1, 50, (0, 0)), (7, 1, 50, (1, 7)), (120, 1, 50, (1, 50)), (120, 3, 50, (101, 120)), (120, 9, 50, (101, 120)),
])
def test_the_count_line_names_the_rows_shown(total, page, size, span):
    assert page_span(total, page, size) == span


def test_one_countys_documents_of_one_year_are_that_slice_of_the_whole_list(built):
    """What a document picker lists before anything is typed (``components.document_picker``)."""
    run, documents = built
    ok = documents[documents["status"] == "ok"]
    named = ok[ok["county"].notna() & ~ok["anonymised"].fillna(False).astype(bool)]
    county = named["county"].iloc[0]
    for year in [None, *sorted({int(y) for y in named["report_year"].dropna()}), 1990]:
        want = named[(named["county"] == county) & ((named["report_year"] == year) if year is not None else True)]
        assert listing.document_count(run, status="ok", county=county, year=year) == len(want)
        got = listing.document_page(run, status="ok", county=county, year=year, limit=len(want) + 1)
        assert list(got["doc_id"]) == list(want.sort_values("source_file", kind="mergesort")["doc_id"])
