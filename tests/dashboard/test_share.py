"""Links that restore the view (issue 8 §5): controls in the URL, copy link, QR code."""

import base64
from urllib.parse import unquote

from dashboard import share
from tests.dashboard.conftest import assert_no_exception


def test_view_url_keeps_host_and_names_the_page():
    assert share.view_url("http://10.0.0.5:8501/compare?x=1", "targets", {"county": "浚县", "year": "2022"}) == (
        "http://10.0.0.5:8501/targets?county=%E6%B5%9A%E5%8E%BF&year=2022"
    )
    assert share.view_url("http://127.0.0.1:8501/", "", {"county": "浚县"}) == "http://127.0.0.1:8501/?county=%E6%B5%9A%E5%8E%BF"
    assert share.view_url("http://host:1/app/compare", "data", {}) == "http://host:1/app/data"


def test_qr_code_is_an_inline_svg_of_the_link():
    uri = share.qr_data_uri("http://127.0.0.1:8501/?county=浚县")
    assert uri.startswith("data:image/svg+xml")
    svg = unquote(uri.split(",", 1)[1]) if ";base64" not in uri else base64.b64decode(uri.split(",", 1)[1]).decode()
    assert "<svg" in svg and "http" not in svg.replace("http://www.w3.org", "")


def test_copy_widget_escapes_the_link():
    widget = share.copy_widget('http://x/?county=<b>"甲"</b>')
    assert "<b>" not in widget.split("<script>")[0] and "复制链接" in widget


def test_page_controls_round_trip_through_the_url(fixture_app):
    at = fixture_app("compare", county="浚县", year=2022, indicator="固定资产投资", kind="target", peers="province")
    assert_no_exception(at)
    assert at.radio(key="cmp_kind").value == "target" and at.radio(key="cmp_peers_level").value == "province"
    at.radio(key="cmp_kind").set_value("actual").run()
    assert at.query_params["kind"] in ("actual", ["actual"]) and at.query_params["peers"] in ("province", ["province"])


def test_vocabulary_controls_in_the_url(fixture_app):
    at = fixture_app("vocabulary", county="浚县", year=2021, source="keywords", top=10)
    assert_no_exception(at)
    assert at.radio(key="voc_source").value == "keywords" and at.number_input(key="voc_top").value == 10
    assert at.query_params["source"] in ("keywords", ["keywords"])


def test_timeline_measure_in_the_url(fixture_app):
    at = fixture_app("targets", county="浚县", year=2021, indicator="调查失业率", measure="rate")
    assert_no_exception(at)
    assert at.selectbox(key="tg_pair").value == "调查失业率|rate"
    assert at.query_params["measure"] in ("rate", ["rate"])
