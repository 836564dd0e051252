"""总览 page."""

from tests.dashboard.conftest import assert_no_exception, figures, page_text


def test_overview_shows_coverage_build_and_cards(app_test):
    at = app_test("overview")
    assert_no_exception(at)
    assert at.title[0].value == "总览"
    text = page_text(at)
    assert "文档覆盖" in text and "数据构建于" in text
    heatmap = figures(at)[0]["data"][0]
    assert heatmap["type"] == "heatmap"
    assert any(m.label == "已入库文档" for m in at.metric)


def test_changing_county_changes_headline(app_test):
    at = app_test("overview")
    county = at.sidebar.selectbox(key="county")
    others = [c for c in county.options if c != county.value]
    assert others, "the sample corpus has two named counties"
    before = [s.value for s in at.subheader]
    county.select(others[0]).run()
    assert_no_exception(at)
    after = [s.value for s in at.subheader]
    assert before != after and any(others[0] in s for s in after)
    assert at.query_params["county"] == [others[0]] or at.query_params["county"] == others[0]


def test_masked_value_is_shown_as_masked_never_zero(fixture_app):
    at = fixture_app("overview", county="利津县", year=2022)
    values = {m.label: m.value for m in at.metric}
    assert values["地区生产总值（2022年）"] == "已遮盖"
    assert "0" != values["地区生产总值（2022年）"]


def test_rejected_files_listed_with_reasons(fixture_app):
    at = fixture_app("overview")
    table = at.dataframe[-1].value
    assert set(table["状态"]) == {"已拒收", "重复文件"}
    assert table["原因"].str.len().gt(0).all()


def test_empty_state_is_a_sentence(empty_app):
    at = empty_app("overview")
    assert_no_exception(at)
    assert "还没有数据" in page_text(at)


def test_presentation_mode_from_url_steps_through_slides(app_test):
    at = app_test("overview", mode="present", theme="dark")
    assert_no_exception(at)
    assert at.sidebar.toggle(key="present").value is True
    assert at.query_params["mode"] in ("present", ["present"])
    assert figures(at), "first slide is the coverage chart"
    at.button(key="_next__ov_slide").click().run()
    assert_no_exception(at)
    assert not figures(at) and at.metric, "second slide shows a county's headline cards"
    at.button(key="_cp_exit_btn").click().run()
    assert at.sidebar.toggle(key="present").value is False
