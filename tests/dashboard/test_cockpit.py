"""县情驾驶舱 page (the landing page) and the corpus overview that moved to 数据."""

import pytest

from tests.dashboard.conftest import assert_no_exception, figures, html_blocks, page_text


def test_cockpit_is_the_landing_page(app_test):
    at = app_test("cockpit")
    assert_no_exception(at)
    assert at.title[0].value.startswith("县情驾驶舱 · ")
    blocks = html_blocks(at)
    assert "cp-source" in blocks and "（北京时间）" in blocks
    assert not any(m.label in ("已入库文档", "提取的数值") for m in at.metric), "pipeline counters live on 数据"


def test_cockpit_tiles_scorecard_and_slogans(fixture_app):
    at = fixture_app("cockpit", county="浚县", year=2021)
    assert_no_exception(at)
    blocks = html_blocks(at)
    assert "cp-tiles" in blocks and "地区生产总值增速" in blocks
    assert "✘ 未达成" in blocks and "✔ 达成" in blocks
    assert blocks.index("✘ 未达成") < blocks.index("✔ 达成"), "misses first"
    assert "targets?county=" in blocks, "a scorecard row links to the indicator's timeline"
    assert "浚县2021年报告的高频提法" in blocks and "六稳" in blocks


def test_cockpit_slogans_new_and_dropped(fixture_app):
    at = fixture_app("cockpit", county="浚县", year=2023)
    blocks = html_blocks(at)
    assert "本年新提法" in blocks and "四不一保" in blocks
    assert "不再提及（2021年有）" in blocks and "六稳" in blocks
    assert "2022年数据" in blocks, "an older value names its year"


def test_masked_tile_shows_masked(fixture_app):
    at = fixture_app("cockpit", county="利津县", year=2022)
    blocks = html_blocks(at)
    assert "已遮盖" in blocks
    assert "<div class='cp-tile-value'>0" not in blocks


def test_changing_county_changes_the_cockpit(app_test):
    at = app_test("cockpit")
    county = at.sidebar.selectbox(key="county")
    others = [c for c in county.options if c != county.value]
    assert others, "the sample corpus has two named counties"
    county.select(others[0]).run()
    assert_no_exception(at)
    assert others[0] in at.title[0].value
    assert at.query_params["county"] in (others[0], [others[0]])


def test_old_page_name_reaches_the_cockpit(fixture_app):
    at = fixture_app("overview", county="浚县", year=2022)
    assert_no_exception(at)
    assert at.title[0].value == "县情驾驶舱 · 浚县 2022年"


def test_unknown_county_in_a_link_says_so(fixture_app):
    at = fixture_app("cockpit", county="不存在县", year=1999)
    assert_no_exception(at)
    warnings = " ".join(w.value for w in at.warning)
    assert "不存在县" in warnings and "1999" in warnings


def test_counters_coverage_and_rejected_files_on_data_page(fixture_app):
    at = fixture_app("data")
    assert_no_exception(at)
    values = {m.label: m.value for m in at.metric}
    assert values["已入库文档"] == "8" and values["已拒收"] == "1"
    blocks = html_blocks(at)
    assert "<th>2020年</th>" in blocks and "<th>2024年</th>" in blocks and "<td>缺</td>" in blocks
    assert "清理后正文少于 40 字" in blocks


def test_empty_state_is_a_sentence(empty_app):
    at = empty_app("cockpit")
    assert_no_exception(at)
    assert "还没有数据" in page_text(at)


def _emoji(text: str) -> list[str]:
    """Characters past the Basic Multilingual Plane (📂, 📊…): only a colour-emoji font has them,
    and the projector PC's fonts (Noto CJK, DejaVu) draw a box instead."""
    return [c for c in text if ord(c) >= 0x10000]


@pytest.mark.parametrize("page", ["cockpit", "compare", "targets", "vocabulary"])
def test_empty_build_link_to_data_page_draws_every_glyph(empty_app, page):
    at = empty_app(page)
    assert_no_exception(at)
    links = [link for link in at.get("page_link") if link.proto.page == "data"]
    to_data = [link for link in links if "前往" in link.proto.label]
    assert to_data, "the empty state links to 数据"
    menu = {link.proto.label: link.proto.icon for link in at.get("page_link")}
    assert to_data[0].proto.icon == menu["数据"] and to_data[0].proto.icon.startswith(":material/"), to_data[0].proto.icon
    for link in at.get("page_link"):
        assert link.proto.icon.startswith(":material/") or not _emoji(link.proto.icon), link.proto.icon
        assert not _emoji(link.proto.label), link.proto.label
    assert not _emoji(page_text(at))
    assert all(not _emoji(alert.proto.icon) for alert in [*at.info, *at.warning])


def test_presentation_deck_from_url_steps_through_slides(fixture_app):
    at = fixture_app("cockpit", county="浚县", year=2022, mode="present", theme="dark")
    assert_no_exception(at)
    assert at.sidebar.toggle(key="present").value is True
    assert "cp-tiles" in html_blocks(at), "slide 1 is the cockpit"
    at.button(key="cp_next_deck_slide").click().run()
    assert_no_exception(at)
    assert figures(at), "slide 2 is a chart"
    assert at.query_params["slide"] in ("2", ["2"])
    at.button(key="_cp_exit_btn").click().run()
    assert at.sidebar.toggle(key="present").value is False


def test_slide_number_in_the_url_opens_that_slide(fixture_app):
    at = fixture_app("cockpit", county="浚县", year=2022, mode="present", slide=3)
    assert_no_exception(at)
    assert "（3 / " in html_blocks(at) and figures(at)


def test_county_changes_without_leaving_the_deck(fixture_app):
    at = fixture_app("cockpit", county="浚县", year=2022, mode="present")
    at.selectbox(key="_cp_present_county").select("利津县").run()
    assert_no_exception(at)
    assert at.session_state["county"] == "利津县" and at.session_state["present"] is True


def test_the_first_view_shows_targets_not_only_outcomes(fixture_app):
    """Opened without a year, the cockpit picks the latest year whose targets have a verdict
    (queries.default_year): targets, outcomes and verdicts on the cards, not 暂无目标 everywhere."""
    at = fixture_app("cockpit")
    assert_no_exception(at)
    blocks = html_blocks(at)
    assert at.title[0].value == "县情驾驶舱 · 浚县 2022年"
    assert "目标 7%左右" in blocks and "✘ 未达成" in blocks


def test_a_ranking_opened_without_a_year_keeps_the_outcome_year(app_test):
    at = app_test("compare")
    assert_no_exception(at)
    assert figures(at), "the ranking has outcomes to rank"


def test_every_tile_carries_its_sentence_fetched_for_it(app_test, built_data_dir):
    """The sample build's facts are read without sentences (the engine path); a tile's tooltip
    still names the sentence and the file its number came from."""
    import html

    from pipeline import contracts, settings

    build = settings.current_build_dir(built_data_dir / "processed")
    facts = contracts.read_table("indicators", settings.table_path(build, "indicators"))
    at = app_test("cockpit", county="浚县", year=2022)
    assert_no_exception(at)
    blocks = html_blocks(at)
    gdp = facts[(facts["indicator"] == "地区生产总值") & (facts["measure"] == "growth") & (facts["period"] == 2022)].iloc[0]
    assert html.escape(f"{gdp['sentence']}\n来源文件：{gdp['source_file']}", quote=True) in blocks


def test_a_year_without_targets_shows_the_countys_other_targets_and_why(app_test):
    """浚县 in the sample build: its default year's report (2023) sets no target and its 2021
    targets wait for the 2022 report, which is not in: the cockpit lists those targets with their
    year and says why nothing can be compared yet, instead of a bare 没有可对照的年度目标."""
    at = app_test("cockpit", county="浚县")
    assert_no_exception(at)
    year = at.sidebar.selectbox(key="year").value
    blocks = html_blocks(at)
    assert f"浚县{year}年的报告里没有提取到年度目标" in blocks
    assert "浚县其他年份的目标" in blocks and "<th>年份</th>" in blocks
    assert "<td>2021年</td>" in blocks and "◌ 待公布" in blocks
    assert "实绩要看2022年的报告，这份报告尚未入库" in blocks, "the reason: the outcomes' report is missing"
    assert "targets?county=" in blocks and "year=2021" in blocks, "each target links to its own year's timeline"


def test_a_slide_without_any_target_says_so_once_and_gives_the_row_to_the_slogans(tmp_path_factory, monkeypatch):
    """利津县 with its targets taken out: the headline says there is no target to compare; on a
    slide the scorecard's heading and its line saying it again are left out, on the page they stay."""
    from tests.conftest import point_env_at, sample_data_root
    from tests.dashboard.conftest import fixture_tables, open_page, write_tables

    tables = fixture_tables()
    facts = tables["indicators"]
    tables["indicators"] = facts[~((facts["county"] == "利津县") & (facts["kind"] == "target"))]
    tables["targets_vs_outcomes"] = tables["targets_vs_outcomes"].query("county != '利津县'")
    root = sample_data_root(tmp_path_factory, "no-targets")
    write_tables(root / "processed", tables, "no-targets")
    point_env_at(monkeypatch, root)
    said = "利津县2023年的报告里没有可对照的年度目标"
    slide = open_page("cockpit", county="利津县", year=2023, mode="present")
    assert_no_exception(slide)
    assert html_blocks(slide).count(said) == 1 and "目标完成情况" not in html_blocks(slide)
    assert "cp-panel" in html_blocks(slide)  # the slogans panel (利津县 2023 has none: it says so)
    page = open_page("cockpit", county="利津县", year=2023)
    assert "利津县2023年目标完成情况" in html_blocks(page)
