"""Document frequency and the slogans new or dropped in a county's year (pure functions on a
hand-made slogans table)."""

from __future__ import annotations

import pandas as pd

from pipeline.slogans import new_and_dropped_slogans, slogan_cloud_weights, slogan_document_frequency


def _table(rows):
    columns = ["doc_id", "county", "report_year", "slogan", "family", "kind", "kind_basis", "count", "quoted_count", "first_sentence"]
    frame = pd.DataFrame([dict(zip(columns, r + ("",))) for r in rows], columns=columns)
    frame["report_year"] = frame["report_year"].astype("Int64")
    return frame


TABLE = _table([
    ("a21", "甲县", 2021, "六稳", "六稳六保", "slogan", "参考表", 3, 3),
    ("a21", "甲县", 2021, "放管服", "放管服", "slogan", "参考表", 2, 1),
    ("a21", "甲县", 2021, "十四五", "十四五", "plan_period", "规则", 5, 5),
    ("a22", "甲县", 2022, "六保", "六稳六保", "slogan", "参考表", 1, 1),
    ("a22", "甲县", 2022, "三高四新", "三高四新", "slogan", "编号", 4, 2),
    ("a23", "甲县", 2023, "三高四新", "三高四新", "slogan", "编号", 1, 1),
    ("b22", "乙县", 2022, "放管服", "放管服", "slogan", "参考表", 40, 1),
    ("b22", "乙县", 2022, "全国文明城市", "全国文明城市", "honour", "后缀", 2, 2),
])


def test_new_dropped_and_kept_against_the_latest_earlier_year():
    changes = new_and_dropped_slogans(TABLE, "甲县", 2022)
    status = dict(zip(changes["family"], changes["status"]))
    assert status == {"三高四新": "new", "放管服": "dropped", "六稳六保": "kept"}
    assert set(changes["previous_year"]) == {2021}
    kept = changes.set_index("family").loc["六稳六保"]
    assert (kept["this_count"], kept["previous_count"]) == (1, 3)
    assert list(changes["status"]) == ["new", "dropped", "kept"]


def test_first_year_has_everything_new_and_plan_periods_never_count():
    changes = new_and_dropped_slogans(TABLE, "甲县", 2021)
    assert set(changes["status"]) == {"new"} and "十四五" not in set(changes["family"])
    assert changes["previous_year"].isna().all()


def test_unknown_county_gives_an_empty_frame():
    assert new_and_dropped_slogans(TABLE, "丙县", 2022).empty


def test_weight_is_documents_not_mentions():
    freq = slogan_document_frequency(TABLE).set_index("family")
    # 放管服: 42 mentions, 40 of them in one report, but only two documents.
    assert freq.loc["放管服", "documents"] == 2 and freq.loc["放管服", "count"] == 42
    assert freq.loc["放管服", "quoted_count"] == 2
    assert freq.loc["六稳六保", "slogans"] == "六保、六稳"
    assert "全国文明城市" not in freq.index
    assert freq["documents"].is_monotonic_decreasing


def test_cloud_weights_favour_many_documents_over_one_long_report():
    many = _table([(f"d{i}", "甲县", 2022, "三高四新", "三高四新", "slogan", "编号", 1, 1) for i in range(5)])
    one = _table([("x", "乙县", 2022, "六稳", "六稳六保", "slogan", "参考表", 40, 2),
                  ("x", "乙县", 2022, "十四五", "十四五", "plan_period", "规则", 90, 90)])
    weights = slogan_cloud_weights(pd.concat([many, one], ignore_index=True))
    assert weights["三高四新"] == 5.0
    assert 4.0 < weights["六稳"] < 5.0
    assert "十四五" not in weights
    assert list(slogan_cloud_weights(one, by="family")) == ["六稳六保"]
