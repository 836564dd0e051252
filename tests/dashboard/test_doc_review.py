"""数据 page: documents without county or year are listed as 待补充 and can be set by a person."""

from __future__ import annotations

import pandas as pd

from dashboard.doc_review import pending
from pipeline.identify.review import COLUMNS, load_reviews
from tests.dashboard.conftest import assert_no_exception, own_reference, page_text, unlock


def test_pending_lists_accepted_documents_lacking_county_or_year():
    documents = pd.DataFrame({
        "doc_id": ["a", "b", "c", "d"], "source_file": ["a.txt", "b.txt", "c.txt", "d.txt"],
        "status": ["ok", "ok", "ok", "rejected"], "county": ["桐庐县", None, "建德市", None],
        "report_year": [2021, 2020, None, None],
    })
    assert list(pending(documents)["doc_id"]) == ["b", "c"]


def test_set_county_and_year_from_the_app(fixture_app, tmp_path, monkeypatch):
    reference = own_reference(tmp_path, monkeypatch, headers={"document_reviews.csv": COLUMNS})
    at = unlock(fixture_app("data"))  # saving needs the admin password
    assert_no_exception(at)
    assert "待补充（2）" in page_text(at)  # the two anonymised templates of the fixture tables
    inputs = {t.label: t for t in at.text_input}
    inputs["县（区、市、旗）"].input("桐庐县")
    inputs["报告年份"].input("2021")
    inputs["填写人"].input("王某")
    at.button(key="FormSubmitter:doc_review-保存").click().run()
    assert_no_exception(at)
    assert "已记录" in page_text(at)
    saved = list(load_reviews(reference / "document_reviews.csv").values())
    assert [(r["county"], r["report_year"], r["author"]) for r in saved] == [("桐庐县", "2021", "王某")]
