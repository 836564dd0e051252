"""数据 page: document list, corrections, downloads, uploads."""

import io

import pandas as pd
import pytest

from dashboard import queries
from pipeline import contracts, corrections, settings
from tests.dashboard.conftest import JUN22, document_select, assert_no_exception, html_blocks, own_reference, page_text, unlock


def test_data_page_lists_documents(app_test):
    at = app_test("data")
    assert_no_exception(at)
    docs = at.dataframe[0].value
    assert {"文件", "状态", "原因"} <= set(docs.columns)
    assert "已入库" in set(docs["状态"])


def test_presented_the_data_page_is_a_slide_of_what_the_corpus_holds(app_test):
    """On a projector: the counters and a few counties' coverage, paged; nothing to operate
    (uploads, the document list, reviews, corrections and downloads are desk work)."""
    at = app_test("data", mode="present")
    assert_no_exception(at)
    text = page_text(at)
    assert "入库概况" in text and "文档覆盖" in text
    assert {m.label for m in at.metric} >= {"已入库文档", "提取的数值"}
    assert not at.file_uploader and not at.dataframe
    assert {b.key for b in at.button} == {"_cp_theme_btn", "_cp_exit_btn"}  # the slide's own: theme, leave
    for desk in ("上传报告", "文档清单", "下载表格", "更正"):
        assert desk not in text, desk


def test_status_filter_changes_list(fixture_app):
    at = fixture_app("data")
    assert len(at.dataframe[0].value) == 10
    at.radio(key="data_status").set_value("rejected").run()
    docs = at.dataframe[0].value
    assert list(docs["状态"]) == ["已拒收"] and docs["原因"].iloc[0].startswith("清理后正文")


def test_download_buttons_for_every_table(fixture_app):
    at = fixture_app("data")
    keys = {b.key for b in at.get("download_button")}
    assert {"dl_documents_csv", "dl_documents_xlsx"} <= keys
    at.selectbox(key="data_table").select("targets_vs_outcomes").run()
    assert_no_exception(at)
    assert "dl_targets_vs_outcomes_xlsx" in {b.key for b in at.get("download_button")}


def test_export_has_source_column_and_masked_text(fixture_data_dir):
    out = fixture_data_dir / "processed"
    documents = contracts.read_table("documents", settings.table_path(out, "documents"))
    for name in ("indicators", "targets_vs_outcomes", "keywords", "slogans", "contexts"):
        frame = queries.export_frame(name, contracts.read_table(name, settings.table_path(out, name)), documents)
        assert any("来源文件" in c for c in frame.columns), name
        assert not any(c in frame.columns for c in ("value_text", "fact_id", "source_file")), name
    indicators = queries.export_frame("indicators", contracts.read_table("indicators", settings.table_path(out, "indicators")), documents)
    assert "已遮盖" in set(indicators["数值"].astype(str))
    buffer = io.BytesIO()
    indicators.astype(object).where(indicators.notna(), None).to_excel(buffer, index=False)
    assert pd.read_excel(io.BytesIO(buffer.getvalue())).shape[0] == len(indicators)


def test_add_correction_from_the_app(fixture_app, fixture_data_dir, tmp_path, monkeypatch):
    reference = own_reference(tmp_path, monkeypatch, headers={"corrections.csv": corrections.COLUMNS})
    at = unlock(fixture_app("data", county="利津县", year=2020))
    form_inputs = {t.label: t for t in at.text_input}
    form_inputs["指标"].input("粮食产量")
    form_inputs["数值"].input("30.5")
    form_inputs["单位"].input("万吨")
    form_inputs["原文句子或依据"].input("据统计公报补录")
    at.button(key="FormSubmitter:add_fact-保存补录").click().run()
    assert_no_exception(at)
    assert "已记录第 1 条更正" in page_text(at)
    saved = corrections.load_corrections(reference / "corrections.csv")
    assert list(saved["action"]) == ["add"] and saved.loc[0, "value"] == "30.5"
    # The corrected fact is applied at once and marked as added.
    at = fixture_app("data")
    assert "补录" in set(at.dataframe[-1].value["操作"])


def test_add_correction_to_any_document_found_by_search(fixture_app, tmp_path, monkeypatch):
    """补录: the sidebar county's documents first; typing finds another county's document, without
    changing the sidebar (the list is filtered in the engine, never all documents)."""
    reference = own_reference(tmp_path, monkeypatch, headers={"corrections.csv": corrections.COLUMNS})
    at = unlock(fixture_app("data", county="利津县", year=2020))
    picker = document_select(at, "add_fact_doc")
    assert {o.split(" ")[0] for o in picker.options} == {"利津县"}
    at.text_input(key="add_fact_doc_search").input("浚县2022").run()
    picker = document_select(at, "add_fact_doc")
    assert picker.value == JUN22 and len(picker.options) == 1 and at.sidebar.selectbox(key="county").value == "利津县"
    inputs = {t.label: t for t in at.text_input}
    inputs["指标"].input("粮食产量")
    inputs["数值"].input("30.5")
    at.button(key="FormSubmitter:add_fact-保存补录").click().run()
    assert_no_exception(at)
    saved = corrections.load_corrections(reference / "corrections.csv")
    assert list(saved["doc_id"]) == [JUN22]


def test_rebuild_needs_the_build_module(fixture_app):
    from dashboard import data

    at = fixture_app("data")
    if data.build_function() is None:
        assert "构建模块尚未就绪" in page_text(at)
    else:
        primary = [b for b in at.button if b.proto.type == "primary"]
        assert [b.label for b in primary] == ["保存并重新构建"], "one primary button saves and rebuilds"


def test_empty_state_still_offers_upload(empty_app):
    at = empty_app("data")
    assert_no_exception(at)
    assert "还没有数据" in page_text(at)
    assert at.get("file_uploader")


def test_hide_a_value_from_the_app(fixture_app, tmp_path, monkeypatch):
    reference = tmp_path / "reference"
    monkeypatch.setenv("COUNTY_PULSE_REFERENCE", str(reference))
    fact_id = "78f198f04f57dcb4:1:地区生产总值:growth:actual:2022"
    at = unlock(fixture_app("data", county="浚县", year=2022, indicator="地区生产总值"))
    at.selectbox(key="data_fact").set_value(fact_id).run()
    assert "地区生产总值突破300亿元" in html_blocks(at)
    form_radio = next(r for r in at.radio if r.options == ["更正数值", "隐藏（误提取）"])
    form_radio.set_value("hide")
    at.button(key="FormSubmitter:correct_data-保存更正").click().run()
    assert_no_exception(at)
    saved = corrections.load_corrections(reference / "corrections.csv")
    assert list(saved["action"]) == ["hide"] and saved.loc[0, "fact_id"] == fact_id
    at = fixture_app("compare", county="浚县", year=2022, indicator="地区生产总值")
    peers = at.dataframe[0].value
    mine = peers[peers["县"] == "浚县"]
    assert mine["名次"].isna().all() and set(mine["数值"]) == {"无数据"}, "the hidden value no longer ranks"


def test_rebuild_from_the_app_shows_new_tables_without_restart(tmp_path, monkeypatch):
    import shutil

    from streamlit.testing.v1 import AppTest

    from dashboard import data
    from tests.dashboard.conftest import APP, REPO

    if data.build_function() is None:
        pytest.skip("pipeline.build is not in this checkout yet")
    root = tmp_path / "data"
    shutil.copytree(REPO / "data" / "raw", root / "raw")
    shutil.copytree(REPO / "data" / "reference", root / "reference")
    monkeypatch.setenv("COUNTY_PULSE_DATA", str(root))
    monkeypatch.setenv("COUNTY_PULSE_PROCESSED", str(root / "processed"))
    at = AppTest.from_file(str(APP), default_timeout=300)
    at.query_params["page"] = "data"
    at.run()
    assert "还没有数据" in page_text(at)
    unlock(at)
    at.button(key="build_run").click().run()
    assert_no_exception(at)
    assert "构建完成" in page_text(at)
    assert "已入库" in set(at.dataframe[0].value["状态"])
    assert at.sidebar.selectbox(key="county").options, "the sidebar sees the new counties"


def test_corrections_view_speaks_chinese_in_beijing_time():
    from dashboard import queries

    recorded = pd.DataFrame({"n": [1, 2], "action": ["hide", "add"], "indicator": ["地区生产总值", "粮食产量"], "period": [2022, 2021],
                             "value": [None, "30.5"], "unit": [None, "万吨"], "note": ["误提取", "据公报补录"], "author": ["甲", "乙"],
                             "created_at": ["2026-03-01T16:30:00+00:00", "2026-03-02T01:00:00+00:00"]})
    view = queries.corrections_view(recorded)
    assert list(view["操作"]) == ["隐藏", "补录"]
    assert list(view["时间"]) == ["2026-03-02 00:30（北京时间）", "2026-03-02 09:00（北京时间）"]
