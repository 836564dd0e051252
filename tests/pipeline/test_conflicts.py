"""Two different reports for one county and year: reported, and a person's choice decides."""

from __future__ import annotations

import shutil
from datetime import datetime, timezone

import pandas as pd
import pytest

from pipeline import conflicts, contracts, corrections, settings
from pipeline.build import run_build
from pipeline.__main__ import format_summary
from tests.conftest import REFERENCE_DIR

GOLD = settings.PROJECT_ROOT / "tests" / "gold" / "texts"


def read(out, name):
    return contracts.read_table(name, settings.table_path(out, name))


@pytest.fixture
def two_reports_for_one_year(tmp_path, monkeypatch):
    """The 2022 report twice (the draft says 7.5 %, the final text 6.5 %), and the 2023 report."""
    raw = tmp_path / "raw"
    raw.mkdir()
    final = (GOLD / "s01_shili_2022.txt").read_text(encoding="utf-8")
    draft = final.replace("地区生产总值增长6.5%左右", "地区生产总值增长7.5%左右")
    assert draft != final
    (raw / "a_draft_2022.txt").write_text(draft, encoding="utf-8")
    (raw / "b_final_2022.txt").write_text(final, encoding="utf-8")
    shutil.copy(GOLD / "s02_shili_2023.txt", raw / "c_2023.txt")
    reference = tmp_path / "reference"
    shutil.copytree(REFERENCE_DIR, reference)
    (reference / "corrections.csv").write_text(",".join(corrections.COLUMNS) + "\n", encoding="utf-8")
    monkeypatch.setenv("COUNTY_PULSE_REFERENCE", str(reference))
    return raw, tmp_path / "out"


def gdp_target(out) -> float:
    pairs = read(out, "targets_vs_outcomes").set_index(["indicator", "measure", "period"])
    return pairs.loc[("地区生产总值", "growth", 2022), "target_value"]


def test_conflict_is_reported_and_pairing_uses_the_first_until_someone_chooses(two_reports_for_one_year):
    raw, out = two_reports_for_one_year
    summary = run_build(raw, out)
    assert summary.ok == 3 and len(summary.conflicts) == 1
    assert "a_draft_2022.txt" in summary.conflicts[0] and "尚未选定" in summary.conflicts[0]
    assert "conflict:" in format_summary(summary)
    documents = read(out, "documents").set_index("source_file")
    assert "本文档被采用" in documents.loc["a_draft_2022.txt", "conflicts"]
    assert "未用于配对" in documents.loc["b_final_2022.txt", "conflicts"]
    assert pd.isna(documents.loc["c_2023.txt", "conflicts"])
    assert gdp_target(out) == 7.5
    # Both documents' facts stay in the indicators table: nothing is lost, only pairing chooses.
    assert set(read(out, "indicators")["source_file"]) == {"a_draft_2022.txt", "b_final_2022.txt", "c_2023.txt"}


def test_a_persons_choice_survives_rebuilds_and_decides_pairing(two_reports_for_one_year):
    raw, out = two_reports_for_one_year
    run_build(raw, out)
    documents = read(out, "documents").set_index("source_file")
    final_id = documents.loc["b_final_2022.txt", "doc_id"]
    corrections.append_correction(settings.reference_file("corrections.csv"), {
        "action": "choose", "doc_id": final_id, "note": "定稿", "author": "测试",
        "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    })
    summary = run_build(raw, out)
    assert "人工选定" in summary.conflicts[0] and not summary.warnings
    assert gdp_target(out) == 6.5
    assert "本文档被采用" in read(out, "documents").set_index("source_file").loc["b_final_2022.txt", "conflicts"]


def test_documents_of_different_kinds_or_years_are_not_conflicts():
    documents = pd.DataFrame({
        "doc_id": ["a", "b", "c", "d", "e"], "source_file": ["a", "b", "c", "d", "e"],
        "status": ["ok", "ok", "ok", "ok", "duplicate"], "county": ["浚县"] * 5, "province": ["河南省"] * 5,
        "report_year": [2022, 2022, 2023, 2022, 2022], "doc_type": ["政府工作报告", "统计公报", "政府工作报告", None, "政府工作报告"],
    })
    assert conflicts.find_conflicts(documents) == []


def test_the_latest_choice_wins():
    documents = pd.DataFrame({
        "doc_id": ["a", "b"], "source_file": ["a.txt", "b.txt"], "status": ["ok", "ok"], "county": ["浚县"] * 2,
        "province": ["河南省"] * 2, "report_year": [2022, 2022], "doc_type": ["政府工作报告"] * 2,
    })
    assert conflicts.find_conflicts(documents, ["b", "a"])[0].used == "a"
    assert conflicts.not_used(conflicts.find_conflicts(documents, ["a", "b"])) == {"a"}


def test_choose_needs_a_document():
    with pytest.raises(corrections.CorrectionError, match="choose needs a doc_id"):
        corrections.validate_record({"action": "choose"})
