"""数据 page: conflicting reports are listed, and choosing one re-pairs at once."""

from __future__ import annotations

import shutil

import pytest

from pipeline import corrections, settings
from tests.dashboard.conftest import REPO, assert_no_exception, open_page, page_text, unlock

GOLD = REPO / "tests" / "gold" / "texts"


@pytest.fixture
def conflicting_data_dir(tmp_path, monkeypatch):
    from pipeline.build import run_build

    root = tmp_path / "data"
    raw = root / "raw"
    raw.mkdir(parents=True)
    final = (GOLD / "s01_shili_2022.txt").read_text(encoding="utf-8")
    (raw / "a_draft_2022.txt").write_text(final.replace("地区生产总值增长6.5%左右", "地区生产总值增长7.5%左右"),
                                          encoding="utf-8")
    (raw / "b_final_2022.txt").write_text(final, encoding="utf-8")
    shutil.copy(GOLD / "s02_shili_2023.txt", raw / "c_2023.txt")
    shutil.copytree(REPO / "data" / "reference", root / "reference")
    (root / "reference" / "corrections.csv").write_text(",".join(corrections.COLUMNS) + "\n", encoding="utf-8")
    for name in ("COUNTY_PULSE_RAW", "COUNTY_PULSE_REFERENCE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COUNTY_PULSE_DATA", str(root))
    monkeypatch.setenv("COUNTY_PULSE_PROCESSED", str(root / "processed"))
    run_build(raw, root / "processed")
    return root


def test_conflict_is_listed_and_a_choice_is_recorded(conflicting_data_dir):
    at = open_page("data")
    assert_no_exception(at)
    assert "a_draft_2022.txt" in page_text(at) and "尚未选定" in page_text(at)
    assert not at.get("radio") or all(r.key != "choose_doc_0" for r in at.radio), "choosing needs the password"
    unlock(at)
    from pipeline import contracts

    documents = contracts.read_table("documents", settings.table_path(settings.processed_dir(), "documents"))
    final_id = documents.set_index("source_file").loc["b_final_2022.txt", "doc_id"]
    at.radio(key="choose_doc_0").set_value(final_id)
    at.button(key="FormSubmitter:choose_0-采用所选文档").click().run()
    assert_no_exception(at)
    saved = corrections.load_corrections(settings.reference_file("corrections.csv"))
    assert list(saved["action"]) == ["choose"] and list(saved["doc_id"]) == [final_id]
    at = open_page("data")
    assert "人工选定" in page_text(at)
