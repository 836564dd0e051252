"""Pairing uses the best evidence: a bulletin's final figure before a report's, estimates kept."""

from __future__ import annotations

import pandas as pd

from pipeline import contracts
from pipeline.pairing import pair_targets_outcomes
from tests.pipeline.test_pairing import fact, outcome

DOCUMENTS = pd.DataFrame({
    "doc_id": ["plan", "report", "bulletin"],
    "doc_type": ["政府工作报告", "政府工作报告", "统计公报"],
})


def pairs(*rows: dict, documents: pd.DataFrame | None = DOCUMENTS) -> pd.DataFrame:
    indicators = contracts.conform(pd.DataFrame(list(rows)), "indicators")
    return contracts.conform(pair_targets_outcomes(indicators, documents), "targets_vs_outcomes")


def test_bulletin_final_figure_outranks_a_later_reports_statement():
    df = pairs(
        fact(doc_id="plan", value=7.0, qualifier="about"),
        outcome(6.1, doc_id="report", source_file="r.txt", report_year=2023, value_start=5),
        outcome(6.4, doc_id="bulletin", source_file="t.txt", report_year=2022),
        outcome(6.0, doc_id="report", source_file="r2.txt", report_year=2022, estimated=True),
    )
    final = df[df["actual_estimated"] == False].iloc[0]  # noqa: E712
    estimate = df[df["actual_estimated"] == True].iloc[0]  # noqa: E712
    assert (final.actual_value, final.actual_doc_type, final.actual_doc) == (6.4, "统计公报", "t.txt")
    assert (estimate.actual_value, estimate.actual_doc_type) == (6.0, "政府工作报告")
    assert len(df) == 2


def test_without_documents_the_kind_is_unknown_and_pairing_still_works():
    df = pairs(fact(value=8.0, qualifier="at_least"), outcome(8.4), documents=None)
    assert df.iloc[0].status == "met" and pd.isna(df.iloc[0].actual_doc_type)
