"""数据 page, 提法归类: the review table and the kind-correction form."""

from __future__ import annotations

import pandas as pd

from dashboard.slogan_review import phrases_for_review
from pipeline.slogans import read_corrections
from tests.dashboard.conftest import assert_no_exception, own_reference, page_text, unlock


def test_review_table_counts_documents_and_quotes():
    slogans = pd.DataFrame({
        "doc_id": ["a", "b", "b"], "slogan": ["六稳", "六稳", "十四五"], "kind": ["slogan", "slogan", "plan_period"],
        "kind_basis": ["参考表：已知短语"] * 2 + ["参考表规则"], "count": [3, 1, 2], "quoted_count": [2, 1, 2],
    })
    view = phrases_for_review(slogans)
    first = view.iloc[0]
    assert (first["短语"], first["归类"], first["文档数"], first["次数"], first["引号内次数"]) == ("六稳", "提法", 2, 4, 3)
    assert set(view["归类"]) == {"提法", "规划期"}


def test_correct_a_kind_from_the_data_page(fixture_app, fixture_data_dir, tmp_path, monkeypatch):
    reference = own_reference(tmp_path, monkeypatch, copy_of=fixture_data_dir / "reference", drop=("slogan_corrections.tsv",))
    at = fixture_app("data")
    assert_no_exception(at)
    assert "提法归类" in page_text(at)
    locked = at.button(key="FormSubmitter:slogan_kind-保存归类更正")
    assert locked.disabled  # changing data needs the admin password
    at = unlock(at)
    form = [s for s in at.selectbox if s.label == "短语"][0]
    form.select("十四五")
    [s for s in at.selectbox if s.label == "正确归类"][0].select("plan_period")
    [t for t in at.text_input if t.label == "说明（依据）"][0].input("规划期不是提法")
    at.button(key="FormSubmitter:slogan_kind-保存归类更正").click().run()
    assert_no_exception(at)
    assert "已记录" in page_text(at)
    saved = read_corrections(reference / "slogan_corrections.tsv")
    assert saved["十四五"].kind == "plan_period" and saved["十四五"].note == "规划期不是提法"
