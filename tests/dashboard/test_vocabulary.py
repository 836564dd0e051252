"""政策热词 page."""

from tests.dashboard.conftest import JUN21, LIJ20, LIJ23, document_select, assert_no_exception, figures, page_text, point_env_at


# 浚县's 2023 report (samples/xunxian_2023.txt): the app's default year is the latest year of
# outcomes (2022), for which the sample build has no 浚县 report to count terms in.
REPORT = dict(county="浚县", year=2023)


def _bar(at):
    return next(f for f in figures(at) if "高频" in f["layout"]["title"]["text"])


def test_vocabulary_top_terms(app_test):
    at = app_test("vocabulary", **REPORT)
    assert_no_exception(at)
    assert _bar(at)["data"][0]["y"], "top-N bar has terms"


def test_switching_source_changes_terms(app_test):
    at = app_test("vocabulary", **REPORT)
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

    at = app_test("vocabulary", **REPORT)
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
    at = fixture_app("vocabulary", scope="corpus")
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


def test_vocabulary_starts_at_the_selected_county_and_year(fixture_app):
    at = fixture_app("vocabulary", county="浚县", year=2023)
    assert_no_exception(at)
    assert at.radio(key="voc_scope").value == "county_year"
    bar = next(f for f in figures(at) if f["layout"]["title"]["text"].startswith("浚县 2023年报告"))
    assert set(bar["data"][0]["y"]) == {"四不一保", "放管服", "十四五"}


def test_slogan_trend_is_per_report_with_gaps(fixture_app):
    from dashboard import queries
    from pipeline import contracts
    from tests.dashboard.conftest import fixture_tables

    t = {n: contracts.conform(f, n) for n, f in fixture_tables().items()}
    trend = queries.slogan_rate_trend(t["slogans"], t["documents"], ["放管服", "六稳", "十四五", "多余"], county="浚县")
    assert set(trend["slogan"]) == {"放管服", "六稳", "十四五"}, "at most three"
    fgf = trend[trend["slogan"] == "放管服"].set_index("report_year")
    assert fgf.loc[2021, "per_report"] == 2 and fgf.loc[2023, "per_report"] == 1
    assert fgf.loc[2022, "per_report"] == 0, "a report without the slogan is zero"
    assert list(fgf.index) == [2021, 2022, 2023, 2024]
    at = fixture_app("vocabulary", county="浚县", year=2021)
    assert at.multiselect(key="voc_trend_pick").value


def test_kwic_follows_the_scope(fixture_app):
    at = fixture_app("vocabulary", county="浚县", year=2021)
    at.selectbox(key="voc_term").select("放管服").run()
    kwic = [e.proto.body for e in at.get("html") if e.proto.body.startswith("<div class='cp-kwic'>")]
    assert kwic and all("浚县 2021年" in k for k in kwic), "only the county's 2021 sentences"
    at.radio(key="voc_scope").set_value("corpus").run()
    kwic = [e.proto.body for e in at.get("html") if e.proto.body.startswith("<div class='cp-kwic'>")]
    assert any("利津县" in k for k in kwic)


def test_distinctive_terms_per_report():
    import pandas as pd

    from dashboard import queries

    terms = pd.DataFrame({"term": ["黄河"], "count_a": [11.0], "count_b": [2.0], "z": [1.0], "side": ["a"]})
    out = queries.per_report_rates(terms, 1, 2)
    assert (out["per_report_a"][0], out["per_report_b"][0]) == (11.0, 1.0)
    assert (queries.rate_text(2.5), queries.rate_text(3.0), queries.rate_text(None)) == ("2.5", "3", "—")


def test_kwic_reads_only_the_sentences_it_shows(fixture_data_dir, monkeypatch):
    """Contexts rows point to sentences: one row per sentence of a file, in year order, and
    the sentence text is read for the rows drawn only (a row in no sentence shows the term)."""
    import pandas as pd

    from dashboard import data, queries
    from pipeline import contracts, settings

    point_env_at(monkeypatch, fixture_data_dir)
    out = fixture_data_dir / "processed"
    documents = contracts.read_table("documents", settings.table_path(out, "documents")).drop_duplicates("doc_id")
    lij20, jun21 = LIJ20, JUN21
    contexts = pd.DataFrame({"doc_id": [lij20, lij20, lij20, jun21], "term": ["放管服"] * 4,
                             "sentence_id": [0, 0, -1, 1], "start": [100, 110, 900, 200], "end": [103, 113, 903, 203]})
    rows = queries.kwic(contexts, documents, "放管服", limit=None)
    assert "句子" not in rows and len(rows) == 3, "two occurrences in one sentence are one row"
    read = []
    monkeypatch.setattr(data, "_sentences_of", lambda path, build, ids: read.append(ids) or pd.DataFrame(
        {"doc_id": pd.Series([lij20, jun21], dtype="string"), "sentence_id": pd.Series([0, 1], dtype="Int64"),
         "sentence": pd.Series(["甲句持续深化“放管服”改革。", "乙句深化“放管服”改革。"], dtype="string")}))
    shown = queries.kwic_rows(data.load_sentences(rows.head(2)), "放管服")
    assert read and set(read[0]) <= {lij20, jun21}
    assert len(shown) == 2 and all("<mark>放管服</mark>" in h for h in shown["html"])
    assert list(shown.columns) == ["县", "年份", "句子", "来源文件", "html"]
    no_sentence = queries.kwic_rows(rows.assign(sentence=pd.NA).iloc[[0]], "放管服")
    assert no_sentence["句子"].tolist() == ["放管服"]


def test_document_scope_lists_the_selected_countys_year_and_searches_the_rest(fixture_app):
    """At 10,000 reports a select of every document is no choice: the picker lists the sidebar's
    county and year, and typing finds any other document (filtered in the engine)."""
    at = fixture_app("vocabulary", county="浚县", year=2021)
    at.radio(key="voc_scope").set_value("document").run()
    assert_no_exception(at)
    picker = document_select(at, "voc_doc")
    assert list(picker.options) == ["浚县 2021 浚县2021年政府工作报告"]
    assert "浚县2021年的文档：共 1 篇" in page_text(at)
    at.text_input(key="voc_doc_search").input("利津").run()
    assert_no_exception(at)
    picker = document_select(at, "voc_doc")
    assert {o.split(" ")[0] for o in picker.options} == {"利津县"} and len(picker.options) == 2
    assert "包含“利津”的文档：共 2 篇" in page_text(at)
    assert document_select(at, "voc_doc").value == LIJ20 and "双招双引" in str(figures(at)), "the terms are the found document's"
    document_select(at, "voc_doc").set_value(LIJ23).run()
    assert document_select(at, "voc_doc").value == LIJ23
    assert_no_exception(at)
