"""政策热词 page."""

from tests.dashboard.conftest import assert_no_exception, figures, page_text


def _bar(at):
    return next(f for f in figures(at) if "高频" in f["layout"]["title"]["text"])


def test_vocabulary_top_terms(app_test):
    at = app_test("vocabulary")
    assert_no_exception(at)
    assert _bar(at)["data"][0]["y"], "top-N bar has terms"


def test_switching_source_changes_terms(app_test):
    at = app_test("vocabulary")
    before = _bar(at)["data"][0]["y"]
    at.radio(key="voc_source").set_value("keywords").run()
    assert_no_exception(at)
    assert _bar(at)["data"][0]["y"] != before


def test_scope_county_and_top_n(fixture_app):
    at = fixture_app("vocabulary", county="利津县")
    at.radio(key="voc_scope").set_value("county").run()
    terms = _bar(at)["data"][0]["y"]
    assert "148" in terms and "三创四建" not in terms
    at.number_input(key="voc_top").set_value(5).run()
    assert len(_bar(at)["data"][0]["y"]) == 5


def test_cloud_degrades_with_a_sentence_until_clouds_land(app_test):
    from dashboard import data

    at = app_test("vocabulary")
    if data.cloud_function() is None:
        assert "词云模块尚未就绪" in page_text(at)
    else:
        assert at.get("imgs") or at.get("image")


def test_two_counties_distinctive_terms(fixture_app):
    at = fixture_app("vocabulary")
    fig = next(f for f in figures(at) if "特色" in f["layout"]["title"]["text"])
    assert fig["data"][0]["y"]
    at.radio(key="voc_cmp_mode").set_value("year").run()
    assert_no_exception(at)
    assert any("年 与 " in f["layout"]["title"]["text"] for f in figures(at))


def test_keyword_in_context_highlights_term_with_source(fixture_app):
    at = fixture_app("vocabulary")
    at.selectbox(key="voc_term").select("放管服").run()
    kwic = [e.proto.body for e in at.get("html") if e.proto.body.startswith("<div class='cp-kwic'>")]
    assert kwic and all("<mark>放管服</mark>" in k for k in kwic)
    assert any("seeds/003_ad147ba315cb1764.txt" in k for k in kwic)
    at.selectbox(key="voc_term").select("双招双引").run()
    kwic = [e.proto.body for e in at.get("html") if e.proto.body.startswith("<div class='cp-kwic'>")]
    assert kwic and all("<mark>双招双引</mark>" in k for k in kwic)


def test_slogan_trend_and_presentation(fixture_app):
    from dashboard import data

    at = fixture_app("vocabulary", mode="present")
    assert_no_exception(at)
    if data.cloud_function() is not None:
        at.button(key="cp_next__voc_slide").click().run()
    assert "高频" in figures(at)[0]["layout"]["title"]["text"]
    assert figures(at)[0]["layout"]["font"]["size"] >= 24
    at.button(key="cp_next__voc_slide").click().run()
    assert "年度变化" in figures(at)[0]["layout"]["title"]["text"]


def test_empty_state(empty_app):
    at = empty_app("vocabulary")
    assert_no_exception(at)
    assert "还没有数据" in page_text(at)
