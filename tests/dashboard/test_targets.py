"""目标与实绩 page."""

from tests.conftest import REFERENCE_DIR
from tests.dashboard.conftest import assert_no_exception, figures, own_reference, page_text


def test_targets_timeline_and_hit_rates(app_test):
    at = app_test("targets")
    assert_no_exception(at)
    assert at.title[0].value == "目标与实绩"
    assert "各县目标命中率" in page_text(at)
    hovers = [h for f in figures(at) for t in f["data"] for h in (t.get("hovertext") or []) if "来源：" in h]
    assert hovers and all(h.split("来源：", 1)[1].strip() for h in hovers), "every hover names its file"


def test_changing_indicator_changes_timeline(fixture_app):
    at = fixture_app("targets", county="浚县")
    pick = at.selectbox(key="tg_pair")
    assert len(pick.options) >= 2
    title = figures(at)[0]["layout"]["title"]["text"]
    other = next(o for o in pick.options if o != pick.value)
    pick.select(other).run()
    assert_no_exception(at)
    assert figures(at)[0]["layout"]["title"]["text"] != title


def test_status_told_by_colour_and_symbol(fixture_app):
    at = fixture_app("targets", county="浚县", indicator="固定资产投资")
    traces = {t["name"]: t for t in figures(at)[0]["data"]}
    assert "✔ 达成" in traces and "✔ 达成（预计数）" in traces
    assert traces["✔ 达成"]["marker"]["symbol"] != traces["✔ 达成（预计数）"]["marker"]["symbol"]
    at.selectbox(key="tg_pair").set_value("地区生产总值|growth").run()
    traces = {t["name"]: t for t in figures(at)[0]["data"]}
    missed = traces["✘ 未达成"]
    assert missed["marker"]["symbol"] == "x"
    assert missed["marker"]["color"] != traces["无目标（仅实绩）"]["marker"]["color"]
    assert "目标下限（以上）" in traces, "a floor for 以上"
    assert any(s["type"] == "rect" for s in figures(at)[0]["layout"]["shapes"]), "a band for 左右"
    # Hover carries the sentence and the file.
    assert "samples/xunxian_2023.txt" in missed["hovertext"][0] and "来源：政府工作报告 · " in missed["hovertext"][0] and "地区生产总值突破300亿元" in missed["hovertext"][0]
    estimate = traces["✘ 未达成（预计数）"]
    assert estimate["text"] == ["6.1%（预计）"] and "（预计）" in estimate["hovertext"][0]  # labelled on the point


def test_pending_and_ceiling(fixture_app):
    at = fixture_app("targets", county="利津县", indicator="城镇登记失业率")
    traces = {t["name"]: t for t in figures(at)[0]["data"]}
    assert traces["◌ 待公布"]["marker"]["symbol"] == "circle-open"
    assert "目标上限（以内）" in traces
    assert "待公布" in page_text(at)


def test_hit_rate_table(fixture_app):
    at = fixture_app("targets", county="浚县")
    hits = at.dataframe[-1].value.set_index("县")
    assert hits.loc["浚县", "达成"] == 3 and hits.loc["浚县", "未达成"] == 3
    assert hits.loc["浚县", "命中率"] == "50%"
    assert hits.loc["利津县", "待公布"] == 2 and hits.loc["利津县", "命中率"] == "—"
    at.radio(key="tg_hit_scope").set_value("current").run()
    assert at.dataframe[-1].value.set_index("县").loc["浚县", "达成"] < 3


def test_presentation_mode_big_type(fixture_app):
    at = fixture_app("targets", county="浚县", mode="present")
    assert_no_exception(at)
    layout = figures(at)[0]["layout"]
    assert layout["font"]["size"] >= 24 and layout["legend"]["font"]["size"] >= 24
    first = figures(at)[0]["layout"]["title"]["text"]
    at.button(key="cp_next_tg_pair").click().run()
    assert figures(at)[0]["layout"]["title"]["text"] != first


def test_empty_state(empty_app):
    at = empty_app("targets")
    assert_no_exception(at)
    assert "还没有数据" in page_text(at)


def test_sidebar_indicator_drives_timeline(fixture_app):
    at = fixture_app("targets", county="浚县", indicator="地区生产总值")
    assert "地区生产总值" in figures(at)[0]["layout"]["title"]["text"]
    at.sidebar.selectbox(key="indicator").select("固定资产投资").run()
    assert "固定资产投资" in figures(at)[0]["layout"]["title"]["text"]
    at.selectbox(key="tg_pair").select("调查失业率|rate").run()
    assert at.sidebar.selectbox(key="indicator").value == "调查失业率"


def corrected_gdp_2022(fixture_app, tmp_path, monkeypatch, value: str):
    """The targets page of 浚县's GDP after a person corrected its 2022 outcome to ``value``
    (a reference folder of the test's own); returns the page and its traces by name."""
    from pipeline import corrections

    reference = own_reference(tmp_path, monkeypatch, copy_of=REFERENCE_DIR, drop=("corrections.csv",))
    fact_id = "78f198f04f57dcb4:1:地区生产总值:growth:actual:2022"
    corrections.append_correction(reference / "corrections.csv", {"action": "correct", "fact_id": fact_id, "value": value, "note": "测试"})
    at = fixture_app("targets", county="浚县", indicator="地区生产总值")
    return at, {t["name"]: t for t in figures(at)[0]["data"]}


def test_correction_shows_on_timeline_marked(fixture_app, tmp_path, monkeypatch):
    at, traces = corrected_gdp_2022(fixture_app, tmp_path, monkeypatch, "4.3")
    missed = traces["✘ 未达成"]
    assert "4.3%（已更正）" in missed["hovertext"][0]
    assert "4.3%（已更正）" in set(at.dataframe[0].value["实绩"])


def test_correction_changes_the_verdict_without_a_rebuild(fixture_app, tmp_path, monkeypatch):
    _, traces = corrected_gdp_2022(fixture_app, tmp_path, monkeypatch, "20")
    assert "✘ 未达成" not in traces
    assert any("20%（已更正）" in hover for hover in traces["✔ 达成"]["hovertext"])
