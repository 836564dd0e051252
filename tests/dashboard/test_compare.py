"""县域对比 page."""

import pandas as pd
import pytest

from pipeline import settings
from tests.conftest import point_env_at
from tests.dashboard.conftest import _doc, _fact, assert_no_exception, figures, fixture_tables, html_blocks, open_page, page_text, write_tables


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


# --- Many counties: the chart draws the best few, the table lists them all ------------------------

MANY = 30  # invented counties, more than settings.RANKING_BARS


@pytest.fixture(scope="module")
def many_counties_dir(tmp_path_factory):
    """The fixture tables and 30 invented counties (测试县01…), each with a 2022 GDP growth of
    1 %…30 %: 浚县 (4.2 %) ranks 27th of 32, below the bars drawn."""
    t = fixture_tables()
    docs, facts = [t["documents"]], [t["indicators"]]
    for i in range(1, MANY + 1):
        doc_id, county = f"{i:016x}", f"测试县{i:02d}"
        docs.append(pd.DataFrame([_doc(doc_id, f"invented/{county}.txt", county, "测试市", "测试省", 2023, "政府工作报告", f"{county}2023年政府工作报告（测试虚构）")]))
        fact = _fact(doc_id, county, "测试省", 2023, "地区生产总值", "growth", "actual", 2022, float(i), "%", "【测试虚构】地区生产总值增长。", n=1)
        facts.append(pd.DataFrame([{**fact, "source_file": f"invented/{county}.txt"}]))
    t["documents"], t["indicators"] = pd.concat(docs, ignore_index=True), pd.concat(facts, ignore_index=True)
    root = tmp_path_factory.mktemp("many") / "data"
    (root / "raw").mkdir(parents=True)
    write_tables(root / "processed", t, "many", seconds=1.0)
    return root


def test_all_counties_ranking_draws_the_best_few_and_says_so(many_counties_dir, monkeypatch):
    point_env_at(monkeypatch, many_counties_dir)
    at = open_page("compare", county="浚县", year=2022, indicator="地区生产总值", measure="growth", kind="actual", peers="all")
    assert_no_exception(at)
    bars = figures(at)[0]["data"][0]
    drawn = list(reversed(bars["y"]))  # plotly lists the bottom bar first
    assert drawn[:settings.RANKING_BARS] == [f"测试县{i:02d}" for i in range(MANY, MANY - settings.RANKING_BARS, -1)]
    assert drawn[settings.RANKING_BARS:] == ["浚县"], "the selected county is drawn below the best, at its place"
    total = MANY + 2  # and 利津县
    assert f"显示前 {settings.RANKING_BARS} 个县，共 {total} 个（{total} 个有数值）" in page_text(at)
    assert "所选县浚县排在后面" in page_text(at) and "全部县见下方" in page_text(at)
    table = at.dataframe[0].value  # the peer table (the many-indicator table is HTML)
    assert len(table) == total and "浚县" in set(table["县"]), "the table lists every county"
    assert f"全部{total}县中第27" in figures(at)[0]["layout"]["title"]["subtitle"]["text"], "the chart's sentence ranks 浚县 among all 32"


def test_a_small_group_is_drawn_whole(fixture_app):
    at = fixture_app("compare", county="浚县", year=2022, indicator="地区生产总值", peers="all")
    assert_no_exception(at)
    assert "显示前" not in page_text(at)
    assert len(figures(at)[0]["data"][0]["y"]) == 2


def test_the_projector_draws_fewer_bars_and_says_so_in_the_title(many_counties_dir, monkeypatch):
    point_env_at(monkeypatch, many_counties_dir)
    at = open_page("compare", county="浚县", year=2022, indicator="地区生产总值", measure="growth", peers="all", mode="present")
    assert_no_exception(at)
    fig = figures(at)[0]
    assert len(fig["data"][0]["y"]) == settings.RANKING_BARS_PRESENT + 1, "the best and the selected county"
    assert f"（前 {settings.RANKING_BARS_PRESENT} 个县，共 {MANY + 2} 个）" in fig["layout"]["title"]["text"]


def test_counties_without_the_number_are_left_to_the_table_and_counted():
    """无数据 is not a bar (the chart of 14 counties with numbers had 6 empty rows under
    "前 20 个县，共 50 个"); 已遮盖 is drawn, it says something; the selected county always is."""
    from dashboard import queries

    rank = pd.DataFrame({"county": ["甲县", "乙县", "丙县", "丁县", "戊县"],
                         "value": [9.0, 7.0, None, None, None],
                         "display": ["9%", "7%", "已遮盖", "无数据", "无数据"]})
    shown, note, drawable = queries.ranking_shown(rank, "乙县", 20)
    assert list(shown["county"]) == ["甲县", "乙县", "丙县"] and drawable == 3
    assert note == "另有 2 个县没有这项数据，未画出。"
    shown, note, _ = queries.ranking_shown(rank, "戊县", 20)
    assert list(shown["county"]) == ["甲县", "乙县", "丙县", "戊县"] and note == "另有 1 个县没有这项数据，未画出。"
    shown, note, drawable = queries.ranking_shown(rank, "丙县", 2)
    assert list(shown["county"]) == ["甲县", "乙县", "丙县"] and drawable == 3
    assert note == "显示前 2 个县，共 3 个（2 个有数值）；所选县丙县排在后面，单独列在最下；另有 2 个县没有这项数据，未画出。"
    assert queries.ranking_shown(rank.head(2), "甲县", 20)[1] == ""
