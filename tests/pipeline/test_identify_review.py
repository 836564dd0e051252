"""Reviewed document identities (待补充): recorded once, applied on every build."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from pipeline import contracts, settings
from pipeline.identify import identify_document
from pipeline.identify.review import ReviewError, append_review, apply_review, load_reviews

UNKNOWN = "各位代表：\n全县上下共同努力，地区生产总值增长6.5%，经济社会平稳发展。\n" * 5


def test_review_sets_county_year_and_kind_with_their_source():
    identity = identify_document(UNKNOWN, "x.txt")
    assert identity.county is None and identity.report_year is None
    reviewed = apply_review(identity, {"county": "横县", "report_year": "2020", "doc_type": "政府工作报告"})
    assert (reviewed.county, reviewed.city, reviewed.province) == ("横州市", "南宁市", "广西壮族自治区")
    assert (reviewed.report_year, reviewed.county_source, reviewed.year_source) == (2020, "review", "review")


def test_empty_fields_keep_what_identification_found():
    identity = identify_document("桐庐县2021年政府工作报告\n各位代表：", "x.txt")
    reviewed = apply_review(identity, {"county": "", "report_year": "", "doc_type": "报告摘要"})
    assert (reviewed.county, reviewed.report_year, reviewed.doc_type) == ("桐庐县", 2021, "报告摘要")


def test_last_review_of_a_document_wins(tmp_path):
    path = tmp_path / "document_reviews.csv"
    append_review({"doc_id": "abc", "county": "桐庐县"}, path)
    append_review({"doc_id": "abc", "county": "建德市", "report_year": "2019"}, path)
    assert load_reviews(path)["abc"]["county"] == "建德市"


@pytest.mark.parametrize("record", [
    {"doc_id": "abc"},
    {"doc_id": "abc", "report_year": "二〇二一"},
    {"doc_id": "abc", "doc_type": "年报"},
    {"doc_id": "abc", "county": "杭州"},
])
def test_bad_reviews_are_refused(tmp_path, record):
    with pytest.raises(ReviewError):
        append_review(record, tmp_path / "document_reviews.csv")


def test_build_applies_reviews_and_keeps_them_across_rebuilds(tmp_path, monkeypatch):
    from pipeline.build import run_build

    reference = tmp_path / "reference"
    shutil.copytree(settings.PROJECT_ROOT / "data" / "reference", reference)
    monkeypatch.setenv("COUNTY_PULSE_REFERENCE", str(reference))
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "report.txt").write_text(UNKNOWN, encoding="utf-8")
    out = tmp_path / "out"
    run_build(raw, out, workers=1)
    documents = contracts.read_table("documents", settings.table_path(out, "documents"))
    assert pd.isna(documents.iloc[0]["county"])
    append_review({"doc_id": documents.iloc[0]["doc_id"], "county": "桐庐县", "report_year": "2021"},
                  reference / "document_reviews.csv")
    for _ in range(2):
        run_build(raw, out, workers=1)
        row = contracts.read_table("documents", settings.table_path(out, "documents")).iloc[0]
        assert (row["county"], row["report_year"], row["county_source"]) == ("桐庐县", 2021, "review")
        facts = contracts.read_table("indicators", settings.table_path(out, "indicators"))
        assert set(facts["county"]) == {"桐庐县"}
